"""A keyword matched set is its best KEYWORD_MATCHES listings, filters applied first, and says when it was cut."""

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
    assert not run().capped

    monkeypatch.setattr(backends, "KEYWORD_MATCHES", 2)
    results = run()

    assert results.total == 2
    assert results.capped
    assert set(results.items) <= set(kenya)
    countries = {option.value: option.count for option in results.facets["country"]}
    assert countries == {"KE": 2}


def test_filters_apply_before_the_cut(listings, monkeypatch):
    kenya, tanzania = listings
    monkeypatch.setattr(backends, "KEYWORD_MATCHES", 2)

    results = run(filters={"country": ["TZ"]})

    assert results.items == [tanzania]
    assert results.total == 1
    assert not results.capped
    # The country facet counts the cut set without its own filter: the two best, both Kenyan.
    countries = {option.value: option.count for option in results.facets["country"]}
    assert countries == {"KE": 2, "TZ": 0}


def test_newest_sort_orders_the_cut_set(listings, monkeypatch):
    monkeypatch.setattr(backends, "KEYWORD_MATCHES", 2)

    results = run(sort="newest")

    assert results.total == 2
    assert results.items == sorted(results.items, key=lambda item: (item.published_at, item.pk),
                                   reverse=True)


def test_a_short_query_is_cut_too_best_first(listings, monkeypatch):
    kenya, tanzania = listings
    monkeypatch.setattr(backends, "KEYWORD_MATCHES", 3)

    results = run("solar irrigation water")

    # The Kenyan listings hold two of the three words (the tier above "any word"), the
    # Tanzanian one only "water": the cut keeps the three best of the four matches.
    assert results.total == 3
    assert results.capped
    assert set(results.items) == set(kenya)


def test_the_page_and_the_api_say_the_count_is_of_the_best(listings, monkeypatch, client):
    monkeypatch.setattr(backends, "KEYWORD_MATCHES", 2)

    page = client.get("/search/technologies/", {"q": "solar irrigation water", "mode": "keyword"})
    assert "The best 2 technologies matching" in page.content.decode()
    answer = client.get("/api/v1/search/technologies", {"q": "solar irrigation water", "mode": "keyword"}).json()
    assert (answer["total"], answer["total_capped"]) == (2, True)
    answer = client.get("/api/v1/search/technologies", {"q": "rainwater", "mode": "keyword"}).json()
    assert (answer["total"], answer["total_capped"]) == (1, False)


def test_an_id_list_beyond_the_sqlite_variable_limit_filters_in_one_parameter(make_technology):
    technology = make_technology()
    ids = [technology.pk, *range(10**9, 10**9 + 40_000)]

    assert list(Technology.objects.filter(pk_in(ids))) == [technology]
