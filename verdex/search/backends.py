"""Text matching backends.

A backend takes a queryset and the cleaned search terms and returns a plain
Django queryset of the rows that match, ordered best first. Because the
result is still a queryset, the engine applies facet filters, counts and
pagination inside the database. Semantic and hybrid modes are further
backends with the same ``matching`` method.
"""

from django.db.models import Case, F, IntegerField, Q, Value, When


class KeywordBackend:
    """Keyword search through wagtail's modelsearch.

    On SQLite the index is an FTS5 table ranked by bm25; on PostgreSQL it is
    the built-in full-text search. Every term must occur (``and``) in the
    listing's indexed text (its ``search_fields``).

    modelsearch's SQLite backend scores a whole row with one bm25 and so
    ignores the boosts of ``search_fields``; to keep a title match above a
    passing mention in a description on every database, rows whose ``title``
    holds every term come first, each group in the backend's relevance order.

    The queryset given must only filter on fields declared as
    ``index.FilterField`` (we pass ``status``): modelsearch checks that before
    it searches. Further filters are applied by the engine afterwards.
    """

    operator = "and"

    def matching(self, queryset, terms):
        text = " ".join(terms)
        # Every database backend of modelsearch builds its results as a
        # queryset; taking it keeps filtering, counting and paging in SQL.
        ranked = (
            queryset.search(text, operator=self.operator, order_by_relevance=True)
            .annotate_score("_score")
            .get_queryset()
        )
        in_title = (
            queryset.search(text, fields=["title"], operator=self.operator, order_by_relevance=False)
            .get_queryset()
            .order_by()
            .values("pk")
        )
        return ranked.annotate(
            _title_match=Case(When(pk__in=in_title, then=Value(1)), default=Value(0),
                              output_field=IntegerField())
        ).order_by(F("_title_match").desc(), *ranked.query.order_by)


class SubstringBackend:
    """Case-insensitive substring matching on a few columns, for small tables.

    Used for organisations, which are not in the modelsearch index: every
    term must appear in one of ``fields``; rows with more terms in the first
    field (the name) come first, then alphabetical order.
    """

    def __init__(self, fields):
        self.fields = fields

    def matching(self, queryset, terms):
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
        return queryset.annotate(_score=score).order_by("-_score", name, "pk")
