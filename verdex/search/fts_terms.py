"""Full-text matches with bm25 scores from FTS5, and per-term postings kept per process.

FTS5's bm25 is a sum over the query's phrases of each phrase's own
contribution (its IDF times its saturated, length-normalised frequency in
the row), so a query's score of a row is exactly the sum of its terms'
single-term scores (tests check it against FTS5's own). A long query's "any
of ~30 terms" costs FTS5 as much as reading each term's postings, so those
are read one term at a time, as (rowids, scores), kept, and combined in
numpy; the frequent terms, whose postings cost most to read and score (a
fifth of 100,000 listings share "small"), recur across queries and are then
served from memory. A short query's "every term" is cheaper for FTS5 as one
expression (it scores only the rows in the intersection), so ``matches``
runs it directly and nothing is kept.

Scores depend on the whole FTS5 table (row count, average lengths), so the
cache is dropped when anything indexed may have changed: a listing saved in
this process (signals.py), or, checked at most every CHECK_INTERVAL seconds,
a new full-text row or a newer ``updated_at`` of any listing kind. A deleted
listing only shifts scores slightly until then (its rows no longer map to a
listing). At most CACHE_POSTINGS postings are kept, least recently used
first out.
"""

import threading
import time
from collections import OrderedDict

import numpy as np
from django.db import connection
from django.db.models import Max
from modelsearch.models import IndexEntry

from .vector_index import CHECK_INTERVAL

# 16 bytes each (rowid and score): at most ~256 MiB. At 100,000 listings every term
# of the benchmark's 240 queries fits; at a million one frequent term has ~250,000
# postings, and the 2,000,000 first chosen held the terms of one long query only.
CACHE_POSTINGS = 16_000_000

# FTS5 columns searched: the whole listing, or its title (for the title-first rule).
ALL_TEXT = "{title body}"
TITLE = "{title}"


class _Cache:
    def __init__(self):
        self.postings = OrderedDict()
        self.size = 0
        self.signature = None
        self.checked_at = 0.0
        self.lock = threading.Lock()

    def clear(self):
        self.postings.clear()
        self.size = 0


_cache = _Cache()


def expression(terms, operator, columns=ALL_TEXT):
    """The FTS5 query for ``terms`` (word characters only) joined by ``operator`` ("AND"/"OR") in ``columns``."""
    return f"{columns} : (" + f" {operator} ".join(f'"{term}"' for term in terms) + ")"


def matches(query, scores=True):
    """(rowids ascending, bm25 scores or None) of the FTS5 rows matching ``query``."""
    score = "bm25(modelsearch_indexentry_fts)" if scores else "NULL"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, {score} FROM modelsearch_indexentry_fts "
            "WHERE modelsearch_indexentry_fts MATCH %s ORDER BY rowid", [query])
        rows = cursor.fetchall()
    rowids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    if not scores:
        return rowids, None
    return rowids, np.fromiter((row[1] for row in rows), dtype=np.float64, count=len(rows))


def postings(term):
    """``matches`` of one term in the whole text, from the cache when it holds them."""
    with _cache.lock:
        _check()
        found = _cache.postings.get(term)
        if found is not None:
            _cache.postings.move_to_end(term)
            return found
    found = matches(expression([term], "AND"))
    with _cache.lock:
        _cache.postings[term] = found
        _cache.size += len(found[0])
        while _cache.size > CACHE_POSTINGS and len(_cache.postings) > 1:
            _, (dropped, _) = _cache.postings.popitem(last=False)
            _cache.size -= len(dropped)
    return found


def any_term(lists):
    """(rowids, summed scores) of the rows in at least one of ``lists``."""
    if not lists:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    rowids, inverse = np.unique(np.concatenate([pair[0] for pair in lists]), return_inverse=True)
    scores = np.bincount(inverse, weights=np.concatenate([pair[1] for pair in lists]),
                         minlength=len(rowids))
    return rowids, scores


def cached_bytes():
    with _cache.lock:
        return sum(rowids.nbytes + scores.nbytes for rowids, scores in _cache.postings.values())


def forget():
    """Drop the cached postings (the full-text index changed in this process)."""
    with _cache.lock:
        _cache.clear()
        _cache.checked_at = 0.0


def _check():
    now = time.monotonic()
    if now - _cache.checked_at < CHECK_INTERVAL:
        return
    signature = _signature()
    if signature != _cache.signature:
        _cache.clear()
        _cache.signature = signature
    _cache.checked_at = time.monotonic()


def _signature():
    from verdex.catalog.models import LISTING_MODELS  # catalog imports search at start-up

    latest = [model.objects.aggregate(latest=Max("updated_at"))["latest"] for model in LISTING_MODELS.values()]
    return IndexEntry.objects.aggregate(last=Max("pk"))["last"], *latest
