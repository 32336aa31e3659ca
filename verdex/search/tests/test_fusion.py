"""Hybrid fusion: reciprocal ranks weighted by how much of the query the keyword index knows."""

import pytest

from verdex.catalog.models import Technology
from verdex.search import fusion
from verdex.search.engine import search
from verdex.search.query import HYBRID, SEMANTIC, SearchQuery, search_terms

pytestmark = pytest.mark.django_db


def test_weighted_reciprocal_rank_fusion():
    scores = fusion.reciprocal_rank_fusion(["a", "b"], ["b", "c"], weights=(0.5, 1.0))

    assert scores == pytest.approx({"a": 0.5 / 61, "b": 0.5 / 62 + 1 / 61, "c": 1 / 62})
    assert fusion.reciprocal_rank_fusion(["a"], ["a"]) == pytest.approx({"a": 2 / 61})


def test_a_keyword_ranking_of_weight_zero_only_follows():
    fused = fusion.fuse(["k1", "both", "k2"], ["s1", "both", "s2"], 0.0)

    assert fused[:3] == ["s1", "both", "s2"]  # the semantic order
    assert set(fused) == {"k1", "k2", "s1", "s2", "both"}  # the matched set is still the union
    assert fused[3:] == ["k1", "k2"]


def test_equal_weights_put_what_both_rankings_hold_first():
    assert fusion.fuse(["k1", "both"], ["s1", "both"], 1.0)[0] == "both"


def test_keyword_weight_grows_with_coverage():
    weights = [fusion.keyword_weight(coverage) for coverage in (0.0, 0.5, 1.0)]

    assert weights[0] == 0.0
    assert weights[0] < weights[1] < weights[2] == fusion.KEYWORD_WEIGHT


@pytest.fixture
def catalogue(make_technology, committed):
    with committed():
        return [
            make_technology(title="Solar-powered drip irrigation kit",
                            summary="A drip kit driven by a small solar pump.", description="<p>Farms.</p>"),
            make_technology(title="Household biogas digester", summary="Turns kitchen scraps into cooking gas.",
                            description="<p>Replaces firewood.</p>"),
            make_technology(title="Wind-driven water pump", summary="A windmill lifts water for cattle.",
                            description="<p>No fuel.</p>"),
        ]


def coverage(text):
    return fusion.keyword_coverage(Technology, search_terms(text))


def test_coverage_is_whole_for_known_words_and_nothing_for_another_script(catalogue):
    assert coverage("solar drip irrigation") == pytest.approx(1.0)
    assert coverage("太阳能灌溉") == 0.0
    assert coverage("Солнечный насос") == 0.0


def test_an_unknown_rare_word_weighs_more_than_a_known_common_one(catalogue):
    partly = coverage("pump quasiturbine")  # "pump" is in two of three listings

    assert 0.0 < partly < 0.5


def test_a_query_in_a_language_the_catalogue_lacks_is_ranked_by_meaning_alone(catalogue):
    text = "bomba solar para riego por goteo"  # Spanish; "solar" is an English word too

    hybrid = search(SearchQuery(kind="technology", text=text, mode=HYBRID, per_page=10), None)
    semantic = search(SearchQuery(kind="technology", text=text, mode=SEMANTIC, per_page=10), None)

    assert coverage(text) < 0.5
    assert hybrid.items[: len(semantic.items)] == semantic.items
