"""Need owners hear of newly published technologies that enter their needs' suggestions, once per pair."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from verdex.catalog import services as catalog_services
from verdex.catalog.models import Status
from verdex.matching.models import Match, MatchAlert
from verdex.matching.services import refresh_listing
from verdex.notifications import services as notification_services
from verdex.notifications.models import Frequency, Kind, Notification

pytestmark = pytest.mark.django_db


def _alerts():
    return list(Notification.objects.filter(kind=Kind.NEW_MATCH).order_by("pk"))


def _gravity_drip(make_technology, owner, status=Status.PUBLISHED):
    return make_technology(
        owner=owner, title="Gravity drip irrigation for vegetable farms", status=status,
        summary="Drip irrigation lines fed by a raised tank; no pump, no grid power.", fields=("Y02A40",),
    )


def test_a_new_matching_technology_is_announced_to_the_need_owner_once(
    irrigation, make_technology, other_member, member, moderator, committed
):
    need = irrigation["need"]
    assert _alerts() == []  # the need's first suggestions are on its page, not news
    with committed():
        technology = _gravity_drip(make_technology, other_member, status=Status.SUBMITTED)
    with committed():
        catalog_services.transition(listing=technology, action="publish", by=moderator)

    assert Match.objects.get(need=need, technology=technology).need_score is not None
    [alert] = _alerts()
    assert alert.recipient == member and "Gravity drip irrigation" in alert.title
    assert alert.url == reverse("matching:suggestions", args=["need", need.pk])
    assert alert.email_frequency == Frequency.DAILY  # the default: in the daily digest

    # A second refresh, and the pair leaving and re-entering the list, announce nothing again.
    with committed():
        refresh_listing(kind="need", pk=need.pk)
    Match.objects.filter(need=need, technology=technology).delete()
    with committed():
        refresh_listing(kind="technology", pk=technology.pk)
    assert Match.objects.get(need=need, technology=technology).need_score is not None
    assert len(_alerts()) == 1 and MatchAlert.objects.filter(need=need).count() == 1


def test_a_draft_technology_and_the_owners_own_are_never_announced(
    irrigation, make_technology, member, committed
):
    need = irrigation["need"]
    with committed():
        draft = _gravity_drip(make_technology, member, status=Status.DRAFT)
        draft.title = "Gravity drip irrigation (draft)"
        draft.save()
    with committed():
        refresh_listing(kind="need", pk=need.pk)
    assert not Match.objects.filter(technology=draft).exists()

    with committed():
        own = _gravity_drip(make_technology, member)  # published, but the need owner's own
    assert Match.objects.get(need=need, technology=own).need_score is not None
    assert _alerts() == []


def test_never_means_no_email(irrigation, make_technology, other_member, member, committed):
    notification_services.set_preferences(user=member, frequencies={Kind.NEW_MATCH: Frequency.NEVER})
    mail.outbox.clear()
    with committed():
        _gravity_drip(make_technology, other_member)
    [alert] = _alerts()
    assert alert.email_frequency == Frequency.NEVER
    call_command("send_digests", "--frequency", "daily")
    assert [message for message in mail.outbox if member.email in message.to] == []
