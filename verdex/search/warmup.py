"""Load the sentence model and the search indexes before a process takes traffic.

A fresh process would otherwise load them on its first searches: the model
on the first semantic query (1.6–3.3 s), the listing index (facet columns)
and, on SQLite, the vector index (seconds at 100,000 listings, ~1 min at
1,000,000). On SQLite it also opens the keyword index of every kind, which
builds one that is missing (keyword_index.py), so the first search never
waits for a build.

gunicorn.conf.py loads the application in the arbiter (``preload_app``) and
calls ``warm_before_forking`` there, once, before any worker exists: workers
share the model and index pages instead of holding a copy each. Each worker
then calls ``warm_before_serving`` after it is forked and before it accepts
a connection (opening the keyword index, catching up with writes made since
the arbiter loaded), so the other workers keep serving while one warms (a
worker recycled by ``max_requests`` stalls nobody) and no request waits for
a load.

The build only reads; a read that fails (a database locked by a long
write, say) is tried again a few times before the worker gives up, and a
worker that gives up exits so that gunicorn starts another one. A worker
that is warming accepts no connection, so it answers no ``/healthz`` either:
until the first worker is warm a health check waits (and times out) rather
than being told "ok" by a process that cannot search yet.
"""

import gc
import logging
import threading
import time

from django.db import OperationalError, connection, connections

from verdex.catalog.models import LISTING_MODELS

from . import keyword_index, listing_index, vector_store
from .embeddings import get_embedder

logger = logging.getLogger(__name__)

ATTEMPTS = 4
FIRST_RETRY_S = 1.0
HEARTBEAT_S = 2.0

def warm(*, keyword=True):
    """Load the sentence model, the listing index of every kind and, on SQLite, the vector and
    (with ``keyword``) keyword indexes."""
    started = time.monotonic()
    embedder = get_embedder()
    embedder.embed_query("warm up")  # the first call sets the model's buffers up
    for model in LISTING_MODELS.values():
        listing_index.get_index(model)
        vector_store.get_store(model, embedder)
        if keyword and keyword_index.in_use():
            keyword_index.searcher(model.kind)
    seconds = time.monotonic() - started
    logger.info("search indexes loaded", extra={"seconds": round(seconds, 1)})
    return seconds


def warm_with_retries(*, attempts=ATTEMPTS, first_retry_s=FIRST_RETRY_S, keyword=True):
    """``warm()``, tried again after a database error with doubling pauses; the last error is raised."""
    for attempt in range(1, attempts + 1):
        try:
            return warm(keyword=keyword)
        except OperationalError:
            if attempt == attempts:
                raise
            logger.warning("search warm-up failed (attempt %s of %s); trying again", attempt, attempts,
                           exc_info=True)
            connection.close()
            time.sleep(first_retry_s * 2 ** (attempt - 1))


def warm_before_forking(server):
    """gunicorn when_ready with preload_app: load the model and the indexes once, in the arbiter.

    Workers forked afterwards share those pages with the arbiter and each other
    (copy-on-write: numpy buffers are never written by a search), so each
    worker adds only what it changes; its own warm-up then only catches up with
    writes made since. The keyword index is left to the workers (tantivy's
    reader and writer threads must not cross a fork), and every database
    connection is closed so that no worker inherits the arbiter's.
    """
    try:
        seconds = warm_with_retries(keyword=False)
    finally:
        connections.close_all()
    # Move everything loaded so far out of the garbage collector's reach: its passes
    # write into every object's header, which would copy the shared pages into each
    # worker one by one.
    gc.collect()
    gc.freeze()
    server.log.info("model and search indexes loaded before forking in %.1f s", seconds)


def warm_before_serving(worker):
    """gunicorn post_worker_init: warm up in this thread, telling the arbiter the worker is alive meanwhile.

    gunicorn kills a worker that stays silent for ``timeout`` seconds; a warm-up
    at a million listings takes longer than that, so a heartbeat thread calls
    ``worker.notify()`` until it is done.
    """
    done = threading.Event()

    def heartbeat():
        while not done.wait(HEARTBEAT_S):
            worker.notify()

    threading.Thread(target=heartbeat, name="warm-up-heartbeat", daemon=True).start()
    try:
        seconds = warm_with_retries()
    finally:
        done.set()
        connection.close()  # the request threads open their own connections
    worker.log.info("worker ready: search indexes and model loaded in %.1f s", seconds)
