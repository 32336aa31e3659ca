"""PostgreSQL keyword search (pg_keyword.py) ranks by the rules of the SQLite default.

Short queries: any term matches; listings holding every term first, then
those holding all but one (three or more terms), then the rest, each tier by
modelsearch's rank. Long queries: any term, by rank. Expected orders are computed here from modelsearch's own
ranked search, so the one statement must agree with it.
"""

import pytest
from django.db import connection

from verdex.catalog.models import Technology
from verdex.search.backends import KeywordBackend
from verdex.search.engine import search
from verdex.search.query import LONG_QUERY_STOP_WORDS, SearchQuery, minimum_should_match, search_terms

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL keyword path"),
]


def modelsearch_rank(text):
    """Ids holding any word of ``text``, by modelsearch's relevance score, ties to the lower id."""
    scored = (Technology.objects.published().search(text, operator="or", order_by_relevance=True)
              .annotate_score("_score").get_queryset().values_list("pk", "_score"))
    return [pk for pk, score in sorted(scored, key=lambda row: (-row[1], row[0]))]


def holding(words):
    """Ids of the published technologies whose indexed text holds every one of ``words``."""
    published = Technology.objects.published()
    return set(published.search(" ".join(words), operator="and", order_by_relevance=False)
               .get_queryset().values_list("pk", flat=True))


@pytest.fixture
def solar_catalogue(make_technology):
    return {
        "pump": make_technology(title="Solar pump", summary="Lifts water.", description="<p>For farms.</p>"),
        "tracking": make_technology(title="Solar water pump with solar tracking",
                                    summary="A solar pump that follows the sun.", description="<p>Solar.</p>"),
        "drip": make_technology(title="Drip kit", summary="A drip kit with a solar pump.",
                                description="<p>Water saving.</p>"),
        "wind": make_technology(title="Wind pump", summary="Pumps water with wind.",
                                description="<p>The alternative when there is no sun.</p>"),
        "dryer": make_technology(title="Solar dryer", summary="Dries fruit.", description="<p>No fan needed.</p>"),
        "biogas": make_technology(title="Biogas digester", summary="Cooking gas.", description="<p>Manure.</p>"),
    }


def ranked(text):
    return KeywordBackend().match(Technology.objects.published(), text, search_terms(text)).ranked_ids({})


def test_the_expression_index_exists():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'modelsearch_indexentry_title_body_gin'")
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition


def tiered(words):
    """modelsearch's any-word order, regrouped: every word held, then all but one (3+ words), then the rest."""
    minimum = minimum_should_match(len(words))

    def tier(pk):
        held = sum(pk in holding([word]) for word in words)
        return 0 if held == len(words) else 1 if held >= minimum else 2

    return sorted(modelsearch_rank(" ".join(words)), key=tier)  # stable: rank order inside each tier


@pytest.mark.parametrize("text", ["solar pump", "solar", "water", "solar water pump", "manure tracking fruit"])
def test_short_queries_rank_in_tiers_by_modelsearch_rank(solar_catalogue, text):
    expected = tiered(text.split())
    assert expected
    assert ranked(text) == expected


def test_three_words_one_absent_rank_the_listings_holding_two_above_those_holding_one(solar_catalogue):
    result = ranked("solar water pump")

    assert result.index(solar_catalogue["wind"].pk) < result.index(solar_catalogue["dryer"].pk)
    assert solar_catalogue["biogas"].pk not in result  # holds none of the words


def test_long_query_matches_any_term_by_rank(solar_catalogue):
    text = "farms need a pump that lifts water with the sun for irrigation of fields and fruit"
    kept = [term for term in search_terms(text) if term.lower() not in LONG_QUERY_STOP_WORDS]

    result = ranked(text)

    assert result == modelsearch_rank(" ".join(kept))
    assert len(result) > 3


def test_whole_search_pages_and_counts_the_same_rows(solar_catalogue):
    results = search(SearchQuery(kind="technology", text="solar pump", mode="keyword", per_page=2), None)

    expected = ranked("solar pump")
    assert [item.pk for item in results.items] == expected[:2]
    assert results.total == len(expected)
    assert sum(option.count for option in results.facets["ip"]) == len(expected)


def test_a_query_of_stop_words_only_finds_nothing(solar_catalogue):
    results = search(SearchQuery(kind="technology", text="the", mode="keyword"), None)

    assert results.total == 0 and results.items == []
