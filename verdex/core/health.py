"""``/healthz``: is the database reachable and the search index (keyword and vectors) answering?

Load balancers and container orchestrators poll it; it answers 200 with a
small JSON body when both checks pass and 503 naming the failing check.
"""

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from verdex.catalog.models import Technology
from verdex.search import vector_store

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _search_index():
    # Real queries through the keyword index and the vector store (pgvector on
    # PostgreSQL): fail if their tables, column or extension are missing.
    list(Technology.objects.published().search("health check").get_queryset()[:1].values("pk"))
    vector_store.check()


CHECKS = {"database": _database, "search_index": _search_index}


@never_cache
@require_GET
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception:
            logger.exception("health check %s failed", name)
            results[name] = "failing"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "failing", "checks": results},
                        status=200 if healthy else 503)
