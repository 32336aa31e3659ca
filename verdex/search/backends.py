"""Text matching backends: keyword, semantic, hybrid, and substrings for small tables.

A backend's ``match(queryset, text, terms)`` returns a *match*: the listings
that answer the text, with two views that both take the facet filters (a dict
of name -> Q) so that filters apply inside every mode, before any truncation:

- ``rows(filters)``: a queryset of the matched rows that pass ``filters``,
  unordered. Facet counts and the "newest" and "updated" sorts use it.
- ``ranked(filters)``: the same rows best first, either a queryset of
  listings or a ``RankedIds`` sequence of primary keys.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from .query import LONG_QUERY_STOP_WORDS

# More terms than this make a query "long" (a description pasted in).
LONG_QUERY_TERMS = 6
# The semantic matched set: the best this many listings above the model's floor.
SEMANTIC_MATCHES = 1000
# A long query's keyword matched set: its best this many listings by relevance,
# facet filters applied before the cut. A pasted paragraph shares some word with
# most listings; without the cut, ranking and every facet count read them all.
KEYWORD_MATCHES = 1000
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


def pk_in(ids):
    """A filter on primary keys held in memory, sent to the database as one parameter.

    As separate parameters a long list would run into SQLite's limit of
    32,766 variables per statement; json_each and unnest take any length.
    """
    ids = [int(pk) for pk in ids]
    if connection.vendor == "sqlite":
        return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)]))
    return Q(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [ids]))


class TopMatch:
    """The best matches under each set of filters, held as a list of primary keys.

    Subclasses rank with ``_best(filters)``, which applies the filters before
    it cuts, so a filtered search never loses results to unfiltered listings
    ranked above them. Counting and the date sorts then work on that list.
    """

    def __init__(self, queryset):
        self.queryset = queryset
        self._ids = {}

    def _best(self, filters):
        raise NotImplementedError

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


class TopKeywordMatch(TopMatch):
    """A long query on PostgreSQL: the best ``limit`` rows of modelsearch's ranking."""

    def __init__(self, queryset, ranked, limit):
        super().__init__(queryset)
        self._ranked = ranked
        self.limit = limit

    def _best(self, filters):
        ranked = self._ranked.filter(*filters.values())
        # The primary key breaks ties in relevance, so the cut is the same on every run.
        ranked = ranked.order_by(*ranked.query.order_by, "pk")
        return list(ranked.values_list("pk", flat=True)[: self.limit])


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
    share more, and rarer, words come first. Its matched set is its best
    KEYWORD_MATCHES listings under the facet filters, as the semantic set is.

    The queryset given must only filter on fields declared as
    ``index.FilterField`` (we pass ``status``): modelsearch checks that before
    it searches. Further filters are applied by the engine afterwards.
    """

    mode = "keyword"

    def match(self, queryset, text, terms):
        long_query = len(terms) > LONG_QUERY_TERMS
        if long_query:
            terms = [term for term in terms if term.lower() not in LONG_QUERY_STOP_WORDS] or terms
        if long_query and connection.vendor == "sqlite":
            return FTS5TopMatch(queryset, terms, KEYWORD_MATCHES)
        if connection.vendor == "sqlite":
            return FTS5Match(queryset, terms)
        if long_query:
            ranked = (
                queryset.search(" ".join(terms), operator="or", order_by_relevance=True)
                .annotate_score("_score")
                .get_queryset()
            )
            return TopKeywordMatch(queryset, ranked, KEYWORD_MATCHES)
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
    bm25 is computed once per matching row. Every term must match; ranking
    as in KeywordBackend: rows with every term in the title first, then bm25.
    """

    _SQL = (
        "SELECT CAST(entry.object_id AS INTEGER){score} FROM modelsearch_indexentry_fts "
        "CROSS JOIN modelsearch_indexentry entry ON entry.id = modelsearch_indexentry_fts.rowid "
        "WHERE modelsearch_indexentry_fts MATCH %s AND entry.content_type_id = %s{order}"
    )

    def __init__(self, queryset, terms):
        self.queryset = queryset
        quoted = " AND ".join(f'"{term}"' for term in terms)  # terms are \w+ only
        content_type = ContentType.objects.get_for_model(queryset.model).pk
        self._params = [f"{{title body}} : ({quoted})", content_type]
        self._title_params = [f"{{title}} : ({quoted})", content_type]
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
                cursor.execute(self._SQL.format(score="", order=""), self._title_params)
                in_title = {pk for (pk,) in cursor.fetchall()}
            allowed = set(self.rows(filters).values_list("pk", flat=True))
            ranked = [pk for pk in ranked if pk in allowed]
            ranked.sort(key=lambda pk: pk not in in_title)  # stable: bm25 order within each group
            self._ids[key] = ranked
        return self._ids[key]

    def ranked(self, filters):
        return RankedIds(self.ids(filters))

    def ranked_ids(self, filters):
        return self.ids(filters)


class FTS5TopMatch(TopMatch):
    """A long query on SQLite: its best ``limit`` rows by bm25, read from the FTS5 table.

    The queryset's own conditions (published only) and the facet filters enter
    the same statement as a subquery, so SQLite filters before it cuts.
    """

    _SQL = (
        "SELECT CAST(entry.object_id AS INTEGER) FROM modelsearch_indexentry_fts "
        "CROSS JOIN modelsearch_indexentry entry ON entry.id = modelsearch_indexentry_fts.rowid "
        "WHERE modelsearch_indexentry_fts MATCH %s AND entry.content_type_id = %s "
        "AND CAST(entry.object_id AS INTEGER) IN ({allowed}) "
        "ORDER BY bm25(modelsearch_indexentry_fts), 1 LIMIT %s"
    )

    def __init__(self, queryset, terms, limit):
        super().__init__(queryset)
        quoted = " OR ".join(f'"{term}"' for term in terms)  # terms are \w+ only
        content_type = ContentType.objects.get_for_model(queryset.model).pk
        self._params = [f"{{title body}} : ({quoted})", content_type]
        self.limit = limit

    def _best(self, filters):
        allowed = self.queryset.filter(*filters.values()).order_by().values("pk")
        allowed_sql, allowed_params = allowed.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(self._SQL.format(allowed=allowed_sql),
                           [*self._params, *allowed_params, self.limit])
            return [pk for (pk,) in cursor.fetchall()]


class SemanticMatch:
    """The listings most similar to the query vector, per set of filters.

    The matched set under some filters is the best SEMANTIC_MATCHES of the
    listings passing those filters whose similarity reaches the model's
    floor. Filters are applied before the cut, so a filtered search never
    loses results to unfiltered ones ranked above them.
    """

    def __init__(self, queryset, store, query_vector, floor):
        self.queryset = queryset
        self.floor = floor
        self._query = store.query(query_vector)
        self._ids = {}

    def ids(self, filters):
        key = tuple(sorted(filters))
        if key not in self._ids:
            among = self.queryset.filter(*filters.values()) if filters else None
            nearest = self._query.nearest(limit=SEMANTIC_MATCHES, floor=self.floor, among=among)
            self._ids[key] = [pk for pk, _ in nearest]
        return self._ids[key]

    def rows(self, filters):
        return self.queryset.filter(pk__in=self.ids(filters))

    def ranked(self, filters):
        return RankedIds(self.ids(filters))


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


def reciprocal_rank_fusion(*rankings):
    """{pk: sum over ``rankings`` of 1 / (RRF_K + rank)} for rankings of primary keys, best first."""
    scores = {}
    for ranking in rankings:
        for rank, pk in enumerate(ranking, start=1):
            scores[pk] = scores.get(pk, 0.0) + 1.0 / (RRF_K + rank)
    return scores


class HybridMatch:
    """Keyword and semantic rankings fused by reciprocal rank; the matched set is their union.

    The union is read into memory once per set of filters: every facet then
    counts over that list instead of re-running both matches inside an OR.
    """

    def __init__(self, queryset, keyword, semantic):
        self.queryset = queryset
        self.keyword = keyword
        self.semantic = semantic
        self._union = {}

    def rows(self, filters):
        key = tuple(sorted(filters))
        if key not in self._union:
            union = set(self.keyword.rows(filters).values_list("pk", flat=True))
            union.update(self.semantic.ids(filters))
            self._union[key] = sorted(union)
        return self.queryset.filter(pk_in(self._union[key]))

    def ranked(self, filters):
        keyword_ranked = self.keyword.ranked_ids(filters)  # a list, or a queryset of ids
        keyword_ids = list(keyword_ranked[:KEYWORD_FUSION_DEPTH])
        semantic_ids = self.semantic.ids(filters)
        scores = reciprocal_rank_fusion(keyword_ids, semantic_ids)
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
