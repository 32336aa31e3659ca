"""Background jobs of search: embedding listings and keeping the keyword index in step with them."""

from verdex.catalog.models import LISTING_MODELS
from verdex.core.jobs import job

from . import keyword_index, services


@job
def embed_listing(kind, pk):
    """Embed listing ``pk`` of ``kind`` with the configured model, if its text changed."""
    return services.embed_listing(model=LISTING_MODELS[kind], pk=pk)


@job
def embed_listing_batch(kind, pks):
    """Embed the listings ``pks`` of ``kind`` in one go: bulk imports write without save signals."""
    model = LISTING_MODELS[kind]
    listings = model.objects.filter(pk__in=pks)
    if kind == "technology":
        listings = listings.prefetch_related("benefits")
    return services.embed_listings(model=model, listings=list(listings))


# Ahead of embeddings in the queue: a saved listing should be found by keyword within a second.
@job(priority=10)
def index_listings(kind, pks):
    """Re-read the listings ``pks`` of ``kind`` into the keyword index (SQLite): upserted if published, else removed.

    Queued on commit after a save or a deletion (signals.py) and after each
    batch of a bulk import, on SQLite only: PostgreSQL searches its own
    full-text index.
    """
    return keyword_index.update(LISTING_MODELS[kind], pks)
