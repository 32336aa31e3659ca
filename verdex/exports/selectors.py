"""The rows an export or feed holds: exactly what the search page finds.

Both run ``verdex.search.engine.search`` with the page's own GET parameters,
so text matching, facet filters, sort order and visibility (published
listings only) cannot drift from what a visitor sees on screen.
"""

from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import QuerySet

from verdex.search.engine import REGISTRY, search
from verdex.search.query import NEWEST, SearchQuery

from .records import SHAPES, audience_for

FEED_ITEMS = 50
ITERATOR_CHUNK = 500


@dataclass(frozen=True)
class Export:
    kind: str
    audience: str
    ranked: object  # every match in the search page's order: a queryset, or ranked ids
    total: int  # how many rows match
    limit: int  # how many rows at most are written

    @property
    def row_count(self):
        return min(self.total, self.limit)

    @property
    def capped(self):
        return self.total > self.limit

    @property
    def shape(self):
        return SHAPES[self.kind]

    @property
    def columns(self):
        return self.shape.columns(self.audience)

    def records(self, base_url):
        """One record per row, fetched from the database in chunks as they are written."""
        for obj in self._rows():
            yield self.shape.record(obj, self.audience, base_url)

    def _rows(self):
        if isinstance(self.ranked, QuerySet):
            rows = self.shape.prepare(self.ranked, self.audience)[: self.limit]
            yield from rows.iterator(chunk_size=ITERATOR_CHUNK)
            return
        # Semantic and hybrid search rank primary keys rather than rows: load
        # them a chunk at a time and keep the rank order.
        for start in range(0, self.row_count, ITERATOR_CHUNK):
            ids = list(self.ranked[start : min(start + ITERATOR_CHUNK, self.row_count)])
            chunk = REGISTRY[self.kind].base_queryset().filter(pk__in=ids)
            found = self.shape.prepare(chunk, self.audience).in_bulk()
            yield from (found[pk] for pk in ids if pk in found)


def search_export(kind, params, user):
    """Every row the search page finds for ``params`` (a QueryDict), up to the export cap."""
    query = replace(SearchQuery.from_params(kind, params), page=1, per_page=1)
    results = search(query, user, with_facets=False)
    # The paginator holds everything the search pages slice (the filtered,
    # ordered queryset or the ranked ids); exporting it gives all pages' rows
    # in the same order.
    return Export(
        kind=kind,
        audience=audience_for(user),
        ranked=results.page_obj.paginator.object_list,
        total=results.total,
        limit=settings.EXPORT_MAX_ROWS,
    )


def feed_results(kind, params, user):
    """The newest published listings for a saved search, whatever sort it asked for."""
    query = replace(SearchQuery.from_params(kind, params), sort=NEWEST, page=1, per_page=FEED_ITEMS)
    return search(query, user)


def kind_label(kind):
    return str(REGISTRY[kind].model._meta.verbose_name_plural)
