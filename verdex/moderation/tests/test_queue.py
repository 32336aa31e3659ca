import pytest
from django.urls import reverse

from verdex.catalog.models import Status
from verdex.moderation.models import AuditEntry

pytestmark = pytest.mark.django_db

MODERATION_PAGES = [
    ("moderation:queue", []),
    ("moderation:reports", []),
    ("moderation:audit", []),
]


def decide_url(listing, action):
    return reverse("moderation:decide", args=[listing.kind, listing.pk, action])


@pytest.mark.parametrize("name, args", MODERATION_PAGES)
def test_visitors_are_sent_to_login(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("name, args", MODERATION_PAGES)
def test_members_are_forbidden(client, member, name, args):
    client.force_login(member)
    assert client.get(reverse(name, args=args)).status_code == 403


@pytest.mark.parametrize("action", ["publish", "reject", "unpublish"])
def test_members_cannot_decide(client, member, other_member, make_technology, action):
    listing = make_technology(owner=other_member, status=Status.SUBMITTED)
    client.force_login(member)
    response = client.post(decide_url(listing, action), {"reason": "Because"})
    assert response.status_code == 403
    listing.refresh_from_db()
    assert listing.status == Status.SUBMITTED


def test_visitors_cannot_decide(client, make_technology):
    listing = make_technology(status=Status.SUBMITTED)
    response = client.post(decide_url(listing, "publish"))
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.status == Status.SUBMITTED


def test_queue_lists_submitted_listings_of_every_kind_oldest_first(
    client, moderator, organisation, org_admin, make_technology, make_need, make_expert
):
    need = make_need(status=Status.SUBMITTED, title="Flood warning for river towns")
    tech = make_technology(
        owner=org_admin, organisation=organisation, status=Status.SUBMITTED, title="Biogas digester"
    )
    expert = make_expert(status=Status.SUBMITTED, title="Wind resource analyst")
    make_technology(status=Status.DRAFT, title="Secret draft")
    make_technology(status=Status.PUBLISHED, title="Already live")

    client.force_login(moderator)
    response = client.get(reverse("moderation:queue"))

    assert response.status_code == 200
    assert [item.pk for item in response.context["listings"]] == [need.pk, tech.pk, expert.pk]
    assert [item.kind for item in response.context["listings"]] == ["need", "technology", "expert"]
    page = response.content.decode()
    assert "Biogas digester" in page and "Sunfield Energy" in page and org_admin.email in page
    assert "Secret draft" not in page and "Already live" not in page
    assert tech.get_absolute_url() in page
    assert decide_url(tech, "publish") in page and decide_url(tech, "reject") in page
    assert response.context["counts"] == {"submitted": 3, "open_reports": 0}


def test_publish_from_the_queue(client, moderator, make_technology):
    listing = make_technology(status=Status.SUBMITTED)
    client.force_login(moderator)

    response = client.post(decide_url(listing, "publish"))

    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.status == Status.PUBLISHED
    entry = AuditEntry.objects.filter(object_id=listing.pk, action="publish").get()
    assert (entry.actor, entry.from_status, entry.to_status) == (moderator, "submitted", "published")


def test_reject_needs_a_reason(client, moderator, make_need):
    listing = make_need(status=Status.SUBMITTED)
    client.force_login(moderator)

    response = client.post(decide_url(listing, "reject"), {"reason": "   "}, follow=True)

    listing.refresh_from_db()
    assert listing.status == Status.SUBMITTED
    assert "Give a reason" in response.content.decode()
    assert not AuditEntry.objects.filter(object_id=listing.pk, action="reject").exists()


def test_reject_with_a_reason(client, moderator, make_need):
    listing = make_need(status=Status.SUBMITTED)
    client.force_login(moderator)

    client.post(decide_url(listing, "reject"), {"reason": "Say which district and how many pupils."})

    listing.refresh_from_db()
    assert listing.status == Status.REJECTED
    assert listing.rejection_reason == "Say which district and how many pupils."
    entry = AuditEntry.objects.get(object_id=listing.pk, action="reject")
    assert entry.reason == "Say which district and how many pupils."


def test_publishing_a_draft_is_refused(client, moderator, make_technology):
    listing = make_technology(status=Status.DRAFT)
    client.force_login(moderator)

    response = client.post(decide_url(listing, "publish"), follow=True)

    listing.refresh_from_db()
    assert listing.status == Status.DRAFT
    assert "was not changed" in response.content.decode()


def test_unknown_action_is_not_found(client, moderator, make_technology):
    listing = make_technology(status=Status.SUBMITTED)
    client.force_login(moderator)
    assert client.post(decide_url(listing, "withdraw")).status_code == 404
    listing.refresh_from_db()
    assert listing.status == Status.SUBMITTED


def test_decisions_only_accept_post(client, moderator, make_technology):
    listing = make_technology(status=Status.SUBMITTED)
    client.force_login(moderator)
    assert client.get(decide_url(listing, "publish")).status_code == 405
    listing.refresh_from_db()
    assert listing.status == Status.SUBMITTED


def test_published_tab_lists_and_unpublishes_with_reason(client, moderator, make_expert):
    expert = make_expert(title="Hydropower consultant")
    make_expert(status=Status.SUBMITTED, title="Not yet reviewed")
    client.force_login(moderator)

    page = client.get(reverse("moderation:queue"), {"tab": "published", "kind": "expert"}).content.decode()
    assert "Hydropower consultant" in page and "Not yet reviewed" not in page

    refused = client.post(decide_url(expert, "unpublish"), {"reason": ""})
    expert.refresh_from_db()
    assert expert.status == Status.PUBLISHED
    assert "tab=published" in refused["Location"]

    client.post(decide_url(expert, "unpublish"), {"reason": "The profile copies someone else's CV."})
    expert.refresh_from_db()
    assert expert.status == Status.UNPUBLISHED
    assert expert.rejection_reason == "The profile copies someone else's CV."


def test_published_tab_filters_by_title(client, moderator, make_technology):
    make_technology(title="Solar dryer")
    make_technology(title="Wind pump")
    client.force_login(moderator)
    response = client.get(reverse("moderation:queue"), {"tab": "published", "kind": "technology", "q": "wind"})
    assert [listing.title for listing in response.context["page_obj"]] == ["Wind pump"]
