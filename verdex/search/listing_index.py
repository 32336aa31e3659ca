"""An in-process column store of the listings, for facet counts and the published check.

What a search engine keeps as "doc values": per listing kind, one row per
listing with its published flag and the value of every facet as a small
integer code. With it the ten facet counts of 25,000 matches are ten
``bincount`` calls, and on SQLite the keyword index's hits are checked
against the published flags in numpy (backends.KeywordIndexMatch).
Measured at 100,000 listings (decision 17): grouped SQL counts took ~1 s
for a one-word query on SQLite and ~1.9 s on PostgreSQL (10 facets of
25,651 matches). Organisations, a small table, are still counted in SQL.

Freshness, as for the vector index (vector_index.py, decision 16): saving a
listing, or changing its many-to-many values, in this process marks it for
reloading at once (signals.py); other processes notice changes through
index seeks for the latest ``updated_at`` of the listings, the published
listings and the organisations, made at most every CHECK_INTERVAL seconds,
with row counts every COUNT_INTERVAL seconds. Changed listings are reloaded
by their ``updated_at``; deletions, and a changed organisation (its type is a
facet), rebuild the whole index (~2 s of CPU at 100,000 listings).

Threads: ``get_index`` hands out a view made under the lock, and a refresh
never writes into an array a view may hold: it writes into a copy (or a
newly grown array) and then puts that in place, so a search on one thread
sees one consistent state while another thread refreshes.
"""

import copy
import threading
from datetime import timedelta

import numpy as np

from verdex.catalog.models import Status
from verdex.organisations.models import Organisation

from .sql import pk_in
from .vector_index import CHECK_INTERVAL, COUNT_INTERVAL, Holder, grown, rows_of, signature

# Rows written this long before the newest change seen are read again, as
# transactions commit in a different order than their timestamps.
_OVERLAP = timedelta(seconds=60)


class IdRows:
    """Row numbers of ids, in the order the ids were added, with sorted lookup."""

    def __init__(self):
        self.ids = np.zeros(0, dtype=np.int64)
        self._sorted_ids = self.ids
        self._sorted_rows = np.zeros(0, dtype=np.int64)

    def __len__(self):
        return len(self.ids)

    def rows_for(self, ids):
        """Row of each id, or -1 where the id is unknown."""
        return rows_of(ids, self._sorted_ids, self._sorted_rows)

    def add(self, ids):
        """Rows of ``ids`` (unique), appending those not known yet."""
        ids = np.asarray(ids, dtype=np.int64)
        rows = self.rows_for(ids)
        new = rows < 0
        if new.any():
            rows[new] = np.arange(len(self.ids), len(self.ids) + int(new.sum()))
            self.ids = np.concatenate([self.ids, ids[new]])
            self._sorted_rows = np.argsort(self.ids, kind="stable")
            self._sorted_ids = self.ids[self._sorted_rows]
        return rows


class FacetColumn:
    """One facet's values as codes: one per row, or (row, code) pairs for a many-valued facet."""

    def __init__(self, facet):
        self.facet = facet
        self.values = []  # code -> database value
        self._codes = {}
        self.codes = np.zeros(0, dtype=np.int32)  # single-valued: code per row, -1 = none
        self.pair_rows = np.zeros(0, dtype=np.int64)  # many-valued
        self.pair_codes = np.zeros(0, dtype=np.int32)

    def code(self, value):
        if value is None:
            return -1
        code = self._codes.get(value)
        if code is None:
            code = self._codes[value] = len(self.values)
            self.values.append(value)
        return code

    def set_single(self, rows, values, size):
        """Set the code of ``rows`` (in a copy grown to ``size`` rows, see the module docstring)."""
        codes = grown(self.codes, size, -1)
        codes[rows] = np.fromiter((self.code(value) for value in values), dtype=np.int32, count=len(rows))
        self.codes = codes

    def set_pairs(self, reloaded_rows, rows, values):
        """Replace the pairs of ``reloaded_rows`` by (rows[i], values[i])."""
        keep = ~np.isin(self.pair_rows, reloaded_rows)
        codes = np.fromiter((self.code(value) for value in values), dtype=np.int32, count=len(rows))
        self.pair_rows = np.concatenate([self.pair_rows[keep], np.asarray(rows, dtype=np.int64)])
        self.pair_codes = np.concatenate([self.pair_codes[keep], codes])

    def holding(self, values, size):
        """Boolean per row (of ``size``): the row holds one of ``values`` (database values)."""
        codes = [self._codes[value] for value in values if value in self._codes]
        if self.facet.many:
            held = np.zeros(size, dtype=bool)
            held[self.pair_rows[np.isin(self.pair_codes, codes)]] = True
            return held
        return np.isin(self.codes, codes)

    def counts(self, rows, size):
        """{database value: number of ``rows`` having it}; ``rows`` are unique row numbers."""
        if self.facet.many:
            selected = np.zeros(size, dtype=bool)
            selected[rows] = True
            codes = self.pair_codes[selected[self.pair_rows]]
        else:
            codes = self.codes[rows]
            codes = codes[codes >= 0]
        counted = np.bincount(codes, minlength=len(self.values))
        return {self.values[code]: int(counted[code]) for code in np.flatnonzero(counted)}


class ListingIndex:
    def __init__(self, model, facets):
        self.model = model
        self.facets = facets
        self.rows = IdRows()
        self.published = np.zeros(0, dtype=bool)
        self.columns = {facet.name: FacetColumn(facet) for facet in facets}
        self.listing_signature = None
        self.published_signature = None
        self.organisation_signature = None
        self.watermark = None

    # -- reading --------------------------------------------------------------

    @property
    def size(self):
        return len(self.rows)

    def published_rows(self):
        return np.flatnonzero(self.published)

    def published_rows_of(self, ids):
        """Rows of the published listings among ``ids``, in the order given."""
        rows = self.rows.rows_for(ids)
        rows = rows[rows >= 0]
        return rows[self.published[rows]]

    def passing(self, facet_filters):
        """Boolean per row: published and holding a selected value of every filter (facets.FacetFilter).

        The columns answer what the filters' SQL would, without a query (a field
        filter's join costs ~65 ms at 100,000 listings).
        """
        passing = self.published.copy()
        for facet_filter in facet_filters:
            column = self.columns[facet_filter.facet.name]
            passing &= column.holding(facet_filter.facet.index_values(facet_filter.values), self.size)
        return passing

    def rows_passing(self, facet_filters):
        return np.flatnonzero(self.passing(facet_filters))

    def ids_of(self, rows):
        return self.rows.ids[rows]

    def counts(self, facet_name, rows):
        return self.columns[facet_name].counts(rows, self.size)

    # -- loading ---------------------------------------------------------------

    def load(self, ids=None):
        """Read the listings ``ids`` again (all listings when None)."""
        listings = self.model.objects.all() if ids is None else self.model.objects.filter(pk_in(ids))
        single = [column for column in self.columns.values() if not column.facet.many]
        found = list(listings.order_by().values_list(
            "pk", "status", *(column.facet.path for column in single)))
        if not found:
            return
        rows = self.rows.add([row[0] for row in found])
        published = grown(self.published, self.size, False)
        published[rows] = [row[1] == Status.PUBLISHED for row in found]
        self.published = published
        for position, column in enumerate(single, start=2):
            column.set_single(rows, [row[position] for row in found], self.size)
        for column in self.columns.values():
            if column.facet.many:
                pairs = [pair for pair in listings.order_by().values_list("pk", column.facet.path).distinct()
                         if pair[1] is not None]
                column.set_pairs(rows, self.rows.rows_for([pk for pk, _ in pairs]),
                                 [value for _, value in pairs])

    def reload_published(self):
        published = np.zeros(self.size, dtype=bool)
        rows = self.rows.rows_for(
            np.fromiter(self.model.objects.published().order_by().values_list("pk", flat=True), dtype=np.int64))
        published[rows[rows >= 0]] = True
        self.published = published

    def view(self):
        """This index as it is now, unchanged by later refreshes (see the module docstring)."""
        view = copy.copy(self)
        view.rows = copy.copy(self.rows)
        view.columns = {name: copy.copy(column) for name, column in self.columns.items()}
        return view


_entries = {}
_entries_lock = threading.Lock()


def get_index(model):
    """The up-to-date index of ``model``'s listings, with the facets of its search kind."""
    with _entries_lock:
        entry = _entries.get(model)
        if entry is None:
            entry = _entries[model] = Holder(ListingIndex(model, _facets_of(model)))
    return entry.get(_refresh, CHECK_INTERVAL, COUNT_INTERVAL)


def changed(model, pk=None):
    """Make this process reload listing ``pk`` of ``model`` (or re-check all) on next use."""
    with _entries_lock:
        entry = _entries.get(model)
    if entry is not None:
        entry.mark(pk)


def forget_all():
    with _entries_lock:
        _entries.clear()


def _facets_of(model):
    from .engine import REGISTRY  # the engine defines the kinds and imports this module

    return next(kind.facets for kind in REGISTRY.values() if kind.model is model)


def _refresh(index, pending, count):
    model = index.model
    listings = model.objects.all()
    listing_signature = signature(listings, index.listing_signature, count)
    organisation_signature = signature(Organisation.objects.all(), index.organisation_signature, count)
    rebuild = index.watermark is None or organisation_signature != index.organisation_signature
    if not rebuild and listing_signature != index.listing_signature:
        since = listings.filter(updated_at__gte=index.watermark - _OVERLAP)
        pending |= set(since.order_by().values_list("pk", flat=True))  # the updated_at index, unsorted
    if not rebuild and pending:
        index.load(sorted(pending))
        # More rows than listings: some were deleted; start again rather than track removals.
        rebuild = index.size > listing_signature[0]
    if rebuild:
        index = ListingIndex(model, index.facets)
        index.load()
    index.listing_signature = listing_signature
    index.organisation_signature = organisation_signature
    index.watermark = listing_signature[1]

    published_signature = signature(model.objects.published(), index.published_signature, count)
    if not rebuild and published_signature != index.published_signature:
        index.reload_published()
    index.published_signature = published_signature
    return index
