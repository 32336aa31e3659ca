"""The filtered figures: each chart's data equals a count over the database, for several filter combinations.

The expected figures are counted here in Python over the rows themselves
(published listings, their dates, countries, fields and organisations), not
with the queries of ``stats.figures``, so a wrong filter there shows.
"""

import csv
import io
from dataclasses import replace
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from verdex.catalog.models import Expert, Need, Status, Technology
from verdex.connections.models import AgreementType, Connection, ConnectionEvent, DeclineReason, Stage
from verdex.organisations.models import Membership, Organisation
from verdex.stats import figures
from verdex.stats.filters import parse
from verdex.taxonomy.models import Country, Region

pytestmark = pytest.mark.django_db

FILTER_CASES = [
    {},
    {"country": "KE"},
    {"country": "ke", "field": "Y02E"},
    {"region": "002"},
    {"region": "150"},  # Europe: the French technology only
    {"field": "Y02A"},
    {"org_type": "ngo"},
    {"period": "12m"},
    {"from": "2000-01-01", "to": "2000-12-31"},  # an empty period
    {"country": "BR"},  # a country with no listings
    {"region": "002", "period": "24m", "field": "Y02E"},
]


def _country(code):
    return Country.objects.get(code=code)


def _connect(requester, listing, stage, events=(), **extra):
    connection = Connection.objects.create(
        requester=requester, owner=listing.owner,
        content_type=ContentType.objects.get_for_model(listing), object_id=listing.pk,
        listing_title=listing.title, message="Can we talk?", stage=stage, **extra,
    )
    for from_stage, to_stage in events:
        ConnectionEvent.objects.create(connection=connection, actor=requester, from_stage=from_stage,
                                       to_stage=to_stage)
    return connection


@pytest.fixture
def exchange(member, other_member, make_technology, make_need, make_expert):
    ngo = Organisation.objects.create(name="Green NGO", org_type=Organisation.Type.NGO, country=_country("TZ"))
    Membership.objects.create(organisation=ngo, user=member, role=Membership.Role.ADMIN)
    now = timezone.now()
    kiln = make_technology(title="Kiln", developed_in=_country("TZ"), fields=("Y02P",), trl=9, organisation=ngo)
    pump = make_technology(title="Pump", fields=("Y02E10", "Y02E20"), trl=5)
    make_technology(title="Old pump", fields=("Y02E10",), trl=2)
    make_technology(title="French grid", developed_in=_country("FR"), fields=("Y02E",), trl=7)
    make_technology(title="Draft", status=Status.DRAFT)
    water = make_need(title="Water", fields=("Y02A20",), organisation=ngo)
    make_need(title="Floods", country=_country("KE"), fields=("Y02A10",))
    make_expert(title="Engineer")
    Technology.objects.filter(title="Old pump").update(published_at=now - timedelta(days=500))
    Technology.objects.filter(title="French grid").update(published_at=now - timedelta(days=200))
    Need.objects.filter(title="Floods").update(published_at=now - timedelta(days=40))

    _connect(other_member, pump, Stage.REQUESTED)
    _connect(other_member, kiln, Stage.DEPLOYED, agreement_type=AgreementType.PILOT,
             agreement_confirmed_at=now, deployment_confirmed_at=now, events=[("requested", "accepted"), ("accepted", "agreement"), ("agreement", "deployed")])
    _connect(member, water, Stage.CLOSED, events=[("requested", "accepted"), ("accepted", "in_discussion"),
                                                   ("in_discussion", "closed")])
    _connect(other_member, pump, Stage.DECLINED, decline_reason=DeclineReason.TOO_EARLY,
             events=[("requested", "declined")])
    old = _connect(member, water, Stage.AGREEMENT, agreement_type=AgreementType.LICENCE, agreement_confirmed_at=now)
    # One side's claim alone: counted as a connection and by its stage, never as an outcome.
    _connect(member, pump, Stage.AGREEMENT, agreement_type=AgreementType.SALE, claimed_by=member,
             claimed_from_stage=Stage.IN_DISCUSSION, events=[("in_discussion", "agreement")])
    Connection.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=400))


# ---- Expected figures, counted in Python over the rows ---------------------------------

COUNTRY_OF = {Technology: "developed_in", Need: "country", Expert: "country"}


def _in_region(country, region):
    return country.region_id == region.pk or country.subregion_id == region.pk or \
        country.groups.filter(pk=region.pk).exists()


def _matches(listing, filters, *, dated=True):
    country = getattr(listing, COUNTRY_OF[type(listing)])
    day = timezone.localtime(listing.published_at).date() if listing.published_at else None
    if dated and filters.date_from and (day is None or day < filters.date_from):
        return False
    if dated and filters.date_to and (day is None or day > filters.date_to):
        return False
    if filters.country and country.code != filters.country.code:
        return False
    if filters.region and not _in_region(country, filters.region):
        return False
    if filters.field and not any(field.code == filters.field.code or field.root.code == filters.field.code
                                 for field in listing.fields.all()):
        return False
    if filters.org_type and not (listing.organisation and listing.organisation.org_type == filters.org_type):
        return False
    return True


def _published(model, filters):
    return [listing for listing in model.objects.filter(status=Status.PUBLISHED) if _matches(listing, filters)]


def _connections(filters):
    rows = []
    for connection in Connection.objects.all():
        day = timezone.localtime(connection.created_at).date()
        if filters.date_from and day < filters.date_from or filters.date_to and day > filters.date_to:
            continue
        if filters.has_listing_filters and not _matches(connection.listing, filters, dated=False):
            continue
        rows.append(connection)
    return rows


def _reached(connection, stage):
    if stage == Stage.REQUESTED:  # every connection starts as a request
        return True
    if stage == Stage.DEPLOYED:  # outcomes count once both sides confirmed them
        return connection.deployment_confirmed_at is not None
    if stage == Stage.AGREEMENT:
        return connection.agreement_confirmed_at is not None or connection.deployment_confirmed_at is not None
    later = figures.FUNNEL[figures.FUNNEL.index(stage):]
    return connection.stage in later or connection.events.filter(to_stage__in=later).exists()


def _awaiting(connection, stage):
    """One side recorded the outcome, the other has not confirmed it (a deployment implies an agreement)."""
    if stage == Stage.DEPLOYED:
        return connection.stage == Stage.DEPLOYED and connection.deployment_confirmed_at is None
    return (connection.stage in (Stage.AGREEMENT, Stage.DEPLOYED) and connection.agreement_confirmed_at is None
            and connection.deployment_confirmed_at is None)


@pytest.mark.parametrize("params", FILTER_CASES, ids=lambda params: "&".join(f"{k}={v}" for k, v in params.items()) or "none")
def test_every_chart_equals_a_count_over_the_database(client, exchange, params):
    filters, _ = parse(params)
    assert filters.errors == []
    data = client.get(reverse("stats:index"), params).context["figures"]
    technologies, needs = _published(Technology, filters), _published(Need, filters)

    by_country = {}
    for listing in technologies:
        by_country.setdefault(listing.developed_in.code, [0, 0])[0] += 1
    for listing in needs:
        by_country.setdefault(listing.country.code, [0, 0])[1] += 1
    assert {row["code"]: [row["technologies"], row["needs"]] for row in data["countries"]} == by_country
    for row in data["countries"]:
        assert row["rank"] == 1 + sum(1 for other in by_country.values() if sum(other) > row["total"])

    roots = {}
    for index, listings in enumerate((technologies, needs)):
        for listing in listings:
            for root in {field.root.code for field in listing.fields.all()}:
                roots.setdefault(root, [0, 0])[index] += 1
    assert {row["code"]: [row["technologies"], row["needs"]] for row in data["fields"]} == roots

    assert {row["group"]: row["technologies"] for row in data["maturity"] if row["technologies"]} == {
        group: sum(1 for listing in technologies if listing.trl_group == group)
        for group in {listing.trl_group for listing in technologies}}

    for row in data["regions"]:
        region = Region.objects.get(code=row["code"])
        assert row["technologies"] == sum(1 for t in technologies if t.developed_in.region_id == region.pk)
        assert row["needs"] == sum(1 for n in needs if n.country.region_id == region.pk)

    linked = {}
    for connection in _connections(filters):
        code = getattr(connection.listing, COUNTRY_OF[type(connection.listing)]).code
        linked[code] = linked.get(code, 0) + 1
    assert {row["code"]: (row["technologies"], row["needs"], row["connections"]) for row in data["map"]} == {
        code: (*by_country.get(code, [0, 0]), linked.get(code, 0)) for code in set(by_country) | set(linked)}

    in_window = [t for t in technologies if timezone.localtime(t.published_at).date() >= data["growth"][0]["month"]] \
        if data["growth"] else []
    assert sum(row["technologies"] for row in data["growth"]) == len(in_window)
    if data["growth"]:  # running totals count every listing up to the end, from before the period too
        up_to_end = replace(filters, date_from=None)
        assert data["growth"][-1]["technologies_cumulative"] == len(_published(Technology, up_to_end))
        assert data["growth"][-1]["experts_cumulative"] == len(_published(Expert, up_to_end))

    rows = _connections(filters)
    assert [row["connections"] for row in data["funnel"]] == [
        sum(1 for connection in rows if _reached(connection, stage)) for stage in figures.FUNNEL]
    assert {row["outcome"]: row["connections"] for row in data["outcomes"] if row["connections"]} == {
        **{value: total for value in AgreementType.values
           if (total := sum(1 for c in rows if c.agreement_type == value and _reached(c, Stage.AGREEMENT)))},
        **({"deployed": deployed} if (deployed := sum(1 for c in rows if _reached(c, Stage.DEPLOYED))) else {}),
    }
    assert {row["outcome"]: row["awaiting"] for row in data["outcomes"] if row["awaiting"]} == {
        **{value: total for value in AgreementType.values
           if (total := sum(1 for c in rows if c.agreement_type == value and _awaiting(c, Stage.AGREEMENT)))},
        **({"deployed": deployed} if (deployed := sum(1 for c in rows if _awaiting(c, Stage.DEPLOYED))) else {}),
    }
    assert {row["reason"]: row["connections"] for row in data["declines"] if row["connections"]} == {
        value: total for value in DeclineReason.values if (total := sum(1 for c in rows if c.decline_reason == value))}


def test_known_figures_for_the_fixture(client, exchange):
    data = client.get(reverse("stats:index")).context["figures"]
    funnel = {row["stage"]: (row["connections"], row["conversion_percent"]) for row in data["funnel"]}
    # 6 requests; 4 accepted (deployed, closed after discussion, old agreement, a claimed agreement); 4 went on
    # to discussion or later; 2 agreements confirmed by both sides (the claim alone is not counted).
    assert funnel == {"requested": (6, None), "accepted": (4, 66.7), "in_discussion": (4, 100.0),
                      "agreement": (2, 50.0), "deployed": (1, 50.0)}
    assert {row["code"]: row["rank"] for row in data["countries"]} == {"KE": 1, "TZ": 2, "FR": 3}
    last_year = client.get(reverse("stats:index"), {"period": "12m"}).context["figures"]
    assert last_year["funnel"][0]["connections"] == 5  # the 400-day-old request is outside
    assert {row["code"] for row in last_year["countries"]} == {"KE", "TZ", "FR"}
    assert next(row for row in last_year["countries"] if row["code"] == "KE")["technologies"] == 1  # not the old pump


def test_empty_period_and_country_without_listings(client, exchange):
    for params in ({"from": "2000-01-01", "to": "2000-12-31"}, {"country": "BR"}):
        response = client.get(reverse("stats:index"), params)
        data = response.context["figures"]
        assert data["countries"] == [] and data["fields"] == [] and data["map"] == []
        assert all(row["connections"] == 0 for row in data["funnel"])
        assert sum(row["technologies"] for row in data["growth"]) == 0
        assert "Nothing matches these filters." in response.content.decode()


@pytest.mark.parametrize("params, parameter", [
    ({"country": "ZZ"}, "country"),
    ({"region": "nowhere"}, "region"),
    ({"field": "Y99"}, "field"),
    ({"org_type": "pirate"}, "org_type"),
    ({"period": "forever"}, "period"),
    ({"from": "2025-02-30"}, "from"),
    ({"to": "yesterday"}, "to"),
    ({"from": "0001-01-01"}, "from"),
    ({"from": "2025-06-01", "to": "2025-01-01"}, None),
])
def test_bad_filters_give_a_message_not_an_error(client, exchange, params, parameter):
    response = client.get(reverse("stats:index"), params)
    assert response.status_code == 200
    assert 'id="filter-errors"' in response.content.decode()
    assert [name for name, _ in response.context["filters"].errors] == [parameter]
    # The bad value is left out: the figures are those without it.
    assert response.context["figures"] == client.get(reverse("stats:index")).context["figures"]
    for name in ("impact", "csv"):
        url = reverse("stats:csv", args=["map"]) if name == "csv" else reverse("stats:impact")
        assert client.get(url, params).status_code == 200


def test_bad_value_next_to_good_ones_keeps_the_good_ones(client, exchange):
    response = client.get(reverse("stats:index"), {"country": "KE", "from": "not-a-date"})
    assert [row["code"] for row in response.context["figures"]["countries"]] == ["KE"]
    assert "Enter the start date as YYYY-MM-DD." in response.content.decode()


def test_filters_stay_in_the_url_of_the_form_and_the_downloads(client, exchange):
    html = client.get(reverse("stats:index"), {"country": "KE", "period": "12m"}).content.decode()
    assert '<option value="KE" selected>Kenya</option>' in html
    assert '<option value="12m" selected>Last 12 months</option>' in html
    assert 'href="/statistics/csv/fields.csv?period=12m&amp;country=KE"' in html
    assert 'href="/statistics/impact/?period=12m&amp;country=KE"' in html


@pytest.mark.parametrize("name", list(figures.FIGURES))
def test_csv_download_of_each_figure(client, exchange, name):
    params = {"region": "002", "period": "24m"}
    response = client.get(reverse("stats:csv", args=[name]), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="verdex-{name}-')
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    keys = [key for key, _ in figures.FIGURES[name].columns]
    assert rows[0] == keys
    filters, _ = parse(params)
    expected = figures.FIGURES[name].compute(filters)
    assert rows[1:] == [["" if row[key] is None else str(row[key]) for key in keys] for row in expected]


def test_csv_of_an_unknown_figure_is_404(client, db):
    assert client.get("/statistics/csv/secrets.csv").status_code == 404


def test_figures_are_cached_per_filters(db, exchange, django_assert_max_num_queries):
    filters, _ = parse({"country": "KE"})
    first = figures.all_figures(filters)
    with django_assert_max_num_queries(6):  # the signature counts and one cache read
        assert figures.all_figures(filters) == first
    assert figures.all_figures(parse({"country": "TZ"})[0]) != first


def test_impact_page(client, exchange):
    response = client.get(reverse("stats:impact"))
    assert response.status_code == 200
    impact = response.context["impact"]
    # The claimed sale agreement is a connection, not an agreement, until the other side confirms it.
    assert (impact["connections"], impact["agreements"], impact["deployments"]) == (6, 2, 1)
    assert {row["type"]: row["connections"] for row in impact["agreement_types"] if row["connections"]} == {
        "pilot": 1, "licence": 1}
    assert "confirmed by both sides" in response.content.decode()
    assert [country["code"] for country in impact["countries"]] == ["TZ"]  # the kiln and the water need
    assert sum(row["connections"] for row in impact["per_year"]) == 6
    recent = client.get(reverse("stats:impact"), {"period": "12m"}).context["impact"]
    assert (recent["connections"], recent["agreements"]) == (5, 1)


def test_outcomes_awaiting_confirmation_are_counted_apart(client, exchange, member, other_member, make_technology):
    now = timezone.now()
    stove = make_technology(title="Stove", owner=member)
    # A deployment claimed on top of a confirmed agreement, and one claimed with nothing confirmed.
    _connect(other_member, stove, Stage.DEPLOYED, agreement_type=AgreementType.LICENCE, agreement_confirmed_at=now,
             claimed_by=other_member, claimed_from_stage=Stage.AGREEMENT)
    _connect(other_member, stove, Stage.DEPLOYED, agreement_type=AgreementType.SALE, claimed_by=member,
             claimed_from_stage=Stage.IN_DISCUSSION)
    # A claim that was disputed back to discussion awaits nothing.
    _connect(other_member, stove, Stage.IN_DISCUSSION, agreement_type="")

    response = client.get(reverse("stats:impact"))
    impact = response.context["impact"]
    # Confirmed: pilot (deployed), licence (old), licence (deployment claimed on it) -> 3 agreements, 1 deployment.
    assert (impact["agreements"], impact["deployments"]) == (3, 1)
    # Awaiting: the fixture's claimed sale and the deployment claimed without an agreement; 2 deployments.
    assert (impact["agreements_awaiting"], impact["deployments_awaiting"]) == (2, 2)
    assert {row["type"]: row["awaiting"] for row in impact["agreement_types"] if row["awaiting"]} == {"sale": 2}
    assert "and 2 awaiting the other side's confirmation" in response.content.decode()

    outcomes = {row["outcome"]: (row["connections"], row["awaiting"])
                for row in client.get(reverse("stats:index")).context["figures"]["outcomes"]}
    assert outcomes["sale"] == (0, 2) and outcomes["licence"] == (2, 0) and outcomes["deployed"] == (1, 2)
    csv_text = client.get(reverse("stats:csv", args=["outcomes"])).content.decode()
    assert csv_text.splitlines()[0] == "outcome,label,connections,awaiting" and "sale,Agreement: Sale or assignment,0,2" in csv_text

    api = client.get("/api/v1/statistics/impact").json()
    assert (api["agreements_awaiting"], api["deployments_awaiting"]) == (2, 2)
    assert {row["outcome"]: row["awaiting"] for row in client.get("/api/v1/statistics/figures").json()["outcomes"]
            if row["awaiting"]} == {"sale": 2, "deployed": 2}


def test_staff_dashboard_counts_moderation_and_members(client, exchange, make_user):
    manager = make_user()
    manager.user_permissions.add(Permission.objects.get(codename="view_statistics"))
    client.force_login(manager)
    response = client.get(reverse("stats:staff"))
    assert response.status_code == 200
    moderation = response.context["dashboard"]["moderation"]
    # Every published fixture listing went through submit → publish by a moderator.
    published = sum(model.objects.filter(status=Status.PUBLISHED).count() for model in (Technology, Need, Expert))
    assert moderation["decisions"] == published
    assert sum(row["published"] for row in moderation["per_month"]) == published
    assert moderation["wait_median_hours"] is not None and moderation["wait_median_hours"] >= 0
    assert response.context["dashboard"]["members"]["active_30_days"] >= 1  # the manager logged in
    assert "search keeps no log of queries" in response.content.decode()
