"""GET /api/v1/{needs,technologies,experts}/{id}/matches."""

import pytest

from verdex.catalog.models import Status
from verdex.matching.tests.conftest import irrigation  # noqa: F401 (fixture)

from .conftest import bearer

pytestmark = pytest.mark.django_db


def test_need_matches_are_ranked_with_score_and_reasons(client, irrigation, make_key, other_member):  # noqa: F811
    need, drip = irrigation["need"], irrigation["drip"]

    response = client.get(f"/api/v1/needs/{need.pk}/matches", **bearer(make_key(other_member)))

    assert response.status_code == 200
    body = response.json()
    assert (body["kind"], body["id"], body["published"]) == ("need", need.pk, True)
    first = body["items"][0]
    assert (first["kind"], first["id"], first["title"]) == ("technology", drip.pk, drip.title)
    assert first["url"].endswith(drip.get_absolute_url())
    technology_scores = [item["score"] for item in body["items"] if item["kind"] == "technology"]
    assert technology_scores == sorted(technology_scores, reverse=True)
    assert first["reasons"]["phrases"][0] == "drip irrigation"
    assert first["reasons"]["country"]["how"] == "available"
    assert first["reasons"]["fields"][0]["match"] == "exact"
    assert 0 < first["similarity_percent"] <= 100
    assert first["explanation"][0].startswith("Both mention")


def test_technology_matches_list_needs(client, irrigation, make_key, other_member):  # noqa: F811
    response = client.get(f"/api/v1/technologies/{irrigation['drip'].pk}/matches", **bearer(make_key(other_member)))

    assert [(item["kind"], item["id"]) for item in response.json()["items"]] == [("need", irrigation["need"].pk)]


def test_a_token_is_required(client, irrigation):  # noqa: F811
    response = client.get(f"/api/v1/needs/{irrigation['need'].pk}/matches")

    assert response.status_code == 401


def test_others_drafts_answer_404_and_own_drafts_have_no_matches(client, make_need, make_key, member, other_member):
    draft = make_need(status=Status.DRAFT)

    assert client.get(f"/api/v1/needs/{draft.pk}/matches", **bearer(make_key(other_member))).status_code == 404
    own = client.get(f"/api/v1/needs/{draft.pk}/matches", **bearer(make_key(member)))
    assert own.status_code == 200
    assert own.json()["published"] is False and own.json()["items"] == []
    assert client.get("/api/v1/experts/999999/matches", **bearer(make_key(member))).status_code == 404


def test_draft_technologies_are_never_in_the_matches(client, irrigation, make_technology, other_member,  # noqa: F811
                                                     make_key, committed):  # noqa: F811
    with committed():
        draft = make_technology(owner=other_member, title="Drip irrigation draft", status=Status.DRAFT,
                                fields=("Y02A40",))

    response = client.get(f"/api/v1/needs/{irrigation['need'].pk}/matches", **bearer(make_key(other_member)))

    assert draft.pk not in [item["id"] for item in response.json()["items"] if item["kind"] == "technology"]
