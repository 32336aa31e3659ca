"""The frequent terms of the full-text index, held per process, for long queries on SQLite.

A pasted need description matches on any of its ~30 key terms
(backends.KeywordBackend), and FTS5 then reads and scores every posting of
every term: at 100,000 listings ~90 ms for the bare query and ~240 ms p95
through the engine (docs/benchmarks.md, 2026-11-26), against a keyword
target of 20 ms. The postings that cost most belong to a few frequent
terms, so this index keeps, for every term found in at least
FREQUENT_SHARE of the full-text rows (and MIN_FREQUENT_ROWS), its postings as
(row, hits in the title and body), and computes FTS5's bm25 from them
(fts5_aux.c):

    bm25 = sum over the query's terms of IDF * f * (K1 + 1) / (f + K1 * (1 - B + B * D / avgdl))

with IDF = log((N - n + 0.5) / (n + 0.5)), at least 1e-6; N the rows of
the table, n those with the term in the title or body, f the term's hits
there, D the row's tokens in all columns and avgdl their mean. The query's
other terms (rarer ones, and words that FTS5 might split or fold
differently from how they are written: anything not plain ASCII letters
and digits) are read from FTS5 in one "or" query; FTS5's bm25 of that is
the sum of theirs, so the two parts add up to FTS5's bm25 of the whole
query (tests compare the two). Scores come back as FTS5 gives them:
negated, lower is better.

Counts are kept, not scores, so a write touches only the rows written. A
changed row is read again into an overlay, its tokens counted by a
temporary FTS5 table with the same (default) tokenizer; its postings in the
base arrays are then ignored, the term frequencies adjusted, and N and
avgdl follow from the row lengths. Rows written in this process are marked
by signals.py; other processes' writes are found as the listing index finds
them: at most every CHECK_INTERVAL seconds, new full-text rows by rowid and
the rows of listings whose ``updated_at`` moved, and every COUNT_INTERVAL
seconds the row count, which reveals deletions. When more than
MAX_CHANGED_SHARE of the rows have changed, the index is built again.

Threads: as the other in-process indexes (decision 20), ``get_index``
hands out a view, and a refresh replaces arrays instead of writing into them.
"""

import copy
import json
import math
from datetime import timedelta

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Max
from modelsearch.models import IndexEntry

from . import fts_terms
from .listing_index import IdRows
from .vector_index import CHECK_INTERVAL, COUNT_INTERVAL, Holder, grown

# FTS5's bm25() constants.
K1 = 1.2
B = 0.75
# A term is kept when at least this share of the rows (and MIN_FREQUENT_ROWS) hold it.
# Reading a rarer term from FTS5 costs about as much as the query's round trip.
FREQUENT_SHARE = 1 / 5000
MIN_FREQUENT_ROWS = 20
# Changed rows beyond this share of the table make the next refresh a full build.
MAX_CHANGED_SHARE = 0.1
# Listings written this long before the newest change seen are read again, as
# transactions commit in a different order than their timestamps.
_OVERLAP = timedelta(seconds=60)

_TABLE = "modelsearch_indexentry_fts"
# The columns a keyword query searches (fts_terms.ALL_TEXT).
_TEXT_COLUMNS = "('title', 'body')"


class TermIndex:
    def __init__(self):
        self.entries = IdRows()  # full-text rowids -> positions
        self.lengths = np.zeros(0, dtype=np.int64)  # tokens of each row in all columns
        self.present = np.zeros(0, dtype=bool)  # False once a row is deleted
        self.term_ids = {}  # term as FTS5 indexes it -> term id
        self.postings = []  # per term id: (positions ascending int32, hits uint16), as built
        self.built_frequency = np.zeros(0, dtype=np.int64)  # per term id: rows with it, as built
        self.frequency = self.built_frequency  # ... and now
        self.built_rows = 0  # positions below this have base postings
        self.changed = np.zeros(0, dtype=np.int64)  # positions whose base postings are out of date
        self.changed_built = np.zeros(0, dtype=np.int64)  # per term id: changed rows among its base postings
        # Postings of the changed rows, ordered by term id.
        self.overlay_terms = np.zeros(0, dtype=np.int32)
        self.overlay_positions = np.zeros(0, dtype=np.int32)
        self.overlay_hits = np.zeros(0, dtype=np.uint16)
        self.row_count = 0
        self.norms = np.zeros(0)  # K1 * (1 - B + B * D / avgdl) per position
        self.state = None  # what the database looked like when last read (_state)
        self.last_rowid = 0

    # -- reading ------------------------------------------------------------------

    @property
    def posting_count(self):
        return sum(len(positions) for positions, _ in self.postings) + len(self.overlay_positions)

    @property
    def nbytes(self):
        arrays = [self.entries.ids, self.lengths, self.present, self.norms, self.overlay_terms,
                  self.overlay_positions, self.overlay_hits]
        arrays += [array for pair in self.postings for array in pair]
        return sum(array.nbytes for array in arrays)

    def any_term(self, terms):
        """(rowids, bm25 as FTS5 gives it) of the full-text rows with any of ``terms`` in the title or body."""
        kept, others = [], []
        for term in terms:
            term_id = self.term_ids.get(term.lower()) if term.isascii() and term.isalnum() else None
            if term_id is None:
                others.append(term)
            else:
                kept.append(term_id)
        scores = np.zeros(len(self.entries))
        for term_id in kept:
            self._add(scores, term_id, *self.postings[term_id])
        if len(self.changed):
            scores[self.changed] = 0.0
            kept_ids = np.array(kept, dtype=np.int32)
            bounds = np.searchsorted(self.overlay_terms, kept_ids)
            ends = np.searchsorted(self.overlay_terms, kept_ids, side="right")
            for term_id, start, end in zip(kept, bounds, ends, strict=True):
                self._add(scores, term_id, self.overlay_positions[start:end], self.overlay_hits[start:end])
        if others:
            rowids, fts5_scores = fts_terms.matches(fts_terms.expression(others, "OR"))
            positions = self.entries.rows_for(rowids)
            known = positions >= 0  # rows newer than this index wait for its next refresh
            scores[positions[known]] -= fts5_scores[known]
        matched = np.flatnonzero(scores)
        return self.entries.ids[matched], -scores[matched]

    def _add(self, scores, term_id, positions, hits):
        frequency = self.frequency[term_id]
        idf = max(math.log((self.row_count - frequency + 0.5) / (frequency + 0.5)), 1e-6)
        hits = hits.astype(np.float64)
        scores[positions] += idf * (K1 + 1) * hits / (hits + self.norms[positions])

    def view(self):
        """This index as it is now, unchanged by later refreshes (see the module docstring)."""
        view = copy.copy(self)
        view.entries = copy.copy(self.entries)
        return view

    # -- writing (on a copy, see refresh) -------------------------------------------

    def _set_rows(self, positions, lengths):
        """Give ``positions`` (rows read again or new) their lengths; 0 with present False for a deletion."""
        grown_lengths = grown(self.lengths, len(self.entries), 0)
        grown_present = grown(self.present, len(self.entries), False)
        grown_lengths[positions] = lengths
        grown_present[positions] = lengths >= 0
        grown_lengths[positions[lengths < 0]] = 0
        self.lengths, self.present = grown_lengths, grown_present

    def _measure(self):
        """Row count, average length and each row's length norm, from the row lengths."""
        self.row_count = int(self.present.sum())
        average = self.lengths.sum() / self.row_count if self.row_count else 1.0
        self.norms = K1 * (1 - B + B * self.lengths / average)


def frequent_rows(row_count):
    """The fewest rows a term must be in to be kept, in a table of ``row_count`` rows."""
    return max(MIN_FREQUENT_ROWS, math.ceil(FREQUENT_SHARE * row_count))


def get_index():
    """This process's up-to-date term index (a view, see the module docstring)."""
    return _holder.get(_refresh, CHECK_INTERVAL, COUNT_INTERVAL)


def changed(model, pk=None):
    """Make this process read listing ``pk`` of ``model`` again (or count the rows) on next use."""
    _holder.mark(None if pk is None else (model, pk))


def forget():
    global _holder
    _holder = Holder(None)


_holder = Holder(None)


def _listing_models():
    from verdex.catalog.models import LISTING_MODELS  # catalog imports search at start-up

    return list(LISTING_MODELS.values())


def _state(previous, count):
    """(latest full-text rowid, row count, latest ``updated_at`` of each listing kind).

    The row count is read with ``count``, or when anything else moved.
    """
    latest = tuple(model.objects.aggregate(latest=Max("updated_at"))["latest"] for model in _listing_models())
    last_rowid = IndexEntry.objects.aggregate(last=Max("pk"))["last"] or 0
    if previous is not None and not count and (last_rowid, *latest) == (previous[0], *previous[2:]):
        return previous
    return (last_rowid, IndexEntry.objects.count(), *latest)


def _refresh(index, pending, count):
    if index is None:
        return build()
    state = _state(index.state, count)
    if state == index.state and not pending:
        return index
    rowids = set(IndexEntry.objects.filter(pk__gt=index.last_rowid).values_list("pk", flat=True))
    written = {}
    for model, pk in pending:
        written.setdefault(model, set()).add(pk)
    watermark = max((latest for latest in index.state[2:] if latest is not None), default=None)
    if watermark is not None and state[2:] != index.state[2:]:
        for model in _listing_models():
            since = model.objects.filter(updated_at__gte=watermark - _OVERLAP).values_list("pk", flat=True)
            written.setdefault(model, set()).update(since)
    for model, pks in written.items():
        rowids.update(_rowids_of(model, pks))
    if len(rowids) + len(index.changed) > MAX_CHANGED_SHARE * max(index.row_count, 1):
        return build()  # e.g. after a bulk import: cheaper than reading the rows again first
    fresh = copy.copy(index)
    fresh.entries = copy.copy(index.entries)
    fresh.state, fresh.last_rowid = state, max(index.last_rowid, state[0])
    if rowids:
        _read_again(fresh, sorted(rowids))
    if state[1] != fresh.row_count:
        # Rows were deleted: find them among the rows this index holds.
        ids = np.fromiter(IndexEntry.objects.values_list("pk", flat=True), dtype=np.int64)
        held = fresh.entries.ids[fresh.present]
        _read_again(fresh, np.setdiff1d(held, ids).tolist())
    if len(fresh.changed) > MAX_CHANGED_SHARE * max(fresh.row_count, 1):
        return build()
    return fresh


def _rowids_of(model, pks):
    content_type = ContentType.objects.get_for_model(model)
    object_ids = [str(pk) for pk in pks]
    found = []
    for start in range(0, len(object_ids), 5000):
        found += IndexEntry.objects.filter(
            content_type=content_type, object_id__in=object_ids[start:start + 5000]
        ).values_list("pk", flat=True)
    return found


def _read_again(index, rowids):
    """Re-read the full-text rows ``rowids`` (new, changed or deleted) into ``index``'s overlay."""
    if not rowids:
        return
    lengths, hits = _count_tokens(rowids, index.term_ids)
    positions = index.entries.add(rowids)
    index._set_rows(positions, np.array([lengths.get(rowid, -1) for rowid in rowids], dtype=np.int64))

    newly = np.setdiff1d(positions[positions < index.built_rows], index.changed)
    if len(newly):
        changed_built = index.changed_built.copy()
        for term_id, (base_positions, _) in enumerate(index.postings):
            if len(base_positions):
                at = np.minimum(np.searchsorted(base_positions, newly), len(base_positions) - 1)
                changed_built[term_id] += int(np.count_nonzero(base_positions[at] == newly))
        index.changed_built = changed_built
    index.changed = np.union1d(index.changed, positions)

    found = np.array([(rowid, term_id, count) for (rowid, term_id), count in hits.items()],
                     dtype=np.int64).reshape(-1, 3)
    keep = ~np.isin(index.overlay_positions, positions)
    terms = np.concatenate([index.overlay_terms[keep], found[:, 1].astype(np.int32)])
    order = np.argsort(terms, kind="stable")
    index.overlay_terms = terms[order]
    index.overlay_positions = np.concatenate(
        [index.overlay_positions[keep], index.entries.rows_for(found[:, 0]).astype(np.int32)])[order]
    index.overlay_hits = np.concatenate([index.overlay_hits[keep], found[:, 2].astype(np.uint16)])[order]
    index.frequency = (index.built_frequency - index.changed_built
                       + np.bincount(index.overlay_terms, minlength=len(index.postings)))
    index._measure()


def _count_tokens(rowids, term_ids):
    """({rowid: tokens in all columns}, {(rowid, term id): hits in the title and body}) of ``rowids``.

    FTS5 tokenizes a copy of the rows in a temporary table, so the counts are
    exactly those of the index; only the terms in ``term_ids`` are returned.
    """
    with connection.cursor() as cursor:
        cursor.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.verdex_rows_fts USING fts5(autocomplete, body, title)")
        cursor.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.verdex_rows_instance "
                       "USING fts5vocab(temp, verdex_rows_fts, instance)")
        cursor.execute("DELETE FROM temp.verdex_rows_fts")
        cursor.execute(
            f"INSERT INTO temp.verdex_rows_fts (rowid, autocomplete, body, title) "
            f"SELECT rowid, autocomplete, body, title FROM main.{_TABLE} "
            f"WHERE rowid IN (SELECT value FROM json_each(%s))", [json.dumps([int(rowid) for rowid in rowids])])
        cursor.execute("SELECT id FROM temp.verdex_rows_fts_docsize")
        lengths = {rowid: 0 for (rowid,) in cursor.fetchall()}
        cursor.execute(f"SELECT doc, term, count(*), sum(col IN {_TEXT_COLUMNS}) "
                       f"FROM temp.verdex_rows_instance GROUP BY doc, term")
        hits = {}
        for rowid, term, tokens, text_hits in cursor.fetchall():
            lengths[rowid] += tokens
            term_id = term_ids.get(term)
            if term_id is not None and text_hits:
                hits[rowid, term_id] = text_hits
        cursor.execute("DELETE FROM temp.verdex_rows_fts")
    return lengths, hits


def build():
    """Read the whole full-text index's row lengths and frequent terms (one consistent snapshot)."""
    index = TermIndex()
    with transaction.atomic(), connection.cursor() as cursor:
        index.state = _state(None, count=True)
        index.last_rowid = index.state[0]
        cursor.execute(f"SELECT id, sz FROM {_TABLE}_docsize ORDER BY id")
        rowids, lengths = [], []
        while batch := cursor.fetchmany(50_000):
            for rowid, size in batch:
                rowids.append(rowid)
                lengths.append(_varint_sum(size))
        positions = index.entries.add(rowids)
        index._set_rows(positions, np.array(lengths, dtype=np.int64))
        index.built_rows = len(rowids)
        index._measure()

        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.verdex_fts_row USING fts5vocab(main, {_TABLE}, row)")
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.verdex_fts_instance "
                       f"USING fts5vocab(main, {_TABLE}, instance)")
        cursor.execute("SELECT term FROM temp.verdex_fts_row WHERE doc >= %s",
                       [frequent_rows(index.row_count)])
        frequency = []
        for (term,) in cursor.fetchall():
            cursor.execute(f"SELECT group_concat(doc) FROM temp.verdex_fts_instance "
                           f"WHERE term = %s AND col IN {_TEXT_COLUMNS}", [term])
            (docs,) = cursor.fetchone()
            if not docs:  # only in the autocomplete column
                continue
            # One instance per hit: the rowids of a row's hits are adjacent.
            docs = np.sort(np.fromstring(docs, dtype=np.int64, sep=","))
            starts = np.flatnonzero(np.concatenate([[True], docs[1:] != docs[:-1]]))
            hits = np.diff(np.append(starts, len(docs)))
            index.term_ids[term] = len(index.postings)
            index.postings.append((index.entries.rows_for(docs[starts]).astype(np.int32),
                                   np.minimum(hits, np.iinfo(np.uint16).max).astype(np.uint16)))
            frequency.append(len(starts))
    index.built_frequency = index.frequency = np.array(frequency, dtype=np.int64)
    index.changed_built = np.zeros(len(frequency), dtype=np.int64)
    return index


def _varint_sum(blob):
    """Sum of the SQLite varints in ``blob``: FTS5's docsize row holds one per column."""
    total = value = 0
    for byte in blob:
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            total, value = total + value, 0
    return total
