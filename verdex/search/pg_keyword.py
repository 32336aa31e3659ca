"""Keyword search on PostgreSQL: one statement over modelsearch's index table.

The ranking rules are those of the SQLite default (keyword_index.py): keyword
mode ranks, it does not filter. A short query matches any of its terms, a
listing must hold ``minimum_should_match`` of them (falling back to any one
when none holds that many), listings holding every term come first, and
within each group rows go by modelsearch's rank: ``ts_rank`` of the title
(times ``title_norm``, modelsearch's title weight) plus ``ts_rank`` of the
body. A long query matches any term and keeps its best ``limit``.

Costs kept out (docs/benchmarks.md, "Search on PostgreSQL"): each term is
parsed and stemmed by ``to_tsquery`` once per search, not once per row (it is
a STABLE function), and handed to the statement as ``tsquery`` constants;
``title || body`` has a GIN index (migration 0004).
"""

from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.utils import get_descendants_content_types_pks

_MATCHED = (
    "SELECT CAST(entry.object_id AS bigint) AS pk, {held} AS held, "
    "ts_rank(%s::float4[], entry.title, %s::tsquery) * entry.title_norm "
    "+ ts_rank(%s::float4[], entry.body, %s::tsquery) AS rank "
    "FROM modelsearch_indexentry entry "
    "WHERE entry.content_type_id = ANY(%s) AND (entry.title || entry.body) @@ %s::tsquery "
    "AND CAST(entry.object_id AS bigint) IN ({allowed})"
)
_RANKED = "SELECT pk FROM ({matched}) matched WHERE held >= %s ORDER BY held = %s DESC, rank DESC, pk"
_HOLDS = "CAST((entry.title || entry.body) @@ %s::tsquery AS integer)"


def _lexeme(term):
    return "'{}'".format(term.replace("'", "''").replace("\\", "\\\\"))


class FullTextQuery:
    """``terms`` in one model's index entries: at least ``minimum`` of them, or any one when None."""

    def __init__(self, model, terms, minimum=None):
        self.model = model
        self.terms = terms
        self.minimum = minimum
        self._parsed_terms = None

    def parsed_terms(self):
        """Each term parsed by ``to_tsquery`` with modelsearch's config, as tsquery text; stop words
        (which parse to nothing) and terms that stem alike are left out."""
        if self._parsed_terms is None:
            config = get_search_backend().config
            parse = "to_tsquery(%s::regconfig, term)" if config else "to_tsquery(term)"
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT CAST({parse} AS text) FROM unnest(%s::text[]) WITH ORDINALITY AS t(term, n) "
                    "ORDER BY n",
                    [*([config] if config else []), [_lexeme(term) for term in self.terms]],
                )
                self._parsed_terms = list(dict.fromkeys(text for (text,) in cursor.fetchall() if text))
        return self._parsed_terms

    def ranked_ids(self, allowed, *, limit=None):
        """Primary keys of the rows of ``allowed`` (a queryset) that match, best first, ties to the lower key."""
        parsed = self.parsed_terms()
        if not parsed:
            return []  # only stop words: nothing to match
        minimums = [1] if self.minimum is None else [min(self.minimum, len(parsed))]
        if minimums[0] > 1:
            minimums.append(1)
        for minimum in minimums:
            ids = self._ranked(parsed, allowed, minimum, limit)
            if ids:
                return ids
        return []

    def _ranked(self, parsed, allowed, minimum, limit):
        any_term = " | ".join(f"({text})" for text in parsed)
        allowed_sql, allowed_params = allowed.order_by().values("pk").query.sql_with_params()
        weights = get_sql_weights()
        matched = _MATCHED.format(held=" + ".join([_HOLDS] * len(parsed)), allowed=allowed_sql)
        sql = _RANKED.format(matched=matched)
        params = [*parsed, weights, any_term, weights, any_term,
                  get_descendants_content_types_pks(self.model), any_term, *allowed_params,
                  minimum, len(parsed)]
        if limit is not None:
            sql += " LIMIT %s"
            params.append(limit)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [pk for (pk,) in cursor.fetchall()]
