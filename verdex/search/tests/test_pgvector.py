"""pgvector on PostgreSQL: the vectors live in SQL, behind the same contract as the in-process index.

The search, hybrid, facet and selector tests of this app run on both
databases; these check what is particular to each: on PostgreSQL the
generated column, both query plans, the HNSW index and that no process loads
the vectors; on SQLite that migration 0002 left the table alone.
"""

import numpy as np
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.db import connection

from verdex.catalog.models import Status, Technology
from verdex.search import pgvector_store, selectors, vector_index
from verdex.search.embeddings import get_embedder
from verdex.search.engine import search
from verdex.search.models import Embedding
from verdex.search.query import HYBRID, SEMANTIC, SearchQuery
from verdex.search.vector_store import get_store

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pgvector runs on PostgreSQL only; SQLite uses the in-process index"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="checks the SQLite side of migration 0002")


def column_vector(embedding_pk):
    with connection.cursor() as cursor:
        cursor.execute("SELECT embedding::text FROM search_embedding WHERE id = %s", [embedding_pk])
        (text,) = cursor.fetchone()
    return None if text is None else np.array(text.strip("[]").split(","), dtype=np.float32)


def ranking(text, mode=SEMANTIC, **filters):
    results = search(SearchQuery(kind="technology", text=text, mode=mode, filters=filters, per_page=50), None)
    assert results.mode_used == mode
    return [item.pk for item in results.items]


@postgresql_only
def test_the_in_process_index_is_never_loaded_on_postgresql(catalogue):
    drip = catalogue["drip"]

    assert ranking("water for crops from the sun")[0] == drip.pk
    assert drip.pk in ranking("solar irrigation", mode=HYBRID)
    vector = selectors.listing_vector(model=Technology, pk=drip.pk)
    assert selectors.nearest_published(model=Technology, vector=vector, limit=2)[0][0] == drip.pk

    assert vector_index._entries == {}


@postgresql_only
def test_the_pgvector_column_is_generated_bit_for_bit_from_the_stored_bytes(catalogue):
    rows = Embedding.objects.filter(object_id__in=[listing.pk for listing in catalogue.values()])

    assert rows.count() == len(catalogue)
    for row in rows:
        assert np.array_equal(column_vector(row.pk), row.as_array())


@postgresql_only
def test_every_write_path_fills_the_column_a_restore_included(catalogue):
    # A backup restore loads rows through Django's deserializer, as loaddata does.
    dumped = serializers.serialize("json", Embedding.objects.all())
    Embedding.objects.all().delete()
    for restored in serializers.deserialize("json", dumped):
        restored.save()

    for row in Embedding.objects.all():
        assert np.array_equal(column_vector(row.pk), row.as_array())


@postgresql_only
def test_rebuild_embeddings_fills_pgvector(make_technology):
    technology = make_technology(title="Evaporative clay cooler")  # no commit: not embedded yet

    call_command("rebuild_embeddings", "--kind", "technology", verbosity=0, stdout=None)

    row = Embedding.objects.get(object_id=technology.pk, content_type=ContentType.objects.get_for_model(Technology))
    assert np.array_equal(column_vector(row.pk), row.as_array())
    assert selectors.nearest_published(model=Technology, vector=row.as_array(), limit=1)[0][0] == technology.pk


@postgresql_only
@pytest.mark.parametrize("exact_scan_rows", [pgvector_store.EXACT_SCAN_ROWS, 0], ids=["exact", "hnsw"])
def test_both_plans_rank_like_the_in_process_index(catalogue, monkeypatch, exact_scan_rows):
    monkeypatch.setattr(pgvector_store, "EXACT_SCAN_ROWS", exact_scan_rows)
    Technology.objects.filter(pk=catalogue["cooler"].pk).update(status=Status.DRAFT)
    embedder = get_embedder()
    query_vector = embedder.embed_query("cheap energy for a farm")
    vectors = {row.object_id: row.as_array() for row in Embedding.objects.filter(model_name=embedder.name)}
    published = [listing.pk for name, listing in catalogue.items() if name != "cooler"]
    expected = sorted(published, key=lambda pk: (-float(vectors[pk] @ query_vector), pk))

    found = get_store(Technology, embedder).query(query_vector).nearest(limit=10)

    assert [pk for pk, _ in found] == expected
    for pk, score in found:
        assert score == pytest.approx(float(vectors[pk] @ query_vector), abs=1e-5)


@postgresql_only
@pytest.mark.parametrize("exact_scan_rows", [pgvector_store.EXACT_SCAN_ROWS, 0], ids=["exact", "hnsw"])
def test_floor_filters_and_ties_hold_in_both_plans(make_technology, committed, monkeypatch, exact_scan_rows):
    monkeypatch.setattr(pgvector_store, "EXACT_SCAN_ROWS", exact_scan_rows)
    with committed():
        twins = [make_technology(title="Household biogas digester", summary="Cooking gas from manure.")
                 for _ in range(3)]
        turbine = make_technology(title="Small wind turbine for telecom towers")
    query = get_store(Technology, get_embedder()).query(get_embedder().embed_query("biogas from manure"))

    best = query.nearest(limit=3)
    assert [pk for pk, _ in best] == [twin.pk for twin in twins]  # identical vectors: older first
    if exact_scan_rows:
        # Only the exact plan sees every tie at the cut; HNSW, being approximate, keeps those it meets first.
        assert [pk for pk, _ in query.nearest(limit=2)] == [twins[0].pk, twins[1].pk]

    among = Technology.objects.published().exclude(pk=twins[0].pk)
    assert [pk for pk, _ in query.nearest(limit=2, among=among)] == [twins[1].pk, twins[2].pk]
    assert twins[2].pk not in [pk for pk, _ in query.nearest(limit=5, exclude_ids=[twins[2].pk])]

    above = query.nearest(limit=10, floor=best[0][1] - 0.01)
    assert [pk for pk, _ in above] == [twin.pk for twin in twins]
    assert turbine.pk in [pk for pk, _ in query.nearest(limit=10)]


@postgresql_only
def test_the_query_expression_matches_the_hnsw_index(catalogue):
    embedder = get_embedder()
    content_type = ContentType.objects.get_for_model(Technology).pk
    with connection.cursor() as cursor:
        # Four rows: on its own the planner rightly prefers reading them all and sorting.
        for plan_type in ("seqscan", "bitmapscan", "sort"):
            cursor.execute(f"SET LOCAL enable_{plan_type} = off")
        plan = pgvector_store.explain(content_type, embedder.name, embedder.dim, embedder.embed_query("pump"))

    assert f"Index Scan using {pgvector_store.index_name(embedder.name)}" in plan


@postgresql_only
def test_healthz_fails_when_the_vector_column_is_gone(client):
    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute("ALTER TABLE search_embedding DROP COLUMN embedding")

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "job_queue": "ok", "keyword_index": "ok",
                                         "vector_store": "failing"}


@sqlite_only
def test_on_sqlite_the_migration_leaves_the_table_alone():
    with connection.cursor() as cursor:
        columns = [column.name for column in connection.introspection.get_table_description(cursor, "search_embedding")]

    assert "embedding" not in columns
    assert "vector" in columns
