"""Outcomes both sides confirm: one side's "agreement reached" or "deployed" is a claim until the other confirms."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from verdex.connections import services
from verdex.connections.models import AgreementType, Connection, Stage
from verdex.notifications.models import Notification
from verdex.stats import figures as stats_figures
from verdex.stats import selectors as stats_selectors
from verdex.stats.filters import Filters

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(make_technology, member, other_member):
    """member asked other_member (the owner) to connect; the owner accepted."""
    listing = make_technology(owner=other_member, title="Solar milk chiller")
    connection = services.request_connection(requester=member, listing=listing, message="Can we talk?")
    return services.move_connection(connection=connection, to_stage=Stage.ACCEPTED, by=other_member)


def _claim_agreement(connection, by):
    return services.move_connection(connection=connection, to_stage=Stage.AGREEMENT, by=by,
                                    agreement_type=AgreementType.PILOT)


def _impact(client):
    cache.clear()  # the snapshot's refresh waits for a commit that a test never makes (test_snapshots.py)
    return client.get(reverse("stats:impact")).context["impact"]


def _api_impact(client):
    cache.clear()
    return client.get("/api/v1/statistics/impact").json()


def test_one_side_alone_does_not_count(client, connection, member, other_member):
    claimed = _claim_agreement(connection, member)

    assert claimed.claim_pending and claimed.claimed_by == member
    assert claimed.agreement_confirmed_at is None
    impact = _impact(client)
    assert (impact["connections"], impact["agreements"]) == (1, 0)
    assert _api_impact(client)["agreements"] == 0
    notice = Notification.objects.filter(recipient=other_member).latest("pk")
    assert "once you confirm it" in notice.body


def test_confirmation_by_the_other_side_counts(client, connection, member, other_member):
    _claim_agreement(connection, member)
    client.force_login(other_member)
    page = client.get(reverse("connections:detail", args=[connection.pk])).content.decode()
    assert reverse("connections:confirm_outcome", args=[connection.pk]) in page

    response = client.post(reverse("connections:confirm_outcome", args=[connection.pk]))

    assert response.status_code == 302
    connection.refresh_from_db()
    assert connection.agreement_confirmed_at is not None and not connection.claim_pending
    assert Notification.objects.filter(recipient=member, title__contains="confirmed").exists()
    assert "Confirmed by both sides." in client.get(reverse("connections:detail", args=[connection.pk])).content.decode()
    client.logout()
    impact = _impact(client)
    assert (impact["agreements"], impact["deployments"]) == (1, 0)
    assert "confirmed by both sides" in client.get(reverse("stats:impact")).content.decode()
    assert _api_impact(client)["agreements"] == 1
    funnel = {row["stage"]: row["connections"] for row in
              (cache.clear(), client.get("/api/v1/statistics/figures"))[1].json()["funnel"]}
    assert funnel["agreement"] == 1 and funnel["deployed"] == 0

    # Deployment is again a claim of one side, confirmed by the other.
    services.move_connection(connection=connection, to_stage=Stage.DEPLOYED, by=other_member)
    assert _impact(client)["deployments"] == 0
    before = stats_figures._signature()
    services.confirm_outcome(connection=connection, by=member)
    assert stats_figures._signature() != before  # a confirmation changes no stage: the snapshot must still refresh
    impact = _impact(client)
    assert (impact["agreements"], impact["deployments"]) == (1, 1)


def test_the_claimant_cannot_confirm_their_own_claim(client, connection, member):
    _claim_agreement(connection, member)
    client.force_login(member)
    page = client.get(reverse("connections:detail", args=[connection.pk])).content.decode()
    assert reverse("connections:confirm_outcome", args=[connection.pk]) not in page
    assert "once the listing owner confirms it" in page

    assert client.post(reverse("connections:confirm_outcome", args=[connection.pk])).status_code == 403
    assert client.post(reverse("connections:dispute_outcome", args=[connection.pk])).status_code == 403
    connection.refresh_from_db()
    assert connection.agreement_confirmed_at is None and connection.claim_pending


def test_outsiders_and_moderators_cannot_confirm(client, connection, member, make_user, moderator):
    _claim_agreement(connection, member)
    client.force_login(make_user())
    assert client.post(reverse("connections:confirm_outcome", args=[connection.pk])).status_code == 404
    client.force_login(moderator)
    assert client.post(reverse("connections:confirm_outcome", args=[connection.pk])).status_code == 403
    client.logout()
    response = client.post(reverse("connections:confirm_outcome", args=[connection.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Connection.objects.get(pk=connection.pk).agreement_confirmed_at is None


def test_dispute_returns_it_to_the_previous_stage(client, connection, member, other_member):
    services.move_connection(connection=connection, to_stage=Stage.IN_DISCUSSION, by=member)
    _claim_agreement(connection, other_member)
    client.force_login(member)

    response = client.post(reverse("connections:dispute_outcome", args=[connection.pk]),
                           {"note": "We have not signed anything yet."})

    assert response.status_code == 302
    connection.refresh_from_db()
    assert connection.stage == Stage.IN_DISCUSSION and not connection.claim_pending
    assert connection.agreement_type == "" and connection.agreement_confirmed_at is None
    assert Notification.objects.filter(recipient=other_member, title__contains="disputed").exists()
    assert connection.events.last().note.startswith("Disputed")
    assert _impact(client)["agreements"] == 0


def test_disputing_a_deployment_keeps_an_unconfirmed_agreement_claimed(connection, member, other_member):
    _claim_agreement(connection, member)
    services.move_connection(connection=connection, to_stage=Stage.DEPLOYED, by=member)
    services.dispute_outcome(connection=connection, by=other_member)
    connection.refresh_from_db()
    assert connection.stage == Stage.AGREEMENT and connection.claimed_by == member
    services.confirm_outcome(connection=connection, by=other_member)
    connection.refresh_from_db()
    assert connection.agreement_confirmed_at is not None and connection.deployment_confirmed_at is None


def test_the_other_side_moving_on_confirms_the_agreement(connection, member, other_member):
    _claim_agreement(connection, member)
    services.move_connection(connection=connection, to_stage=Stage.DEPLOYED, by=other_member)
    connection.refresh_from_db()
    assert connection.agreement_confirmed_at is not None and connection.claimed_by == other_member
    assert connection.deployment_confirmed_at is None


def test_bad_input_never_500(client, connection, member, other_member):
    client.force_login(other_member)
    # Nothing claimed yet: a message, not an error page.
    response = client.post(reverse("connections:confirm_outcome", args=[connection.pk]))
    assert response.status_code == 302
    _claim_agreement(connection, member)
    for path in ("connections:confirm_outcome", "connections:dispute_outcome"):
        assert client.get(reverse(path, args=[connection.pk])).status_code == 405
        assert client.post(reverse(path, args=[999999])).status_code == 404
    response = client.post(reverse("connections:dispute_outcome", args=[connection.pk]),
                           {"note": ["x" * 10000, "y"]})
    assert response.status_code == 302
    # Answered already: a second answer is a message, not a 500.
    assert client.post(reverse("connections:confirm_outcome", args=[connection.pk])).status_code == 302
    assert Connection.objects.get(pk=connection.pk).stage == Stage.ACCEPTED


def test_outcome_figures_count_confirmed_agreements_only(connection, member, other_member):
    _claim_agreement(connection, member)

    def counts():
        return ({row["outcome"]: row["connections"] for row in stats_figures.outcomes(Filters())}["pilot"],
                {row["label"]: row["total"] for row in stats_selectors.connection_outcomes()["agreement_types"]}[
                    "Pilot project"])

    assert counts() == (0, 0)
    services.confirm_outcome(connection=connection, by=other_member)
    assert counts() == (1, 1)


def test_the_migration_makes_earlier_outcomes_claims_of_who_recorded_them(connection, member):
    from importlib import import_module

    from django.apps import apps

    _claim_agreement(connection, member)
    Connection.objects.filter(pk=connection.pk).update(claimed_by=None, claimed_from_stage="")  # as before
    import_module("verdex.connections.migrations.0002_outcome_claims").claims_from_history(apps, None)
    connection.refresh_from_db()
    assert connection.claimed_by == member and connection.claimed_from_stage == Stage.ACCEPTED
    assert connection.agreement_confirmed_at is None
