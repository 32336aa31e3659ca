import pytest
from django.urls import reverse

from verdex.catalog.models import Status
from verdex.catalog.services import transition
from verdex.moderation.models import AuditEntry
from verdex.moderation.services import report_listing

pytestmark = pytest.mark.django_db


def test_members_cannot_read_the_audit_log(client, member):
    client.force_login(member)
    assert client.get(reverse("moderation:audit")).status_code == 403


def test_audit_log_shows_who_did_what(client, moderator, make_technology):
    tech = make_technology(status=Status.SUBMITTED, title="Cassava peel briquettes")
    transition(listing=tech, action="reject", by=moderator, reason="Add the calorific value.")
    moderator.display_name = "Maya Moderator"
    moderator.save()
    client.force_login(moderator)

    response = client.get(reverse("moderation:audit"))

    assert response.status_code == 200
    newest = response.context["page_obj"][0]
    assert (newest.action, newest.actor, newest.from_status, newest.to_status) == (
        "reject", moderator, "submitted", "rejected"
    )
    page = response.content.decode()
    assert "Maya Moderator" in page and "Cassava peel briquettes" in page
    assert "Add the calorific value." in page
    assert "submitted → rejected" in page


def test_filter_by_action_and_kind(client, moderator, make_technology, make_need):
    make_technology(title="Solar cold room")
    make_need(title="Cold chain for fishers")
    client.force_login(moderator)

    published = client.get(reverse("moderation:audit"), {"action": "publish"}).context["page_obj"]
    assert sorted(entry.object_repr for entry in published) == ["Cold chain for fishers", "Solar cold room"]

    needs = client.get(reverse("moderation:audit"), {"kind": "need"}).context["page_obj"]
    assert {entry.object_repr for entry in needs} == {"Cold chain for fishers"}
    assert [entry.action for entry in needs] == ["publish", "submit", "create"]

    both = client.get(reverse("moderation:audit"), {"kind": "technology", "action": "submit"})
    assert [entry.object_repr for entry in both.context["page_obj"]] == ["Solar cold room"]


def test_unknown_filter_values_are_ignored_safely(client, moderator, make_technology):
    make_technology()
    client.force_login(moderator)
    response = client.get(reverse("moderation:audit"), {"action": "explode", "kind": "spaceship"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 3


def test_audit_log_is_paginated_and_keeps_filters(client, moderator, make_need):
    for number in range(18):
        make_need(title=f"Need {number}")  # three entries each: create, submit, publish
    client.force_login(moderator)

    first = client.get(reverse("moderation:audit"), {"kind": "need"})
    assert first.context["page_obj"].paginator.num_pages == 2
    assert len(first.context["page_obj"]) == 50
    assert "kind=need&amp;page=2" in first.content.decode()

    second = client.get(reverse("moderation:audit"), {"kind": "need", "page": 2})
    assert len(second.context["page_obj"]) == 4


def test_admin_shows_the_log_read_only_and_reports(client, make_user, make_technology, member):
    listing = make_technology(owner=make_user())
    report_listing(listing=listing, reporter=member, reason="spam")
    client.force_login(make_user(is_staff=True, is_superuser=True))

    assert client.get(reverse("admin:moderation_auditentry_changelist")).status_code == 200
    assert client.get(reverse("admin:moderation_report_changelist")).status_code == 200
    assert client.get(reverse("admin:moderation_auditentry_add")).status_code == 403
    entry = AuditEntry.objects.filter(object_id=listing.pk).first()
    page = client.get(reverse("admin:moderation_auditentry_change", args=[entry.pk])).content.decode()
    assert 'name="_save"' not in page
    assert client.post(reverse("admin:moderation_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
