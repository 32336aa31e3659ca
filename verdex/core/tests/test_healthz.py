import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

ALL_OK = {"database": "ok", "job_queue": "ok", "keyword_index": "ok", "vector_store": "ok"}


@pytest.fixture(autouse=True)
def _warm(db):
    """The keyword index exists before traffic, as the workers' warm-up makes sure (SQLite)."""
    if connection.vendor == "sqlite":
        call_command("rebuild_search_index", verbosity=0)


def test_healthz_reports_ok_when_every_part_answers(client, make_technology):
    make_technology()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": ALL_OK}


def test_healthz_reads_at_most_one_row_per_check(client, make_technology):
    for number in range(3):
        make_technology(title=f"Solar pump {number}")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/healthz").status_code == 200
    statements = [query["sql"] for query in queries.captured_queries
                  if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]  # the test's transaction
    # On SQLite the keyword index is tantivy's and takes no SQL.
    assert len(statements) == (3 if connection.vendor == "sqlite" else 4), statements
    assert all("LIMIT 1" in sql or sql.strip() == "SELECT 1" for sql in statements), statements


def _drop(table):
    cascade = " CASCADE" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute(f"DROP TABLE {table}{cascade}")


def test_healthz_fails_when_the_keyword_index_is_gone(client, settings):
    if connection.vendor == "sqlite":
        import shutil

        from verdex.search import keyword_index

        shutil.rmtree(settings.SEARCH_INDEX_DIR)
        keyword_index.forget()
    else:
        from modelsearch.models import IndexEntry

        _drop(IndexEntry._meta.db_table)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {**ALL_OK, "keyword_index": "failing"}


def test_healthz_fails_when_the_job_queue_is_gone(client):
    from django_tasks_db.models import DBTaskResult

    _drop(DBTaskResult._meta.db_table)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {**ALL_OK, "job_queue": "failing"}


def test_healthz_fails_when_the_vector_store_is_gone(client):
    from verdex.search.models import Embedding

    _drop(Embedding._meta.db_table)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {**ALL_OK, "vector_store": "failing"}


def test_livez_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/livez")
    assert response.status_code == 200
    assert response.content == b"ok"
