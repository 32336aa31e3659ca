"""The term index's bm25 of a long query equals FTS5's own, before and after writes."""

import pytest
from django.db import connection

from verdex.search import fts_terms, term_index

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 is SQLite's"),
]

QUERIES = [
    ["solar", "pump", "cooler", "farms"],
    ["fruit", "wind", "nothing", "water"],
    ["Café", "solar_pump", "Sonnenkollektor", "PUMP"],  # words FTS5 may tokenize otherwise
]


@pytest.fixture
def texts(make_technology, make_need):
    return [
        make_technology(title="Solar water pump", summary="A solar pump for small farms."),
        make_technology(title="Wind pump", summary="Pumps water with wind; no solar panel."),
        make_technology(title="Clay cooler", summary="Keeps vegetables fresh without power in a café."),
        make_need(title="Solar drying of fruit", description="<p>Small farms dry fruit in the sun.</p>"),
    ]


@pytest.fixture
def every_term_kept(monkeypatch):
    monkeypatch.setattr(term_index, "MIN_FREQUENT_ROWS", 1)
    # Never rebuild: with a few rows every write is "many" changed rows, and the
    # rows written in the last minute are all read again (term_index._OVERLAP).
    monkeypatch.setattr(term_index, "MAX_CHANGED_SHARE", float("inf"))


def fts5_scores(terms):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, bm25(modelsearch_indexentry_fts) FROM modelsearch_indexentry_fts "
            "WHERE modelsearch_indexentry_fts MATCH %s", [fts_terms.expression(terms, "OR")])
        return dict(cursor.fetchall())


def assert_equals_fts5(terms):
    rowids, scores = term_index.get_index().any_term(terms)
    combined = dict(zip(rowids.tolist(), scores.tolist(), strict=True))
    expected = fts5_scores(terms)
    assert combined.keys() == expected.keys()
    assert combined == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("min_rows", [1, 2, 10**9], ids=["all-kept", "frequent-kept", "none-kept"])
@pytest.mark.parametrize("terms", QUERIES)
def test_any_term_equals_fts5_or_query(texts, monkeypatch, min_rows, terms):
    monkeypatch.setattr(term_index, "MIN_FREQUENT_ROWS", min_rows)
    kept = term_index.get_index().term_ids

    assert ("solar" in kept) == (min_rows <= 3) and ("cooler" in kept) == (min_rows == 1)
    assert fts5_scores(terms)
    assert_equals_fts5(terms)


def test_index_counts_what_fts5_counts(texts, every_term_kept):
    index = term_index.get_index()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM modelsearch_indexentry_fts")
        (rows,) = cursor.fetchone()
    positions, hits = index.postings[index.term_ids["solar"]]

    assert index.row_count == rows == len(texts)
    assert sorted(hits.tolist()) == [1, 1, 2]  # the pump's title and summary; the wind pump; the need
    assert len(positions) == index.frequency[index.term_ids["solar"]]


def write_some(texts, make_technology):
    pump, wind, cooler, _ = texts
    make_technology(title="Solar cooler", summary="A cooler run by a solar panel for farms.")
    pump.title = "Hand pump"
    pump.summary = "A pump worked by hand, for wells."
    pump.save()
    cooler.delete()
    return wind


@pytest.mark.parametrize("terms", QUERIES)
def test_writes_in_this_process_are_read_into_the_overlay(texts, every_term_kept, make_technology, terms):
    built = term_index.get_index()
    write_some(texts, make_technology)

    index = term_index.get_index()
    assert index.postings is built.postings and len(index.changed) >= 3  # no rebuild
    assert_equals_fts5(terms)


@pytest.mark.parametrize("terms", QUERIES)
def test_writes_of_other_processes_are_found(texts, every_term_kept, make_technology, monkeypatch, terms):
    built = term_index.get_index()
    monkeypatch.setattr(term_index, "changed", lambda *args, **kwargs: None)  # no signal reaches it
    monkeypatch.setattr(term_index, "CHECK_INTERVAL", 0)
    monkeypatch.setattr(term_index, "COUNT_INTERVAL", 0)
    write_some(texts, make_technology)

    index = term_index.get_index()
    assert index.postings is built.postings and len(index.changed) >= 3
    assert_equals_fts5(terms)


def test_a_row_changed_twice_counts_once(texts, every_term_kept, make_technology):
    term_index.get_index()
    pump = texts[0]
    for title in ("Solar solar pump", "Wind pump"):
        pump.title = title
        pump.save()
        term_index.get_index()

    assert_equals_fts5(["solar", "wind", "pump"])


def test_many_changed_rows_rebuild_the_index(texts, every_term_kept, make_technology, monkeypatch):
    built = term_index.get_index()
    monkeypatch.setattr(term_index, "MAX_CHANGED_SHARE", 0)
    write_some(texts, make_technology)

    index = term_index.get_index()
    assert index.postings is not built.postings and not len(index.changed)
    assert_equals_fts5(QUERIES[0])


def test_a_view_is_unchanged_by_later_refreshes(texts, every_term_kept, make_technology):
    view = term_index.get_index()
    before = dict(zip(*(array.tolist() for array in view.any_term(QUERIES[0])), strict=True))
    write_some(texts, make_technology)
    term_index.get_index()

    after = dict(zip(*(array.tolist() for array in view.any_term(QUERIES[0][:2])), strict=True))
    assert len(view.changed) == 0 and after.keys() <= before.keys()


def test_title_matches_hold_only_title_matches(texts):
    rowids, scores = fts_terms.matches(fts_terms.expression(["solar"], "AND", fts_terms.TITLE), scores=False)

    assert len(rowids) == 2 and scores is None  # the wind pump says "solar" in its summary only
