import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from verdex.catalog.models import Status
from verdex.moderation.models import AuditEntry

pytestmark = pytest.mark.django_db


def url(listing, action):
    return reverse("catalog:transition", args=[listing.kind, listing.pk, action])


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_owner_submits_a_draft(client, member, make_technology):
    draft = make_technology(status=Status.DRAFT)
    client.force_login(member)
    response = client.post(url(draft, "submit"))
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    assert AuditEntry.objects.filter(object_id=draft.pk, action="submit").exists()
    assert "The listing was submitted for review. A moderator will check it soon." in texts(response)


def test_moderator_rejects_with_reason_and_returns_to_next(client, moderator, make_need):
    need = make_need(status=Status.SUBMITTED)
    client.force_login(moderator)
    response = client.post(url(need, "reject"), {"reason": "Please name the district.", "next": "/moderation/"})
    assert response["Location"] == "/moderation/"
    need.refresh_from_db()
    assert (need.status, need.rejection_reason) == (Status.REJECTED, "Please name the district.")


def test_reject_without_reason_is_refused_with_a_message(client, moderator, make_need):
    need = make_need(status=Status.SUBMITTED)
    client.force_login(moderator)
    response = client.post(url(need, "reject"), {"reason": "   "})
    assert response.status_code == 302
    assert "Give a reason; the owner will see it." in texts(response)
    need.refresh_from_db()
    assert need.status == Status.SUBMITTED


def test_illegal_transition_is_refused_with_a_message(client, moderator, make_technology):
    draft = make_technology(status=Status.DRAFT)
    client.force_login(moderator)
    response = client.post(url(draft, "publish"))
    assert response.status_code == 302
    assert any("cannot be" in text for text in texts(response))
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_unknown_action_is_refused(client, member, make_expert):
    expert = make_expert(status=Status.DRAFT)
    client.force_login(member)
    response = client.post(url(expert, "teleport"))
    assert response.status_code == 302
    expert.refresh_from_db()
    assert expert.status == Status.DRAFT


def test_owner_may_not_publish_own_listing(client, member, make_technology):
    submitted = make_technology(status=Status.SUBMITTED)
    client.force_login(member)
    assert client.post(url(submitted, "publish")).status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_member_acting_on_a_visible_listing_they_do_not_own_gets_403(client, other_member, make_technology):
    published = make_technology(status=Status.PUBLISHED)
    client.force_login(other_member)
    assert client.post(url(published, "withdraw")).status_code == 403
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED


def test_acting_on_someone_elses_draft_is_404(client, other_member, make_technology):
    draft = make_technology(status=Status.DRAFT)
    client.force_login(other_member)
    assert client.post(url(draft, "submit")).status_code == 404
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_transition_needs_post_and_login(client, member, make_technology):
    draft = make_technology(status=Status.DRAFT)
    response = client.post(url(draft, "submit"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    client.force_login(member)
    assert client.get(url(draft, "submit")).status_code == 405
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_unsafe_next_is_ignored(client, member, make_technology):
    draft = make_technology(status=Status.DRAFT)
    client.force_login(member)
    response = client.post(url(draft, "submit"), {"next": "https://evil.example.com/"})
    assert response["Location"] == draft.get_absolute_url()


def test_unknown_kind_is_404(client, member):
    client.force_login(member)
    assert client.post(reverse("catalog:transition", args=["gadget", 1, "submit"])).status_code == 404
