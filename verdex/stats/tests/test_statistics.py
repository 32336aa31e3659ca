from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from verdex.accounts.models import User
from verdex.catalog.models import Need, Status, Technology
from verdex.connections.models import AgreementType, Connection, Stage
from verdex.moderation.models import Report
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import Country

pytestmark = pytest.mark.django_db


def _country(code):
    return Country.objects.get(code=code)


def _months_ago(months):
    """Noon on the 15th of the month ``months`` before this one."""
    now = timezone.now()
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    return now.replace(year=year, month=month + 1, day=15, hour=12)


def _connect(requester, listing, stage, **extra):
    return Connection.objects.create(
        requester=requester, owner=listing.owner,
        content_type=ContentType.objects.get_for_model(listing), object_id=listing.pk,
        listing_title=listing.title, message="Can we talk?", stage=stage, **extra,
    )


@pytest.fixture
def figures(member, other_member, organisation, make_user, make_technology, make_need, make_expert):
    """A small exchange whose figures are known:

    Kenya: 2 published technologies (plus a draft, which does not count) -> total 2
    Tanzania: 1 published technology and 1 published need -> total 2 (tie with Kenya)
    Uganda: 1 published need -> total 1
    """
    kenyan = make_technology(title="Solar cold room", fields=("Y02E10", "Y02E20"), trl=8)
    make_technology(title="Wind pump", fields=("Y02E10",), trl=2)
    make_technology(title="Unfinished draft", status=Status.DRAFT, fields=("Y02P",))
    make_technology(title="Tanzanian kiln", developed_in=_country("TZ"), fields=("Y02P",), trl=9)
    make_technology(title="Awaiting review", status=Status.SUBMITTED, developed_in=_country("UG"))
    need = make_need(title="Water for schools", fields=("Y02A20", "Y02A10"))
    make_need(title="Ugandan flood warnings", country=_country("UG"), fields=("Y02A10",))
    make_need(title="Draft need", status=Status.DRAFT, country=_country("UG"))
    make_expert()
    Organisation.objects.create(name="Partner Co", org_type=Organisation.Type.NGO,
                                country=_country("UG"), is_partner=True)
    make_user(email="left@example.org", is_active=False)

    _connect(other_member, kenyan, Stage.REQUESTED)
    _connect(other_member, need, Stage.REQUESTED)
    _connect(member, kenyan, Stage.AGREEMENT, agreement_type=AgreementType.LICENCE, agreement_confirmed_at=timezone.now())
    Report.objects.create(reporter=other_member, content_type=ContentType.objects.get_for_model(need),
                          object_id=need.pk, reason=Report.Reason.SPAM)
    # One technology published three months ago, one long before the 24-month window.
    Technology.objects.filter(title="Wind pump").update(published_at=_months_ago(3))
    Technology.objects.filter(title="Tanzanian kiln").update(
        published_at=timezone.now() - timedelta(days=900)
    )


def _stats(client):
    response = client.get(reverse("stats:index"))
    assert response.status_code == 200
    return response


def test_headline_counts_use_published_listings_only(client, figures):
    headline = _stats(client).context["headline"]
    assert headline["technologies"] == 3
    assert headline["needs"] == 2
    assert headline["experts"] == 1
    assert headline["organisations"] == 2
    assert headline["partner_organisations"] == 1
    assert headline["users"] == User.objects.count() - 1  # everyone but the deactivated account
    assert headline["connections"] == 3
    by_stage = {row["stage"]: row["total"] for row in headline["connections_by_stage"]}
    assert by_stage[Stage.REQUESTED] == 2
    assert by_stage[Stage.AGREEMENT] == 1
    assert by_stage[Stage.DECLINED] == 0


def test_country_ranking_shares_ranks_on_ties(client, figures):
    response = _stats(client)
    ranking = [(row["code"], row["technologies"], row["needs"], row["rank"])
               for row in response.context["figures"]["countries"]]
    assert ranking == [("KE", 2, 0, 1), ("TZ", 1, 1, 1), ("UG", 0, 1, 3)]
    html = response.content.decode()
    assert "<tr><th scope=\"row\">3</th><td>UG</td><td>Uganda</td>" in html


def test_fields_count_a_listing_once_per_top_level_field(client, figures):
    fields = {row["code"]: (row["technologies"], row["needs"])
              for row in _stats(client).context["figures"]["fields"]}
    assert fields == {"Y02E": (2, 0), "Y02P": (1, 0), "Y02A": (0, 2)}


def test_trl_groups(client, figures):
    groups = {row["group"]: row["technologies"] for row in _stats(client).context["figures"]["maturity"]}
    assert groups == {"research": 1, "development": 0, "demonstration": 1, "commercial": 1}


def test_growth_per_month_covers_24_months(client, figures):
    growth = _stats(client).context["figures"]["growth"]
    assert len(growth) == 24
    this_month, three_months_ago = growth[-1], growth[-4]
    assert (this_month["technologies"], this_month["needs"]) == (1, 2)
    assert three_months_ago["technologies"] == 1
    assert sum(row["technologies"] for row in growth) == 2  # the 900-day-old one is outside
    assert growth[0]["technologies_cumulative"] == 1  # ... but counts in the running total
    assert (this_month["technologies_cumulative"], this_month["needs_cumulative"]) == (3, 2)


def test_empty_site_renders(client, db):
    response = _stats(client)
    assert response.context["headline"]["technologies"] == 0
    assert response.context["figures"]["countries"] == []
    assert "Nothing matches these filters." in response.content.decode()


def test_staff_dashboard_is_hidden_from_visitors_and_members(client, figures, member):
    assert "staff dashboard" not in _stats(client).content.decode()
    response = client.get(reverse("stats:staff"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(member)
    assert "staff dashboard" not in _stats(client).content.decode()
    assert client.get(reverse("stats:staff")).status_code == 403


def test_programme_managers_see_statuses_reports_and_outcomes(client, figures, make_user):
    manager = make_user()
    manager.user_permissions.add(Permission.objects.get(codename="view_statistics"))
    client.force_login(manager)
    assert "staff dashboard" in _stats(client).content.decode()
    response = client.get(reverse("stats:staff"))
    assert "Programme figures" in response.content.decode()
    statuses = {row["status"]: row for row in response.context["programme"]["statuses"]}
    assert (statuses["draft"]["technologies"], statuses["draft"]["needs"]) == (1, 1)
    assert statuses["submitted"]["technologies"] == 1
    assert statuses["published"]["technologies"] == 3
    assert response.context["dashboard"]["moderation"]["open_reports"] == 1
    outcomes = {row["outcome"]: row["connections"] for row in _stats(client).context["figures"]["outcomes"]}
    assert outcomes["licence"] == 1 and outcomes["pilot"] == 0


def test_staff_dashboard_counts_stale_listings_after_the_daily_command(client, figures, make_user):
    manager = make_user()
    manager.groups.add(Group.objects.get(name="Programme managers"))
    client.force_login(manager)
    Technology.objects.filter(title="Wind pump").update(last_confirmed_at=timezone.now() - timedelta(days=400))
    Technology.objects.filter(title="Unfinished draft").update(last_confirmed_at=timezone.now() - timedelta(days=400))
    assert client.get(reverse("stats:staff")).context["dashboard"]["freshness"]["stale"] == 0

    call_command("send_freshness_reminders")

    response = client.get(reverse("stats:staff"))
    freshness = response.context["dashboard"]["freshness"]
    assert (freshness["stale"], freshness["published"]) == (1, 6)  # 3 technologies, 2 needs, 1 expert
    assert {row["kind"]: row["stale"] for row in freshness["kinds"]} == {"technologies": 1, "needs": 0, "experts": 0}
    assert 'id="staff-stale"><span class="value">1</span> of 6 published' in response.content.decode()


def test_programme_managers_group_grants_the_dashboard(client, figures, make_user):
    manager = make_user()
    manager.groups.add(Group.objects.get(name="Programme managers"))
    client.force_login(manager)
    assert "Programme figures" in client.get(reverse("stats:staff")).content.decode()


def test_need_counts_use_the_needs_country(client, figures):
    Need.objects.filter(title="Water for schools").update(country=_country("UG"))
    ranking = {row["code"]: row for row in _stats(client).context["figures"]["countries"]}
    assert ranking["UG"]["needs"] == 2
    assert ranking["TZ"]["needs"] == 0


def test_breakdowns_come_from_the_cache_until_a_count_changes(db, make_technology, django_assert_max_num_queries):
    from verdex.stats import selectors

    make_technology()
    first = selectors.public_statistics()
    with django_assert_max_num_queries(12):  # the headline counts and one cache read
        assert selectors.public_statistics() == first
    make_technology(title="Wind pump")  # a new published listing changes a count: computed again
    assert selectors.public_statistics()["headline"]["technologies"] == first["headline"]["technologies"] + 1
    assert sum(row["technology_count"] for row in selectors.public_statistics()["fields"]) > sum(
        row["technology_count"] for row in first["fields"])
