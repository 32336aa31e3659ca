"""Hybrid mode: keyword and semantic rankings fused; the default mode."""

import pytest
from django.urls import reverse

from verdex.search import fusion
from verdex.search.engine import search
from verdex.search.query import HYBRID, KEYWORD, SEMANTIC, SearchQuery
from verdex.taxonomy.models import Country

pytestmark = pytest.mark.django_db


def run(text, mode=HYBRID, per_page=50, **options):
    return search(SearchQuery(kind="technology", text=text, mode=mode, per_page=per_page, **options), None)


@pytest.fixture
def catalogue(make_technology, committed):
    with committed():
        return {
            "coded": make_technology(
                title="AquaLift ZX90 controller",
                summary="Firmware and sensors for managing pumps remotely.",
                description="<p>Works with most inverters.</p>",
            ),
            "drip": make_technology(
                title="Solar-powered drip irrigation kit",
                summary="A low-pressure drip irrigation kit driven by a small solar pump.",
                description="<p>Smallholder farms save water and diesel.</p>",
            ),
            "pump": make_technology(
                title="Photovoltaic borehole pump",
                summary="A submersible pump powered by solar panels lifts groundwater for villages.",
                description="<p>No diesel and no grid needed.</p>",
                developed_in=Country.objects.get(code="TZ"),
            ),
            "biogas": make_technology(
                title="Household biogas digester",
                summary="Turns kitchen scraps and manure into cooking gas and fertiliser.",
                description="<p>Replaces firewood and charcoal.</p>", fields=("Y02W",),
            ),
        }


def test_hybrid_is_the_default_mode(catalogue):
    results = search(SearchQuery(kind="technology", text="biogas"), None)

    assert results.query.mode == HYBRID
    assert results.mode_used == HYBRID


def test_hybrid_finds_a_code_only_keywords_know(catalogue):
    # A product code has no meaning to an embedding model; keyword search finds it.
    results = run("ZX90")

    assert results.items[0] == catalogue["coded"]


def test_hybrid_finds_by_meaning_where_no_word_is_shared(catalogue):
    # (not "turning": PostgreSQL stems it to the "turns" of the digester's summary)
    assert run("converting food leftovers into fuel for the stove", mode=KEYWORD).total == 0

    results = run("converting food leftovers into fuel for the stove")

    assert results.items[0] == catalogue["biogas"]


def test_matched_set_is_the_union_of_both_modes(catalogue):
    keyword = run("pump", mode=KEYWORD)
    semantic = run("pump", mode=SEMANTIC)
    hybrid = run("pump")

    assert set(hybrid.items) == set(keyword.items) | set(semantic.items)
    assert hybrid.total == len(set(hybrid.items))


def test_listing_found_by_both_modes_ranks_first(catalogue):
    results = run("solar drip irrigation")

    assert results.items[0] == catalogue["drip"]


def test_a_filtered_out_best_match_never_appears_and_counts_follow(catalogue):
    results = run("solar drip irrigation", filters={"country": ["TZ"]})

    assert catalogue["drip"] not in results.items
    assert results.items == [catalogue["pump"]]
    assert results.total == 1
    countries = {option.value: option.count for option in results.facets["country"]}
    assert countries["TZ"] == 1
    assert countries["KE"] >= 1


def test_pages_past_the_fused_head_continue_in_keyword_order(catalogue, make_technology, monkeypatch,
                                                              committed):
    monkeypatch.setattr(fusion, "KEYWORD_FUSION_DEPTH", 2)
    with committed():
        for number in range(3):
            make_technology(title=f"Pump housing variant {number}")
    everything = run("pump", mode=KEYWORD)
    first = run("pump", per_page=2)
    pages = [first] + [run("pump", per_page=2, page=page) for page in range(2, first.num_pages + 1)]

    seen = [item for page in pages for item in page.items]
    assert first.num_pages >= 3
    assert first.total == len(seen)
    assert len(seen) == len(set(seen))
    assert set(everything.items) <= set(seen)


def test_search_page_offers_the_modes_and_keeps_the_choice(client, catalogue):
    response = client.get(reverse("search:technologies"), {"q": "biogas", "mode": "semantic"})

    assert response.status_code == 200
    assert response.context["results"].query.mode == SEMANTIC
    assert b'<option value="semantic" selected>' in response.content
    assert b"Hybrid (recommended)" in response.content


def test_unknown_mode_falls_back_to_hybrid(client, catalogue):
    response = client.get(reverse("search:technologies"), {"q": "biogas", "mode": "telepathy"})

    assert response.status_code == 200
    assert response.context["results"].query.mode == HYBRID


def test_organisations_have_no_mode_choice(client, organisation):
    response = client.get(reverse("search:organisations"), {"q": "Sunfield", "mode": "semantic"})

    assert response.context["results"].query.mode == KEYWORD
    assert b'name="mode"' not in response.content
