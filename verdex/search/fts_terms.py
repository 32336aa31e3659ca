"""Full-text matches with bm25 scores from modelsearch's SQLite FTS5 table.

A short query's "every term" is one FTS5 expression, scored by FTS5 over the
rows in the intersection only (``matches``). A long query's "any term" is
scored by the term index (term_index.py), which reads the rarer of its terms
here in one "or" expression.
"""

import numpy as np
from django.db import connection

# FTS5 columns searched: the whole listing, or its title (for the title-first rule).
ALL_TEXT = "{title body}"
TITLE = "{title}"


def expression(terms, operator, columns=ALL_TEXT):
    """The FTS5 query for ``terms`` (word characters only) joined by ``operator`` ("AND"/"OR") in ``columns``."""
    return f"{columns} : (" + f" {operator} ".join(f'"{term}"' for term in terms) + ")"


def matches(query, scores=True):
    """(rowids ascending, bm25 scores or None) of the FTS5 rows matching ``query``."""
    score = "bm25(modelsearch_indexentry_fts)" if scores else "NULL"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, {score} FROM modelsearch_indexentry_fts "
            "WHERE modelsearch_indexentry_fts MATCH %s ORDER BY rowid", [query])
        rows = cursor.fetchall()
    rowids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    if not scores:
        return rowids, None
    return rowids, np.fromiter((row[1] for row in rows), dtype=np.float64, count=len(rows))
