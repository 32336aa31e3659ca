"""Background jobs of search: embedding listings after they are saved or imported."""

from verdex.catalog.models import LISTING_MODELS
from verdex.core.jobs import job

from . import services


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
