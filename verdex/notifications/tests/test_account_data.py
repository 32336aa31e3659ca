"""Notifications, preferences and saved searches are personal data: in the download, erased with the account."""

import json

import pytest
from django.urls import reverse

from verdex.accounts import services as account_services
from verdex.notifications import services
from verdex.notifications.models import EmailPreference, Kind, Notification, SavedSearch
from verdex.search.query import SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(member, other_member):
    services.notify(recipient=member, kind=Kind.IMPORT_FINISHED, title="Your import finished", url="/imports/1/")
    services.notify(recipient=other_member, kind=Kind.IMPORT_FINISHED, title="Otto's import finished")
    services.set_preferences(user=member, frequencies={Kind.SAVED_SEARCH_HIT: "weekly"})
    services.save_search(user=member, name="Solar pumps", frequency="daily",
                         query=SearchQuery(kind="technology", text="solar pump", mode="keyword"))


def test_the_download_holds_them(client, member, held):
    client.force_login(member)
    data = json.loads(client.get(reverse("accounts:my_data")).content)
    assert [row["title"] for row in data["notifications"]] == ["Your import finished"]
    assert data["email_preferences"] == [{"kind": "saved_search_hit", "frequency": "weekly"}]
    assert data["saved_searches"][0]["name"] == "Solar pumps" and data["saved_searches"][0]["text"] == "solar pump"


def test_deleting_the_account_erases_them(member, other_member, held):
    account_services.delete_account(user=member, password="a-Long-passw0rd")
    assert not Notification.objects.filter(recipient=member).exists()
    assert not EmailPreference.objects.filter(user=member).exists()
    assert not SavedSearch.objects.filter(user=member).exists()
    assert Notification.objects.filter(recipient=other_member).count() == 1
