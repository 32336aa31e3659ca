"""Spotting a listing that looks like one already on the site.

"Looks like" is the import rule of verdex.imports.duplicates (Jaccard
similarity of at least 0.9 between word sets), reused here for listings saved
through the form or the API. Nothing is stored: the check runs when an
editor or a moderator opens the listing, so a flag disappears by itself once
either text changes or the other listing is deleted.

Cost: comparing with every listing of a kind would read the whole table on
every page view. Two texts that share 90% of their words almost always share
the distinctive words of the title, so candidates are only the listings whose
title contains one of this title's ``TITLE_PROBES`` longest words (longer
words are rarer). That is one query whose ``LIKE`` tests run over the short
title column inside the database; it returns at most ``MAX_CANDIDATES`` rows,
those matching the most probes first, and only they are compared exactly in
Python. A listing that shares none of those words in its title is not found;
that is the price of not reading the table.
"""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, Value, When

from verdex.imports.duplicates import DuplicateFinder, listing_text, words

from . import permissions

TITLE_PROBES = 3
MAX_CANDIDATES = 200

# The columns listing_text reads for each kind.
TEXT_FIELDS = {
    "technology": ("title", "summary"),
    "need": ("title", "description"),
    "expert": ("full_name", "title", "description"),
}


@dataclass(frozen=True)
class Duplicate:
    """The listing another one looks like, as far as ``viewer`` may know it."""

    listing: object
    viewer_may_open: bool


def _text_values(listing):
    return {name: getattr(listing, name) for name in TEXT_FIELDS[listing.kind]}


def likely_duplicate(listing):
    """The listing of the same kind that ``listing`` near-repeats, or None."""
    own_words = words(*listing_text(listing.kind, _text_values(listing)))
    probes = sorted(words(listing.title), key=lambda word: (-len(word), word))[:TITLE_PROBES]
    if not own_words or not probes:
        return None
    title_has_a_probe = Q()
    for word in probes:
        title_has_a_probe |= Q(title__icontains=word)
    probes_matched = sum(
        (Case(When(title__icontains=word, then=Value(1)), default=Value(0), output_field=IntegerField())
         for word in probes),
        Value(0),
    )
    model = type(listing)
    rows = (
        model.objects.filter(title_has_a_probe).exclude(pk=listing.pk)
        .annotate(probes_matched=probes_matched).order_by("-probes_matched", "pk")
        .values("pk", *TEXT_FIELDS[listing.kind])[:MAX_CANDIDATES]
    )
    finder = DuplicateFinder(
        (row["pk"], row["title"], words(*listing_text(listing.kind, row))) for row in rows
    )
    found = finder.find(own_words)
    if found is None:
        return None
    return model.objects.select_related("owner", "organisation").get(pk=found[0])


def duplicate_for(listing, viewer):
    """The possible duplicate to show ``viewer``, who edits or moderates ``listing``; else None.

    Others' drafts stay secret: the viewer learns that an unpublished listing
    looks the same, but gets no link or title unless they may open it.
    """
    if not (permissions.can_edit(viewer, listing) or (viewer.is_authenticated and viewer.is_moderator)):
        return None
    other = likely_duplicate(listing)
    if other is None:
        return None
    return Duplicate(listing=other, viewer_may_open=permissions.can_view(viewer, other))
