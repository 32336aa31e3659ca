import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_healthz_reports_ok_when_database_and_index_answer(client, make_technology):
    make_technology()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "search_index": "ok"}}


def test_healthz_fails_when_the_search_index_is_gone(client):
    from modelsearch.models import IndexEntry

    cascade = " CASCADE" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute(f"DROP TABLE {IndexEntry._meta.db_table}{cascade}")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["search_index"] == "failing"
    assert response.json()["checks"]["database"] == "ok"
