"""Search indexing for rows written with bulk_create, which sends no signals."""

from modelsearch.backends import get_search_backends
from tqdm import tqdm


def index_listings(model, queryset, *, batch_size=2000, show_progress=True):
    """Add ``queryset`` (rows of ``model``) to every configured search backend."""
    total = queryset.count()
    backends = list(get_search_backends())
    with tqdm(total=total, desc=f"Indexing {model._meta.verbose_name_plural}", unit="rows",
              disable=not show_progress or total == 0) as progress:
        last_pk = 0
        while True:
            # Keyset pagination: OFFSET gets slower with every page on large tables.
            batch = list(queryset.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
            if not batch:
                break
            for backend in backends:
                backend.add_bulk(model, batch)
            last_pk = batch[-1].pk
            progress.update(len(batch))
    return total
