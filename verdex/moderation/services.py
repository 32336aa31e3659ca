"""Writes of the moderation app: the audit log and listing reports.

Status changes themselves belong to ``verdex.catalog.services.transition``;
upholding a report unpublishes through it so the lifecycle rules hold.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from verdex.catalog.models import Status

from .models import AuditEntry, Report


def record_audit(*, listing, actor, action, from_status="", to_status="", reason=""):
    """Append one entry to the audit log; runs inside the caller's transaction."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(listing),
        object_id=listing.pk,
        object_repr=str(listing)[:200],
        from_status=from_status,
        to_status=to_status,
        reason=reason,
    )


DUPLICATE_REPORT_MESSAGE = (
    "You have already reported this listing. A moderator will look at your report soon."
)


def report_listing(*, listing, reporter, reason, details=""):
    """File a member's report about a published listing; one open report per member and listing."""
    if not reporter.is_authenticated or not reporter.is_active:
        raise PermissionDenied("Log in to report a listing.")
    if listing.status != Status.PUBLISHED:
        raise PermissionDenied("Only published listings can be reported.")
    if listing.owner_id == reporter.pk:
        raise ValidationError("You cannot report your own listing.")
    if reason not in Report.Reason.values:
        raise ValidationError({"reason": "Choose one of the reasons."})
    content_type = ContentType.objects.get_for_model(listing)
    open_reports = Report.objects.filter(
        reporter=reporter, content_type=content_type, object_id=listing.pk, state=Report.State.OPEN
    )
    if open_reports.exists():
        raise ValidationError(DUPLICATE_REPORT_MESSAGE)
    try:
        with transaction.atomic():
            return Report.objects.create(
                reporter=reporter, content_type=content_type, object_id=listing.pk,
                reason=reason, details=(details or "").strip(),
            )
    except IntegrityError:  # a second submission raced past the check above
        raise ValidationError(DUPLICATE_REPORT_MESSAGE) from None


def uphold_report(*, report, by, note=""):
    """Agree with a report: unpublish the listing (if still published) with the report's reason."""
    _require_moderator(by)
    note = (note or "").strip()
    with transaction.atomic():
        report = _lock_open_report(report)
        listing = report.listing
        if listing is None:
            raise ValidationError("The reported listing no longer exists; dismiss the report instead.")
        reason = f"Reported as “{report.get_reason_display()}”."
        if note:
            reason = f"{reason} {note}"
        from_status = listing.status
        if listing.status == Status.PUBLISHED:
            # Imported here: catalog.services imports this module for record_audit.
            from verdex.catalog.services import transition

            listing = transition(listing=listing, action="unpublish", by=by, reason=reason)
        _close(report, state=Report.State.UPHELD, by=by, note=note)
        record_audit(
            listing=listing, actor=by, action="report-upheld",
            from_status=from_status, to_status=listing.status, reason=reason,
        )
    return report


def dismiss_report(*, report, by, note):
    """Decide a report needs no action; the note explains why, for the audit log."""
    _require_moderator(by)
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": "Say why the report is dismissed."})
    with transaction.atomic():
        report = _lock_open_report(report)
        _close(report, state=Report.State.DISMISSED, by=by, note=note)
        listing = report.listing
        if listing is not None:
            record_audit(
                listing=listing, actor=by, action="report-dismissed",
                from_status=listing.status, to_status=listing.status, reason=note,
            )
    return report


def _require_moderator(user):
    if not (user.is_authenticated and user.is_moderator):
        raise PermissionDenied("Only moderators handle reports.")


def _lock_open_report(report):
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.state != Report.State.OPEN:
        raise ValidationError("This report has already been handled.")
    return locked


def _close(report, *, state, by, note):
    report.state = state
    report.handled_by = by
    report.handled_at = timezone.now()
    report.resolution_note = note
    report.save(update_fields=["state", "handled_by", "handled_at", "resolution_note"])
