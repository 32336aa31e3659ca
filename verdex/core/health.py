"""``/healthz`` (ready to serve?) and ``/livez`` (is the process alive?).

Load balancers and container orchestrators poll ``/healthz``: 200 with a
small JSON body when every check passes, 503 naming the failing ones. Each
check is one query that reads at most one row through an index, so the
answer takes milliseconds at any number of listings (docs/benchmarks.md):

- database: ``SELECT 1``;
- job queue: the table of the background-job queue answers;
- keyword index: a lookup of one term, limit 1: on SQLite in the tantivy
  index of every listing kind (keyword_index.py: open the latest commit, one
  term query), on PostgreSQL in the GIN index over modelsearch's tsvectors —
  not a ranked search;
- vector store: the embeddings table, or a pgvector nearest-neighbour query.

``/livez`` does nothing but answer: the reference a load test compares
pages with, and a liveness probe that does not restart a process whose
database is down.
"""

import logging
from contextlib import nullcontext

from django.db import connection, transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult
from modelsearch.models import IndexEntry

from verdex.catalog.models import LISTING_MODELS
from verdex.search import keyword_index, vector_store

logger = logging.getLogger(__name__)

# A word that occurs in few listings, so the lookup reads a short posting list.
_PROBE_TERM = "healthz"


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _job_queue():
    list(DBTaskResult.objects.values_list("pk", flat=True)[:1])


def _keyword_index():
    if keyword_index.in_use():
        for kind in LISTING_MODELS:
            keyword_index.probe(kind, _PROBE_TERM)
        return
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {table} WHERE (title || body) @@ to_tsquery('simple', %s) LIMIT 1",
                       [_PROBE_TERM])
        cursor.fetchall()


CHECKS = {
    "database": _database,
    "job_queue": _job_queue,
    "keyword_index": _keyword_index,
    "vector_store": vector_store.check,
}


@never_cache
@require_GET
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            # Inside a transaction (tests, ATOMIC_REQUESTS) a failed check must not abort the next
            # ones on PostgreSQL; outside one, no transaction at all (on SQLite ours take the write lock).
            with transaction.atomic() if connection.in_atomic_block else nullcontext():
                check()
            results[name] = "ok"
        except Exception:
            logger.exception("health check %s failed", name)
            results[name] = "failing"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "failing", "checks": results},
                        status=200 if healthy else 503)


@never_cache
@require_GET
def livez(request):
    return HttpResponse("ok", content_type="text/plain")
