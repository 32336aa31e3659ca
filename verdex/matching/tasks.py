"""Background jobs of matching: recomputing a listing's suggestions after it changes."""

from verdex.core.jobs import job

from . import services


@job
def refresh_listing_matches(kind, pk):
    """Recompute the suggestions of listing ``pk`` of ``kind`` and of the listings it matches."""
    return services.refresh_listing(kind=kind, pk=pk)


@job
def refresh_batch_matches(kind, pks):
    """Recompute the suggestions of a bulk import's batch, and once each of the listings they suggest."""
    return services.refresh_listings(kind=kind, pks=pks)
