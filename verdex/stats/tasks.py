"""Background job of the statistics: recompute the unfiltered figures (snapshots.py)."""

from verdex.core.jobs import job

from . import snapshots


@job
def refresh_statistics():
    """Recompute the unfiltered statistics and impact figures into the shared cache."""
    snapshots.refresh()
