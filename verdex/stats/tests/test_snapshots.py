"""The unfiltered figures come from a snapshot that a background job refreshes after writes.

Real rows and the real signal -> on-commit -> job path: jobs run inline under
pytest (``committed`` runs the on-commit callbacks), or wait in the database
queue where a test says so.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from verdex.catalog import services as catalog_services
from verdex.catalog.models import Need, Status, Technology
from verdex.connections import services as connection_services
from verdex.connections.models import Stage
from verdex.stats import figures, snapshots
from verdex.stats.tasks import refresh_statistics
from verdex.taxonomy.models import Country

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "jobs": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def _page(client):
    return client.get(reverse("stats:index")).context["figures"]


def _maturity(data):
    return {row["group"]: row["technologies"] for row in data["maturity"]}


def _countries(data):
    return {row["code"]: row["total"] for row in data["countries"]}


@pytest.fixture
def published(make_technology, make_need):
    make_technology(title="Kenyan pump", trl=8)
    make_need(title="Water for schools")


def test_publishing_refreshes_the_figures_through_the_job(client, published, make_technology, moderator,
                                                          committed):
    before = _page(client)
    assert _countries(before) == {"KE": 1, "TZ": 1}
    draft = make_technology(title="Tanzanian kiln", developed_in=Country.objects.get(code="TZ"), trl=2,
                            status=Status.DRAFT)
    catalog_services.transition(listing=draft, action="submit", by=draft.owner)
    assert _page(client) == before  # a draft and a submission count nowhere

    with committed():
        catalog_services.transition(listing=draft, action="publish", by=moderator)
    assert cache.get(snapshots.SNAPSHOT_KEY)["figures"] == figures.compute_all(figures.Filters())
    after = _page(client)
    assert _countries(after) == {"KE": 1, "TZ": 2}
    assert _maturity(after)["research"] == _maturity(before)["research"] + 1
    assert after["growth"][-1]["technologies"] == before["growth"][-1]["technologies"] + 1


def test_withdrawing_and_a_connection_moving_refresh_the_figures(client, published, member, other_member,
                                                                 committed):
    pump = Technology.objects.get(title="Kenyan pump")
    with committed():
        connection = connection_services.request_connection(requester=other_member, listing=pump,
                                                            message="Can we try it?")
    assert {row["stage"]: row["connections"] for row in _page(client)["funnel"]}["requested"] == 1
    with committed():
        connection_services.move_connection(connection=connection, to_stage=Stage.ACCEPTED, by=member)
    assert {row["stage"]: row["connections"] for row in _page(client)["funnel"]}["accepted"] == 1

    with committed():
        catalog_services.transition(listing=pump, action="withdraw", by=member)
    assert _countries(_page(client)) == {"TZ": 1}  # the need is left


def test_the_previous_figures_are_served_while_the_refresh_waits_in_the_queue(
        client, published, make_technology, settings, committed, django_assert_max_num_queries):
    before = _page(client)
    impact_before = client.get(reverse("stats:impact")).context["impact"]
    settings.TASKS = DATABASE_QUEUE
    with committed():
        make_technology(title="Second pump", trl=8)
    queued = DBTaskResult.objects.filter(task_path__endswith="refresh_statistics")
    assert queued.count() == 1

    # Stale while the job waits: the old snapshot, never an empty page and never computed here.
    with django_assert_max_num_queries(25):
        assert _page(client) == before
    assert client.get(reverse("stats:impact")).context["impact"] == impact_before
    assert queued.count() == 1  # one refresh queued, not one per request

    refresh_statistics.call()  # what the worker runs
    assert _countries(_page(client)) == {"KE": 2, "TZ": 1}


def test_a_snapshot_with_other_counts_or_too_old_asks_for_a_refresh(client, published, settings, committed):
    _page(client)
    settings.TASKS = DATABASE_QUEUE
    queued = DBTaskResult.objects.filter(task_path__endswith="refresh_statistics")
    snapshot = cache.get(snapshots.SNAPSHOT_KEY)
    old = timezone.now() - timedelta(seconds=snapshots.STALE_SECONDS + 1)
    cache.set(snapshots.SNAPSHOT_KEY, {**snapshot, "computed_at": old.isoformat()}, None)
    with committed():
        _page(client)
    assert queued.count() == 1

    cache.delete(snapshots.PENDING_KEY)
    Technology.objects.filter(title="Kenyan pump").update(status=Status.ARCHIVED)  # as a bulk write: no signal
    cache.set(snapshots.SNAPSHOT_KEY, snapshot, None)
    with committed():
        assert _countries(_page(client)) == {"KE": 1, "TZ": 1}  # the old figures until the job ran
    assert queued.count() == 2


def test_no_snapshot_at_all_is_computed_by_the_request(client, published):
    cache.delete(snapshots.SNAPSHOT_KEY)
    assert _countries(_page(client)) == {"KE": 1, "TZ": 1}
    assert cache.get(snapshots.SNAPSHOT_KEY) is not None


def test_month_buckets_are_utc_months(make_technology):
    technology = make_technology(title="New Year's pump")
    # 23:30 UTC on 31 January: February in Nairobi, still January in UTC.
    Technology.objects.filter(pk=technology.pk).update(published_at=timezone.datetime(
        2024, 1, 31, 23, 30, tzinfo=timezone.get_fixed_timezone(0)))
    month = Technology.objects.filter(pk=technology.pk).annotate(
        month=figures.calendar_bucket("published_at")).values_list("month", flat=True).get()
    assert figures.bucket_start(month) == timezone.datetime(2024, 1, 1).date()
    year = Technology.objects.filter(pk=technology.pk).annotate(
        year=figures.calendar_bucket("published_at", "year")).values_list("year", flat=True).get()
    assert figures.bucket_start(year).year == 2024


def test_a_connection_about_a_need_shows_on_the_map_after_the_refresh(client, published, other_member, committed):
    need = Need.objects.get(title="Water for schools")
    assert {row["code"]: row["connections"] for row in _page(client)["map"]}["TZ"] == 0
    with committed():
        connection_services.request_connection(requester=other_member, listing=need, message="We can help.")
    assert {row["code"]: row["connections"] for row in _page(client)["map"]}["TZ"] == 1
