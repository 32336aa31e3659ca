"""The unfiltered statistics and impact figures, kept in the shared cache and refreshed by a background job.

No visitor computes them: pages read the last snapshot. A write that changes
them (a listing published, edited or withdrawn, a connection made or moved:
signals.py) queues ``refresh_statistics`` once its transaction commits. A
snapshot whose counts no longer match (bulk imports save without signals) or
older than ``STALE_SECONDS`` (edits that change no count, a new month) queues
one too. Meanwhile the previous snapshot is served (stale-while-revalidate);
only when there is none at all (an emptied cache) does a request compute it.
"""

from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from . import dashboards, figures
from .filters import Filters

SNAPSHOT_KEY = "stats:snapshot:v2"  # v2: outcomes awaiting confirmation
PENDING_KEY = "stats:snapshot:pending"
STALE_SECONDS = 10 * 60
# A queued refresh that has not started after this long (no worker?) may be queued again.
PENDING_SECONDS = 5 * 60


def compute():
    """The snapshot: the counts it was taken at, when, the unfiltered figures and the impact figures."""
    signature = figures._signature()  # first: a write during the computation makes the next read refresh
    unfiltered = Filters()
    return {
        "signature": signature,
        "computed_at": timezone.now().isoformat(),
        "figures": figures.compute_all(unfiltered),
        "impact": dashboards._impact(unfiltered),
    }


def refresh():
    """Compute and keep the snapshot (the job's work); returns it."""
    cache.delete(PENDING_KEY)  # writes from now on queue a refresh of their own
    snapshot = compute()
    cache.set(SNAPSHOT_KEY, snapshot, None)
    return snapshot


def request_refresh():
    """Queue one refresh after the current transaction commits, unless one is queued and not yet started."""
    transaction.on_commit(_enqueue)


def _enqueue():
    if cache.add(PENDING_KEY, timezone.now().isoformat(), PENDING_SECONDS):
        from .tasks import refresh_statistics

        refresh_statistics.enqueue()


def current():
    """The last snapshot, queueing a refresh when it is out of date; computed here only if there is none."""
    snapshot = cache.get(SNAPSHOT_KEY)
    if snapshot is None:
        return refresh()
    age = timezone.now() - datetime.fromisoformat(snapshot["computed_at"])
    if snapshot["signature"] != figures._signature() or age.total_seconds() > STALE_SECONDS:
        request_refresh()
        # Queued: the previous snapshot, until the worker has run. Inline (tests, scripts): the new one.
        snapshot = cache.get(SNAPSHOT_KEY) or snapshot
    return snapshot
