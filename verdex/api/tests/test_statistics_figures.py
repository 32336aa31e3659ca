"""/api/v1/statistics/figures, /impact and /staff: the page's figures and filters, bad filters refused with 400."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from verdex.catalog.models import Status
from verdex.taxonomy.models import Country

from .conftest import bearer

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings(make_technology, make_need):
    make_technology()
    make_technology(title="Tanzanian kiln", developed_in=Country.objects.get(code="TZ"), fields=("Y02P",))
    make_technology(title="Draft", status=Status.DRAFT)
    make_need()


@pytest.mark.parametrize("params", [{}, {"country": "KE"}, {"field": "Y02P", "period": "12m"},
                                    {"from": "2000-01-01", "to": "2000-01-31"}, {"region": "150"}])
def test_figures_equal_the_pages(client, listings, params):
    response = client.get("/api/v1/statistics/figures", params)
    assert response.status_code == 200
    data = response.json()
    page = client.get(reverse("stats:index"), params).context["figures"]
    assert data["filters"] == params
    assert data["countries"] == page["countries"]
    assert data["map"] == page["map"]
    assert data["funnel"] == page["funnel"]
    assert [row["month"] for row in data["growth"]] == [row["month"].isoformat() for row in page["growth"]]


def test_figures_filtered_by_country(client, listings):
    data = client.get("/api/v1/statistics/figures", {"country": "TZ"}).json()
    assert [(row["code"], row["technologies"], row["needs"]) for row in data["countries"]] == [("TZ", 1, 1)]
    assert {row["code"]: (row["technologies"], row["needs"]) for row in data["fields"]} == {"Y02P": (1, 0), "Y02A": (0, 1)}


@pytest.mark.parametrize("params, field", [
    ({"country": "ZZ"}, "country"), ({"from": "2025-13-01"}, "from"), ({"period": "always"}, "period"),
    ({"from": "2025-06-01", "to": "2025-01-01"}, None), ({"colour": "green"}, "colour"),
])
def test_bad_filters_are_refused_with_the_reason(client, db, params, field):
    for path in ("figures", "impact"):
        response = client.get(f"/api/v1/statistics/{path}", params)
        assert response.status_code == 400
        assert [error["field"] for error in response.json()["errors"]] == [field]


def test_impact(client, listings):
    data = client.get("/api/v1/statistics/impact", {"period": "24m"}).json()
    assert (data["connections"], data["agreements"], data["deployments"]) == (0, 0, 0)
    assert data["filters"] == {"period": "24m"}


def test_staff_dashboard_needs_the_permission(client, listings, member_key, make_user, make_key):
    assert client.get("/api/v1/statistics/staff").status_code == 401
    assert client.get("/api/v1/statistics/staff", **bearer(member_key)).status_code == 403
    manager = make_user()
    manager.user_permissions.add(Permission.objects.get(codename="view_statistics"))
    response = client.get("/api/v1/statistics/staff", {"period": "12m"}, **bearer(make_key(manager)))
    assert response.status_code == 200
    assert response.json()["moderation"]["decisions"] == 3  # three listings were published by a moderator
