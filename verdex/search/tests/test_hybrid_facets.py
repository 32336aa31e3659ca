"""Hybrid facet counts are the counts of the listings the hybrid search matched."""

from collections import Counter

import pytest

from verdex.catalog.models import Technology
from verdex.search.engine import search
from verdex.search.query import HYBRID, SearchQuery
from verdex.taxonomy.models import Country

pytestmark = pytest.mark.django_db

PARAGRAPH = (
    "Farmers in dry villages pump groundwater with diesel engines; they want solar panels to "
    "drive the pump, save fuel and keep vegetables growing through the dry season."
)


@pytest.fixture
def catalogue(make_technology, committed):
    with committed():
        return [
            make_technology(title="Photovoltaic borehole pump",
                            summary="A submersible pump powered by solar panels lifts groundwater.",
                            developed_in=Country.objects.get(code="TZ"), trl=5),
            make_technology(title="Solar-powered drip irrigation kit"),
            make_technology(title="Household biogas digester",
                            summary="Turns kitchen scraps and manure into cooking gas.",
                            description="<p>Replaces firewood.</p>", fields=("Y02W",), trl=3),
            make_technology(title="Small wind turbine for telecom towers",
                            summary="Powers mobile network masts off the grid.",
                            developed_in=Country.objects.get(code="IN"),
                            ip_status=Technology.IPStatus.OPEN),
            make_technology(title="Evaporative clay cooler",
                            summary="Keeps vegetables fresh without electricity.",
                            developed_in=Country.objects.get(code="TZ")),
        ]


def counts(results, facet):
    return {option.value: option.count for option in results.facets[facet] if option.count}


def expected(items, value_of):
    return dict(Counter(value_of(item) for item in items))


@pytest.mark.parametrize("text", ["solar pump", "vegetables", PARAGRAPH])
def test_counts_equal_those_of_the_matched_listings(catalogue, text):
    results = search(SearchQuery(kind="technology", text=text, mode=HYBRID, per_page=100), None)

    assert results.mode_used == HYBRID
    assert results.items and results.total == len(results.items)
    assert counts(results, "country") == expected(results.items, lambda item: item.developed_in_id)
    assert counts(results, "trl") == expected(results.items, lambda item: item.trl_group)
    assert counts(results, "ip") == expected(results.items, lambda item: item.ip_status)
    fields = Counter(code for item in results.items
                     for code in {field.root.code for field in item.fields.all()})
    assert counts(results, "field") == dict(fields)


def test_a_facet_counts_without_its_own_selection_and_with_the_others(catalogue):
    unfiltered = search(SearchQuery(kind="technology", text=PARAGRAPH, mode=HYBRID, per_page=100), None)
    results = search(SearchQuery(kind="technology", text=PARAGRAPH, mode=HYBRID, per_page=100,
                                 filters={"country": ["TZ"], "ip": ["patented"]}), None)

    assert results.items
    assert all(item.developed_in_id == "TZ" and item.ip_status == "patented" for item in results.items)
    patented = [item for item in unfiltered.items if item.ip_status == "patented"]
    in_tanzania = [item for item in unfiltered.items if item.developed_in_id == "TZ"]
    assert counts(results, "country") == expected(patented, lambda item: item.developed_in_id)
    assert counts(results, "ip") == expected(in_tanzania, lambda item: item.ip_status)
    assert counts(results, "trl") == expected(results.items, lambda item: item.trl_group)
