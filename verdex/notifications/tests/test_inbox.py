"""In-app notifications: the bell on every page, the list, marking read; each member sees only their own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from verdex.notifications import services
from verdex.notifications.models import Kind, Notification

pytestmark = pytest.mark.django_db


def _notify(user, title="Your listing was published", **extra):
    return services.notify(recipient=user, kind=Kind.LISTING_PUBLISHED, title=title, url="/me/", **extra)


def test_the_bell_shows_the_unread_count_on_every_page(client, member):
    _notify(member)
    _notify(member, title="Second")
    client.force_login(member)

    page = client.get(reverse("core:home")).content.decode()

    assert 'id="notification-bell"' in page
    assert '2<span class="visually-hidden"> unread</span>' in page


def test_the_count_is_one_query_and_only_when_shown(client, member, rf):
    from verdex.notifications.context_processors import unread

    request = rf.get("/")
    request.user = member
    with CaptureQueriesContext(connection) as queries:
        context = unread(request)
    assert len(queries) == 0  # nothing is counted until a template asks
    with CaptureQueriesContext(connection) as queries:
        assert context["notifications_unread"]() == 0
        context["notifications_unread"]()
    assert len(queries) == 1
    assert "COUNT" in queries[0]["sql"].upper()


def test_visitors_have_no_bell(client, db):
    assert 'id="notification-bell"' not in client.get(reverse("core:home")).content.decode()


def test_the_bell_fragment_refreshes_the_count(client, member):
    client.force_login(member)
    assert "bell-count" not in client.get(reverse("notifications:bell")).content.decode()
    _notify(member)
    fragment = client.get(reverse("notifications:bell"), HTTP_HX_REQUEST="true").content.decode()
    assert fragment.strip().startswith('<a id="notification-bell"')
    assert 'hx-trigger="every 60s"' in fragment and "1<span" in fragment


def test_a_logged_out_bell_stops_polling_instead_of_showing_the_login_page(client, db):
    response = client.get(reverse("notifications:bell"), HTTP_HX_REQUEST="true")
    assert response.status_code == 286 and response.content == b""


def test_list_shows_only_my_notifications(client, member, other_member):
    _notify(member, title="Mine to read")
    _notify(other_member, title="Someone else's")
    client.force_login(member)

    page = client.get(reverse("notifications:list")).content.decode()

    assert "Mine to read" in page and "Someone else" not in page


def test_mark_read_and_mark_all_read(client, member):
    first, second = _notify(member, title="One"), _notify(member, title="Two")
    client.force_login(member)

    response = client.post(reverse("notifications:mark_read", args=[first.pk]))
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.read_at is not None

    response = client.post(reverse("notifications:mark_read", args=[second.pk]), {"open": "1"})
    assert response["Location"] == "/me/"  # "open and mark read" goes to the notification's page

    _notify(member, title="Three")
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(recipient=member, read_at__isnull=True).exists()


def test_another_member_cannot_mark_my_notification(client, member, other_member):
    mine = _notify(member)
    client.force_login(other_member)

    assert client.post(reverse("notifications:mark_read", args=[mine.pk])).status_code == 404
    client.post(reverse("notifications:mark_all_read"))
    mine.refresh_from_db()
    assert mine.read_at is None


def test_marking_read_needs_post_and_csrf(member):
    from django.test import Client

    mine = _notify(member)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    assert client.get(reverse("notifications:mark_read", args=[mine.pk])).status_code == 405
    assert client.post(reverse("notifications:mark_read", args=[mine.pk])).status_code == 403
    mine.refresh_from_db()
    assert mine.read_at is None


def test_pages_need_a_login(client, db):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_deleted_or_inactive_member_gets_nothing(member):
    member.is_active = False
    member.save()
    assert _notify(member) is None
    assert not Notification.objects.exists()


def test_an_unknown_kind_is_refused(member):
    with pytest.raises(ValueError, match="Unknown notification kind"):
        services.notify(recipient=member, kind="nonsense", title="x")
