"""A long query's scores summed from per-term postings equal FTS5's bm25 of the whole query."""

import pytest
from django.db import connection

from verdex.search import fts_terms

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 is SQLite's"),
]


@pytest.fixture
def texts(make_technology, make_need):
    make_technology(title="Solar water pump", summary="A solar pump for small farms.")
    make_technology(title="Wind pump", summary="Pumps water with wind; no solar panel.")
    make_technology(title="Clay cooler", summary="Keeps vegetables fresh without power.")
    make_need(title="Solar drying of fruit", description="<p>Small farms dry fruit in the sun.</p>")


def fts5_scores(expression):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, bm25(modelsearch_indexentry_fts) FROM modelsearch_indexentry_fts "
            "WHERE modelsearch_indexentry_fts MATCH %s", [expression])
        return dict(cursor.fetchall())


def as_dict(rowids, scores):
    return dict(zip(rowids.tolist(), scores.tolist(), strict=True))


@pytest.mark.parametrize("terms", [["solar", "pump", "cooler"], ["fruit", "wind", "nothing"]])
def test_any_term_equals_fts5_or_query(texts, terms):
    expected = fts5_scores(fts_terms.expression(terms, "OR"))
    combined = as_dict(*fts_terms.any_term([fts_terms.postings(term) for term in terms]))

    assert combined.keys() == expected.keys() and expected
    assert combined == pytest.approx(expected, rel=1e-12)


def test_title_matches_hold_only_title_matches(texts):
    rowids, scores = fts_terms.matches(fts_terms.expression(["solar"], "AND", fts_terms.TITLE), scores=False)

    assert len(rowids) == 2 and scores is None  # the wind pump says "solar" in its summary only


def test_saving_a_listing_drops_cached_postings(texts, make_technology):
    before, _ = fts_terms.postings("cooler")
    make_technology(title="Second cooler")

    after, _ = fts_terms.postings("cooler")
    assert len(after) == len(before) + 1
