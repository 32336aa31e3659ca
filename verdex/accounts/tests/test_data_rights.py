"""A member downloads all their data as JSON, and deletes their account: listings handed on or
archived, messages kept but anonymised for the other side, audit log kept, sessions ended."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from verdex.accounts.models import User
from verdex.accounts.services import DELETED_NAME
from verdex.api import services as api_services
from verdex.catalog import services as catalog_services
from verdex.catalog.models import Status, Technology
from verdex.connections import services as connection_services
from verdex.moderation.models import AuditEntry
from verdex.moderation.services import report_listing
from verdex.organisations.models import Membership

pytestmark = pytest.mark.django_db

PASSWORD = "a-Long-passw0rd"  # the conftest users' password


@pytest.fixture
def exchange(member, other_member, organisation, make_technology, make_need, make_expert):
    """Mira (member) owns a technology of her organisation, a need of her own and an expert
    profile; Otto asked about the technology and they exchanged messages."""
    Membership.objects.create(organisation=organisation, user=member, role=Membership.Role.ADMIN)
    technology = make_technology(title="Solar dryer for mangoes", organisation=organisation)
    need = make_need(title="Cold storage for a fish market")
    expert = make_expert(title="Post-harvest loss engineer")
    others = make_technology(owner=other_member, title="Clay pot cooler")
    connection = connection_services.request_connection(
        requester=other_member, listing=technology, message="Could this dry pineapples too?"
    )
    connection_services.move_connection(connection=connection, to_stage="accepted", by=member, note="Yes, gladly.")
    connection_services.add_message(connection=connection, by=other_member, note="Great, what does it cost?")
    catalog_services.toggle_bookmark(user=member, listing=others)
    token, key = api_services.create_token(user=member, name="Nightly sync")
    report_listing(listing=others, reporter=member, reason="duplicate", details="Same as listing 4.")
    return {"technology": technology, "need": need, "expert": expert, "connection": connection, "key": key}


def test_a_member_downloads_all_their_data_as_json(client, member, other_member, exchange):
    client.force_login(member)

    response = client.get(reverse("accounts:my_data"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="verdex-my-data-')
    data = json.loads(response.content)
    assert data["profile"]["email"] == "member@example.org" and data["profile"]["display_name"] == "Mira Member"
    assert data["email_addresses"] == [{"email": "member@example.org", "verified": True, "primary": True}]
    assert data["memberships"] == [{"organisation": "Sunfield Energy", "role": "admin",
                                    "joined_at": data["memberships"][0]["joined_at"]}]
    assert [row["title"] for row in data["listings"]["technology"]] == ["Solar dryer for mangoes"]
    assert data["listings"]["technology"][0]["fields"] and data["listings"]["need"][0]["country"] == "Tanzania"
    assert data["listings"]["expert"][0]["full_name"] == "Amina Otieno"
    [connection] = data["connections"]
    assert (connection["your_role"], connection["other_party"]) == ("listing owner", "Otto Other")
    assert connection["message"] == "Could this dry pineapples too?"
    assert [(event["by"], event["note"]) for event in connection["events"]][-2:] == [
        ("you", "Yes, gladly."), ("Otto Other", "Great, what does it cost?")]
    assert [bookmark["title"] for bookmark in data["bookmarks"]] == ["Clay pot cooler"]
    assert data["api_tokens"][0]["name"] == "Nightly sync" and "key_hash" not in data["api_tokens"][0]
    assert data["reports_filed"][0]["details"] == "Same as listing 4."
    assert {entry["action"] for entry in data["your_actions_in_the_audit_log"]} >= {"create", "submit"}
    assert exchange["key"] not in response.content.decode()
    assert "other@example.org" not in response.content.decode()  # others' contact details are theirs


def test_the_download_needs_a_login(client):
    response = client.get(reverse("accounts:my_data"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_a_wrong_password_deletes_nothing_and_names_the_field(client, member, exchange):
    client.force_login(member)

    response = client.post(reverse("accounts:delete"), {"password": "not-it", "confirm": "on"})

    assert response.status_code == 200
    assert "That is not your password" in " ".join(response.context["form"].errors["password"])
    member.refresh_from_db()
    assert member.is_active and member.email == "member@example.org"
    unconfirmed = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert "confirm" in unconfirmed.context["form"].errors
    assert User.objects.get(pk=member.pk).is_active


def test_deleting_the_account(client, member, other_member, organisation, make_user, exchange, committed):
    colleague = make_user(email="colleague@sunfield.example", display_name="Colin Colleague")
    Membership.objects.create(organisation=organisation, user=colleague, role=Membership.Role.MEMBER)
    elsewhere = Client()
    elsewhere.force_login(member)  # a second session, e.g. on a phone
    audit_before = AuditEntry.objects.filter(actor=member).count()
    client.force_login(member)

    with committed():
        response = client.post(reverse("accounts:delete"), {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    tombstone = User.objects.get(pk=member.pk)
    assert (tombstone.name, tombstone.is_active, tombstone.has_usable_password()) == (DELETED_NAME, False, False)
    assert "member@example.org" not in (tombstone.email, tombstone.username) and not tombstone.bio
    assert not EmailAddress.objects.filter(email="member@example.org").exists()  # the address can sign up again
    assert not tombstone.bookmarks.exists()
    assert not tombstone.api_tokens.filter(revoked_at__isnull=True).exists()

    technology, need, expert = (exchange[k] for k in ("technology", "need", "expert"))
    technology.refresh_from_db(), need.refresh_from_db(), expert.refresh_from_db()
    assert (technology.owner, technology.status) == (colleague, Status.PUBLISHED)  # went to the organisation
    assert (need.owner, need.status) == (tombstone, Status.ARCHIVED)  # no organisation: archived
    assert expert.status == Status.ARCHIVED  # a person's own profile is never handed on
    assert Membership.objects.get(organisation=organisation, user=colleague).role == Membership.Role.ADMIN
    assert not Membership.objects.filter(user=tombstone).exists()
    assert AuditEntry.objects.filter(actor=tombstone).count() == audit_before + 3  # kept, plus the three changes
    assert "Cold storage" not in client.get(reverse("search:needs"), {"q": "cold storage"}).content.decode()

    # Every session ended: this one is logged out, the other one is at its next request.
    assert client.get(reverse("accounts:dashboard")).status_code == 302
    assert elsewhere.get(reverse("accounts:dashboard")).status_code == 302
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {exchange['key']}").status_code == 401

    # The other side keeps the conversation, under the anonymous name.
    client.force_login(other_member)
    page = client.get(reverse("connections:detail", args=[exchange["connection"].pk])).content.decode()
    assert "Yes, gladly." in page and "Great, what does it cost?" in page
    assert DELETED_NAME in page and "Mira Member" not in page and "member@example.org" not in page
    assert "deleted.invalid" not in page and "This member deleted their account." in page


def test_a_listing_of_an_organisation_with_nobody_else_is_archived(client, member, organisation, make_technology):
    Membership.objects.create(organisation=organisation, user=member, role=Membership.Role.ADMIN)
    technology = make_technology(title="Solar dryer for mangoes", organisation=organisation)
    client.force_login(member)

    client.post(reverse("accounts:delete"), {"password": PASSWORD, "confirm": "on"})

    technology.refresh_from_db()
    assert technology.status == Status.ARCHIVED
    assert Technology.objects.published().count() == 0
    # The organisation keeps its only, now anonymous, administrator so staff can hand it on.
    assert Membership.objects.get(organisation=organisation).user.name == DELETED_NAME
