"""Keyword mode ranks rather than filters (issue 14): the tantivy index of the SQLite default."""

import pytest
from django.db import connection

from verdex.catalog.models import Technology
from verdex.search import keyword_index
from verdex.search.engine import search
from verdex.search.query import KEYWORD, SearchQuery, minimum_should_match
from verdex.taxonomy.models import Country

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the tantivy index is the SQLite default's"),
]


def keyword(kind, text, **values):
    return search(SearchQuery(kind=kind, text=text, mode=KEYWORD, **values), None)


def pks(results):
    return [item.pk for item in results.items]


def test_minimum_should_match():
    assert [minimum_should_match(n) for n in range(1, 7)] == [1, 2, 2, 3, 4, 5]


def test_a_three_word_query_with_one_absent_word_still_finds_the_listing(make_technology):
    kit = make_technology(title="Solar drip irrigation kit")
    make_technology(title="Wind pump", summary="Lifts water.", description="<p>Wind only.</p>")

    results = keyword("technology", "solar irrigation zeppelin")

    assert pks(results) == [kit.pk]


def test_listings_with_every_term_rank_above_those_missing_one(make_technology):
    # Two of three terms in the title weigh more in BM25 than three in the body,
    # yet the listing holding all three comes first.
    partial = make_technology(title="Solar pump", summary="A pump driven by the sun.",
                              description="<p>Solar pump for wells.</p>")
    every = make_technology(title="Water kit", summary="Solar power for a pump and a battery.",
                            description="<p>Kit.</p>")

    results = keyword("technology", "solar pump battery")

    assert pks(results) == [every.pk, partial.pk]


def test_title_match_ranks_above_a_body_mention(make_technology, make_expert):
    mention = make_technology(title="Household stove", summary="Burns biogas from a digester.",
                              description="<p>Biogas.</p>")
    titled = make_technology(title="Biogas digester for dairy farms", summary="Twenty cows.",
                             description="<p>Long text about manure, gas and cows on a dairy farm.</p>")
    assert pks(keyword("technology", "biogas")) == [titled.pk, mention.pk]

    # An expert's name is on the title side, with the headline.
    named = make_expert(full_name="Jonas Wind", title="Hydropower engineer", description="<p>Rivers.</p>")
    described = make_expert(full_name="Ana Lima", title="Energy consultant",
                            description="<p>Wind farms in the Baltic.</p>")
    assert pks(keyword("expert", "wind")) == [named.pk, described.pk]


def test_when_no_listing_holds_enough_terms_any_term_will_do(make_technology):
    kit = make_technology(title="Solar drip irrigation kit")

    # Two terms must both match, and no listing holds "zeppelin": not an empty page.
    assert pks(keyword("technology", "solar zeppelin")) == [kit.pk]
    assert keyword("technology", "zeppelin airship").total == 0


@pytest.mark.parametrize("text", [
    '"solar', 'solar"', "solar:", "title:solar", "(solar", "solar)", "solar AND", "OR solar", "NOT solar",
    "-solar", "+solar", "solar*", "solar~2", "solar^3", "[solar TO pump]", "{solar}", "solar\\", "solar/pump",
    "solar && pump || kit", "Café Solar", "'solar'", "solar_pump",
])
def test_query_syntax_is_never_interpreted(make_technology, text):
    kit = make_technology(title="Solar pump kit")

    results = keyword("technology", text)

    assert kit.pk in pks(results)


def test_accents_and_case_fold(make_technology):
    kit = make_technology(title="Séchoir SOLAIRE", summary="Dries fruit.", description="<p>Fruit.</p>")

    assert pks(keyword("technology", "sechoir solaire")) == [kit.pk]


def test_facet_filters_apply_inside_the_ranking(make_technology):
    kenya = Country.objects.get(code="KE")
    tanzania = Country.objects.get(code="TZ")
    best = make_technology(title="Solar pump", developed_in=kenya)
    other = make_technology(title="Solar dryer", summary="Sun.", description="<p>Fruit.</p>",
                            developed_in=tanzania)

    assert pks(keyword("technology", "solar pump", filters={"country": ["TZ"]})) == [other.pk]
    results = keyword("technology", "solar pump", filters={"country": ["KE"]})
    assert pks(results) == [best.pk]
    assert results.facets  # counted over the filtered ranking


def test_a_long_query_keeps_its_best_under_the_filters(make_technology, monkeypatch):
    from verdex.search import backends

    monkeypatch.setattr(backends, "KEYWORD_MATCHES", 2)
    tanzania = Country.objects.get(code="TZ")
    make_technology(title="Solar pump irrigation kit for farms")
    make_technology(title="Solar pump irrigation kit")
    wanted = make_technology(title="Solar pump", summary="Sun.", description="<p>Wells.</p>",
                             developed_in=tanzania)
    text = "solar pump irrigation kit for farms in dry districts with wells and sun"

    results = keyword("technology", text, filters={"country": ["TZ"]})

    assert pks(results) == [wanted.pk]
    assert keyword("technology", text).total == 2


def test_ties_break_by_lower_id(make_technology):
    same = [make_technology(title="Tidal turbine", summary="Tides.", description="<p>Tides.</p>")
            for _ in range(4)]

    assert pks(keyword("technology", "tidal turbine")) == sorted(listing.pk for listing in same)
    assert pks(keyword("technology", "tidal turbine", per_page=2, page=2)) == sorted(
        listing.pk for listing in same)[2:]


def test_only_published_listings_are_in_the_index(make_technology):
    from verdex.catalog.models import Status

    make_technology(title="Draft geothermal plant", status=Status.DRAFT)
    published = make_technology(title="Geothermal plant")

    ids, _ = keyword_index.search("technology", ["geothermal"])

    assert ids.tolist() == [published.pk]
    assert Technology.objects.filter(title__icontains="geothermal").count() == 2
