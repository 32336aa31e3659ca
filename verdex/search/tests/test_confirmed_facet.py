"""The "Confirmed by its owner" facet: a stored flag kept by publication, confirmation and the daily command."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from verdex.catalog import services as catalog_services
from verdex.catalog.models import Expert, Need, Status, Technology
from verdex.search import listing_index
from verdex.search.engine import search
from verdex.search.query import SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _check_every_time(monkeypatch):
    # Another process (the daily command) changes the rows: the index sees it at its next check.
    monkeypatch.setattr(listing_index, "CHECK_INTERVAL", 0)
    monkeypatch.setattr(listing_index, "COUNT_INTERVAL", 0)


def _age(listing, days):
    type(listing).objects.filter(pk=listing.pk).update(last_confirmed_at=timezone.now() - timedelta(days=days))


def run(kind="technology", text="", **filters):
    return search(SearchQuery(kind=kind, text=text, filters=filters), None)


def counts(results):
    return {option.value: option.count for option in results.facets["confirmed"]}


def pks(results):
    return {item.pk for item in results.items}


def test_a_listing_moves_to_not_confirmed_when_the_command_marks_it(make_technology):
    old = make_technology(title="Solar dryer")
    recent = make_technology(title="Solar pump")
    make_technology(title="Solar kiln draft", status=Status.DRAFT)
    assert counts(run()) == {"yes": 2}  # the index is built now, before the listing ages
    _age(old, 400)
    _age(recent, 100)

    call_command("send_freshness_reminders")

    old.refresh_from_db()
    assert not old.confirmed_current
    results = run()
    assert counts(results) == {"yes": 1, "no": 1}
    assert [(o.value, o.label) for o in results.facets["confirmed"]] == [
        ("yes", "Confirmed in the last year"), ("no", "Not confirmed for over a year")]
    assert pks(run(confirmed=["no"])) == {old.pk}
    assert pks(run(confirmed=["yes"])) == {recent.pk}
    assert pks(run(confirmed=["yes", "no"])) == {old.pk, recent.pk}
    # Keyword mode on the same small data: the filter and counts hold inside a text match.
    assert pks(run(text="solar", confirmed=["no"])) == {old.pk}
    assert counts(run(text="dryer")) == {"no": 1}


def test_confirming_moves_it_back(make_technology, member):
    listing = make_technology(owner=member, title="Solar dryer")
    run()
    _age(listing, 400)
    call_command("send_freshness_reminders")
    assert pks(run(confirmed=["no"])) == {listing.pk}

    catalog_services.confirm_current(listing=listing, by=member)

    assert counts(run()) == {"yes": 1}
    assert pks(run(confirmed=["no"])) == set()


def test_republishing_an_archived_listing_marks_it_confirmed(make_technology, member, moderator):
    listing = make_technology(owner=member)
    Technology.objects.filter(pk=listing.pk).update(status=Status.ARCHIVED, confirmed_current=False)
    listing.refresh_from_db()
    catalog_services.transition(listing=listing, action="reopen", by=member)
    catalog_services.transition(listing=Technology.objects.get(pk=listing.pk), action="submit", by=member)
    catalog_services.transition(listing=Technology.objects.get(pk=listing.pk), action="publish", by=moderator)
    assert Technology.objects.get(pk=listing.pk).confirmed_current


def test_marking_is_once_and_only_for_published_listings(make_technology):
    published = make_technology()
    draft = make_technology(status=Status.DRAFT)
    for listing in (published, draft):
        _age(listing, 400)
    assert catalog_services.mark_stale_listings() == 1
    assert catalog_services.mark_stale_listings() == 0
    draft.refresh_from_db()
    assert draft.confirmed_current


def test_needs_and_experts_have_the_facet(make_need, make_expert):
    need, expert = make_need(), make_expert()
    _age(need, 400)
    _age(expert, 400)
    catalog_services.mark_stale_listings()
    assert counts(run("need")) == {"no": 1}
    assert counts(run("expert")) == {"no": 1}
    assert pks(run("expert", confirmed=["no"])) == {expert.pk}
    assert Need.objects.get(pk=need.pk).confirmed_current is False
    assert Expert.objects.get(pk=expert.pk).confirmed_current is False


def test_bad_values_are_ignored(make_technology):
    listing = make_technology()
    assert pks(run(confirmed=["maybe", "x" * 500])) == {listing.pk}


def test_the_browse_page_shows_the_facet(client, make_technology):
    old = make_technology(title="Old solar dryer")
    make_technology(title="Fresh solar pump")
    _age(old, 400)
    catalog_services.mark_stale_listings()

    html = client.get(reverse("search:technologies"), {"confirmed": "no"}).content.decode()

    assert "Confirmed by its owner" in html and "Not confirmed for over a year" in html
    assert "Old solar dryer" in html and "Fresh solar pump" not in html


def test_the_migration_marks_listings_already_stale(make_technology):
    from importlib import import_module

    from django.apps import apps

    old, recent = make_technology(), make_technology()
    _age(old, 400)
    import_module("verdex.catalog.migrations.0007_listing_confirmed_current").mark_stale(apps, None)
    assert not Technology.objects.get(pk=old.pk).confirmed_current
    assert Technology.objects.get(pk=recent.pk).confirmed_current
