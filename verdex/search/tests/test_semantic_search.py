"""Semantic mode: meaning, not shared words; filters inside; published only."""

import pytest

from verdex.catalog import services as catalog_services
from verdex.catalog.models import Status
from verdex.search.engine import search
from verdex.search.query import SEMANTIC, SearchQuery
from verdex.taxonomy.models import Country

pytestmark = pytest.mark.django_db


def semantic(text, **filters):
    return search(SearchQuery(kind="technology", text=text, mode=SEMANTIC, filters=filters, per_page=50), None)


@pytest.fixture
def catalogue(make_technology, committed):
    country = Country.objects.get
    with committed():
        listings = {
            "drip": make_technology(
                title="Solar-powered drip irrigation kit",
                summary="A low-pressure drip irrigation kit driven by a small solar pump.",
                description="<p>Smallholder farms save water and diesel.</p>",
            ),
            "pump": make_technology(
                title="Photovoltaic borehole pump",
                summary="A submersible pump powered by solar panels lifts groundwater for villages.",
                description="<p>No diesel and no grid needed.</p>", developed_in=country(code="TZ"),
            ),
            "biogas": make_technology(
                title="Household biogas digester",
                summary="Turns kitchen scraps and manure into cooking gas and fertiliser.",
                description="<p>Replaces firewood and charcoal.</p>", fields=("Y02W",),
            ),
            "cold": make_technology(
                title="Evaporative clay cooler",
                summary="Keeps vegetables fresh for days without electricity.",
                description="<p>Two clay pots and wet sand.</p>", fields=("Y02A40",),
            ),
        }
    return listings


def titles(results):
    return [item.title for item in results.items]


def test_finds_by_meaning_without_shared_words(catalogue):
    results = semantic("turning food leftovers into fuel for the stove")

    assert results.mode_used == SEMANTIC
    assert results.items[0] == catalogue["biogas"]


def test_ranks_the_closest_listing_first(catalogue):
    results = semantic("keeping produce cool with no power")

    assert results.items[0] == catalogue["cold"]


def test_unrelated_text_matches_nothing(catalogue):
    # Far from every listing; food text such as a recipe may pass the floor next to a food cooler.
    results = semantic("medieval poetry about knights")

    assert results.total == 0
    assert results.items == []


def test_a_filtered_out_best_match_never_appears_and_counts_follow(catalogue):
    # The Kenyan drip kit is the best match, but only Tanzanian listings are wanted.
    results = semantic("solar drip irrigation for small farms", country=["TZ"])

    assert catalogue["drip"] not in results.items
    assert results.items == [catalogue["pump"]]
    assert results.total == 1
    countries = {option.value: option.count for option in results.facets["country"]}
    # Disjunctive: the country facet still counts the Kenyan matches.
    assert countries["TZ"] == 1
    assert countries["KE"] >= 1


def test_filter_applies_before_the_cut_off(catalogue, settings, monkeypatch):
    from verdex.search import backends

    monkeypatch.setattr(backends, "SEMANTIC_MATCHES", 1)
    unfiltered = semantic("solar drip irrigation for small farms")
    filtered = semantic("solar drip irrigation for small farms", country=["TZ"])

    assert unfiltered.items == [catalogue["drip"]]
    assert filtered.items == [catalogue["pump"]]


def test_drafts_and_submitted_listings_never_appear(catalogue, make_technology, committed):
    with committed():
        draft = make_technology(title="Secret solar drip irrigation prototype", status=Status.DRAFT)
        submitted = make_technology(title="Pending solar drip irrigation kit", status=Status.SUBMITTED)

    results = semantic("solar drip irrigation kit")

    assert draft not in results.items
    assert submitted not in results.items
    assert catalogue["drip"] in results.items


def test_unpublished_listing_leaves_the_results(catalogue, moderator, committed):
    assert catalogue["biogas"] in semantic("biogas from kitchen waste").items

    with committed():
        catalog_services.transition(listing=catalogue["biogas"], action="unpublish", by=moderator,
                                    reason="Duplicate")

    assert catalogue["biogas"] not in semantic("biogas from kitchen waste").items


def test_pages_follow_the_ranking(catalogue):
    everything = semantic("solar water for farms")
    first = search(SearchQuery(kind="technology", text="solar water for farms", mode=SEMANTIC, per_page=1), None)
    second = search(SearchQuery(kind="technology", text="solar water for farms", mode=SEMANTIC, per_page=1,
                                page=2), None)

    assert everything.total >= 2
    assert first.total == everything.total
    assert first.items == everything.items[:1]
    assert second.items == everything.items[1:2]


def test_newest_sort_keeps_the_semantic_matched_set(catalogue):
    by_relevance = semantic("solar water pumping")
    newest = search(SearchQuery(kind="technology", text="solar water pumping", mode=SEMANTIC, sort="newest",
                                per_page=50), None)

    assert set(newest.items) == set(by_relevance.items)
    assert newest.total == by_relevance.total
