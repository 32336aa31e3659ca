"""Which vector store answers nearest-neighbour questions: pgvector on PostgreSQL, numpy elsewhere.

Both stores give the same contract through ``store.query(vector).nearest(...)``:
the ``limit`` published listings most similar to ``vector``, optionally only
among some listings, without some ids and above a similarity floor, as
``[(pk, cosine)]`` best first, ties to the older (smaller) pk. Filters apply
before the cut, so a filtered search never loses results to unfiltered ones.

On SQLite the in-process index of vector_index.py does it with one matrix
product; on PostgreSQL pgvector does it in SQL (pgvector_store.py) and no
process loads the vectors.
"""

import numpy as np
from django.db import connection

from . import vector_index
from .models import Embedding


def get_store(model, embedder):
    """The vector store of ``model``'s listings under ``embedder``, for the database in use."""
    if connection.vendor == "postgresql":
        from .pgvector_store import PgVectorStore

        return PgVectorStore(model, embedder)
    return InProcessStore(vector_index.get_index(model, embedder))


class InProcessStore:
    takes_ids = True  # ``nearest(among=...)`` may be an array of listing ids

    def __init__(self, index):
        self.index = index

    def has_published(self):
        return bool(len(self.index.published_rows))

    def query(self, vector):
        return _InProcessQuery(self.index, vector)


class _InProcessQuery:
    def __init__(self, index, vector):
        self.index = index
        # One matrix product per query text, reused by every facet's filters.
        self.scores = index.scores(vector)

    def nearest(self, *, limit, floor=None, among=None, exclude_ids=()):
        index = self.index
        if among is None:
            rows = index.published_rows
        else:
            if not isinstance(among, np.ndarray):
                among = np.fromiter(among.order_by().values_list("pk", flat=True), dtype=np.int64)
            rows = index.rows_for(among)
            rows = rows[rows >= 0]
        excluded = np.asarray(list(exclude_ids), dtype=np.int64)
        if len(excluded):
            rows = rows[~np.isin(index.ids[rows], excluded)]
        scores = self.scores[rows]
        if floor is not None:
            above = scores >= floor
            rows, scores = rows[above], scores[above]
        if len(rows) > limit:
            best = np.argpartition(-scores, limit - 1)[:limit]
            rows, scores = rows[best], scores[best]
        order = np.lexsort((index.ids[rows], -scores))  # ties: older listing first
        ids = index.ids[rows[order]]
        return [(int(pk), float(score)) for pk, score in zip(ids, scores[order], strict=True)]


def check():
    """Raise unless the vector store answers (healthz)."""
    if connection.vendor == "postgresql":
        from .pgvector_store import check as check_pgvector

        check_pgvector()
    else:
        # The in-process index is built from this table on first use.
        Embedding.objects.values("pk")[:1].exists()
