"""The in-process listing index: facet counts (and the published check of keyword hits) stay fresh.

Changes made in this process reach the index through signals at once; the
tests that write behind the ORM's back (queryset updates, raw deletes) stand
for another process and set the check intervals to zero, as if enough time
had passed.
"""

import pytest
from django.db.models.signals import post_delete
from django.utils import timezone

from verdex.catalog.models import Status, Technology
from verdex.organisations.models import Organisation
from verdex.search import listing_index
from verdex.search.engine import search
from verdex.search.query import KEYWORD, SearchQuery
from verdex.search.signals import listing_deleted
from verdex.taxonomy.models import SDG

pytestmark = pytest.mark.django_db


def run(text="", **filters):
    return search(SearchQuery(kind="technology", text=text, mode=KEYWORD, filters=filters), None)


def counts(results, facet):
    return {option.value: option.count for option in results.facets[facet]}


@pytest.fixture
def as_other_process(monkeypatch):
    monkeypatch.setattr(listing_index, "CHECK_INTERVAL", 0)
    monkeypatch.setattr(listing_index, "COUNT_INTERVAL", 0)


@pytest.fixture
def pumps(make_technology):
    return [make_technology(title=f"Solar pump {n}", trl=9) for n in range(3)]


def test_many_to_many_changes_in_this_process_count_at_once(pumps):
    assert counts(run("pump"), "sdg") == {}

    pumps[0].sdgs.add(SDG.objects.get(number=6))
    pumps[1].sdgs.set(SDG.objects.filter(number__in=[6, 7]))
    pumps[0].sdgs.remove(SDG.objects.get(number=6))

    assert counts(run("pump"), "sdg") == {"6": 1, "7": 1}


def test_a_listing_counted_twice_under_one_top_field_counts_once(make_technology):
    make_technology(title="Hybrid pump", fields=("Y02E10", "Y02E20"))

    assert counts(run("pump"), "field") == {"Y02E": 1}


def test_new_and_unpublished_listings_in_this_process(pumps, make_technology):
    assert run("pump").total == 3

    make_technology(title="Wind pump")
    pumps[0].status = Status.DRAFT
    pumps[0].save()

    results = run("pump")
    assert results.total == 3
    assert pumps[0].pk not in {item.pk for item in results.items}
    assert sum(counts(results, "trl").values()) == 3


def test_status_changed_by_another_process_without_a_timestamp(pumps, as_other_process):
    run("pump")
    Technology.objects.filter(pk=pumps[0].pk).update(status=Status.ARCHIVED)

    results = run("pump")
    assert results.total == 2
    assert counts(results, "trl") == {"commercial": 2}


def test_values_changed_by_another_process(pumps, as_other_process):
    run("pump")
    Technology.objects.filter(pk=pumps[0].pk).update(trl=3, trl_group="research", updated_at=timezone.now())

    assert counts(run("pump"), "trl") == {"commercial": 2, "research": 1}


def test_listing_deleted_by_another_process(pumps, as_other_process):
    run("pump")
    post_delete.disconnect(sender=Technology, dispatch_uid="unembed-technology")  # no signal here
    try:
        pumps[0].delete()
    finally:
        post_delete.connect(listing_deleted, sender=Technology, dispatch_uid="unembed-technology")

    results = run()
    assert results.total == 2
    assert sum(counts(results, "trl").values()) == 2


def test_organisation_type_is_a_facet_that_follows_the_organisation(make_technology, org_admin, organisation):
    make_technology(title="Company pump", owner=org_admin, organisation=organisation)
    assert counts(run("pump"), "org_type") == {organisation.org_type: 1}

    organisation.org_type = Organisation.Type.UNIVERSITY
    organisation.save()

    assert counts(run("pump"), "org_type") == {"university": 1}


def test_keyword_matches_are_only_of_the_searched_kind(pumps, make_need):
    make_need(title="Solar pump wanted")

    assert run("pump").total == 3


@pytest.mark.parametrize("selection", [
    {"trl": ["commercial"]},
    {"sdg": ["7"]},
    {"sdg": ["7", "13"], "trl": ["commercial"]},
    {"country": ["KE"], "sdg": ["6"]},
    {"region": ["002"]},
    {"field": ["Y02E"]},
    {"country": ["NZ"]},  # a country no listing has
])
def test_facet_filters_over_the_columns_select_what_their_sql_selects(make_technology, selection):
    """Keyword and semantic matches and the no-text facet counts filter with the columns, not SQL."""
    from verdex.search.engine import REGISTRY
    from verdex.search.facets import FacetFilter
    from verdex.taxonomy.models import Country

    kenya, tanzania = Country.objects.get(code="KE"), Country.objects.get(code="TZ")
    listings = [
        (make_technology(title="Pump", trl=9, developed_in=kenya, fields=()), [6]),
        (make_technology(title="Panel", trl=9, developed_in=tanzania), [7, 13]),  # field Y02E10
        (make_technology(title="Prototype", trl=4, developed_in=kenya, fields=()), [7]),
        (make_technology(title="Draft", trl=9, developed_in=kenya, status=Status.DRAFT), [7]),
    ]
    for listing, goals in listings:
        listing.sdgs.set(SDG.objects.filter(number__in=goals))
    kind = REGISTRY["technology"]
    filters = [FacetFilter(kind.facet(name), Technology, kind.facet(name).clean(values))
               for name, values in selection.items()]

    index = listing_index.get_index(Technology)
    in_columns = set(index.ids_of(index.rows_passing(filters)).tolist())
    in_sql = set(Technology.objects.published().filter(*filters).values_list("pk", flat=True))

    assert in_columns == in_sql
    # Each filter value is valid (clean kept it) and all but the empty country select something.
    assert all(len(facet_filter.values) == len(selection[facet_filter.facet.name]) for facet_filter in filters)
    assert bool(in_sql) == (selection != {"country": ["NZ"]})
