"""A whole need description is a valid query in every mode."""

import pytest

from verdex.search.engine import search
from verdex.search.query import HYBRID, KEYWORD, SEMANTIC, SearchQuery

pytestmark = pytest.mark.django_db

NEED = (
    "We are a farmers' cooperative in a dry district where the rains have become unreliable. "
    "Our members grow vegetables on plots of less than one hectare and currently pump water "
    "with diesel generators, which are expensive and often break down. We are looking for an "
    "affordable way to irrigate the crops using the sun, that saves water and that local "
    "technicians can repair. There is no electricity grid in most villages."
)


@pytest.mark.parametrize("mode", [KEYWORD, SEMANTIC, HYBRID])
def test_a_need_paragraph_finds_the_technology(catalogue, mode):
    results = search(SearchQuery(kind="technology", text=NEED, mode=mode), None)

    assert results.mode_used == mode
    assert results.items[0] == catalogue["drip"]


def test_the_paragraph_is_kept_whole(catalogue):
    results = search(SearchQuery(kind="technology", text=NEED), None)

    assert results.query.text == NEED


def test_a_short_query_needs_every_word_when_some_listing_has_them(catalogue):
    # No listing holds both words: keyword mode ranks rather than filters (decision 28), so the
    # listings holding either word come back rather than nothing, on both databases.
    results = search(SearchQuery(kind="technology", text="solar biogas", mode=KEYWORD), None)
    assert {item.pk for item in results.items} == {catalogue["drip"].pk, catalogue["biogas"].pk}
    pump = search(SearchQuery(kind="technology", text="solar pump", mode=KEYWORD), None)
    assert [item.pk for item in pump.items] == [catalogue["drip"].pk]
