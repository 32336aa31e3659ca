"""Saved-search alerts: listings published since the last check, found through the search interface.

Each run asks ``verdex.search.engine.search`` for the saved query sorted by
newest and reads pages until it passes the previous check (SearchQuery has no
published-after filter; the listings' own ``published_at`` bounds the window).

A listing whose transaction commits a little after its ``published_at`` could
fall behind a check that ran in between. So each window starts OVERLAP before
the previous one ended, and the ids already alerted inside that overlap
(``recent_ids``) are left out: nothing missed, nothing sent twice.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from verdex.search.engine import search
from verdex.search.query import MAX_PER_PAGE, NEWEST, SearchQuery

from . import services
from .models import Kind, SavedSearch, absolute

logger = logging.getLogger(__name__)

OVERLAP = timedelta(minutes=10)
MAX_PAGES = 10  # at most 1,000 listings looked at per run; an alert names the first LISTED
LISTED = 10
PLURALS = {"technology": "technologies", "need": "needs", "expert": "experts"}


def published_between(saved_search, *, since, until):
    """The saved search's matches published in (since, until], newest first."""
    found = []
    for page in range(1, MAX_PAGES + 1):
        results = search(
            SearchQuery(
                kind=saved_search.kind, text=saved_search.text, mode=saved_search.mode,
                filters=saved_search.filters, sort=NEWEST, page=page, per_page=MAX_PER_PAGE,
            ),
            saved_search.user, with_facets=False,
        )
        for listing in results.items:
            if listing.published_at is None or listing.published_at <= since:
                return found
            if listing.published_at <= until:
                found.append(listing)
        if not results.page_obj.has_next():
            break
    return found


def start_from(saved_search, *, now):
    """Where a new (or resumed) search starts: now, with what it already finds in the overlap as seen."""
    saved_search.checked_until = now
    saved_search.recent_ids = [
        listing.pk for listing in published_between(saved_search, since=now - OVERLAP, until=now)
    ]


def run_saved_search(saved_search, *, now=None):
    """Check one saved search; notify its owner of new listings. Returns how many were new."""
    now = now or timezone.now()
    found = published_between(saved_search, since=saved_search.checked_until - OVERLAP, until=now)
    already = set(saved_search.recent_ids)
    new = [listing for listing in found if listing.pk not in already]
    with transaction.atomic():
        locked = SavedSearch.objects.select_for_update().filter(pk=saved_search.pk).first()
        if locked is None or locked.checked_until != saved_search.checked_until:
            return 0  # deleted, or another run checked it meanwhile
        if new:
            _notify(saved_search, new)
            locked.last_sent_at = now
        locked.checked_until = now
        locked.recent_ids = [listing.pk for listing in found if listing.published_at > now - OVERLAP]
        locked.save(update_fields=["checked_until", "recent_ids", "last_sent_at"])
    return len(new)


def _notify(saved_search, listings):
    plural = PLURALS[saved_search.kind]
    count = len(listings)
    noun = plural if count != 1 else saved_search.kind
    lines = [f"• {listing.title}: {absolute(listing.get_absolute_url())}" for listing in listings[:LISTED]]
    if count > LISTED:
        lines.append(f"… and {count - LISTED} more.")
    services.notify(
        recipient=saved_search.user,
        kind=Kind.SAVED_SEARCH_HIT,
        title=f"{count} new {noun} for your saved search “{saved_search.name}”",
        body="\n".join(lines),
        url=reverse("notifications:saved_search_results", args=[saved_search.pk]),
        email_frequency={"instant": "immediately"}.get(saved_search.frequency, saved_search.frequency),
    )


def run_saved_searches(*, frequency):
    """Check every active saved search of this frequency; returns how many listings were alerted."""
    total = 0
    due = SavedSearch.objects.filter(frequency=frequency, paused=False, user__is_active=True).select_related("user")
    for saved_search in due:
        try:
            total += run_saved_search(saved_search)
        except Exception:
            # One broken search (e.g. a facet value gone) must not stop everyone else's alerts.
            logger.exception("Saved search %s could not be run", saved_search.pk)
    return total
