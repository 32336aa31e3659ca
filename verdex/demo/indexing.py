"""Search indexing for rows written with bulk_create, which sends no signals."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Sum
from django.db.models.functions import Length
from modelsearch.backends import get_search_backends
from modelsearch.models import IndexEntry
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


class NewRowIndexer:
    """Index rows of ``model`` just created with bulk_create, batch by batch.

    On modelsearch's SQLite backend this writes the index rows itself, with
    the same title, body and autocomplete text (modelsearch's own
    ``ObjectIndexer``), but without what makes ``add_bulk`` slow on a large
    table: it looks up existing entries of every batch, and after every
    batch it recomputes ``title_norm`` with two scans of the whole index
    table, quadratic over a million rows. Here ``title_norm`` (mean title
    length / this title's length) is set as rows are written, from a running
    mean that starts from the entries already stored: the value add_bulk's
    refresh gives new entries. modelsearch's trigger fills the FTS5 table.
    Other backends get ``add_bulk``.
    """

    def __init__(self, model):
        self.model = model
        self.backends = list(get_search_backends())
        self.direct = False
        if connection.vendor == "sqlite":
            # Importable only on SQLite: the module loads modelsearch's FTS5 model.
            from modelsearch.backends.database.sqlite import sqlite

            self.object_indexer = sqlite.ObjectIndexer
            self.direct = all(isinstance(backend, sqlite.SQLiteSearchBackend) for backend in self.backends)
        if self.direct:
            self.content_type_id = ContentType.objects.get_for_model(model).pk
            stored = (IndexEntry.objects.annotate(title_length=Length("title"))
                      .filter(title_length__gt=0)
                      .aggregate(count=Count("pk"), total=Sum("title_length")))
            self.titles, self.title_chars = stored["count"], stored["total"] or 0

    def add(self, rows):
        if not self.direct:
            for backend in self.backends:
                backend.add_bulk(self.model, rows)
            return
        indexers = [self.object_indexer(row, self.backends[0]) for row in rows]
        texts = [(indexer.id, indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers]
        lengths = [len(title) for _, title, _, _ in texts if title]
        self.titles += len(lengths)
        self.title_chars += sum(lengths)
        mean_length = self.title_chars / self.titles if self.titles else 0
        IndexEntry.objects.bulk_create(
            IndexEntry(content_type_id=self.content_type_id, object_id=object_id, title=title,
                       autocomplete=autocomplete, body=body,
                       title_norm=mean_length / len(title) if title else 1.0)
            for object_id, title, autocomplete, body in texts
        )
