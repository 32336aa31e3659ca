import pytest
from django.urls import reverse

from verdex.catalog.models import Status
from verdex.catalog.services import transition
from verdex.moderation.models import AuditEntry, Report

pytestmark = pytest.mark.django_db


def report_url(listing):
    return reverse("moderation:report", args=[listing.kind, listing.pk])


@pytest.fixture
def technology(make_technology, other_member):
    return make_technology(owner=other_member, title="Rice husk gasifier")


def file_report(client, listing, reason="inaccurate", details="The efficiency figure is made up."):
    return client.post(report_url(listing), {"reason": reason, "details": details})


def test_visitors_must_log_in_to_report(client, technology):
    response = file_report(client, technology)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not Report.objects.exists()


def test_member_reports_a_published_listing(client, member, technology):
    client.force_login(member)
    page = client.get(report_url(technology))
    assert page.status_code == 200
    assert "Spam or advertising" in page.content.decode()

    response = file_report(client, technology)

    assert response.status_code == 302
    assert response["Location"] == technology.get_absolute_url()
    report = Report.objects.get()
    assert (report.reporter, report.listing, report.reason, report.state) == (
        member, technology, "inaccurate", Report.State.OPEN
    )
    assert report.details == "The efficiency figure is made up."


def test_a_reason_is_required(client, member, technology):
    client.force_login(member)
    response = file_report(client, technology, reason="")
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    response = file_report(client, technology, reason="boring")
    assert response.context["form"].errors["reason"]
    assert not Report.objects.exists()


def test_one_open_report_per_member_and_listing(client, member, technology):
    client.force_login(member)
    file_report(client, technology)

    response = file_report(client, technology, reason="spam")

    assert response.status_code == 200
    assert "already reported this listing" in response.content.decode()
    assert Report.objects.count() == 1


def test_reporting_again_after_the_first_report_was_handled(client, member, moderator, technology):
    client.force_login(member)
    file_report(client, technology)
    Report.objects.update(state=Report.State.DISMISSED)
    file_report(client, technology)
    assert Report.objects.filter(state=Report.State.OPEN).count() == 1


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.UNPUBLISHED])
def test_unpublished_listings_cannot_be_reported(client, member, moderator, make_need, status):
    if status == Status.UNPUBLISHED:
        listing = transition(listing=make_need(), action="unpublish", by=moderator, reason="Outdated")
    else:
        listing = make_need(status=status)
    client.force_login(member)  # the owner: may see the listing, but it is not public
    assert client.get(report_url(listing)).status_code == 404
    assert file_report(client, listing).status_code == 404
    assert not Report.objects.exists()


def test_hidden_listings_answer_404_to_others(client, other_member, make_technology):
    draft = make_technology(status=Status.DRAFT)
    client.force_login(other_member)
    assert file_report(client, draft).status_code == 404
    assert not Report.objects.exists()


def test_owners_cannot_report_their_own_listing(client, other_member, technology):
    client.force_login(other_member)
    response = file_report(client, technology)
    assert "cannot report your own listing" in response.content.decode()
    assert not Report.objects.exists()


def test_reports_are_rate_limited(client, settings, make_user, make_technology, other_member):
    settings.CONTACT_RATE_LIMIT = "2/h"
    reporter = make_user()
    client.force_login(reporter)
    listings = [make_technology(owner=other_member, title=f"Listing {n}") for n in range(3)]

    assert file_report(client, listings[0]).status_code == 302
    assert file_report(client, listings[1]).status_code == 302
    blocked = file_report(client, listings[2])

    assert blocked.status_code == 429
    assert "too often" in blocked.content.decode()
    assert int(blocked["Retry-After"]) > 0
    assert Report.objects.count() == 2


def test_moderators_see_open_reports(client, member, moderator, technology):
    client.force_login(member)
    file_report(client, technology, details="Copied from a competitor's brochure.")
    client.force_login(moderator)

    response = client.get(reverse("moderation:reports"))

    page = response.content.decode()
    assert "Rice husk gasifier" in page and "Copied from a competitor" in page
    assert response.context["counts"]["open_reports"] == 1


def test_members_cannot_handle_reports(client, member, other_member, technology):
    client.force_login(member)
    file_report(client, technology)
    report = Report.objects.get()
    for name in ("moderation:report_uphold", "moderation:report_dismiss"):
        assert client.post(reverse(name, args=[report.pk]), {"note": "mine now"}).status_code == 403
    report.refresh_from_db()
    technology.refresh_from_db()
    assert report.state == Report.State.OPEN
    assert technology.status == Status.PUBLISHED


def test_upholding_unpublishes_with_the_reason_for_the_owner(client, member, moderator, technology):
    client.force_login(member)
    file_report(client, technology, reason="spam")
    report = Report.objects.get()
    client.force_login(moderator)

    response = client.post(
        reverse("moderation:report_uphold", args=[report.pk]), {"note": "Remove the price list."}
    )

    assert response.status_code == 302
    report.refresh_from_db()
    technology.refresh_from_db()
    assert report.state == Report.State.UPHELD
    assert report.handled_by == moderator and report.handled_at is not None
    assert technology.status == Status.UNPUBLISHED
    assert "Spam or advertising" in technology.rejection_reason
    assert "Remove the price list." in technology.rejection_reason
    entry = AuditEntry.objects.get(action="report-upheld")
    assert (entry.actor, entry.object_id, entry.from_status, entry.to_status) == (
        moderator, technology.pk, "published", "unpublished"
    )
    assert AuditEntry.objects.filter(action="unpublish", object_id=technology.pk).exists()


def test_dismissing_needs_a_note_and_leaves_the_listing(client, member, moderator, technology):
    client.force_login(member)
    file_report(client, technology)
    report = Report.objects.get()
    client.force_login(moderator)

    client.post(reverse("moderation:report_dismiss", args=[report.pk]), {"note": ""})
    report.refresh_from_db()
    assert report.state == Report.State.OPEN

    client.post(reverse("moderation:report_dismiss", args=[report.pk]), {"note": "Figures match the test report."})
    report.refresh_from_db()
    technology.refresh_from_db()
    assert report.state == Report.State.DISMISSED
    assert report.resolution_note == "Figures match the test report."
    assert report.handled_by == moderator
    assert technology.status == Status.PUBLISHED
    entry = AuditEntry.objects.get(action="report-dismissed")
    assert entry.reason == "Figures match the test report."


def test_a_handled_report_cannot_be_handled_again(client, member, moderator, technology):
    client.force_login(member)
    file_report(client, technology)
    report = Report.objects.get()
    client.force_login(moderator)
    client.post(reverse("moderation:report_dismiss", args=[report.pk]), {"note": "Fine as it is."})

    response = client.post(reverse("moderation:report_uphold", args=[report.pk]), follow=True)

    technology.refresh_from_db()
    assert technology.status == Status.PUBLISHED
    assert "already been handled" in response.content.decode()
    assert AuditEntry.objects.filter(action__startswith="report-").count() == 1
