"""Text matching backends: keyword, semantic, hybrid, and substrings for small tables.

A backend's ``match(queryset, text, terms)`` returns a *match*: the listings
that answer the text, with two views that both take the facet filters (a dict
of name -> Q) so that filters apply inside every mode, before any truncation:

- ``rows(filters)``: a queryset of the matched rows that pass ``filters``,
  unordered. Facet counts and the "newest" and "updated" sorts use it.
- ``ranked(filters)``: the same rows best first, either a queryset of
  listings or a ``RankedIds`` sequence of primary keys.
"""

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from .query import LONG_QUERY_STOP_WORDS

# More terms than this make a query "long" (a description pasted in).
LONG_QUERY_TERMS = 6
# The semantic matched set: the best this many listings above the model's floor.
SEMANTIC_MATCHES = 1000
# Reciprocal rank fusion: score = sum over rankings of 1 / (RRF_K + rank).
RRF_K = 60
# How deep the keyword ranking is fused; keyword matches below it follow in keyword order.
KEYWORD_FUSION_DEPTH = 1000


class RankedIds:
    """Primary keys in rank order, sliceable and countable like a queryset.

    ``head`` is a list already in memory; an optional ``tail`` queryset of
    primary keys continues it (skipping its first ``tail_offset`` rows, which
    the head already holds), so the Paginator can page past the head.
    """

    def __init__(self, head, tail=None, tail_offset=0):
        self.head = head
        self.tail = tail
        self.tail_offset = tail_offset
        self._count = None

    def count(self):
        if self._count is None:
            extra = 0
            if self.tail is not None:
                extra = max(self.tail.count() - self.tail_offset, 0)
            self._count = len(self.head) + extra
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            raise TypeError("RankedIds only supports slices")
        start, stop = item.start or 0, item.stop
        ids = self.head[start:stop]
        if self.tail is not None and (stop is None or stop > len(self.head)):
            tail_start = self.tail_offset + max(start - len(self.head), 0)
            tail_stop = None if stop is None else self.tail_offset + stop - len(self.head)
            ids = ids + list(self.tail[tail_start:tail_stop])
        return ids


class AllRows:
    """No text: every row of the queryset, newest first by default."""

    def __init__(self, queryset):
        self.queryset = queryset

    def rows(self, filters):
        return self.queryset.filter(*filters.values())

    def ranked(self, filters):
        return self.rows(filters)


class KeywordMatch:
    def __init__(self, ranked):
        self._ranked = ranked

    def rows(self, filters):
        return self._ranked.filter(*filters.values()).order_by()

    def ranked(self, filters):
        return self._ranked.filter(*filters.values())

    def ranked_ids(self, filters):
        return self.ranked(filters).values_list("pk", flat=True)


class KeywordBackend:
    """Keyword search through wagtail's modelsearch.

    On SQLite the index is an FTS5 table ranked by bm25; on PostgreSQL it is
    the built-in full-text search. Every term must occur (``and``) in the
    listing's indexed text (its ``search_fields``).

    modelsearch's SQLite backend scores a whole row with one bm25 and so
    ignores the boosts of ``search_fields``; to keep a title match above a
    passing mention in a description on every database, rows whose ``title``
    holds every term come first, each group in the backend's relevance order.

    A long query (more than LONG_QUERY_TERMS terms, e.g. a need description
    pasted in) would find nothing if every word had to match, so it matches
    any of its key terms (``or``) and is ranked by bm25 alone: listings that
    share more, and rarer, words come first.

    The queryset given must only filter on fields declared as
    ``index.FilterField`` (we pass ``status``): modelsearch checks that before
    it searches. Further filters are applied by the engine afterwards.
    """

    mode = "keyword"

    def match(self, queryset, text, terms):
        long_query = len(terms) > LONG_QUERY_TERMS
        if long_query:
            terms = [term for term in terms if term.lower() not in LONG_QUERY_STOP_WORDS] or terms
        if connection.vendor == "sqlite":
            return FTS5Match(queryset, terms, "OR" if long_query else "AND", title_first=not long_query)
        if long_query:
            ranked = (
                queryset.search(" ".join(terms), operator="or", order_by_relevance=True)
                .annotate_score("_score")
                .get_queryset()
            )
            return KeywordMatch(ranked)
        return KeywordMatch(self._all_terms(queryset, " ".join(terms)))

    def _all_terms(self, queryset, text):
        # Every database backend of modelsearch builds its results as a
        # queryset; taking it keeps filtering, counting and paging in SQL.
        ranked = (
            queryset.search(text, operator="and", order_by_relevance=True)
            .annotate_score("_score")
            .get_queryset()
        )
        in_title = (
            queryset.search(text, fields=["title"], operator="and", order_by_relevance=False)
            .get_queryset()
            .order_by()
            .values("pk")
        )
        return ranked.annotate(
            _title_match=Case(When(pk__in=in_title, then=Value(1)), default=Value(0),
                              output_field=IntegerField())
        ).order_by(F("_title_match").desc(), *ranked.query.order_by)


class FTS5Match:
    """Keyword matches read straight from modelsearch's SQLite FTS5 table.

    modelsearch's own SQLite query joins its index rows first and runs the
    full-text MATCH once per row, and scores each result with a correlated
    MATCH subquery: fine for a few thousand listings, minutes at 100,000. Here
    the FTS5 table drives the join (CROSS JOIN fixes the order in SQLite) and
    bm25 is computed once per matching row. Ranking as in KeywordBackend:
    rows with every term in the title first, then bm25.
    """

    _SQL = (
        "SELECT CAST(entry.object_id AS INTEGER){score} FROM modelsearch_indexentry_fts "
        "CROSS JOIN modelsearch_indexentry entry ON entry.id = modelsearch_indexentry_fts.rowid "
        "WHERE modelsearch_indexentry_fts MATCH %s AND entry.content_type_id = %s{order}"
    )

    def __init__(self, queryset, terms, operator, title_first):
        self.queryset = queryset
        quoted = f" {operator} ".join(f'"{term}"' for term in terms)  # terms are \w+ only
        content_type = ContentType.objects.get_for_model(queryset.model).pk
        self._params = [f"{{title body}} : ({quoted})", content_type]
        self._title_params = [f"{{title}} : ({quoted})", content_type] if title_first else None
        self._ids = {}

    def _matching(self):
        return RawSQL(self._SQL.format(score="", order=""), self._params)

    def rows(self, filters):
        return self.queryset.filter(*filters.values(), pk__in=self._matching()).order_by()

    def ids(self, filters):
        key = tuple(sorted(filters))
        if key not in self._ids:
            with connection.cursor() as cursor:
                cursor.execute(
                    self._SQL.format(score=", bm25(modelsearch_indexentry_fts)", order=" ORDER BY 2"),
                    self._params,
                )
                ranked = [pk for pk, _ in cursor.fetchall()]
                in_title = set()
                if self._title_params:
                    cursor.execute(self._SQL.format(score="", order=""), self._title_params)
                    in_title = {pk for (pk,) in cursor.fetchall()}
            allowed = set(self.rows(filters).values_list("pk", flat=True))
            ranked = [pk for pk in ranked if pk in allowed]
            if in_title:
                ranked.sort(key=lambda pk: pk not in in_title)  # stable: bm25 order within each group
            self._ids[key] = ranked
        return self._ids[key]

    def ranked(self, filters):
        return RankedIds(self.ids(filters))

    def ranked_ids(self, filters):
        return self.ids(filters)


class SemanticMatch:
    """The listings most similar to the query vector, per set of filters.

    The matched set under some filters is the best SEMANTIC_MATCHES of the
    listings passing those filters whose similarity reaches the model's
    floor. Filters are applied before the cut, so a filtered search never
    loses results to unfiltered ones ranked above them.
    """

    def __init__(self, queryset, index, query_vector, floor):
        self.queryset = queryset
        self.index = index
        self.floor = floor
        self._scores = index.scores(query_vector)
        self._ids = {}

    def ids(self, filters):
        key = tuple(sorted(filters))
        if key not in self._ids:
            self._ids[key] = self._top(filters)
        return self._ids[key]

    def _top(self, filters):
        if filters:
            allowed = np.fromiter(
                self.queryset.filter(*filters.values()).values_list("pk", flat=True), dtype=np.int64
            )
            rows = self.index.rows_for(allowed)
            rows = rows[rows >= 0]
        else:
            rows = self.index.published_rows
        scores = self._scores[rows]
        above = scores >= self.floor
        rows, scores = rows[above], scores[above]
        if len(rows) > SEMANTIC_MATCHES:
            best = np.argpartition(-scores, SEMANTIC_MATCHES - 1)[:SEMANTIC_MATCHES]
            rows, scores = rows[best], scores[best]
        order = np.lexsort((self.index.ids[rows], -scores))  # ties: older listing first
        return self.index.ids[rows[order]].tolist()

    def rows(self, filters):
        return self.queryset.filter(pk__in=self.ids(filters))

    def ranked(self, filters):
        return RankedIds(self.ids(filters))


class SemanticBackend:
    """Cosine similarity between the query's and the listings' sentence embeddings.

    ``index_for(model)`` gives the vector index of the listings; ``embedder``
    embeds the query. A match is None when no published listing has a vector
    yet, and the engine then falls back to keyword search.
    """

    mode = "semantic"

    def __init__(self, embedder, index, floor):
        self.embedder = embedder
        self.index = index
        self.floor = floor

    def match(self, queryset, text, terms):
        if not len(self.index.published_rows):
            return None
        return SemanticMatch(queryset, self.index, self.embedder.embed_query(text), self.floor)


class HybridMatch:
    """Keyword and semantic rankings fused by reciprocal rank; the matched set is their union."""

    def __init__(self, queryset, keyword, semantic):
        self.queryset = queryset
        self.keyword = keyword
        self.semantic = semantic

    def rows(self, filters):
        return self.queryset.filter(
            Q(pk__in=self.keyword.rows(filters).values("pk")) | Q(pk__in=self.semantic.ids(filters))
        )

    def ranked(self, filters):
        keyword_ranked = self.keyword.ranked_ids(filters)  # a list, or a queryset of ids
        keyword_ids = list(keyword_ranked[:KEYWORD_FUSION_DEPTH])
        semantic_ids = self.semantic.ids(filters)
        scores = {}
        for ranking in (keyword_ids, semantic_ids):
            for rank, pk in enumerate(ranking, start=1):
                scores[pk] = scores.get(pk, 0.0) + 1.0 / (RRF_K + rank)
        keyword_rank = {pk: rank for rank, pk in enumerate(keyword_ids)}
        head = sorted(scores, key=lambda pk: (-scores[pk], keyword_rank.get(pk, len(keyword_ids)), pk))
        if len(keyword_ids) < KEYWORD_FUSION_DEPTH:
            return RankedIds(head)
        # More keyword matches than were fused: they follow in keyword order,
        # without the semantic matches already in the head.
        semantic_only = [pk for pk in semantic_ids if pk not in keyword_rank]
        if isinstance(keyword_ranked, list):
            excluded = set(semantic_only)
            return RankedIds(head + [pk for pk in keyword_ranked[len(keyword_ids):] if pk not in excluded])
        tail = keyword_ranked.exclude(pk__in=semantic_only)
        return RankedIds(head, tail=tail, tail_offset=len(keyword_ids))


class HybridBackend:
    mode = "hybrid"

    def __init__(self, keyword, semantic):
        self.keyword = keyword
        self.semantic = semantic

    def match(self, queryset, text, terms):
        semantic = self.semantic.match(queryset, text, terms)
        if semantic is None:
            return None
        return HybridMatch(queryset, self.keyword.match(queryset, text, terms), semantic)


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
