"""Nearest listings in SQL with pgvector, on PostgreSQL.

Migration 0002 adds ``search_embedding.embedding``, a pgvector column that
PostgreSQL generates from the portable float32 bytes, and one partial HNSW
index per model over ``embedding::vector(dim)`` (cosine). A query here is one
SQL statement: the listings allowed (published, facet filters, exclusions)
are a subquery, the ranking is ``ORDER BY embedding::vector(dim) <=> query``,
the similarity floor a bound on the distance.

Two plans, chosen per query by how many listings are allowed:

- up to EXACT_SCAN_ROWS: an exact scan of just those rows' vectors. The
  HNSW index holds every kind and status of the model, so with a selective
  filter it would walk through many rows that the filter then drops; reading
  a few thousand vectors directly is fast and has perfect recall.
- more: the HNSW index with iterative scan (pgvector >= 0.8), so that rows
  dropped by the filters are replaced from the index until the LIMIT is met,
  in strict distance order. The floor is applied after the LIMIT, which gives
  the same set as before it (the best N, then those above the floor), and
  lets the scan stop at N rows instead of searching for rows above the floor
  that may not exist. If the index yields fewer than N rows (graph islands in
  tightly clustered data, or MAX_SCAN_TUPLES), the exact scan answers.

HNSW is approximate: recall against the exact answer is below 1 and ties at
the cut may fall either way. docs/scaling.md has the measurements behind
EXACT_SCAN_ROWS and EF_SEARCH.
"""

import logging
import time

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from .embeddings import MODELS, model_name
from .models import Embedding

logger = logging.getLogger(__name__)

TABLE = Embedding._meta.db_table
EXACT_SCAN_ROWS = 20_000
# Size of the HNSW candidate list; more finds more of the true nearest
# neighbours at some cost per query (pgvector's default is 40, at most 1000).
EF_SEARCH = 200
# Past EXACT_SCAN_ROWS allowed listings, at least one in ~(all vectors of
# the model / EXACT_SCAN_ROWS) index rows passes the filters; this bound on
# the rows one iterative scan may visit leaves room for that at millions of
# rows while keeping a query's worst case finite.
MAX_SCAN_TUPLES = 500_000


def index_name(model_name):
    return "{}_{}_hnsw".format(TABLE, model_name.replace("-", "_"))


def vector_literal(vector):
    """pgvector's text form of a float32 vector; repr of a float32 round-trips exactly."""
    return "[" + ",".join(repr(float(value)) for value in vector) + "]"


class PgVectorStore:
    takes_ids = False  # ``nearest(among=...)`` is a queryset, sent as a subquery

    def __init__(self, model, embedder):
        self.model = model
        self.model_name = embedder.name
        self.dim = embedder.dim
        self.content_type_id = ContentType.objects.get_for_model(model).pk

    def vectors(self):
        return Embedding.objects.filter(content_type_id=self.content_type_id, model_name=self.model_name)

    def has_published(self):
        return self.vectors().filter(object_id__in=self.model.objects.published().values("pk")).exists()

    def query(self, vector):
        return PgVectorQuery(self, vector)


class PgVectorQuery:
    def __init__(self, store, vector):
        self.store = store
        self.literal = vector_literal(vector)

    def nearest(self, *, limit, floor=None, among=None, exclude_ids=()):
        store = self.store
        allowed = store.model.objects.published() if among is None else among
        if exclude_ids:
            allowed = allowed.exclude(pk__in=list(exclude_ids))
        allowed = allowed.order_by().values("pk")
        allowed_count = allowed[: EXACT_SCAN_ROWS + 1].count()
        allowed_sql, allowed_params = allowed.query.sql_with_params()
        max_distance = 2.0 if floor is None else 1.0 - floor
        candidates = (
            f"SELECT e.object_id, e.embedding::vector({store.dim}) <=> %s::vector({store.dim}) AS distance "
            f"FROM {TABLE} e WHERE e.content_type_id = %s AND e.model_name = %s "
            f"AND e.object_id IN ({allowed_sql})"
        )
        params = [self.literal, store.content_type_id, store.model_name, *allowed_params]
        if allowed_count <= EXACT_SCAN_ROWS:
            return self._run(_EXACT.format(candidates=candidates), [*params, max_distance, limit])
        nearest = self._run(_HNSW.format(candidates=candidates), [*params, limit], hnsw=True)
        if len(nearest) < min(limit, allowed_count):
            # The index ran out before the LIMIT although at least that many rows
            # are allowed: a poorly connected graph (tightly clustered vectors) or
            # MAX_SCAN_TUPLES. Answer exactly rather than silently drop results.
            logger.warning("HNSW scan of %s gave %d of %d rows; using an exact scan",
                           store.model_name, len(nearest), limit)
            return self._run(_EXACT.format(candidates=candidates), [*params, max_distance, limit])
        return [(pk, similarity) for pk, similarity in nearest if 1.0 - similarity <= max_distance]

    def _run(self, sql, params, hnsw=False):
        with transaction.atomic(), connection.cursor() as cursor:
            if hnsw:
                _use_iterative_scan(cursor)
            cursor.execute(sql, params)
            return [(int(pk), 1.0 - float(distance)) for pk, distance in cursor.fetchall()]


# Exact: OFFSET 0 keeps PostgreSQL from pushing the distance bound down into
# the scan of search_embedding, where it would compute the distance of every
# vector of the model (all kinds, all statuses) instead of only the allowed
# ones (and keeps the HNSW index out of this plan).
_EXACT = (
    "SELECT object_id, distance FROM ({candidates} OFFSET 0) AS allowed "
    "WHERE distance <= %s ORDER BY distance, object_id LIMIT %s"
)
# HNSW: the LIMIT comes first and the floor after, in Python (see the module
# docstring); ties at the cut are kept in the order the index meets them.
_HNSW = "SELECT object_id, distance FROM ({candidates} ORDER BY distance LIMIT %s) AS nearest ORDER BY distance, object_id"


def _use_iterative_scan(cursor):
    # SET LOCAL: only for this transaction, so a pooled connection is left as found.
    cursor.execute(
        "SELECT set_config('hnsw.iterative_scan', 'strict_order', true), "
        "set_config('hnsw.ef_search', %s, true), set_config('hnsw.max_scan_tuples', %s, true)",
        [str(EF_SEARCH), str(MAX_SCAN_TUPLES)],
    )


def check():
    """Raise unless pgvector answers: the extension, the column and a nearest-neighbour query."""
    name = model_name()
    dim = MODELS[name].dim  # the class attribute: a health check must not load the model
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT object_id FROM {TABLE} WHERE model_name = %s "
            f"ORDER BY embedding::vector({dim}) <=> %s::vector({dim}) LIMIT 1",
            [name, vector_literal([1.0] + [0.0] * (dim - 1))],
        )
        cursor.fetchall()


# -- Benchmark helpers (scripts/bench_search.py calls these on PostgreSQL) ----


def time_index_build(model_name, dim):
    """Drop and re-create the model's HNSW index; returns the build time in seconds.

    Building after a bulk load is much faster than growing the index row by
    row, which is why a large first import may drop the index and call this.
    """
    name = index_name(model_name)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE model_name = %s", [model_name])
        (rows,) = cursor.fetchone()
        # pgvector builds the graph in maintenance_work_mem and, once it no longer
        # fits, goes on inserting tuple by tuple on disk, many times slower; the
        # graph takes about the vectors' size plus ~400 bytes of links per row
        # (capped: past that a bigger server should set it for the build itself).
        needed_mib = min(8192, max(64, int(rows * (dim * 4 + 400) * 1.25 / 2**20)))
        cursor.execute("SELECT set_config('maintenance_work_mem', %s, true)", [f"{needed_mib}MB"])
        cursor.execute(f"DROP INDEX IF EXISTS {name}")
        started = time.perf_counter()
        cursor.execute(
            f"CREATE INDEX {name} ON {TABLE} USING hnsw ((embedding::vector({dim})) vector_cosine_ops) "
            "WHERE model_name = %s",
            [model_name],
        )
        return time.perf_counter() - started


def bare_nearest(content_type_id, model_name, dim, vector, limit=20, *, use_index=True):
    """The raw floor of a vector query: top ``limit`` of one kind, no filters, no listing join."""
    sql = (
        f"SELECT object_id FROM {TABLE} WHERE content_type_id = %s AND model_name = %s "
        f"ORDER BY embedding::vector({dim}) <=> %s::vector({dim}) LIMIT %s"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        if use_index:
            _use_iterative_scan(cursor)
        else:
            cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(sql, [content_type_id, model_name, vector_literal(vector), limit])
        return [pk for (pk,) in cursor.fetchall()]


def explain(content_type_id, model_name, dim, vector, limit=20):
    """EXPLAIN ANALYZE of ``bare_nearest`` with the index, to check the plan uses HNSW."""
    with transaction.atomic(), connection.cursor() as cursor:
        _use_iterative_scan(cursor)
        cursor.execute(
            f"EXPLAIN (ANALYZE, BUFFERS) SELECT object_id FROM {TABLE} WHERE content_type_id = %s "
            f"AND model_name = %s ORDER BY embedding::vector({dim}) <=> %s::vector({dim}) LIMIT %s",
            [content_type_id, model_name, vector_literal(vector), limit],
        )
        return "\n".join(line for (line,) in cursor.fetchall())
