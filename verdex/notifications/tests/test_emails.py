"""Emails follow each member's preference per kind: at once, in a digest, or never; one-click unsubscribe."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from verdex.notifications import selectors, services, tokens
from verdex.notifications.models import EmailPreference, Frequency, Kind, Notification

pytestmark = pytest.mark.django_db


def _notify(user, kind=Kind.CONNECTION_REQUEST, title="Otto would like to connect", url="/connections/7/"):
    return services.notify(recipient=user, kind=kind, title=title, body="About your stove.", url=url)


def test_defaults_email_decisions_and_connections_at_once_and_saved_searches_daily(member):
    chosen = selectors.preferences_for(user=member)
    assert chosen[Kind.LISTING_REJECTED] == Frequency.IMMEDIATELY
    assert chosen[Kind.CONNECTION_MESSAGE] == Frequency.IMMEDIATELY
    assert chosen[Kind.SAVED_SEARCH_HIT] == Frequency.DAILY


def test_an_immediate_email_has_html_text_site_links_and_one_click_unsubscribe(settings, member):
    settings.SITE_URL = "http://127.0.0.1:8123"
    notification = _notify(member)

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [member.email]
    assert email.subject == "[Verdex] Otto would like to connect"
    assert "http://127.0.0.1:8123/connections/7/" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html" and 'href="http://127.0.0.1:8123/connections/7/"' in html
    unsubscribe = email.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://127.0.0.1:8123/notifications/unsubscribe/")
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in email.body
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_a_job_run_twice_sends_once(member):
    from verdex.notifications import emails

    notification = _notify(member)
    assert emails.send_notification(notification.pk) is False
    assert len(mail.outbox) == 1


def test_never_means_in_app_only(member):
    services.set_preferences(user=member, frequencies={Kind.CONNECTION_REQUEST: Frequency.NEVER})
    notification = _notify(member)
    assert notification.pk and mail.outbox == []
    call_command("send_digests", "--frequency", "daily")
    assert mail.outbox == []


def test_daily_items_wait_for_one_digest_and_are_sent_once(member, other_member):
    services.set_preferences(user=member, frequencies={
        Kind.CONNECTION_REQUEST: Frequency.DAILY, Kind.CONNECTION_MESSAGE: Frequency.DAILY,
    })
    _notify(member, title="First request")
    _notify(member, kind=Kind.CONNECTION_MESSAGE, title="A new message")
    _notify(other_member, title="Otto's own, at once")
    assert [email.to for email in mail.outbox] == [[other_member.email]]
    mail.outbox.clear()

    call_command("send_digests", "--frequency", "weekly")
    assert mail.outbox == []
    call_command("send_digests", "--frequency", "daily")

    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == [member.email] and "daily digest: 2 updates" in digest.subject
    assert "First request" in digest.body and "A new message" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    call_command("send_digests", "--frequency", "daily")
    assert len(mail.outbox) == 1  # nothing new: no second digest


def test_changing_a_preference_moves_waiting_items(member):
    services.set_preferences(user=member, frequencies={Kind.CONNECTION_REQUEST: Frequency.DAILY})
    _notify(member)
    services.set_preferences(user=member, frequencies={Kind.CONNECTION_REQUEST: Frequency.WEEKLY})
    call_command("send_digests", "--frequency", "daily")
    assert mail.outbox == []
    call_command("send_digests", "--frequency", "weekly")
    assert len(mail.outbox) == 1


def test_unsubscribe_link_confirms_on_get_and_unsubscribes_on_post_without_login(member):
    _notify(member)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = link.split("8000", 1)[1]
    client = Client(enforce_csrf_checks=True)

    page = client.get(path)
    assert page.status_code == 200 and "Someone asks to connect" in page.content.decode()
    assert not EmailPreference.objects.exists()  # a GET (a mail scanner) changes nothing

    response = client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200 and "no longer get emails" in response.content.decode()
    assert selectors.email_frequency(user=member, kind=Kind.CONNECTION_REQUEST) == Frequency.NEVER
    assert selectors.email_frequency(user=member, kind=Kind.CONNECTION_MESSAGE) == Frequency.IMMEDIATELY


def test_a_tampered_token_is_refused(client, member, other_member):
    token = tokens.make(user=member, kinds=[Kind.CONNECTION_REQUEST])
    forged = token.replace(token.split(":")[0], tokens.make(user=other_member, kinds=[Kind.CONNECTION_REQUEST]).split(":")[0])
    for bad in (forged, "nonsense", token[:-2]):
        path = reverse("notifications:unsubscribe", args=[bad])
        assert client.get(path).status_code == 400
        assert client.post(path).status_code == 400
    assert not EmailPreference.objects.exists()


def test_preferences_page_saves_choices(client, member):
    client.force_login(member)
    data = {kind: Frequency.IMMEDIATELY for kind in Kind.values}
    data[Kind.SAVED_SEARCH_HIT] = Frequency.WEEKLY
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    assert selectors.email_frequency(user=member, kind=Kind.SAVED_SEARCH_HIT) == Frequency.WEEKLY


def test_a_bad_choice_names_the_field_and_is_not_a_500(client, member):
    client.force_login(member)
    data = {kind: Frequency.IMMEDIATELY for kind in Kind.values}
    data[Kind.IMPORT_FAILED] = "hourly"
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 200
    assert "hourly is not one of the available choices" in response.content.decode()
    assert response.context["form"].errors[Kind.IMPORT_FAILED]

    with pytest.raises(Exception) as error:
        services.set_preferences(user=member, frequencies={"weather": Frequency.DAILY})
    assert "weather" in error.value.message_dict


def test_the_digest_command_refuses_an_unknown_frequency(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="frequency"):
        call_command("send_digests", "--frequency", "hourly")


def test_a_person_without_an_account_is_mailed_without_an_unsubscribe_header(db):
    services.notify(recipient=None, email="new@example.org", kind=Kind.ORGANISATION_INVITATION,
                    title="Join Sunfield", url="/organisations/invitations/abc/")
    assert mail.outbox[0].to == ["new@example.org"]
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers
    assert Notification.objects.get().recipient is None
