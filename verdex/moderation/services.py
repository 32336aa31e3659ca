from django.contrib.contenttypes.models import ContentType

from .models import AuditEntry


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
