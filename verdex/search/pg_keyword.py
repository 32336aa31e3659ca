"""Keyword search on PostgreSQL: one statement over modelsearch's index table.

The ranking rules are those of the SQLite default (keyword_index.py): keyword
mode ranks, it does not filter. A listing holding any term matches; a short
query ranks in tiers, listings holding every term first, then those holding
``minimum_should_match`` of them, then the rest, and within each tier rows go
by modelsearch's rank: ``ts_rank`` of the title (times ``title_norm``,
modelsearch's title weight) plus ``ts_rank`` of the body. A long query is
ranked by that rank alone and keeps its best ``limit``.

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
_RANKED = "SELECT pk FROM ({matched}) matched ORDER BY held = %s DESC, held >= %s DESC, rank DESC, pk"
_HOLDS = "CAST((entry.title || entry.body) @@ %s::tsquery AS integer)"


def _lexeme(term):
    return "'{}'".format(term.replace("'", "''").replace("\\", "\\\\"))


class FullTextQuery:
    """Any of ``terms`` in one model's index entries, those holding ``minimum`` of them first (None: no tiers)."""

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
        if self.minimum:
            held, held_params = " + ".join([_HOLDS] * len(parsed)), parsed
            every, minimum = len(parsed), min(self.minimum, len(parsed))
        else:  # a long query has no tiers: nothing to count per row
            held, held_params, every, minimum = "0", [], 1, 0
        any_term = " | ".join(f"({text})" for text in parsed)
        allowed_sql, allowed_params = allowed.order_by().values("pk").query.sql_with_params()
        weights = get_sql_weights()
        sql = _RANKED.format(matched=_MATCHED.format(held=held, allowed=allowed_sql))
        params = [*held_params, weights, any_term, weights, any_term,
                  get_descendants_content_types_pks(self.model), any_term, *allowed_params,
                  every, minimum]
        if limit is not None:
            sql += " LIMIT %s"
            params.append(limit)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [pk for (pk,) in cursor.fetchall()]


# Counting every entry holding a common word would read much of the index: the counts stop here.
FREQUENCY_CAP = 100


def document_frequencies(model, words):
    """([index entries of ``model`` holding each word, at most FREQUENCY_CAP], entries in all), for
    fusion.keyword_coverage. Stop words (nothing to parse) are left out; the total is PostgreSQL's
    estimate of the table's rows, which only sets the scale."""
    config = get_search_backend().config
    parse = "to_tsquery(%s::regconfig, term)" if config else "to_tsquery(term)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT count(*) FROM (SELECT 1 FROM modelsearch_indexentry entry "
            f"WHERE entry.content_type_id = ANY(%s) AND (entry.title || entry.body) @@ parsed.query "
            f"LIMIT %s) held) FROM (SELECT {parse} AS query, n FROM unnest(%s::text[]) WITH ORDINALITY "
            f"AS t(term, n)) parsed WHERE CAST(parsed.query AS text) <> '' ORDER BY parsed.n",
            [get_descendants_content_types_pks(model), FREQUENCY_CAP, *([config] if config else []),
             [_lexeme(word) for word in words]],
        )
        frequencies = [count for (count,) in cursor.fetchall()]
        cursor.execute("SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE relname = 'modelsearch_indexentry'")
        (total,) = cursor.fetchone()
    return frequencies, max(total, sum(frequencies), 1)
