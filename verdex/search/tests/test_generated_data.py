"""Benchmark data from generate_demo is searchable exactly like listings saved one by one."""

import pytest
from django.core.management import call_command
from django.db import connection
from modelsearch.models import IndexEntry

from verdex.catalog.models import Technology
from verdex.search.engine import search
from verdex.search.query import KEYWORD, SearchQuery

pytestmark = pytest.mark.django_db


def generated():
    return Technology.objects.filter(external_id__startswith="synthetic-").order_by("pk")


def test_keyword_search_finds_generated_listings_and_facets_count_them():
    call_command("generate_demo", technologies=40, batch=16, verbosity=0)
    technology = generated().first()
    word = technology.title.split()[0]

    results = search(SearchQuery(kind="technology", text=word, mode=KEYWORD, per_page=100), None)

    assert technology in results.items
    with_word = [row for row in generated() if word.lower() in row.title.lower()]
    assert results.total >= len(with_word)
    countries = {option.value: option.count for option in results.facets["country"]}
    assert countries[technology.developed_in_id] == sum(
        item.developed_in_id == technology.developed_in_id for item in results.items)
    filtered = search(SearchQuery(kind="technology", text=word, mode=KEYWORD, per_page=100,
                                  filters={"country": [technology.developed_in_id]}), None)
    assert technology in filtered.items
    assert filtered.total == countries[technology.developed_in_id]


def test_generated_dates_spread_over_the_past():
    call_command("generate_demo", technologies=20, verbosity=0)

    rows = list(generated())
    assert len(rows) == 20
    assert all(row.created_at < row.published_at <= row.updated_at for row in rows)
    assert len({row.updated_at.date() for row in rows}) > 1


def test_index_rows_match_what_modelsearch_writes(make_technology):
    own = make_technology(title="Biogas digester for a school kitchen")
    call_command("generate_demo", technologies=25, batch=10, verbosity=0)
    technology = generated().last()
    entry = IndexEntry.objects.get(object_id=str(technology.pk), content_type__model="technology")

    # Re-index the generated row through modelsearch itself and compare the stored text.
    technology.save()
    again = IndexEntry.objects.get(pk=entry.pk)
    assert (entry.title, entry.body, entry.autocomplete) == (again.title, again.body, again.autocomplete)
    assert IndexEntry.objects.count() == 26
    assert IndexEntry.objects.filter(object_id=str(own.pk)).exists()
    if connection.vendor == "sqlite":
        titles = [len(title) for title in IndexEntry.objects.values_list("title", flat=True)]
        mean = sum(titles) / len(titles)
        # The last batch's norms use the mean title length over every entry stored by then.
        assert entry.title_norm == pytest.approx(mean / len(entry.title))
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM modelsearch_indexentry_fts")
            assert cursor.fetchone()[0] == 26
