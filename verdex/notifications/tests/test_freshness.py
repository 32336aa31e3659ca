"""Listing freshness: a yearly reminder with a signed "still current" link, and a badge on stale listings."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from verdex.catalog import services as catalog_services
from verdex.catalog.models import Status, Technology
from verdex.moderation.models import AuditEntry
from verdex.notifications.models import Kind, Notification

pytestmark = pytest.mark.django_db


def _age(listing, days):
    Technology.objects.filter(pk=listing.pk).update(last_confirmed_at=timezone.now() - timedelta(days=days))
    listing.refresh_from_db()
    return listing


def _reminders():
    return list(Notification.objects.filter(kind=Kind.FRESHNESS_REMINDER))


def test_publication_counts_as_a_confirmation(make_technology):
    listing = make_technology()
    assert listing.last_confirmed_at is not None and not listing.is_stale


def test_an_old_listing_is_reminded_once(make_technology, member):
    old = _age(make_technology(owner=member, title="Old solar dryer"), 400)
    _age(make_technology(owner=member, title="Recent wind pump"), 100)
    make_technology(owner=member, title="Old draft", status=Status.DRAFT)
    mail.outbox.clear()

    call_command("send_freshness_reminders")
    call_command("send_freshness_reminders")  # once per period, not every day

    [reminder] = _reminders()
    assert reminder.recipient == member and "Old solar dryer" in reminder.title
    assert reminder.url.startswith("/listings/still-current/")
    assert len(mail.outbox) == 1 and reminder.url in mail.outbox[0].body
    old.refresh_from_db()
    assert old.confirm_reminded_at is not None


def test_the_link_confirms_without_logging_in(make_technology, member):
    listing = _age(make_technology(owner=member, title="Old solar dryer"), 400)
    assert listing.is_stale
    call_command("send_freshness_reminders")
    path = _reminders()[0].url
    client = Client(enforce_csrf_checks=True)

    page = client.get(path)
    assert page.status_code == 200 and "Yes, it is still current" in page.content.decode()
    listing.refresh_from_db()
    assert listing.is_stale  # a GET (a mail scanner) changes nothing

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = client.post(path, {"csrfmiddlewaretoken": token})
    assert response.status_code == 200 and "confirmed as current" in response.content.decode()
    listing.refresh_from_db()
    assert not listing.is_stale and listing.confirm_reminded_at is None
    assert AuditEntry.objects.filter(object_id=listing.pk, action="confirm-current").exists()


def test_a_bad_or_unpublished_link_is_refused(client, make_technology, member, moderator):
    listing = make_technology(owner=member)
    for bad in ("nonsense", catalog_services.still_current_token(listing)[:-3] + "abc"):
        assert client.get(reverse("catalog:still_current", args=[bad])).status_code == 400
        assert client.post(reverse("catalog:still_current", args=[bad])).status_code == 400
    catalog_services.transition(listing=listing, action="unpublish", by=moderator, reason="Outdated.")
    path = reverse("catalog:still_current", args=[catalog_services.still_current_token(listing)])
    response = client.post(path)
    assert response.status_code == 409 and "Only a published listing" in response.content.decode()


def test_stale_listings_carry_a_badge_and_the_owner_a_confirm_link(client, make_technology, member, other_member):
    listing = _age(make_technology(owner=member, title="Old solar dryer"), 400)
    client.force_login(other_member)
    assert "Not confirmed since" in client.get(listing.get_absolute_url()).content.decode()
    assert "Not confirmed since" in client.get("/search/technologies/?q=dryer&mode=keyword").content.decode()
    client.force_login(member)
    assert "Confirm it is still current" in client.get(listing.get_absolute_url()).content.decode()


def test_the_period_follows_the_setting(settings, make_technology):
    listing = _age(make_technology(), 200)
    assert not listing.is_stale
    settings.LISTING_CONFIRM_MONTHS = 6
    assert listing.is_stale


def test_unconfirmed_after_the_grace_period_is_archived(settings, make_technology, member):
    settings.LISTING_CONFIRM_GRACE_DAYS = 30
    late = _age(make_technology(owner=member, title="Old solar dryer"), 400)
    confirmed = _age(make_technology(owner=member, title="Old wind pump"), 400)
    call_command("send_freshness_reminders")
    catalog_services.confirm_current(listing=confirmed, by=member)
    Technology.objects.update(confirm_reminded_at=timezone.now() - timedelta(days=31))
    Technology.objects.filter(pk=confirmed.pk).update(confirm_reminded_at=None)

    call_command("send_freshness_reminders")

    late.refresh_from_db()
    confirmed.refresh_from_db()
    assert late.status == Status.ARCHIVED and confirmed.status == Status.PUBLISHED
    entry = AuditEntry.objects.get(object_id=late.pk, action="archive-unconfirmed")
    assert entry.actor is None and "30 days" in entry.reason
    assert Notification.objects.filter(recipient=member, title__contains="was archived").count() == 1
    assert not Technology.objects.published().filter(pk=late.pk).exists()


def test_someone_else_cannot_confirm_by_the_service(make_technology, member, other_member):
    from django.core.exceptions import PermissionDenied

    listing = _age(make_technology(owner=member), 400)
    with pytest.raises(PermissionDenied):
        catalog_services.confirm_current(listing=listing, by=other_member)
