import datetime

import pytest
from django.utils import timezone

from verdex.catalog.models import Need, Status, Technology
from verdex.organisations.models import Organisation
from verdex.search.engine import search
from verdex.search.query import NEWEST, RELEVANCE, UPDATED, SearchQuery
from verdex.taxonomy.models import Country

pytestmark = pytest.mark.django_db


def titles(results):
    return [item.title for item in results.items]


def test_title_match_ranks_above_description_match(make_technology):
    in_description = make_technology(
        title="Household cooking stove", summary="A clean cookstove for homes.",
        description="<p>Burns biogas from a small household digester.</p>",
    )
    in_title = make_technology(
        title="Biogas digester for dairy farms", summary="Turns manure into cooking gas.",
        description="<p>Sized for twenty cows.</p>",
    )
    make_technology(title="Wind pump", summary="Lifts water with wind.", description="<p>No gas.</p>")

    results = search(SearchQuery(kind="technology", text="biogas"), None)

    assert [item.pk for item in results.items] == [in_title.pk, in_description.pk]
    assert results.total == 2
    assert results.query.sort == RELEVANCE


def test_listings_holding_every_word_come_first(make_technology):
    make_technology(title="Solar dryer", summary="Dries fruit with the sun.", description="<p>Fruit.</p>")
    make_technology(title="Solar water pump", summary="Pumps water with solar power.")
    make_technology(title="Biogas digester", summary="Cooking gas.", description="<p>Manure.</p>")

    results = search(SearchQuery(kind="technology", text="solar pump"), None)

    # Keyword search ranks rather than filters (decision 29): the dryer holds one of the words.
    assert titles(results) == ["Solar water pump", "Solar dryer"]


def test_words_are_matched_case_insensitively_in_the_summary(make_technology):
    make_technology(title="Kit", summary="Uses a PHOTOVOLTAIC panel.")

    assert titles(search(SearchQuery(kind="technology", text="photovoltaic"), None)) == ["Kit"]


def test_no_match_gives_empty_results(make_technology):
    make_technology()

    results = search(SearchQuery(kind="technology", text="hydrogen"), None)

    assert results.items == [] and results.total == 0


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED])
def test_unpublished_listings_are_never_found(make_technology, make_need, make_expert, status):
    make_technology(title="Secret biogas plant", status=status)
    make_need(title="Secret biogas need", status=status)
    make_expert(title="Secret biogas expert", status=status)
    published = make_technology(title="Public biogas plant")

    for kind in ("technology", "need", "expert"):
        for text in ("biogas", "secret", ""):
            results = search(SearchQuery(kind=kind, text=text), None)
            assert all(item.status == Status.PUBLISHED for item in results.items)
            assert "Secret" not in " ".join(titles(results))
    assert titles(search(SearchQuery(kind="technology", text="biogas"), None)) == [published.title]


def test_unpublished_listing_leaves_results_when_unpublished(make_technology, moderator):
    from verdex.catalog.services import transition

    tech = make_technology(title="Tidal turbine")
    assert search(SearchQuery(kind="technology", text="tidal"), None).total == 1

    transition(listing=tech, action="unpublish", by=moderator, reason="Out of date.")

    assert search(SearchQuery(kind="technology", text="tidal"), None).total == 0


def test_needs_and_experts_are_searched(make_need, make_expert):
    make_need(title="Desalination for an island clinic")
    make_need(title="Cold storage for fish", description="<p>Ice for a fishing cooperative.</p>")
    make_expert(full_name="Jonas Berg", title="Geothermal heat consultant")
    make_expert(full_name="Ana Lima", title="Hydropower engineer", description="<p>Small rivers.</p>")

    assert titles(search(SearchQuery(kind="need", text="desalination"), None)) == [
        "Desalination for an island clinic"
    ]
    experts = search(SearchQuery(kind="expert", text="berg"), None)
    assert [expert.full_name for expert in experts.items] == ["Jonas Berg"]


def test_empty_text_browses_all_published_newest_first(make_technology):
    old = make_technology(title="Old")
    new = make_technology(title="New")
    make_technology(title="Draft", status=Status.DRAFT)
    Technology.objects.filter(pk=old.pk).update(published_at=timezone.now() - datetime.timedelta(days=9))

    results = search(SearchQuery(kind="technology", text="   "), None)

    assert [item.pk for item in results.items] == [new.pk, old.pk]
    assert results.query.sort == NEWEST


def test_sort_by_newest_and_recently_updated(make_technology):
    first = make_technology(title="Solar one")
    second = make_technology(title="Solar two")
    now = timezone.now()
    Technology.objects.filter(pk=first.pk).update(
        published_at=now - datetime.timedelta(days=5), updated_at=now
    )
    Technology.objects.filter(pk=second.pk).update(
        published_at=now, updated_at=now - datetime.timedelta(days=5)
    )

    newest = search(SearchQuery(kind="technology", text="solar", sort=NEWEST), None)
    updated = search(SearchQuery(kind="technology", text="solar", sort=UPDATED), None)

    assert [item.pk for item in newest.items] == [second.pk, first.pk]
    assert [item.pk for item in updated.items] == [first.pk, second.pk]


def test_unknown_sort_falls_back_to_default(make_technology):
    make_technology()

    assert search(SearchQuery(kind="technology", text="solar", sort="price"), None).query.sort == RELEVANCE
    assert search(SearchQuery(kind="technology", sort="relevance"), None).query.sort == NEWEST


def test_pagination_splits_results_in_order(make_need):
    needs = [make_need(title=f"Water need {n}") for n in range(5)]
    now = timezone.now()
    for age, need in enumerate(needs):
        Need.objects.filter(pk=need.pk).update(published_at=now - datetime.timedelta(hours=age))

    page1 = search(SearchQuery(kind="need", per_page=2, page=1), None)
    page3 = search(SearchQuery(kind="need", per_page=2, page=3), None)
    beyond = search(SearchQuery(kind="need", per_page=2, page=99), None)

    assert [item.pk for item in page1.items] == [needs[0].pk, needs[1].pk]
    assert [item.pk for item in page3.items] == [needs[4].pk]
    assert page1.total == page3.total == 5
    assert page1.num_pages == 3
    assert beyond.page == 3  # past the end shows the last page


def test_search_results_are_paginated_after_ranking(make_technology):
    for n in range(3):
        make_technology(title=f"Biogas unit {n}")

    pages = [search(SearchQuery(kind="technology", text="biogas", per_page=2, page=p), None) for p in (1, 2)]

    seen = [item.pk for page in pages for item in page.items]
    assert len(seen) == len(set(seen)) == 3
    assert pages[0].total == 3


def test_per_page_is_capped(make_technology):
    make_technology()

    assert search(SearchQuery(kind="technology", per_page=10_000), None).query.per_page == 100


def test_organisations_search_name_and_description(db):
    kenya = Country.objects.get(code="KE")
    named = Organisation.objects.create(name="Biogas Kenya Ltd", org_type="sme", country=kenya)
    described = Organisation.objects.create(
        name="Green Farms Co-op", org_type="ngo", country=kenya,
        description="<p>We build biogas plants for schools.</p>",
    )
    Organisation.objects.create(name="Windworks", org_type="startup", country=kenya)

    results = search(SearchQuery(kind="organisation", text="BIOGAS"), None)
    both_words = search(SearchQuery(kind="organisation", text="biogas schools"), None)

    assert [org.pk for org in results.items] == [named.pk, described.pk]
    assert [org.pk for org in both_words.items] == [described.pk]


def test_organisations_browse_sorts(db):
    kenya = Country.objects.get(code="KE")
    alpha = Organisation.objects.create(name="Alpha Wind", org_type="sme", country=kenya)
    zeta = Organisation.objects.create(name="Zeta Solar", org_type="sme", country=kenya)

    newest = search(SearchQuery(kind="organisation"), None)
    by_name = search(SearchQuery(kind="organisation", sort="name"), None)

    assert [org.pk for org in newest.items] == [zeta.pk, alpha.pk]
    assert [org.pk for org in by_name.items] == [alpha.pk, zeta.pk]
