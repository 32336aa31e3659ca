import json

import pytest

from verdex.catalog.models import Need, Status, Technology
from verdex.connections.models import Connection
from verdex.moderation.models import AuditEntry
from verdex.organisations.models import Membership

from .conftest import bearer

pytestmark = pytest.mark.django_db

TECHNOLOGY = {
    "title": "Biogas digester for dairy farms",
    "summary": "Turns manure into cooking gas and fertiliser.",
    "description": "<p>Sized for 5–50 cows.</p><script>alert(1)</script>",
    "record_type": "product",
    "fields": ["Y02E50"],
    "sdgs": [7, 13],
    "benefits": [],
    "trl": 9,
    "developed_in": "KE",
    "available_in": ["TZ", "UG"],
    "ip_status": "open",
    "availability": [],
}


def post(client, path, payload, key):
    return client.post(path, json.dumps(payload), content_type="application/json", **bearer(key))


def patch(client, path, payload, key):
    return client.patch(path, json.dumps(payload), content_type="application/json", **bearer(key))


def test_create_technology_saves_a_sanitised_draft(client, member, member_key):
    response = post(client, "/api/v1/technologies", TECHNOLOGY, member_key)

    assert response.status_code == 201, response.json()
    data = response.json()
    technology = Technology.objects.get(pk=data["id"])
    assert technology.owner == member
    assert technology.status == Status.DRAFT
    assert "<script>" not in technology.description
    assert sorted(technology.available_in.values_list("code", flat=True)) == ["TZ", "UG"]
    assert sorted(technology.sdgs.values_list("number", flat=True)) == [7, 13]
    assert data["fields"][0]["code"] == "Y02E50"
    assert data["status"] == "draft"
    assert AuditEntry.objects.filter(action="create").count() == 1


def test_create_needs_a_token(client):
    response = client.post("/api/v1/technologies", json.dumps(TECHNOLOGY), content_type="application/json")

    assert response.status_code == 401
    assert not Technology.objects.exists()


def test_create_with_bad_input_names_the_fields_and_saves_nothing(client, member_key):
    # (A TRL outside 1-9 is refused by the schema before these checks: test_integer_ranges.py.)
    payload = dict(TECHNOLOGY, developed_in="XX", fields=["NOPE"], title="Hi")

    response = post(client, "/api/v1/technologies", payload, member_key)

    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"developed_in", "fields", "title"} <= fields
    assert not Technology.objects.exists()


def test_create_refuses_missing_required_fields(client, member_key):
    response = post(client, "/api/v1/needs", {"title": "Clean water for clinics"}, member_key)

    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"description", "country"} <= fields


def test_create_refuses_unknown_and_mistyped_keys(client, member_key):
    unknown = post(client, "/api/v1/technologies", dict(TECHNOLOGY, colour="green"), member_key)
    mistyped = post(client, "/api/v1/technologies", dict(TECHNOLOGY, trl="nine"), member_key)

    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "colour"
    assert mistyped.status_code == 422
    assert mistyped.json()["errors"][0]["field"] == "trl"


def test_patented_technology_needs_patent_numbers_as_on_the_web(client, member_key):
    response = post(client, "/api/v1/technologies", dict(TECHNOLOGY, ip_status="patented"), member_key)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "patent_numbers"


def test_create_on_behalf_of_an_organisation_needs_membership(client, member_key, org_admin, make_key):
    payload = dict(TECHNOLOGY, organisation="sunfield-energy")

    refused = post(client, "/api/v1/technologies", payload, member_key)
    accepted = post(client, "/api/v1/technologies", payload, make_key(org_admin))

    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "organisation"
    assert accepted.status_code == 201
    assert accepted.json()["organisation"]["slug"] == "sunfield-energy"


def test_patch_changes_only_the_fields_sent(client, member, member_key):
    created = post(client, "/api/v1/technologies", TECHNOLOGY, member_key).json()

    response = patch(client, f"/api/v1/technologies/{created['id']}", {"trl": 7}, member_key)

    assert response.status_code == 200, response.json()
    technology = Technology.objects.get(pk=created["id"])
    assert technology.trl == 7
    assert technology.trl_group == "demonstration"
    assert technology.title == TECHNOLOGY["title"]
    assert sorted(technology.available_in.values_list("code", flat=True)) == ["TZ", "UG"]
    assert sorted(technology.sdgs.values_list("number", flat=True)) == [7, 13]


def test_patch_with_bad_input_changes_nothing(client, member_key):
    created = post(client, "/api/v1/technologies", TECHNOLOGY, member_key).json()

    response = patch(client, f"/api/v1/technologies/{created['id']}", {"trl": 3, "developed_in": "ZZ"},
                     member_key)

    assert response.status_code == 422
    assert Technology.objects.get(pk=created["id"]).trl == 9


def test_cannot_edit_others_listings(client, make_technology, other_member, make_key):
    published = make_technology()
    draft = make_technology(status=Status.DRAFT)
    key = make_key(other_member)

    for listing in (published, draft):
        response = patch(client, f"/api/v1/technologies/{listing.pk}", {"title": "Hijacked title"}, key)
        assert response.status_code == 404
        listing.refresh_from_db()
        assert listing.title != "Hijacked title"
    assert post(client, f"/api/v1/technologies/{draft.pk}/submit", {}, key).status_code == 404


def test_org_admin_may_edit_the_organisations_listing(client, make_technology, member, organisation, make_key,
                                                      org_admin):
    Membership.objects.create(organisation=organisation, user=member)
    technology = make_technology(organisation=organisation, status=Status.DRAFT, patent_numbers="WO2020123456")

    response = patch(client, f"/api/v1/technologies/{technology.pk}", {"title": "Renamed by the admin"},
                     make_key(org_admin))

    assert response.status_code == 200
    technology.refresh_from_db()
    assert technology.title == "Renamed by the admin"
    assert technology.owner == member


def test_submit_and_withdraw(client, member_key):
    created = post(client, "/api/v1/needs", {
        "title": "Cold storage for fishers", "description": "<p>Fish spoil before market.</p>",
        "country": "KE", "fields": ["Y02A40"],
    }, member_key).json()

    submitted = post(client, f"/api/v1/needs/{created['id']}/submit", {}, member_key)
    again = post(client, f"/api/v1/needs/{created['id']}/submit", {}, member_key)
    withdrawn = post(client, f"/api/v1/needs/{created['id']}/withdraw", {}, member_key)

    assert submitted.status_code == 200
    assert submitted.json()["status"] == "submitted"
    assert again.status_code == 409
    assert again.json()["detail"]
    assert withdrawn.json()["status"] == "draft"
    assert Need.objects.get(pk=created["id"]).status == Status.DRAFT


def test_moderator_actions_are_not_available(client, member_key, make_technology):
    technology = make_technology(status=Status.SUBMITTED)

    response = post(client, f"/api/v1/technologies/{technology.pk}/publish", {}, member_key)

    assert response.status_code == 422
    technology.refresh_from_db()
    assert technology.status == Status.SUBMITTED


def test_editing_a_published_listing_sends_it_back_to_review(client, make_technology, member_key):
    technology = make_technology(patent_numbers="WO2020123456")

    response = patch(client, f"/api/v1/technologies/{technology.pk}", {"summary": "A better summary."},
                     member_key)

    assert response.status_code == 200
    assert response.json()["status"] == "submitted"


def test_expert_profile_create_and_update(client, member_key):
    created = post(client, "/api/v1/experts", {
        "full_name": "Joan Mwangi", "title": "Water treatment engineer",
        "description": "<p>Designs small treatment plants.</p>", "country": "KE",
        "languages": ["en", "sw"], "countries_served": ["KE", "TZ"], "availability": "pro_bono",
    }, member_key)
    assert created.status_code == 201, created.json()

    updated = patch(client, f"/api/v1/experts/{created.json()['id']}", {"languages": ["en"]}, member_key)

    assert updated.status_code == 200
    assert [language["code"] for language in updated.json()["languages"]] == ["en"]
    assert updated.json()["full_name"] == "Joan Mwangi"


def test_request_connection(client, make_technology, other_member, make_key):
    technology = make_technology()
    key = make_key(other_member)
    payload = {"kind": "technology", "listing_id": technology.pk, "message": "Could we pilot this in Kisumu?"}

    first = post(client, "/api/v1/connections", payload, key)
    duplicate = post(client, "/api/v1/connections", payload, key)

    assert first.status_code == 201, first.json()
    connection = Connection.objects.get(pk=first.json()["id"])
    assert connection.requester == other_member
    assert connection.stage == "requested"
    assert duplicate.status_code == 422
    assert Connection.objects.count() == 1


def test_request_connection_refusals(client, make_technology, member_key, other_member, make_key):
    own = make_technology()
    draft = make_technology(status=Status.DRAFT)
    key = make_key(other_member)

    to_own = post(client, "/api/v1/connections",
                  {"kind": "technology", "listing_id": own.pk, "message": "Hello"}, member_key)
    to_hidden = post(client, "/api/v1/connections",
                     {"kind": "technology", "listing_id": draft.pk, "message": "Hello"}, key)
    empty = post(client, "/api/v1/connections",
                 {"kind": "technology", "listing_id": own.pk, "message": "   "}, key)
    others_need = post(client, "/api/v1/connections",
                       {"kind": "technology", "listing_id": own.pk, "message": "Hi", "about_need": 1}, key)

    assert to_own.status_code == 422
    assert to_hidden.status_code == 404
    assert empty.status_code == 422
    assert empty.json()["errors"][0]["field"] == "message"
    assert others_need.status_code == 422
    assert others_need.json()["errors"][0]["field"] == "about_need"
    assert not Connection.objects.exists()
