"""Reads for the API: who a key belongs to, and the listings a caller may list."""

from django.db.models import prefetch_related_objects
from django.http import Http404

from verdex.catalog import permissions
from verdex.catalog.models import LISTING_MODELS
from verdex.catalog.selectors import get_visible_listing
from verdex.organisations.models import Organisation

from .models import ApiToken, hash_key

# Related rows every listing representation shows, per kind.
LISTING_RELATED = {
    "technology": (("organisation", "developed_in"), (
        "fields__root", "sdgs", "benefits", "availability", "available_in", "available_regions",
    )),
    "need": (("organisation", "country", "region"), ("fields__root", "sdgs", "desired_arrangements")),
    "expert": (("organisation", "country"), ("fields__root", "sdgs", "languages", "countries_served")),
}


def active_token(key):
    """The unrevoked token with this key whose user is active, else None."""
    if not key:
        return None
    return (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )


def tokens_of(user):
    return ApiToken.objects.filter(user=user)


def _with_related(queryset, kind):
    select, prefetch = LISTING_RELATED[kind]
    return queryset.select_related(*select).prefetch_related(*prefetch)


def published_listings(kind):
    return _with_related(LISTING_MODELS[kind].objects.published(), kind)


def editable_listings(kind, user):
    """The listings ``user`` may edit, whatever their status (their own and their organisations')."""
    return _with_related(LISTING_MODELS[kind].objects.filter(permissions.editable_filter(user)), kind)


def visible_listing(kind, pk, user):
    """The listing if ``user`` may see it, else 404 (the rule of the detail pages)."""
    listing = get_visible_listing(kind=kind, pk=pk, user=user)
    prefetch_listing_rows(kind, [listing])
    return listing


def prefetch_listing_rows(kind, rows):
    """Load the related rows the representation shows, a few queries for all of ``rows``."""
    select, prefetch = LISTING_RELATED[kind]
    prefetch_related_objects(rows, *select, *prefetch)


def editable_listing(kind, pk, user):
    """The listing if ``user`` may edit it, else 404, so others' drafts stay secret."""
    listing = editable_listings(kind, user).filter(pk=pk).first()
    if listing is None:
        raise Http404("No such listing.")
    return listing


def organisations():
    return Organisation.objects.select_related("country")
