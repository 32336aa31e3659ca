"""Load this process's in-process search indexes before the first search needs them.

A fresh web process builds the listing index (facet columns) on its first
search and, on SQLite, the vector index and the term index too: ~1 min at
1,000,000 listings (docs/benchmarks.md: vectors 13 s, term index 48 s),
longer than a request may take. gunicorn.conf.py starts
``warm_in_background`` in every worker; searches that arrive before it
finishes wait for the index they need instead of building it again.
"""

import logging
import threading
import time

from django.db import connection

from verdex.catalog.models import LISTING_MODELS

from . import listing_index, term_index, vector_store
from .embeddings import get_embedder

logger = logging.getLogger(__name__)


def warm():
    """Build the listing index of every kind and, on SQLite, the vector and term indexes."""
    started = time.monotonic()
    embedder = get_embedder()
    for model in LISTING_MODELS.values():
        listing_index.get_index(model)
        vector_store.get_store(model, embedder)
    if connection.vendor == "sqlite":
        term_index.get_index()
    logger.info("search indexes loaded", extra={"seconds": round(time.monotonic() - started, 1)})


def warm_in_background():
    def run():
        try:
            warm()
        except Exception:  # a failed warm-up only means the first search loads instead
            logger.exception("search indexes could not be loaded ahead of the first search")
        finally:
            connection.close()  # this thread's own database connection

    threading.Thread(target=run, name="search-warmup", daemon=True).start()
