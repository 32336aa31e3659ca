"""Reads for the moderation pages: the review queue, reports and the audit log."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import DateTimeField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from verdex.catalog.models import LISTING_MODELS, Status, stale_before

from .models import AuditEntry, Report


def submitted_listings():
    """Every listing waiting for review, oldest submission first.

    The submission date comes from the audit log; listings without a
    "submitted" entry (e.g. imported ones) fall back to their last change.
    """
    listings = []
    for model in LISTING_MODELS.values():
        submitted_at = (
            AuditEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id=OuterRef("pk"),
                to_status=Status.SUBMITTED,
            )
            .order_by("-at")
            .values("at")[:1]
        )
        listings.extend(
            model.objects.filter(status=Status.SUBMITTED)
            .select_related("owner", "organisation")
            .annotate(
                submitted_at=Coalesce(Subquery(submitted_at), "updated_at", output_field=DateTimeField())
            )
        )
    return sorted(listings, key=lambda listing: (listing.submitted_at, listing.kind, listing.pk))


def published_listings(*, kind, query=""):
    """Published listings of one kind, newest first, optionally filtered by title."""
    listings = (
        LISTING_MODELS[kind].objects.published()
        .select_related("owner", "organisation")
        .order_by("-published_at", "-pk")
    )
    if query:
        listings = listings.filter(title__icontains=query)
    return listings


def stale_listings(*, now=None):
    """Published listings not confirmed current, oldest confirmation first, for the freshness queue.

    Stale is either the stored flag (cleared by the daily ``send_freshness_reminders``) or a
    confirmation older than ``LISTING_CONFIRM_MONTHS`` that the daily run has not marked yet,
    the same rule as the "Not confirmed since" badge. Each listing carries ``confirmed``
    (last confirmation, or publication) and ``archive_on`` (reminder + grace days; None
    while the owner has not been reminded).
    """
    cutoff = stale_before(now)
    grace = timedelta(days=settings.LISTING_CONFIRM_GRACE_DAYS)
    listings = []
    for model in LISTING_MODELS.values():
        listings.extend(
            model.objects.published()
            .annotate(confirmed=Coalesce("last_confirmed_at", "published_at"))
            .filter(Q(confirmed_current=False) | Q(confirmed__lt=cutoff))
            .select_related("owner", "organisation")
        )
    for listing in listings:
        listing.archive_on = listing.confirm_reminded_at + grace if listing.confirm_reminded_at else None
    return sorted(
        listings,
        key=lambda listing: (listing.confirmed is None, listing.confirmed or cutoff, listing.kind, listing.pk),
    )


def deleted_listings():
    """Soft-deleted listings of every kind, most recently changed first, for restoring."""
    listings = [
        listing
        for model in LISTING_MODELS.values()
        for listing in model.objects.filter(status=Status.DELETED).select_related("owner", "organisation")
    ]
    return sorted(listings, key=lambda listing: listing.updated_at, reverse=True)


def queue_counts():
    return {
        "submitted": sum(
            model.objects.filter(status=Status.SUBMITTED).count() for model in LISTING_MODELS.values()
        ),
        "open_reports": Report.objects.filter(state=Report.State.OPEN).count(),
    }


def open_reports():
    """Open reports, oldest first, with their listings loaded."""
    return list(
        Report.objects.filter(state=Report.State.OPEN)
        .select_related("reporter", "content_type")
        .prefetch_related("listing")
        .order_by("created_at", "pk")
    )


def recently_handled_reports(limit=20):
    return list(
        Report.objects.exclude(state=Report.State.OPEN)
        .select_related("reporter", "handled_by", "content_type")
        .order_by("-handled_at", "-pk")[:limit]
    )


def has_open_report(*, reporter, listing):
    return Report.objects.filter(
        reporter=reporter,
        content_type=ContentType.objects.get_for_model(listing),
        object_id=listing.pk,
        state=Report.State.OPEN,
    ).exists()


def audit_entries(*, action="", kind=""):
    """The audit log, newest first, optionally narrowed to one action and one kind of listing."""
    entries = AuditEntry.objects.select_related("actor", "content_type")
    if action:
        entries = entries.filter(action=action)
    if kind in LISTING_MODELS:
        entries = entries.filter(content_type=ContentType.objects.get_for_model(LISTING_MODELS[kind]))
    return entries


def audit_actions():
    """The distinct actions present in the log, for the filter menu."""
    return list(AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct())

