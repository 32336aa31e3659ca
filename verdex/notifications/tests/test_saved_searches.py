"""Saved searches: saved from the search page, alerts of listings published since the last one, the page and the API."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from verdex.api.tests.conftest import bearer, member_key, make_key  # noqa: F401
from verdex.catalog import services as catalog_services
from verdex.catalog.models import Status, Technology
from verdex.notifications import alerts, services
from verdex.notifications.models import Kind, Notification, SavedSearch
from verdex.search.query import SearchQuery

pytestmark = pytest.mark.django_db


def _save(user, name="Solar pumps", text="solar", frequency="daily", **filters):
    return services.save_search(
        user=user, name=name, frequency=frequency,
        query=SearchQuery(kind="technology", text=text, mode="keyword", filters=filters),
    )


def _alerts(user):
    return list(Notification.objects.filter(recipient=user, kind=Kind.SAVED_SEARCH_HIT).order_by("pk"))


def _publish(make_technology, title, owner, moderator):
    listing = make_technology(owner=owner, title=title, status=Status.SUBMITTED)
    return catalog_services.transition(listing=listing, action="publish", by=moderator)


# ---- Saving from the search page ----------------------------------------------------


def test_members_see_save_this_search_visitors_do_not(client, member):
    assert "Save this search" not in client.get("/search/technologies/?q=solar").content.decode()
    client.force_login(member)
    page = client.get("/search/technologies/?q=solar&mode=keyword").content.decode()
    assert "Save this search" in page and 'name="query" value="q=solar&amp;mode=keyword"' in page
    assert "Save this search" not in client.get("/search/organisations/").content.decode()


def test_a_search_is_saved_with_its_text_mode_and_facets(client, member):
    client.force_login(member)
    response = client.post(reverse("notifications:save_search"), {
        "name": "Kenyan solar", "frequency": "weekly", "kind": "technology",
        "query": "q=solar+pump&mode=keyword&field=Y02E&nonsense=1&page=3",
        "next": "/search/technologies/?q=solar+pump",
    })
    assert response.status_code == 302 and response["Location"] == "/search/technologies/?q=solar+pump"
    saved = SavedSearch.objects.get(user=member)
    assert (saved.name, saved.kind, saved.text, saved.mode, saved.frequency) == (
        "Kenyan solar", "technology", "solar pump", "keyword", "weekly")
    assert saved.filters == {"field": ["Y02E"]}  # unknown facets dropped as the search drops them
    assert saved.search_url.startswith("/search/technologies/?q=solar+pump&mode=keyword")


@pytest.mark.parametrize("data, message", [
    ({"name": "", "frequency": "daily", "kind": "technology"}, "Name: This field is required."),
    ({"name": "x", "frequency": "hourly", "kind": "technology"}, "Email me new listings: Select a valid choice."),
    ({"name": "x", "frequency": "daily", "kind": "organisation"}, "Kind: Select a valid choice."),
])
def test_bad_input_names_the_field(client, member, data, message):
    client.force_login(member)
    response = client.post(reverse("notifications:save_search"), {**data, "query": "q=x"}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_a_name_is_used_once_per_member(member, other_member):
    _save(member)
    _save(other_member)  # the same name for someone else is fine
    with pytest.raises(Exception) as error:
        _save(member, text="wind")
    assert "already have a saved search named" in error.value.message_dict["name"][0]


def test_an_external_next_is_not_followed(client, member):
    client.force_login(member)
    response = client.post(reverse("notifications:save_search"), {
        "name": "x", "frequency": "daily", "kind": "technology", "query": "q=x", "next": "https://evil.example/",
    })
    assert response["Location"] == reverse("notifications:saved_searches")


# ---- Alerts ------------------------------------------------------------------------


def test_alerts_list_only_what_was_published_since_the_last_one(make_technology, member, other_member, moderator):
    _publish(make_technology, "Solar pump published before saving", other_member, moderator)
    saved = _save(member)
    mail.outbox.clear()

    _publish(make_technology, "Solar water pump for farms", other_member, moderator)
    wind = make_technology(owner=other_member, title="Wind turbine blade", summary="A longer blade for small turbines.",
                           status=Status.SUBMITTED)
    catalog_services.transition(listing=wind, action="publish", by=moderator)  # does not match
    call_command("send_digests", "--frequency", "daily")

    [first] = _alerts(member)
    assert first.title == "1 new technology for your saved search “Solar pumps”"
    assert "Solar water pump for farms" in first.body and "before saving" not in first.body
    assert first.url == reverse("notifications:saved_search_results", args=[saved.pk])
    digests = [email for email in mail.outbox if email.to == [member.email]]
    assert len(digests) == 1 and "Solar water pump for farms" in digests[0].body

    call_command("send_digests", "--frequency", "daily")  # nothing published since: no alert, no email
    assert len(_alerts(member)) == 1
    assert len([email for email in mail.outbox if email.to == [member.email]]) == 1

    _publish(make_technology, "Solar drip kit", other_member, moderator)
    call_command("send_digests", "--frequency", "daily")
    second = _alerts(member)[1]
    assert "Solar drip kit" in second.body and "Solar water pump" not in second.body
    saved.refresh_from_db()
    assert saved.last_sent_at is not None


def test_a_listing_committed_late_is_not_missed_and_none_is_repeated(make_technology, member, other_member, moderator):
    saved = _save(member)
    early = _publish(make_technology, "Solar early", other_member, moderator)
    assert alerts.run_saved_search(saved) == 1
    saved.refresh_from_db()

    # A listing whose transaction committed after the check, with a published_at just before it.
    late = _publish(make_technology, "Solar late commit", other_member, moderator)
    Technology.objects.filter(pk=late.pk).update(published_at=saved.checked_until - timedelta(seconds=30))
    Technology.objects.filter(pk=early.pk).update(published_at=saved.checked_until - timedelta(seconds=60))

    assert alerts.run_saved_search(saved) == 1
    assert "Solar late commit" in _alerts(member)[-1].body and "Solar early" not in _alerts(member)[-1].body
    saved.refresh_from_db()
    assert alerts.run_saved_search(saved) == 0


def test_paused_and_weekly_searches_wait(make_technology, member, other_member, moderator):
    weekly = _save(member, name="Weekly", frequency="weekly")
    paused = _save(member, name="Paused")
    services.update_saved_search(saved_search=paused, user=member, paused=True)
    _publish(make_technology, "Solar cooker", other_member, moderator)

    call_command("send_digests", "--frequency", "daily")
    assert _alerts(member) == []
    call_command("send_digests", "--frequency", "weekly")
    assert [alert.title for alert in _alerts(member)] == ["1 new technology for your saved search “Weekly”"]
    weekly.refresh_from_db()
    assert weekly.last_sent_at is not None


def test_an_instant_search_alerts_when_a_listing_is_published(make_technology, member, other_member, moderator, committed):
    _save(member, frequency="instant")
    listing = make_technology(owner=other_member, title="Solar ice maker", status=Status.SUBMITTED)
    mail.outbox.clear()
    with committed():
        catalog_services.transition(listing=listing, action="publish", by=moderator)

    [alert] = _alerts(member)
    assert "Solar ice maker" in alert.body
    assert [email.to for email in mail.outbox if "saved search" in email.subject] == [[member.email]]


def test_muted_saved_search_emails_still_alert_in_app(make_technology, member, other_member, moderator):
    services.set_preferences(user=member, frequencies={Kind.SAVED_SEARCH_HIT: "never"})
    _save(member, frequency="instant")
    _publish(make_technology, "Solar fridge", other_member, moderator)
    mail.outbox.clear()
    alerts.run_saved_searches(frequency="instant")
    assert len(_alerts(member)) == 1 and mail.outbox == []


# ---- The saved searches page --------------------------------------------------------


def test_the_page_renames_changes_pauses_and_deletes(client, member):
    saved = _save(member)
    client.force_login(member)
    assert "Solar pumps" in client.get(reverse("notifications:saved_searches")).content.decode()

    prefix = f"s{saved.pk}-"
    response = client.post(reverse("notifications:update_saved_search", args=[saved.pk]), {
        prefix + "name": "Pumps", prefix + "frequency": "weekly", prefix + "paused": "on",
    })
    assert response.status_code == 302
    saved.refresh_from_db()
    assert (saved.name, saved.frequency, saved.paused) == ("Pumps", "weekly", True)

    response = client.post(reverse("notifications:update_saved_search", args=[saved.pk]), {
        prefix + "name": "", prefix + "frequency": "weekly",
    }, follow=True)
    assert "Name: This field is required." in response.content.decode()

    client.post(reverse("notifications:delete_saved_search", args=[saved.pk]))
    assert not SavedSearch.objects.exists()


def test_another_member_gets_404(client, member, other_member):
    saved = _save(member)
    client.force_login(other_member)
    assert "Solar pumps" not in client.get(reverse("notifications:saved_searches")).content.decode()
    for name in ("update_saved_search", "delete_saved_search"):
        assert client.post(reverse(f"notifications:{name}", args=[saved.pk])).status_code == 404
    assert client.get(reverse("notifications:saved_search_results", args=[saved.pk])).status_code == 404
    assert SavedSearch.objects.filter(pk=saved.pk, name="Solar pumps").exists()


def test_results_link_opens_the_search_newest_first(client, member):
    saved = _save(member, field=["Y02E"])
    client.force_login(member)
    response = client.get(reverse("notifications:saved_search_results", args=[saved.pk]))
    assert response["Location"] == "/search/technologies/?q=solar&mode=keyword&field=Y02E&sort=newest"
    assert client.get(response["Location"]).status_code == 200


# ---- The API --------------------------------------------------------------------


def test_api_lists_creates_updates_and_deletes(client, member, member_key):
    auth = bearer(member_key)
    response = client.post("/api/v1/saved-searches", {
        "name": "Drip kits", "kind": "technology", "q": "drip", "mode": "keyword",
        "filters": {"field": ["Y02E"]}, "frequency": "instant",
    }, content_type="application/json", **auth)
    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["name"], created["frequency"], created["filters"]) == ("Drip kits", "instant", {"field": ["Y02E"]})
    assert created["url"].startswith("http://127.0.0.1:8000/search/technologies/?q=drip")

    assert [row["id"] for row in client.get("/api/v1/saved-searches", **auth).json()] == [created["id"]]
    path = f"/api/v1/saved-searches/{created['id']}"
    response = client.patch(path, {"paused": True, "name": "Drip"}, content_type="application/json", **auth)
    assert response.status_code == 200 and response.json()["paused"] is True and response.json()["name"] == "Drip"
    assert client.get(path, **auth).json()["name"] == "Drip"

    assert client.delete(path, **auth).status_code == 204
    assert client.get(path, **auth).status_code == 404


@pytest.mark.parametrize("body, field", [
    ({"name": "", "kind": "technology"}, "name"),
    ({"name": "x", "kind": "organisation"}, "kind"),
    ({"name": "x", "kind": "technology", "frequency": "hourly"}, "frequency"),
    ({"name": "x", "kind": "technology", "filters": {"colour": ["green"]}}, "filters.colour"),
    ({"name": "x", "kind": "technology", "extra": 1}, "extra"),
])
def test_api_bad_input_names_the_field(client, member_key, body, field):
    response = client.post("/api/v1/saved-searches", body, content_type="application/json", **bearer(member_key))
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["errors"]]


def test_api_duplicate_name_is_422_on_name(client, member, member_key):
    _save(member)
    response = client.post("/api/v1/saved-searches", {"name": "Solar pumps", "kind": "technology"},
                           content_type="application/json", **bearer(member_key))
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "name"


def test_api_needs_a_token_and_hides_other_members_searches(client, other_member, make_key):
    saved = _save(other_member)
    assert client.get("/api/v1/saved-searches").status_code == 401
    mine = bearer(make_key(_member := other_member.__class__.objects.create_user(email="third@example.org", password="x-Long-passw0rd")))
    path = f"/api/v1/saved-searches/{saved.pk}"
    assert client.get(path, **mine).status_code == 404
    assert client.patch(path, {"name": "Mine now"}, content_type="application/json", **mine).status_code == 404
    assert client.delete(path, **mine).status_code == 404
    assert client.get("/api/v1/saved-searches", **mine).json() == []
    saved.refresh_from_db()
    assert saved.name == "Solar pumps"
