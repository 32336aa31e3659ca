"""Reads of listings; visibility rules come from catalog.permissions."""

from django.http import Http404

from . import permissions
from .models import LISTING_MODELS


def listing_model(kind):
    try:
        return LISTING_MODELS[kind]
    except KeyError:
        raise Http404("No such kind of listing.") from None


def get_visible_listing(*, kind, pk, user):
    """The listing, or 404 when it does not exist or ``user`` may not see it.

    A hidden listing answers 404 rather than 403 so drafts do not leak.
    """
    model = listing_model(kind)
    listing = model.objects.select_related("owner", "organisation").filter(pk=pk).first()
    if listing is None or not permissions.can_view(user, listing):
        raise Http404("No such listing.")
    return listing
