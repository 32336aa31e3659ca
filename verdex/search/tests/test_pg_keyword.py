"""PostgreSQL keyword search (pg_keyword.py) finds and orders exactly what modelsearch's own search does."""

import pytest
from django.db import connection

from verdex.catalog.models import Technology
from verdex.search.backends import KeywordBackend
from verdex.search.engine import search
from verdex.search.pg_keyword import tsquery_text
from verdex.search.query import LONG_QUERY_STOP_WORDS, SearchQuery, search_terms

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL keyword path")


def modelsearch_order(text, operator):
    """Ids as modelsearch's PostgreSQL backend ranks them, rows with every term in the title first."""
    published = Technology.objects.published()
    ranked = list(
        published.search(text, operator=operator, order_by_relevance=True)
        .annotate_score("_score").get_queryset().values_list("pk", flat=True)
    )
    if operator == "or":
        return ranked
    in_title = set(published.search(text, fields=["title"], operator="and", order_by_relevance=False)
                   .get_queryset().values_list("pk", flat=True))
    return sorted(ranked, key=lambda pk: pk not in in_title)  # stable: rank order within each group


@pytest.fixture
def solar_catalogue(make_technology):
    return [
        make_technology(title="Solar pump", summary="Lifts water.", description="<p>For farms.</p>"),
        make_technology(title="Solar water pump with solar tracking",
                        summary="A solar pump that follows the sun.", description="<p>Solar, solar.</p>"),
        make_technology(title="Drip kit", summary="A drip kit with a solar pump.",
                        description="<p>Water saving.</p>"),
        make_technology(title="Wind pump", summary="Pumps water with wind.",
                        description="<p>A solar pump is the alternative when there is no wind.</p>"),
        make_technology(title="Solar dryer", summary="Dries fruit.", description="<p>No pump needed.</p>"),
        make_technology(title="Pump for solar fields", summary="Irrigation.", description="<p>Fields.</p>"),
        make_technology(title="Biogas digester", summary="Cooking gas.", description="<p>Manure.</p>"),
    ]


def test_tsquery_text_nests_terms_as_modelsearch_does():
    assert tsquery_text(["Floating", "PV", "ponds"], "and") == "(('ponds' & 'Floating') & 'PV')"
    assert tsquery_text(["milk", "cooling"], "or") == "('cooling' | 'milk')"
    assert tsquery_text(["o'brien"], "and") == "'o''brien'"


@postgres_only
def test_the_expression_index_exists():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'modelsearch_indexentry_title_body_gin'")
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition


@postgres_only
@pytest.mark.parametrize("text", ["solar pump", "solar", "pump", "water"])
def test_short_query_matches_and_orders_like_modelsearch(solar_catalogue, text):
    match = KeywordBackend().match(Technology.objects.published(), text, search_terms(text))

    expected = modelsearch_order(text, "and")
    assert expected  # the catalogue answers every query above
    assert match.ranked_ids({}) == expected


@postgres_only
def test_long_query_matches_and_orders_like_modelsearch(solar_catalogue):
    text = "farms need a pump that lifts water with the sun for irrigation of fields and fruit"
    terms = search_terms(text)
    match = KeywordBackend().match(Technology.objects.published(), text, terms)

    kept = [term for term in terms if term.lower() not in LONG_QUERY_STOP_WORDS]
    expected = modelsearch_order(" ".join(kept), "or")
    assert len(expected) > 3
    assert match.ranked_ids({}) == expected


@postgres_only
def test_whole_search_pages_and_counts_the_same_rows(solar_catalogue):
    results = search(SearchQuery(kind="technology", text="solar pump", per_page=2), None)

    expected = modelsearch_order("solar pump", "and")
    assert [item.pk for item in results.items] == expected[:2]
    assert results.total == len(expected)
    assert sum(option.count for option in results.facets["ip"]) == len(expected)


@postgres_only
def test_a_query_of_stop_words_only_finds_nothing(solar_catalogue):
    results = search(SearchQuery(kind="technology", text="the", mode="keyword"), None)

    assert results.total == 0 and results.items == []
