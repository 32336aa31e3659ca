import base64
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from verdex.catalog.models import Status, Technology
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import Country

from .conftest import bearer

pytestmark = pytest.mark.django_db


def _ids(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.json()
    data = response.json()
    return [item["id"] for item in data["items"]], data["next_cursor"]


def _all_pages(client, path, limit):
    seen, cursor = [], None
    while True:
        ids, cursor = _ids(client, path, limit=limit, **({"cursor": cursor} if cursor else {}))
        seen += ids
        if cursor is None:
            return seen


def test_pages_cover_every_row_once_newest_first(client, make_technology):
    technologies = [make_technology(title=f"Technology number {n}") for n in range(5)]

    seen = _all_pages(client, "/api/v1/technologies", limit=2)

    assert seen == [technology.pk for technology in reversed(technologies)]


def test_rows_with_the_same_publication_time_are_ordered_by_id(client, make_technology):
    technologies = [make_technology(title=f"Technology number {n}") for n in range(4)]
    Technology.objects.update(published_at=timezone.now())

    seen = _all_pages(client, "/api/v1/technologies", limit=3)

    assert seen == sorted((technology.pk for technology in technologies), reverse=True)


def test_rows_published_between_pages_are_neither_repeated_nor_skipped(client, make_technology):
    older = [make_technology(title=f"Older technology {n}") for n in range(4)]
    Technology.objects.filter(pk__in=[t.pk for t in older]).update(
        published_at=timezone.now() - timedelta(days=1)
    )

    first, cursor = _ids(client, "/api/v1/technologies", limit=2)
    newer = make_technology(title="Published after the first page")
    rest = _all_pages_from(client, "/api/v1/technologies", cursor, limit=2)

    assert first + rest == sorted((t.pk for t in older), reverse=True)
    assert newer.pk not in first + rest
    # A fresh walk from the start finds the new row first.
    assert _ids(client, "/api/v1/technologies", limit=1)[0] == [newer.pk]


def test_rows_removed_between_pages_do_not_shift_the_rest(client, make_technology, moderator):
    from verdex.catalog import services as catalog_services

    technologies = [make_technology(title=f"Technology number {n}") for n in range(5)]
    newest_first = [t.pk for t in reversed(technologies)]

    first, cursor = _ids(client, "/api/v1/technologies", limit=2)
    catalog_services.transition(listing=technologies[-1], action="unpublish", by=moderator, reason="Outdated")
    rest = _all_pages_from(client, "/api/v1/technologies", cursor, limit=2)

    assert first + rest == newest_first


def _all_pages_from(client, path, cursor, limit):
    seen = []
    while cursor:
        ids, cursor = _ids(client, path, limit=limit, cursor=cursor)
        seen += ids
    return seen


def test_organisations_and_mine_paginate_by_id(client, make_technology, member_key):
    kenya = Country.objects.get(code="KE")
    organisations = [
        Organisation.objects.create(name=f"Organisation {n}", org_type=Organisation.Type.NGO, country=kenya)
        for n in range(3)
    ]
    drafts = [make_technology(title=f"Draft number {n}", status=Status.DRAFT) for n in range(3)]

    assert _all_pages(client, "/api/v1/organisations", limit=2) == [o.pk for o in reversed(organisations)]

    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        data = client.get("/api/v1/me/technologies", params, **bearer(member_key)).json()
        seen += [item["id"] for item in data["items"]]
        cursor = data["next_cursor"]
        if cursor is None:
            break
    assert seen == [d.pk for d in reversed(drafts)]


def test_last_page_has_no_cursor(client, make_technology):
    make_technology()

    ids, cursor = _ids(client, "/api/v1/technologies", limit=5)

    assert len(ids) == 1
    assert cursor is None


def test_cursor_is_opaque_base64(client, make_technology):
    make_technology(title="First technology here")
    make_technology(title="Second technology here")

    _, cursor = _ids(client, "/api/v1/technologies", limit=1)

    decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    assert isinstance(decoded, list) and len(decoded) == 2


@pytest.mark.parametrize("cursor", [
    "not base64 at all!",
    base64.urlsafe_b64encode(b"{}").decode(),
    base64.urlsafe_b64encode(b'["2024-01-01T00:00:00", 3]').decode(),  # no time zone
    base64.urlsafe_b64encode(b'["2024-01-01T00:00:00+00:00", 99999999999999999999999]').decode(),
    base64.urlsafe_b64encode(b'["yesterday", 3]').decode(),
    base64.urlsafe_b64encode(b"[1]").decode(),
])
def test_bad_cursor_answers_400(client, cursor):
    response = client.get("/api/v1/technologies", {"cursor": cursor})

    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "cursor", "message": response.json()["detail"]}]


def test_id_cursor_of_another_list_is_refused(client, make_technology):
    cursor = base64.urlsafe_b64encode(b"[true]").decode()

    assert client.get("/api/v1/organisations", {"cursor": cursor}).status_code == 400


def test_limit_is_bounded(client):
    assert client.get("/api/v1/technologies", {"limit": 0}).status_code == 422
    assert client.get("/api/v1/technologies", {"limit": 101}).status_code == 422
    assert client.get("/api/v1/technologies", {"limit": 100}).status_code == 200


def test_published_rows_without_a_publication_time_come_last(client, make_technology):
    dated = [make_technology(title=f"Dated technology {n}") for n in range(2)]
    undated = [make_technology(title=f"Undated technology {n}") for n in range(2)]
    Technology.objects.filter(pk__in=[t.pk for t in undated]).update(published_at=None)

    seen = _all_pages(client, "/api/v1/technologies", limit=1)

    assert seen == [dated[1].pk, dated[0].pk, undated[1].pk, undated[0].pk]
