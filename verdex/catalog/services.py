"""Every write to listings: saving, the status lifecycle, bookmarks.

The lifecycle is a small state machine. Owners (and admins of the owning
organisation) submit, withdraw and reopen; moderators publish, reject,
unpublish, soft-delete and restore. Anything else raises
``TransitionNotAllowed``; every change is written to the moderation audit log
in the same transaction.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from verdex.core.html import sanitize_html
from verdex.moderation.models import AuditEntry
from verdex.moderation.services import record_audit
from verdex.notifications.models import Kind as NotificationKind
from verdex.notifications.services import notify
from verdex.organisations.models import Membership

from . import permissions
from .models import LISTING_MODELS, Bookmark, Status, stale_before


class TransitionNotAllowed(Exception):
    pass


@dataclass(frozen=True)
class Action:
    name: str
    moves: dict  # from status -> to status
    by_moderator: bool
    needs_reason: bool = False


ACTIONS = {
    action.name: action
    for action in [
        Action("submit", {Status.DRAFT: Status.SUBMITTED, Status.REJECTED: Status.SUBMITTED,
                          Status.UNPUBLISHED: Status.SUBMITTED}, by_moderator=False),
        Action("withdraw", {Status.SUBMITTED: Status.DRAFT, Status.PUBLISHED: Status.ARCHIVED},
               by_moderator=False),
        Action("reopen", {Status.ARCHIVED: Status.DRAFT}, by_moderator=False),
        Action("publish", {Status.SUBMITTED: Status.PUBLISHED, Status.UNPUBLISHED: Status.PUBLISHED},
               by_moderator=True),
        Action("reject", {Status.SUBMITTED: Status.REJECTED}, by_moderator=True, needs_reason=True),
        Action("unpublish", {Status.PUBLISHED: Status.UNPUBLISHED}, by_moderator=True, needs_reason=True),
        # Soft delete: hidden everywhere but from moderators; restore brings back the status it had.
        Action("delete", {status: Status.DELETED for status in Status if status != Status.DELETED},
               by_moderator=True, needs_reason=True),
        Action("restore", {Status.DELETED: None}, by_moderator=True),
    ]
}


def allowed_actions(*, listing, user):
    """The action names ``user`` may apply to ``listing`` now (for buttons)."""
    names = []
    for action in ACTIONS.values():
        if listing.status not in action.moves:
            continue
        if action.by_moderator and user.is_authenticated and user.is_moderator:
            names.append(action.name)
        elif not action.by_moderator and permissions.can_edit(user, listing):
            names.append(action.name)
    return names


def transition(*, listing, action, by, reason=""):
    """Apply a lifecycle action; returns the listing with its new status."""
    spec = ACTIONS.get(action)
    if spec is None:
        raise TransitionNotAllowed(f"Unknown action “{action}”.")
    allowed = by.is_moderator if spec.by_moderator else permissions.can_edit(by, listing)
    if not allowed:
        raise PermissionDenied(f"You may not {action} this listing.")
    reason = (reason or "").strip()
    if spec.needs_reason and not reason:
        raise ValidationError({"reason": "Give a reason; the owner will see it."})
    with transaction.atomic():
        locked = type(listing).objects.select_for_update().get(pk=listing.pk)
        if locked.status not in spec.moves:
            raise TransitionNotAllowed(
                f"A listing that is {locked.get_status_display().lower()} cannot be {action}ed."
            )
        from_status = locked.status
        to_status = spec.moves[from_status] or _status_before_deletion(locked)
        auto_published = (
            action == "submit"
            and locked.organisation_id is not None
            and locked.organisation.publishes_without_review
        )
        if auto_published:
            to_status = Status.PUBLISHED
        locked.status = to_status
        if to_status == Status.PUBLISHED:
            locked.published_at = locked.published_at or timezone.now()
            locked.last_confirmed_at, locked.confirm_reminded_at = timezone.now(), None  # reviewed: current
            locked.confirmed_current = True
            locked.rejection_reason = ""
        if action in ("reject", "unpublish"):
            locked.rejection_reason = reason
        locked.save()
        record_audit(
            listing=locked, actor=by, action="auto-publish" if auto_published else action,
            from_status=from_status, to_status=to_status, reason=reason,
        )
        _tell_owner_of_decision(locked, action=action, by=by, reason=reason)
    return locked


# A moderator's decision -> what the owner is told (in-app, and by email as they chose).
_DECISIONS = {
    "publish": (NotificationKind.LISTING_PUBLISHED, "was published", "It is now visible to everyone."),
    "reject": (NotificationKind.LISTING_REJECTED, "was not published",
               "Change it as the moderator asks and submit it again."),
    "unpublish": (NotificationKind.LISTING_UNPUBLISHED, "was unpublished",
                  "Change it as the moderator asks and submit it again."),
}


def _tell_owner_of_decision(listing, *, action, by, reason):
    decision = _DECISIONS.get(action)
    if decision is None or listing.owner_id == by.pk:
        return
    kind, what, next_step = decision
    body = f"Reason given by the moderator: {reason}\n\n{next_step}" if reason else next_step
    notify(
        recipient=listing.owner, kind=kind, title=f"Your {listing.kind} “{listing}” {what}"[:200],
        body=body, url=listing.get_absolute_url(),
    )


def _status_before_deletion(listing):
    """The status a soft-deleted listing had, from the audit log (kept for ever); else unpublished."""
    deleted = (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(listing), object_id=listing.pk,
            action="delete", to_status=Status.DELETED,
        )
        .order_by("-at", "-pk")
        .first()
    )
    return deleted.from_status if deleted and deleted.from_status else Status.UNPUBLISHED


def save_listing(*, listing, by, m2m=None):
    """Create or update a listing from validated data.

    ``listing`` is an unsaved or modified instance (e.g. ``form.save(commit=False)``);
    ``m2m`` maps many-to-many field names to their new values. A published
    listing that its owner changes goes back to review unless the organisation
    publishes without review.
    """
    creating = listing.pk is None
    if creating:
        if not by.is_authenticated:
            raise PermissionDenied("Log in to create a listing.")
        listing.owner = by
    else:
        stored = type(listing).objects.get(pk=listing.pk)
        if not permissions.can_edit(by, stored):
            raise PermissionDenied("You may not edit this listing.")
        listing.owner_id = stored.owner_id
        listing.status = stored.status
    if listing.organisation_id and listing.organisation_id not in _member_organisation_ids(by):
        raise PermissionDenied("You can only list on behalf of an organisation you belong to.")
    listing.description = sanitize_html(listing.description)
    with transaction.atomic():
        from_status = listing.status
        needs_review = (
            not creating
            and listing.status == Status.PUBLISHED
            and not (listing.organisation and listing.organisation.publishes_without_review)
        )
        if needs_review:
            listing.status = Status.SUBMITTED
        listing.full_clean(exclude=["owner"])
        listing.save()
        for name, values in (m2m or {}).items():
            getattr(listing, name).set(values)
        record_audit(
            listing=listing, actor=by, action="create" if creating else "edit",
            from_status="" if creating else from_status, to_status=listing.status,
        )
    return listing


def _member_organisation_ids(user):
    return set(user.memberships.values_list("organisation_id", flat=True))


def toggle_bookmark(*, user, listing):
    """Bookmark a listing the user can see, or remove the bookmark; returns the new state."""
    if not user.is_authenticated:
        raise PermissionDenied("Log in to bookmark listings.")
    if not permissions.can_view(user, listing):
        raise PermissionDenied("This listing is not available.")
    content_type = ContentType.objects.get_for_model(listing)
    with transaction.atomic():
        deleted, _ = Bookmark.objects.filter(
            user=user, content_type=content_type, object_id=listing.pk
        ).delete()
        if deleted:
            return False
        Bookmark.objects.create(user=user, content_type=content_type, object_id=listing.pk)
        return True


def release_listings_of_deleted_account(*, user):
    """Before ``user``'s account is erased: hand each listing on, or archive it; drop their bookmarks.

    A technology or need of an organisation goes to another active person of
    that organisation (its longest-standing administrator, else member); the
    rest, and every expert profile (which describes the person themselves),
    are archived and stay owned by the anonymised account. Each change is in
    the audit log. Returns ``{"handed_over": n, "archived": n}``.
    """
    done = {"handed_over": 0, "archived": 0}
    with transaction.atomic():
        for kind, model in LISTING_MODELS.items():
            for listing in model.objects.select_for_update().filter(owner=user).order_by("pk"):
                successor = None if kind == "expert" else _successor(listing.organisation_id, user)
                if successor is not None:
                    listing.owner = successor
                    listing.save(update_fields=["owner", "updated_at"])
                    record_audit(
                        listing=listing, actor=user, action="hand-over", from_status=listing.status,
                        to_status=listing.status,
                        reason=f"The owner deleted their account; {successor.name} of the organisation manages it now.",
                    )
                    done["handed_over"] += 1
                elif listing.status not in (Status.ARCHIVED, Status.DELETED):
                    from_status, listing.status = listing.status, Status.ARCHIVED
                    listing.save(update_fields=["status", "updated_at"])
                    record_audit(listing=listing, actor=user, action="archive", from_status=from_status,
                                 to_status=Status.ARCHIVED, reason="The owner deleted their account.")
                    done["archived"] += 1
        Bookmark.objects.filter(user=user).delete()
    return done


def _successor(organisation_id, user):
    """Who of the organisation takes over ``user``'s listings: admins first, then the longest there."""
    if organisation_id is None:
        return None
    membership = (
        Membership.objects.filter(organisation_id=organisation_id, user__is_active=True)
        .exclude(user=user)
        .select_related("user")
        .order_by("role", "joined_at", "pk")  # "admin" sorts before "member"
        .first()
    )
    return membership.user if membership else None


# ---- Freshness: owners confirm their published listings are still current --------------

STILL_CURRENT_SALT = "verdex.catalog.still-current"
STILL_CURRENT_MAX_AGE = 180 * 24 * 3600  # a reminder's link works for about six months


def still_current_token(listing):
    return signing.dumps({"k": listing.kind, "p": listing.pk}, salt=STILL_CURRENT_SALT)


def listing_of_still_current_token(token):
    """The listing a "still current" link names, or None for a link we did not make, altered or too old."""
    try:
        data = signing.loads(str(token), salt=STILL_CURRENT_SALT, max_age=STILL_CURRENT_MAX_AGE)
    except signing.BadSignature:
        return None
    model = LISTING_MODELS.get(data.get("k")) if isinstance(data, dict) else None
    if model is None or not isinstance(data.get("p"), int):
        return None
    return model.objects.filter(pk=data["p"]).first()


def confirm_current(*, listing, by=None):
    """The owner says a published listing is still current; ``by=None`` when the signed link vouches for them."""
    if by is not None and not permissions.can_edit(by, listing):
        raise PermissionDenied("Only the people who manage this listing can confirm it.")
    with transaction.atomic():
        locked = type(listing).objects.select_for_update().get(pk=listing.pk)
        if locked.status != Status.PUBLISHED:
            raise TransitionNotAllowed("Only a published listing can be confirmed as current.")
        now = timezone.now()
        # update(), not save(): no re-indexing or re-matching jobs. Only a stale listing's
        # facet value changes; its updated_at is then moved so the listing indexes reload it.
        changes = {"last_confirmed_at": now, "confirm_reminded_at": None, "confirmed_current": True}
        if not locked.confirmed_current:
            changes["updated_at"] = now
        type(listing).objects.filter(pk=locked.pk).update(**changes)
        record_audit(listing=locked, actor=by, action="confirm-current",
                     from_status=locked.status, to_status=locked.status)
        for name, value in changes.items():
            setattr(locked, name, value)
    return locked


def mark_stale_listings(*, now=None):
    """Mark published listings unconfirmed for LISTING_CONFIRM_MONTHS as not confirmed current; returns how many.

    The mark is the search facet "Confirmed by its owner" and the stale count of the statistics.
    ``updated_at`` moves with it, so that every process's listing index reloads those rows.
    """
    now = now or timezone.now()
    cutoff = stale_before(now)
    marked = 0
    with transaction.atomic():
        for model in LISTING_MODELS.values():
            marked += (
                model.objects.published().filter(confirmed_current=True)
                .filter(Q(last_confirmed_at__lt=cutoff) | Q(last_confirmed_at=None, published_at__lt=cutoff))
                .update(confirmed_current=False, updated_at=now)
            )
    return marked


def remind_stale_listings(*, now=None):
    """Ask the owner of every listing unconfirmed for LISTING_CONFIRM_MONTHS to confirm it, once; returns how many."""
    now = now or timezone.now()
    cutoff = stale_before(now)
    reminded = 0
    for model in LISTING_MODELS.values():
        due = (
            model.objects.published().filter(confirm_reminded_at__isnull=True)
            .annotate(confirmed=Coalesce("last_confirmed_at", "published_at")).filter(confirmed__lt=cutoff)
            .select_related("owner")
        )
        for listing in due:
            with transaction.atomic():
                if not model.objects.filter(pk=listing.pk, confirm_reminded_at__isnull=True).update(
                    confirm_reminded_at=now
                ):
                    continue  # another run reminded it meanwhile
                notify(
                    recipient=listing.owner, kind=NotificationKind.FRESHNESS_REMINDER,
                    title=f"Is your {listing.kind} “{listing}” still current?"[:200],
                    body=(f"It was last confirmed on {listing.confirmed.date():%d %B %Y}. If nothing has changed, "
                          "confirm it with one click; otherwise edit or withdraw it so that people who find it "
                          "are not misled."),
                    url=reverse("catalog:still_current", args=[still_current_token(listing)]),
                )
            reminded += 1
    return reminded


def archive_unconfirmed_listings(*, now=None):
    """Archive published listings still unconfirmed LISTING_CONFIRM_GRACE_DAYS after their reminder; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.LISTING_CONFIRM_GRACE_DAYS)
    reason = (f"Not confirmed as current within {settings.LISTING_CONFIRM_GRACE_DAYS} days of the reminder; "
              "reopen it and submit it again to publish it.")
    archived = 0
    for model in LISTING_MODELS.values():
        for pk in model.objects.published().filter(confirm_reminded_at__lt=cutoff).values_list("pk", flat=True):
            with transaction.atomic():
                listing = model.objects.select_for_update(of=("self",)).select_related("owner").get(pk=pk)
                if listing.status != Status.PUBLISHED or not listing.confirm_reminded_at or listing.confirm_reminded_at >= cutoff:
                    continue  # confirmed or changed meanwhile
                listing.status = Status.ARCHIVED
                listing.save()  # save(): the index and matching jobs follow the status, as for a transition
                record_audit(listing=listing, actor=None, action="archive-unconfirmed",
                             from_status=Status.PUBLISHED, to_status=Status.ARCHIVED, reason=reason)
                notify(
                    recipient=listing.owner, kind=NotificationKind.FRESHNESS_REMINDER,
                    title=f"Your {listing.kind} “{listing}” was archived: it was not confirmed as current"[:200],
                    body=reason, url=listing.get_absolute_url(),
                )
            archived += 1
    return archived

