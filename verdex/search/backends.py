"""Text matching backends: keyword, semantic, hybrid, and substrings for small tables.

A backend's ``match(queryset, text, terms)`` returns a *match*: the listings
that answer the text, with two views that both take the facet filters (a dict
of name -> Q) so that filters apply inside every mode, before any truncation:

- ``rows(filters)``: a queryset of the matched rows that pass ``filters``,
  unordered. SQL facet counts and the "newest" and "updated" sorts use it.
- ``ids(filters)``: their primary keys as a list; facet counts from the
  in-process listing index (SQLite) use it.
- ``ranked(filters)``: the same rows best first, either a queryset of
  listings or a ``RankedIds`` sequence of primary keys.
"""

import numpy as np
from django.db.models import Case, IntegerField, Q, Value, When

from . import fusion, keyword_index, listing_index, pg_keyword
from .query import LONG_QUERY_STOP_WORDS, minimum_should_match
from .sql import pk_in

# More terms than this make a query "long" (a description pasted in).
LONG_QUERY_TERMS = 6
# The semantic matched set: the best this many listings above the model's floor.
SEMANTIC_MATCHES = 1000
# A keyword matched set: its best this many listings by relevance, facet filters
# applied before the cut. Any term matches, so a common word or a pasted
# paragraph reaches much of the catalogue; without the cut, ranking and every
# facet count read all of it (decision 30).
KEYWORD_MATCHES = 1000


class RankedIds:
    """Primary keys in rank order, sliceable and countable like a queryset (for the Paginator)."""

    def __init__(self, ids):
        self.ids = ids

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, item):
        if not isinstance(item, slice):
            raise TypeError("RankedIds only supports slices")
        return self.ids[item]


class TopMatch:
    """The best matches under each set of filters, held as a list of primary keys.

    Subclasses rank with ``_best(filters)``, which applies the filters before
    it cuts, so a filtered search never loses results to unfiltered listings
    ranked above them. Counting and the date sorts then work on that list.
    """

    limit = None  # the most ids ``_best`` keeps

    def __init__(self, queryset):
        self.queryset = queryset
        self._ids = {}

    def _best(self, filters):
        raise NotImplementedError

    def capped(self, filters):
        """Whether the matched set under ``filters`` stopped at the limit (more listings may match)."""
        return self.limit is not None and len(self.ids(filters)) >= self.limit

    def ids(self, filters):
        key = tuple(sorted(filters))
        if key not in self._ids:
            self._ids[key] = self._best(filters)
        return self._ids[key]

    def rows(self, filters):
        return self.queryset.filter(pk_in(self.ids(filters)))

    def ranked(self, filters):
        return RankedIds(self.ids(filters))

    def ranked_ids(self, filters):
        return self.ids(filters)


class PgKeywordMatch(TopMatch):
    """Keyword matches on PostgreSQL, ranked in one statement (pg_keyword.py).

    Any term matches. A short query ranks in tiers (every term, then
    ``minimum_should_match`` of them, then the rest), modelsearch's rank
    inside each; a long query (``long_query``) by that rank alone. The matched
    set is the best ``limit`` under the facet filters.
    """

    def __init__(self, queryset, terms, limit, long_query=False):
        super().__init__(queryset)
        minimum = None if long_query else minimum_should_match(len(terms))
        self._query = pg_keyword.FullTextQuery(queryset.model, terms, minimum)
        self.limit = limit

    def _best(self, filters):
        return self._query.ranked_ids(self.queryset.filter(*filters.values()), limit=self.limit)


class RowsMatch:
    """A match whose rows are a queryset: its ids are read from it."""

    def ids(self, filters):
        return list(self.rows(filters).order_by().values_list("pk", flat=True))

    def capped(self, filters):
        return False  # a queryset is never cut


class AllRows(RowsMatch):
    """No text: every row of the queryset, newest first by default."""

    def __init__(self, queryset):
        self.queryset = queryset

    def rows(self, filters):
        return self.queryset.filter(*filters.values())

    def ranked(self, filters):
        return self.rows(filters)


class KeywordMatch(RowsMatch):
    def __init__(self, ranked):
        self._ranked = ranked

    def rows(self, filters):
        return self._ranked.filter(*filters.values()).order_by()

    def ranked(self, filters):
        return self._ranked.filter(*filters.values())


def key_terms(terms):
    """(the terms a keyword search ranks by, whether the query is long).

    A long query (more than LONG_QUERY_TERMS terms) leaves out LONG_QUERY_STOP_WORDS,
    unless nothing else is left.
    """
    if len(terms) <= LONG_QUERY_TERMS:
        return terms, False
    return [term for term in terms if term.lower() not in LONG_QUERY_STOP_WORDS] or terms, True


class KeywordBackend:
    """Keyword search: BM25 ranking over the listings' text (issue 14).

    On SQLite the index is tantivy's, on disk and shared by every process
    (keyword_index.py); on PostgreSQL it is the built-in full-text search over
    modelsearch's index table, ranked by modelsearch's ts_rank (pg_keyword.py).

    On both, keyword mode ranks rather than filters: a listing needs most of
    a short query's terms (query.minimum_should_match), those with every term
    come first, a title hit outweighs a body hit (keyword_index.TITLE_BOOST;
    modelsearch's title weight on PostgreSQL), and when no listing has enough
    of the terms any term will do.

    A long query (more than LONG_QUERY_TERMS terms, e.g. a need description
    pasted in) matches any of its key terms (``or``) and is ranked by
    relevance alone: listings that share more, and rarer, words come first.
    The matched set of either is its best KEYWORD_MATCHES listings under the
    facet filters, as the semantic set is.

    The queryset given must be the kind's published listings, as the engine
    and matching pass it. Facet filters arrive with each call (``filters``).
    """

    mode = "keyword"

    def match(self, queryset, text, terms):
        terms, long_query = key_terms(terms)
        if keyword_index.in_use():
            return KeywordIndexMatch(queryset, terms, KEYWORD_MATCHES, long_query)
        return PgKeywordMatch(queryset, terms, KEYWORD_MATCHES, long_query)


class KeywordIndexMatch(TopMatch):
    """Keyword matches from the tantivy index of the kind (keyword_index.py), best first.

    The best ``limit`` listings under the facet filters by the ranking rule
    (tiers for a short query, plain BM25 for a ``long_query``). Hits are kept only if the listing index (refreshed in this
    process at once by signals, decision 17) holds them published: between a
    commit and the job that updates the index, an unpublished or deleted
    listing never shows. Facet filters are applied before the cut. Ties go to
    the lower id, so every run cuts and pages the same way.
    """

    def __init__(self, queryset, terms, limit, long_query=False):
        super().__init__(queryset)
        self.terms = terms
        self.limit = limit
        self.long_query = long_query

    def _best(self, filters):
        index = listing_index.get_index(self.queryset.model)
        passing = index.passing(filters.values())  # published, and the facet filters

        def keep(ids):
            rows = index.rows.rows_for(ids)
            mask = rows >= 0
            mask[mask] = passing[rows[mask]]
            return mask

        ids, _ = keyword_index.search(self.queryset.model.kind, self.terms,
                                      long_query=self.long_query, keep=keep, limit=self.limit)
        return ids.tolist()


class SemanticMatch(TopMatch):
    """The listings most similar to the query vector, per set of filters.

    The matched set under some filters is the best SEMANTIC_MATCHES of the
    listings passing those filters whose similarity reaches the model's
    floor. Filters are applied before the cut, so a filtered search never
    loses results to unfiltered ones ranked above them.
    """

    def __init__(self, queryset, store, query_vector, floor):
        super().__init__(queryset)
        self.limit = SEMANTIC_MATCHES
        self.floor = floor
        # The in-process store takes the filtered ids from the listing index; pgvector a subquery.
        self.filters_by_ids = store.takes_ids
        self._query = store.query(query_vector)

    def _best(self, filters):
        among = None
        if filters and self.filters_by_ids:
            index = listing_index.get_index(self.queryset.model)
            among = index.ids_of(index.rows_passing(filters.values()))
        elif filters:
            among = self.queryset.filter(*filters.values())
        nearest = self._query.nearest(limit=self.limit, floor=self.floor, among=among)
        return [pk for pk, _ in nearest]


class SemanticBackend:
    """Cosine similarity between the query's and the listings' sentence embeddings.

    ``store`` (vector_store.get_store) finds the nearest listings: pgvector on
    PostgreSQL, the in-process index elsewhere; ``embedder`` embeds the query.
    A match is None when no published listing has a vector yet, and the
    engine then falls back to keyword search.
    """

    mode = "semantic"

    def __init__(self, embedder, store, floor):
        self.embedder = embedder
        self.store = store
        self.floor = floor

    def match(self, queryset, text, terms):
        if not self.store.has_published():
            return None
        return SemanticMatch(queryset, self.store, self.embedder.embed_query(text), self.floor)


class HybridMatch(TopMatch):
    """Keyword and semantic rankings fused (fusion.py); the matched set is their union.

    The union is held in memory once per set of filters (``ids``): every
    facet then counts over that list instead of re-running both matches.
    ``keyword_weight`` is the keyword ranking's weight in the fusion.
    """

    def __init__(self, queryset, keyword, semantic, keyword_weight):
        super().__init__(queryset)
        self.keyword = keyword
        self.semantic = semantic
        self.keyword_weight = keyword_weight

    def _best(self, filters):
        return sorted(set(self.keyword.ids(filters)) | set(self.semantic.ids(filters)))

    def capped(self, filters):
        return self.keyword.capped(filters) or self.semantic.capped(filters)

    def ranked(self, filters):
        return RankedIds(self.ranked_ids(filters))

    def ranked_ids(self, filters):
        return fusion.fuse(self.keyword.ranked_ids(filters), self.semantic.ids(filters), self.keyword_weight)


class HybridBackend:
    mode = "hybrid"

    def __init__(self, keyword, semantic):
        self.keyword = keyword
        self.semantic = semantic

    def match(self, queryset, text, terms):
        semantic = self.semantic.match(queryset, text, terms)
        if semantic is None:
            return None
        weight = fusion.keyword_weight(fusion.keyword_coverage(queryset.model, terms))
        return HybridMatch(queryset, self.keyword.match(queryset, text, terms), semantic, weight)


class SubstringBackend:
    """Case-insensitive substring matching on a few columns, for small tables.

    Used for organisations, which are not in the modelsearch index: every
    term must appear in one of ``fields``; rows with more terms in the first
    field (the name) come first, then alphabetical order.
    """

    mode = "keyword"

    def __init__(self, fields):
        self.fields = fields

    def match(self, queryset, text, terms):
        for term in terms:
            any_field = Q()
            for field in self.fields:
                any_field |= Q(**{f"{field}__icontains": term})
            queryset = queryset.filter(any_field)
        name = self.fields[0]
        score = sum(
            (
                Case(When(**{f"{name}__icontains": term}, then=Value(1)), default=Value(0),
                     output_field=IntegerField())
                for term in terms
            ),
            Value(0),
        )
        return KeywordMatch(queryset.annotate(_score=score).order_by("-_score", name, "pk"))
