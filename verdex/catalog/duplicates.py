"""Spotting a listing that copies one already on the site (or is copied by one).

The rules are verdex.catalog.near_duplicates (shared with the import dry
run). Nothing is stored: the check runs when an editor or a moderator opens
the listing, so a flag disappears by itself once either text changes or the
other listing is deleted.

Candidates, so that no page reads the whole table: listings of the kind
whose title contains one of this title's rarer words (one query, at most
``MAX_CANDIDATES`` rows, every status), and the published listings nearest in
meaning (the search model's vectors; this finds translated and reworded
copies, which share no words).
"""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, Value, When

from verdex.search.embeddings import get_embedder
from verdex.search.selectors import listing_vector, nearest_published

from . import permissions
from .near_duplicates import Embeddings, ListingText, first_copy, tokens

TITLE_PROBES = 3
MAX_CANDIDATES = 50
NEAREST = 10

# The columns compared besides the title: (lead, body) of near_duplicates.ListingText.
TEXT_FIELDS = {
    "technology": ("summary", "description"),
    "need": (None, "description"),
    "expert": ("full_name", "description"),
}


@dataclass(frozen=True)
class Duplicate:
    """The listing another one looks like, as far as ``viewer`` may know it."""

    listing: object
    viewer_may_open: bool


def text_of(kind, key, values):
    """The compared text of a listing (or import row) of ``kind`` from its field values."""
    lead, body = (str(values.get(name) or "") if name else "" for name in TEXT_FIELDS[kind])
    title = str(values.get("title") or "")
    return ListingText(key=key, title=title, body=body, lead=lead, label=title)


def columns(kind):
    """The columns ``text_of`` reads for ``kind``."""
    return ("title", *(name for name in TEXT_FIELDS[kind] if name))


def _values(listing):
    return {name: getattr(listing, name) for name in columns(listing.kind)}


def _title_candidates(listing):
    probes = sorted(set(tokens(listing.title)), key=lambda word: (-len(word), word))[:TITLE_PROBES]
    if not probes:
        return []
    has_probe = Q()
    for word in probes:
        has_probe |= Q(title__icontains=word)
    probes_matched = sum(
        (Case(When(title__icontains=word, then=Value(1)), default=Value(0), output_field=IntegerField())
         for word in probes),
        Value(0),
    )
    rows = (
        type(listing).objects.filter(has_probe).exclude(pk=listing.pk)
        .annotate(probes_matched=probes_matched).order_by("-probes_matched", "pk")
        .values("pk", *columns(listing.kind))[:MAX_CANDIDATES]
    )
    return [text_of(listing.kind, row["pk"], row) for row in rows]


def _meaning_candidates(listing, text, embeddings):
    model = type(listing)
    vector = listing_vector(model=model, pk=listing.pk) if listing.pk else None
    if vector is None:
        vector = embeddings([f"{text.title}. {text.body}"])[0]
    nearest = [pk for pk, _ in nearest_published(model=model, vector=vector, limit=NEAREST, exclude_ids=[listing.pk])]
    rows = model.objects.filter(pk__in=nearest).values("pk", *columns(listing.kind))
    return [text_of(listing.kind, row["pk"], row) for row in rows]


def likely_duplicate(listing, embeddings=None):
    """The listing of the same kind that ``listing`` copies or is copied by, or None.

    Pass one ``Embeddings`` to checks of many listings (a queue page) to embed each text once.
    """
    text = text_of(listing.kind, listing.pk, _values(listing))
    if not text.title_words:
        return None
    embeddings = embeddings or Embeddings(get_embedder())
    candidates = _title_candidates(listing)
    seen = {candidate.key for candidate in candidates}
    candidates += [c for c in _meaning_candidates(listing, text, embeddings) if c.key not in seen]
    found = first_copy(text, candidates, embeddings)
    if found is None:
        return None
    return type(listing).objects.select_related("owner", "organisation").get(pk=found[0].key)


def duplicates_for(listings, viewer):
    """``duplicate_for`` of each of ``listings``, embedding each text once for all of them."""
    embeddings = Embeddings(get_embedder())
    return [duplicate_for(listing, viewer, embeddings) for listing in listings]


def duplicate_for(listing, viewer, embeddings=None):
    """The possible duplicate to show ``viewer``, who edits or moderates ``listing``; else None.

    Others' drafts stay secret: the viewer learns that an unpublished listing
    looks the same, but gets no link or title unless they may open it.
    """
    if not (permissions.can_edit(viewer, listing) or (viewer.is_authenticated and viewer.is_moderator)):
        return None
    other = likely_duplicate(listing, embeddings)
    if other is None:
        return None
    return Duplicate(listing=other, viewer_may_open=permissions.can_view(viewer, other))
