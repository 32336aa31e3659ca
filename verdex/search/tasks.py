"""Background jobs of search: embedding a listing after it is saved."""

from verdex.catalog.models import LISTING_MODELS
from verdex.core.jobs import job

from . import services


@job
def embed_listing(kind, pk):
    """Embed listing ``pk`` of ``kind`` with the configured model, if its text changed."""
    return services.embed_listing(model=LISTING_MODELS[kind], pk=pk)
