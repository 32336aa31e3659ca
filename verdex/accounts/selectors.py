"""Reads for a member's own pages: the dashboard and the profile."""

from collections import defaultdict

from django.db.models import Q

from verdex.catalog.models import LISTING_MODELS, Bookmark
from verdex.catalog.permissions import admin_organisation_ids, editable_filter, visible_filter
from verdex.connections.models import Connection
from verdex.organisations.models import Membership, Organisation

LATEST_CONNECTIONS = 10


def own_listings(*, user):
    """The user's technologies, needs and expert profiles, by kind, newest first."""
    return {
        kind: list(model.objects.filter(owner=user).select_related("organisation").order_by("-updated_at"))
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
