"""Keyword search on PostgreSQL: one statement over modelsearch's index table.

modelsearch's PostgreSQL backend (``queryset.search()``) matches
``title || body @@ to_tsquery(text)`` and ranks by ``ts_rank`` of the title
(times ``title_norm``) plus ``ts_rank`` of the body. This module keeps that
match and that rank, but not three costs that made a search take seconds at
100,000 listings (docs/benchmarks.md, "Search on PostgreSQL"):

- ``to_tsquery(text)`` is a STABLE function, so PostgreSQL parsed and stemmed
  the query text again for every row it filtered and ranked: with a pasted
  paragraph that was most of the time. Here it is parsed once, and the
  statement gets the result as a ``tsquery`` constant.
- Nothing indexed ``title || body``, so every statement read the whole
  table; migration 0004 adds that GIN index.
- The "every term in the title" rule was a second search over the listing
  table's live title, run through ``to_tsvector`` for every listing. The
  index entry's ``title`` vector holds the same words and is read in the
  same pass.
"""

from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.utils import get_descendants_content_types_pks

_RANKED = (
    "SELECT CAST(entry.object_id AS bigint) FROM modelsearch_indexentry entry "
    "WHERE entry.content_type_id = ANY(%s) AND (entry.title || entry.body) @@ %s::tsquery "
    "AND CAST(entry.object_id AS bigint) IN ({allowed}) "
    "ORDER BY {title_first}ts_rank(%s::float4[], entry.title, %s::tsquery) * entry.title_norm "
    "+ ts_rank(%s::float4[], entry.body, %s::tsquery) DESC, 1 DESC"
)
_TITLE_FIRST = "entry.title @@ %s::tsquery DESC, "


def _lexeme(term):
    return "'{}'".format(term.replace("'", "''").replace("\\", "\\\\"))


def tsquery_text(terms, operator):
    """The text modelsearch gives ``to_tsquery`` for ``terms``, nested as it nests them."""
    connector = " & " if operator == "and" else " | "
    text = _lexeme(terms[-1])
    for term in terms[:-1]:
        text = f"({text}{connector}{_lexeme(term)})"
    return text


class FullTextQuery:
    """``terms`` (every one with operator "and", any with "or") in one model's index entries."""

    def __init__(self, model, terms, operator):
        self.model = model
        self._text = tsquery_text(terms, operator)
        self._tsquery = None

    def _parsed(self):
        """The query parsed by ``to_tsquery`` with modelsearch's config, as tsquery text."""
        if self._tsquery is None:
            config = get_search_backend().config
            with connection.cursor() as cursor:
                if config:
                    cursor.execute("SELECT CAST(to_tsquery(%s::regconfig, %s) AS text)", [config, self._text])
                else:
                    cursor.execute("SELECT CAST(to_tsquery(%s) AS text)", [self._text])
                self._tsquery = cursor.fetchone()[0]
        return self._tsquery

    def ranked_ids(self, allowed, *, title_first, limit=None):
        """Primary keys of the rows of ``allowed`` (a queryset) that match, best first.

        ``title_first`` puts rows whose title holds the query before the others;
        within each group, or without it, rows go by modelsearch's rank, then
        the higher primary key first, as modelsearch orders them.
        """
        query = self._parsed()
        if not query:
            return []  # only stop words: to_tsquery matches nothing
        allowed_sql, allowed_params = allowed.order_by().values("pk").query.sql_with_params()
        weights = get_sql_weights()
        sql = _RANKED.format(allowed=allowed_sql, title_first=_TITLE_FIRST if title_first else "")
        params = [get_descendants_content_types_pks(self.model), query, *allowed_params]
        params += [query] if title_first else []
        params += [weights, query, weights, query]
        if limit is not None:
            sql += " LIMIT %s"
            params.append(limit)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [pk for (pk,) in cursor.fetchall()]
