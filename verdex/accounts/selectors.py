"""Reads for a member's own pages: the dashboard, the profile and the download of their data."""

from collections import defaultdict

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.utils import timezone

from verdex.api.models import ApiToken
from verdex.catalog.models import LISTING_MODELS, Bookmark, Status
from verdex.catalog.permissions import admin_organisation_ids, editable_filter, visible_filter
from verdex.connections.models import Connection
from verdex.imports.models import ImportJob
from verdex.matching.models import MatchFeedback, MatchSeen
from verdex.moderation.models import AuditEntry, Report
from verdex.notifications.models import EmailPreference, Notification, SavedSearch
from verdex.organisations.models import Invitation, Membership, Organisation

LATEST_CONNECTIONS = 10


def own_listings(*, user):
    """The user's technologies, needs and expert profiles, by kind, newest first."""
    return {
        kind: list(
            model.objects.filter(owner=user).exclude(status=Status.DELETED)
            .select_related("organisation").order_by("-updated_at")
        )
        for kind, model in LISTING_MODELS.items()
    }


def organisation_listings(*, user):
    """Listings of organisations the user administers that someone else owns."""
    return [
        listing
        for model in LISTING_MODELS.values()
        for listing in model.objects.filter(editable_filter(user))
        .exclude(owner=user)
        .select_related("organisation", "owner")
        .order_by("organisation__name", "-updated_at")
    ]


def administered_organisations(*, user):
    return Organisation.objects.filter(pk__in=admin_organisation_ids(user))


def memberships(*, user):
    return Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")


def latest_connections(*, user):
    received = Connection.objects.filter(owner=user).select_related("requester")
    sent = Connection.objects.filter(requester=user).select_related("owner")
    return {
        "received": list(received[:LATEST_CONNECTIONS]),
        "sent": list(sent[:LATEST_CONNECTIONS]),
    }


def visible_bookmarks(*, user):
    """The user's bookmarks with their listings, skipping ones they can no longer open.

    A bookmark points at a listing through a generic relation; rather than one
    query per bookmark, the listings of each kind are fetched in one query,
    filtered by what the user may see.
    """
    bookmarks = list(Bookmark.objects.filter(user=user).select_related("content_type"))
    ids_by_type = defaultdict(set)
    for bookmark in bookmarks:
        ids_by_type[bookmark.content_type].add(bookmark.object_id)
    listings = {}
    for content_type, ids in ids_by_type.items():
        model = content_type.model_class()
        if model not in LISTING_MODELS.values():
            continue
        for listing in model.objects.filter(Q(pk__in=ids) & visible_filter(user)):
            listings[content_type.pk, listing.pk] = listing
    resolved = []
    for bookmark in bookmarks:
        listing = listings.get((bookmark.content_type_id, bookmark.object_id))
        if listing is not None:
            resolved.append({"bookmark": bookmark, "listing": listing})
    return resolved


def dashboard(*, user):
    connections = latest_connections(user=user)
    return {
        "own": own_listings(user=user),
        "organisation_listings": organisation_listings(user=user),
        "administered_organisations": administered_organisations(user=user),
        "connections_received": connections["received"],
        "connections_sent": connections["sent"],
        "bookmarks": visible_bookmarks(user=user),
    }


# The download of one's own data ---------------------------------------------------

PROFILE_FIELDS = ["email", "display_name", "first_name", "last_name", "job_title", "country", "languages",
                  "bio", "date_joined", "last_login"]


def _row(instance, names=None, *, leave_out=()):
    """``instance``'s fields as JSON-ready values: related rows by their name, many-to-many as lists."""
    row = {}
    for field in instance._meta.concrete_fields + instance._meta.many_to_many:
        if (names is not None and field.name not in names) or field.name in leave_out:
            continue
        if field.many_to_many:
            row[field.name] = [str(related) for related in getattr(instance, field.name).all()]
        elif field.is_relation:
            related = getattr(instance, field.name)
            row[field.name] = str(related) if related is not None else None
        else:
            row[field.name] = getattr(instance, field.attname)
    return row


def _rows(queryset, names=None, *, leave_out=()):
    return [_row(instance, names, leave_out=leave_out) for instance in queryset]


def _listings(user):
    listings = {}
    for kind, model in LISTING_MODELS.items():
        links = [field.name for field in model._meta.many_to_many]
        related = [field.name for field in model._meta.concrete_fields if field.is_relation]
        owned = model.objects.filter(owner=user).select_related(*related).prefetch_related(*links)
        listings[kind] = _rows(owned.order_by("pk"), leave_out=("owner",))
    return listings


def _connections(user):
    connections = (
        Connection.objects.filter(Q(requester=user) | Q(owner=user))
        .select_related("requester", "owner", "about_need", "content_type")
        .prefetch_related("events__actor")
        .order_by("created_at", "pk")
    )
    return [
        {
            "your_role": "requester" if connection.requester_id == user.pk else "listing owner",
            "listing_kind": connection.content_type.model,
            "listing_title": connection.listing_title,
            "other_party": (connection.owner if connection.requester_id == user.pk else connection.requester).name,
            **_row(connection, ["message", "stage", "decline_reason", "agreement_type", "created_at",
                                "updated_at", "about_need"]),
            "events": [
                {"by": "you" if event.actor_id == user.pk else event.actor.name,
                 **_row(event, ["from_stage", "to_stage", "note", "at"])}
                for event in connection.events.all()
            ],
        }
        for connection in connections
    ]


def _bookmarks(user):
    return [
        {"kind": entry["listing"].kind, "listing_id": entry["listing"].pk, "title": entry["listing"].title,
         "created_at": entry["bookmark"].created_at}
        for entry in visible_bookmarks(user=user)
    ]


def personal_data(*, user):
    """Everything Verdex holds about ``user``, for them to download (data portability).

    The secret parts of API tokens are never stored, so only their names and
    dates are here; others' messages appear only inside connections the user
    took part in.
    """
    return {
        "exported_at": timezone.now(),
        "profile": _row(user, PROFILE_FIELDS),
        "email_addresses": _rows(EmailAddress.objects.filter(user=user), ["email", "verified", "primary"]),
        "memberships": _rows(
            Membership.objects.filter(user=user).select_related("organisation"), ["organisation", "role", "joined_at"]
        ),
        "invitations_sent": _rows(
            Invitation.objects.filter(invited_by=user).select_related("organisation"),
            ["organisation", "email", "role", "created_at", "accepted_at"],
        ),
        "listings": _listings(user),
        "connections": _connections(user),
        "bookmarks": _bookmarks(user),
        "match_feedback": _rows(
            MatchFeedback.objects.filter(user=user).select_related("need", "technology", "expert"),
            leave_out=("user", "id"),
        ),
        "matches_seen": _rows(MatchSeen.objects.filter(user=user).select_related("need"), ["need", "seen_at"]),
        "reports_filed": [
            {"listing": str(report.listing) if report.listing else None,
             **_row(report, ["reason", "details", "state", "resolution_note", "created_at", "handled_at"])}
            for report in Report.objects.filter(reporter=user).prefetch_related("listing")
        ],
        "notifications": _rows(Notification.objects.filter(recipient=user),
                               ["kind", "title", "body", "url", "created_at", "read_at", "emailed_at"]),
        "email_preferences": _rows(EmailPreference.objects.filter(user=user), ["kind", "frequency"]),
        "saved_searches": _rows(SavedSearch.objects.filter(user=user),
                                ["name", "kind", "text", "mode", "filters", "frequency", "paused", "created_at",
                                 "last_sent_at"]),
        "api_tokens": _rows(ApiToken.objects.filter(user=user),
                            ["name", "prefix", "created_at", "last_used_at", "revoked_at"]),
        "imports_started": _rows(
            ImportJob.objects.filter(started_by=user).select_related("organisation").defer("report"),
            ["organisation", "kind", "format", "original_name", "status", "created_at", "finished_at"],
        ),
        "your_actions_in_the_audit_log": _rows(
            AuditEntry.objects.filter(actor=user), ["action", "object_repr", "from_status", "to_status",
                                                   "reason", "at"],
        ),
    }
