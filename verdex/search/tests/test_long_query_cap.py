"""A long query's keyword matched set is its best KEYWORD_MATCHES listings, filters applied first."""

import pytest

from verdex.catalog.models import Technology
from verdex.search import backends
from verdex.search.sql import pk_in
from verdex.search.engine import search
from verdex.search.query import KEYWORD, SearchQuery
from verdex.taxonomy.models import Country

pytestmark = pytest.mark.django_db

NEED = (
    "Our cooperative pumps water for vegetable irrigation with diesel generators that break "
    "down; we want an affordable solar pump that local technicians can repair."
)


def run(text=NEED, per_page=50, **options):
    return search(SearchQuery(kind="technology", text=text, mode=KEYWORD, per_page=per_page, **options),
                  None)


@pytest.fixture
def listings(make_technology):
    """Three Kenyan listings sharing many words with NEED, and a Tanzanian one sharing one."""
    kenya = [
        make_technology(title=f"Solar irrigation pump {n}",
                        summary="An affordable solar pump for vegetable irrigation; local technicians "
                                "repair it and no diesel generators are needed.")
        for n in range(3)
    ]
    tanzania = make_technology(title="Rainwater tank", summary="Stores water from roofs.",
                               developed_in=Country.objects.get(code="TZ"))
    return kenya, tanzania


def test_the_matched_set_is_cut_to_the_best_listings(listings, monkeypatch):
    kenya, tanzania = listings
    assert run().total == 4

    monkeypatch.setattr(backends, "KEYWORD_MATCHES", 2)
    results = run()

    assert results.total == 2
    assert set(results.items) <= set(kenya)
    countries = {option.value: option.count for option in results.facets["country"]}
    assert countries == {"KE": 2}


def test_filters_apply_before_the_cut(listings, monkeypatch):
    kenya, tanzania = listings
    monkeypatch.setattr(backends, "KEYWORD_MATCHES", 2)

    results = run(filters={"country": ["TZ"]})

    assert results.items == [tanzania]
    assert results.total == 1
    # The country facet counts the cut set without its own filter: the two best, both Kenyan.
    countries = {option.value: option.count for option in results.facets["country"]}
    assert countries == {"KE": 2, "TZ": 0}


def test_newest_sort_orders_the_cut_set(listings, monkeypatch):
    monkeypatch.setattr(backends, "KEYWORD_MATCHES", 2)

    results = run(sort="newest")

    assert results.total == 2
    assert results.items == sorted(results.items, key=lambda item: (item.published_at, item.pk),
                                   reverse=True)


def test_a_short_query_is_not_cut(listings, monkeypatch):
    monkeypatch.setattr(backends, "KEYWORD_MATCHES", 2)

    assert run("water").total == 4


def test_an_id_list_beyond_the_sqlite_variable_limit_filters_in_one_parameter(make_technology):
    technology = make_technology()
    ids = [technology.pk, *range(10**9, 10**9 + 40_000)]

    assert list(Technology.objects.filter(pk_in(ids))) == [technology]
