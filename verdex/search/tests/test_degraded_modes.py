"""Without vectors, semantic and hybrid search answer with keyword results and say so."""

import pytest
from django.urls import reverse

from verdex.search.engine import search
from verdex.search.query import HYBRID, KEYWORD, SEMANTIC, SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def unembedded(make_technology):
    # Not committed, so the embedding job never ran: no vectors at all.
    return make_technology(title="Solar pump")


@pytest.mark.parametrize("mode", [SEMANTIC, HYBRID])
def test_falls_back_to_keyword(unembedded, mode):
    results = search(SearchQuery(kind="technology", text="solar pump", mode=mode), None)

    assert results.mode_used == KEYWORD
    assert results.degraded
    assert results.items == [unembedded]


def test_keyword_mode_is_not_a_fallback(unembedded):
    results = search(SearchQuery(kind="technology", text="solar pump", mode=KEYWORD), None)

    assert results.mode_used == KEYWORD
    assert not results.degraded


def test_page_tells_the_visitor(client, unembedded):
    response = client.get(reverse("search:technologies"), {"q": "solar pump"})

    assert b"match your words only" in response.content
    assert unembedded.title.encode() in response.content


def test_no_notice_when_vectors_exist(client, make_technology, committed):
    with committed():
        make_technology(title="Solar pump")

    response = client.get(reverse("search:technologies"), {"q": "solar pump"})

    assert response.context["results"].mode_used == HYBRID
    assert b"match your words only" not in response.content
