"""An in-process vector index per listing kind and embedding model.

Each process keeps, per (kind, model), a matrix of the stored vectors of that
kind (every status; a mask marks the published rows) and their listing ids,
sorted for lookup. A query is one matrix-vector product over all rows (~100k
x 512 is a few milliseconds), so there is no approximate index to tune. It
serves SQLite; on PostgreSQL pgvector's HNSW index does (pgvector_store.py,
chosen by vector_store.py).

The matrix holds bfloat16 values: the upper half of each float32, rounded.
That halves the memory (a million 512-dimension vectors: 977 MiB instead of
1,953) for a cosine error below 0.001 (normalised vectors; eval shows the
rankings unchanged, decision 19). numpy has no bfloat16 arithmetic, so a
query widens the matrix back to float32 a block of rows at a time, small
enough to stay in the CPU cache while it is multiplied: ~1.5 times the
float32 product (131 against 85 ms over a million rows, decision 19). A
large index is scored by SEARCH_SCORING_THREADS threads, each over its own
rows (numpy releases the GIL while it widens and multiplies): over a
million rows 132 → ~100 ms with two (decision 21).

Freshness: saving a listing or a vector in this process invalidates this
process's copy at once (see signals.py). Other processes (gunicorn workers,
the job worker) notice changes through a cheap signature query, made at most
every ``CHECK_INTERVAL`` seconds: the latest ``updated_at`` of the vectors and
of the published listings, one index seek each. Counting rows reads a whole
index range (tens of milliseconds at 100,000 rows, paid by whichever search
comes next), so the counts, which alone reveal deletions and bulk status
updates that leave ``updated_at`` alone, join the signature only every
``COUNT_INTERVAL`` seconds and after a change in this process. Changed
vectors are merged in incrementally; a change in the published set only
recomputes the mask.

Threads: a worker serves requests on several threads while one of them may
refresh the index. ``get_index`` hands out a view (a shallow copy made under
the lock), and a refresh never changes what a view can see: arrays are
replaced, not resized, and rows are appended past the view's size. The one
write in place, a changed vector over its old row, is at worst read half
old, half new by a query running at that moment.
"""

import copy
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import numpy as np
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max

from .models import Embedding
from .sql import pk_in

CHECK_INTERVAL = 2.0
COUNT_INTERVAL = 30.0
NEVER = float("-inf")
# Transactions commit in a different order than their timestamps; vectors
# written this long before the newest one seen are fetched again to be safe.
_OVERLAP = timedelta(seconds=60)
# Rows widened to float32 per step of a query: 512 x 512 x 4 bytes = 1 MiB (measured
# fastest here; far bigger blocks spill out of the cache and double the memory traffic).
_BLOCK_ROWS = 512
# Fewer rows than this per thread are scored on the calling thread alone: handing
# out the work would cost more than it saves.
_ROWS_PER_THREAD = 65_536


_pool = None
_pool_lock = threading.Lock()


def _scoring_pool():
    """Threads that score parts of an index; made on first use, so after gunicorn forks."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(settings.SEARCH_SCORING_THREADS, thread_name_prefix="vector-scoring")
        return _pool


def with_headroom(count):
    """Capacity for a first load of ``count`` vectors: room for new ones without a copy.

    Growing copies the whole matrix, which in a gunicorn worker forked from a
    warm arbiter turns 100 MiB of shared pages (at 100,000 listings) into
    private ones on the first new listing. Rows never written cost no memory
    (the allocator maps them lazily), so the headroom is free until used.
    """
    return count + max(4096, count // 10)


def rows_of(ids, sorted_ids, sorted_rows):
    """Row of each of ``ids`` given the known ids sorted and their rows, or -1 where unknown."""
    ids = np.asarray(ids, dtype=np.int64)
    if not len(sorted_ids) or not len(ids):
        return np.full(len(ids), -1, dtype=np.int64)
    positions = np.minimum(np.searchsorted(sorted_ids, ids), len(sorted_ids) - 1)
    return np.where(sorted_ids[positions] == ids, sorted_rows[positions], -1)


def grown(array, size, fill):
    """A copy of ``array`` extended to ``size`` entries with ``fill`` (a refresh writes into copies)."""
    copied = np.full(size, fill, dtype=array.dtype)
    copied[: len(array)] = array
    return copied


def to_bfloat16(vectors):
    """float32 values -> bfloat16 bit patterns (uint16), rounded to nearest, ties to even."""
    bits = np.ascontiguousarray(vectors, dtype=np.float32).view(np.uint32)
    return ((bits + (0x7FFF + ((bits >> 16) & 1))) >> 16).astype(np.uint16)


def from_bfloat16(halves):
    """bfloat16 bit patterns -> float32 values."""
    return (halves.astype(np.uint32) << 16).view(np.float32)


class VectorIndex:
    def __init__(self, dim):
        self.dim = dim
        self.matrix = np.zeros((0, dim), dtype=np.uint16)
        self.ids = np.zeros(0, dtype=np.int64)
        self.size = 0
        self._sorted_ids = self.ids
        self._sorted_rows = np.zeros(0, dtype=np.int64)
        self.published_rows = np.zeros(0, dtype=np.int64)
        self.vector_signature = None
        self.published_signature = None
        self.watermark = None

    # -- building -----------------------------------------------------------

    def upsert(self, ids, vectors):
        """Put ``vectors`` (n x dim) for listing ``ids``, replacing older ones."""
        if not len(ids):
            return
        vectors = to_bfloat16(vectors)
        rows = self.rows_for(ids)
        known = rows >= 0
        self.matrix[rows[known]] = vectors[known]
        new_ids, new_vectors = ids[~known], vectors[~known]
        if len(new_ids):
            needed = self.size + len(new_ids)
            if needed > len(self.matrix):
                self.reserve(max(needed, int(len(self.matrix) * 1.25) + 1024))
            self.matrix[self.size:needed] = new_vectors
            self.ids[self.size:needed] = new_ids
            self.size = needed
            live = self.ids[: self.size]
            self._sorted_rows = np.argsort(live, kind="stable")
            self._sorted_ids = live[self._sorted_rows]

    def reserve(self, capacity):
        """Room for ``capacity`` vectors (see ``with_headroom`` for a first load)."""
        if capacity <= len(self.matrix):
            return
        grown = np.empty((capacity, self.dim), dtype=np.uint16)
        grown[: self.size] = self.matrix[: self.size]
        self.matrix = grown
        grown_ids = np.empty(capacity, dtype=np.int64)
        grown_ids[: self.size] = self.ids[: self.size]
        self.ids = grown_ids

    def set_published(self, published_ids):
        rows = self.rows_for(np.asarray(published_ids, dtype=np.int64))
        self.published_rows = np.sort(rows[rows >= 0])

    def add_published(self, published_ids):
        """Mark more listings published (a new array: views keep the old one)."""
        rows = self.rows_for(np.asarray(published_ids, dtype=np.int64))
        self.published_rows = np.union1d(self.published_rows, rows[rows >= 0])

    # -- querying -----------------------------------------------------------

    def rows_for(self, ids):
        """Row of each listing id, or -1 where the listing has no vector."""
        return rows_of(ids, self._sorted_ids, self._sorted_rows)

    def scores(self, query_vector):
        """Cosine similarity of the query to every row (vectors are normalised)."""
        query = np.ascontiguousarray(query_vector, dtype=np.float32)
        scores = np.empty(self.size, dtype=np.float32)
        parts = max(1, min(settings.SEARCH_SCORING_THREADS, self.size // _ROWS_PER_THREAD))
        if parts == 1:
            self._score(query, 0, self.size, scores)
            return scores
        bounds = [self.size * part // parts // _BLOCK_ROWS * _BLOCK_ROWS for part in range(parts)] + [self.size]
        list(_scoring_pool().map(lambda part: self._score(query, bounds[part], bounds[part + 1], scores),
                                 range(parts)))
        return scores

    def _score(self, query, start, stop, scores):
        """Write the scores of rows ``start`` to ``stop`` into ``scores``, a block at a time."""
        widened = np.empty((_BLOCK_ROWS, self.dim), dtype=np.uint32)
        for begin in range(start, stop, _BLOCK_ROWS):
            end = min(stop, begin + _BLOCK_ROWS)
            block = widened[: end - begin]
            block[...] = self.matrix[begin:end]
            block <<= 16
            np.dot(block.view(np.float32), query, out=scores[begin:end])

    def vectors(self):
        """The stored vectors as float32 (a copy)."""
        return from_bfloat16(self.matrix[: self.size])

    def view(self):
        """This index as it is now, unchanged by later refreshes (see the module docstring)."""
        return copy.copy(self)

    @property
    def nbytes(self):
        """Bytes of the rows in use (spare rows are never touched, so they take no memory)."""
        return (self.matrix[: self.size].nbytes + self.ids[: self.size].nbytes + self._sorted_ids.nbytes
                + self._sorted_rows.nbytes)


class Holder:
    """One in-process index and when it was last checked against the database.

    ``get`` refreshes it under the lock when something was marked ``pending``
    or CHECK_INTERVAL seconds have passed (counting rows every COUNT_INTERVAL),
    then hands out a view. The intervals are passed by each index's module,
    whose own constants tests may change.
    """

    def __init__(self, index):
        self.index = index
        # time.monotonic() starts at an arbitrary point (boot, on Linux), so
        # "never" must be -inf: 0.0 would skip the first check on a machine
        # up for less than the interval.
        self.checked_at = NEVER
        self.counted_at = NEVER
        self.pending = set()  # what this process wrote, for the index to read again
        self.lock = threading.Lock()

    def get(self, refresh, check_interval, count_interval):
        """The index, first replaced by ``refresh(index, pending, count)`` when a check is due."""
        with self.lock:
            now = time.monotonic()
            if self.pending or now - self.checked_at >= check_interval:
                count = now - self.counted_at >= count_interval
                pending, self.pending = self.pending, set()
                self.index = refresh(self.index, pending, count)
                self.checked_at = time.monotonic()
                if count:
                    self.counted_at = self.checked_at
            return self.index.view()

    def mark(self, item=None):
        """Check on next use: read ``item`` again, or (None) count the rows too."""
        with self.lock:
            self.checked_at = NEVER
            if item is None:  # e.g. a deletion, which only a row count reveals
                self.counted_at = NEVER
            else:
                self.pending.add(item)


_entries = {}
_entries_lock = threading.Lock()


def invalidate(model=None):
    """Make this process re-check its indexes (of ``model``, or all) on next use."""
    with _entries_lock:
        for (listing_model, _), entry in _entries.items():
            if model is None or listing_model is model:
                entry.mark()


def get_index(model, embedder):
    """The up-to-date index of ``model``'s listings under ``embedder``."""
    key = (model, embedder.name)
    with _entries_lock:
        entry = _entries.get(key)
        if entry is None:
            entry = _entries[key] = Holder(VectorIndex(embedder.dim))

    def refresh(index, pending, count):
        _refresh(index, model, embedder.name, count=count)
        return index

    return entry.get(refresh, CHECK_INTERVAL, COUNT_INTERVAL)


def forget_all():
    """Drop every loaded index of this process (tests, and after a rebuild)."""
    with _entries_lock:
        _entries.clear()


def _vectors(model, model_name):
    return Embedding.objects.filter(
        content_type=ContentType.objects.get_for_model(model), model_name=model_name
    )


def signature(queryset, previous, count):
    """(row count, latest updated_at) of ``queryset``.

    Without ``count`` the rows are counted only when the latest change moved
    (then something was written and the count may have changed too).
    """
    if not count and previous is not None:
        latest = queryset.aggregate(latest=Max("updated_at"))["latest"]
        if latest == previous[1]:
            return previous
    found = queryset.aggregate(count=Count("pk"), latest=Max("updated_at"))
    return found["count"], found["latest"]


def _refresh(index, model, model_name, count=True):
    vectors = _vectors(model, model_name)
    vector_signature = signature(vectors, index.vector_signature, count)
    vectors_changed = vector_signature != index.vector_signature
    changed_ids = None  # listing ids of the vectors read again, when not a full load
    if vectors_changed:
        if index.watermark is None:
            index.reserve(with_headroom(vector_signature[0]))
            _load(index, vectors)
        else:
            # The changed rows' keys come from the freshness index alone; reading the vectors
            # with that filter would walk the whole table in key order instead.
            changed_keys = list(vectors.filter(updated_at__gte=index.watermark - _OVERLAP)
                                .order_by().values_list("pk", flat=True))
            changed_ids = _load(index, vectors.filter(pk_in(changed_keys)))
        if index.size > vector_signature[0]:
            # Vectors were deleted: start again rather than track removals.
            fresh = VectorIndex(index.dim)
            fresh.reserve(with_headroom(vector_signature[0]))
            _load(fresh, vectors)
            index.__dict__.update(fresh.__dict__)
            changed_ids = None
        index.vector_signature = vector_signature
        index.watermark = vector_signature[1]

    published = model.objects.published().order_by()
    published_signature = signature(published, index.published_signature, count)
    if published_signature != index.published_signature or (vectors_changed and changed_ids is None):
        index.set_published(np.fromiter(published.values_list("pk", flat=True), dtype=np.int64))
        index.published_signature = published_signature
    elif changed_ids:
        # Only vectors changed (e.g. a draft embedded): of their listings, add the published ones.
        index.add_published(np.fromiter(published.filter(pk_in(changed_ids)).values_list("pk", flat=True),
                                        dtype=np.int64))


def _load(index, vectors, chunk=20000):
    """Read vectors in keyset-paginated chunks, so memory stays near the matrix size; returns the listing ids read."""
    width = index.dim * 4
    last = 0
    loaded = []
    while True:
        rows = list(
            vectors.filter(pk__gt=last).order_by("pk").values_list("pk", "object_id", "vector")[:chunk]
        )
        if not rows:
            return loaded
        last = rows[-1][0]
        rows = [row for row in rows if len(row[2]) == width]  # another model's size: skip
        loaded += [row[1] for row in rows]
        if rows:
            ids = np.fromiter((row[1] for row in rows), dtype=np.int64, count=len(rows))
            matrix = np.frombuffer(b"".join(bytes(row[2]) for row in rows), dtype=np.float32)
            index.upsert(ids, matrix.reshape(len(rows), index.dim))
