"""Moderators see a freshness queue: published listings not confirmed current, oldest confirmation first."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from verdex.catalog.models import Need, Status, Technology

pytestmark = pytest.mark.django_db

URL = reverse("moderation:freshness")


def _age(model, listing, days, reminded_days_ago=None, flag=True):
    now = timezone.now()
    model.objects.filter(pk=listing.pk).update(
        last_confirmed_at=now - timedelta(days=days),
        confirm_reminded_at=now - timedelta(days=reminded_days_ago) if reminded_days_ago is not None else None,
        confirmed_current=flag,
    )


def test_moderator_sees_only_stale_published_listings_oldest_first(client, moderator, make_technology, make_need):
    oldest = make_technology(title="Biogas digester for dairy farms")
    _age(Technology, oldest, 700, reminded_days_ago=20, flag=False)
    middle = make_need(title="Cold storage for fishing cooperatives")
    _age(Need, middle, 500, flag=False)
    unmarked = make_technology(title="Hand-cranked water pump")  # past the cutoff, not yet flagged by the daily run
    _age(Technology, unmarked, 400)
    fresh = make_technology(title="Solar egg incubator")
    _age(Technology, fresh, 30)
    draft = make_technology(title="Old draft kiln", status=Status.DRAFT)
    Technology.objects.filter(pk=draft.pk).update(last_confirmed_at=timezone.now() - timedelta(days=900),
                                                  confirmed_current=False)

    client.force_login(moderator)
    response = client.get(URL)
    assert response.status_code == 200
    rows = [listing.title for listing in response.context["page_obj"]]
    assert rows == ["Biogas digester for dairy farms", "Cold storage for fishing cooperatives", "Hand-cranked water pump"]
    page = response.content.decode()
    assert "Solar egg incubator" not in page and "Old draft kiln" not in page
    first = response.context["page_obj"][0]
    reminded = Technology.objects.get(pk=oldest.pk).confirm_reminded_at
    assert first.archive_on == reminded + timedelta(days=60)
    assert first.archive_on.strftime("%-d %b %Y") in page
    assert response.context["page_obj"][1].archive_on is None and "Not yet" in page
    assert first.owner.name in page


def test_members_are_refused_and_visitors_sent_to_log_in(client, member):
    response = client.get(URL)
    assert response.status_code == 302 and "next=/moderation/freshness/" in response["Location"]
    client.force_login(member)
    assert client.get(URL).status_code == 403


def test_the_queue_is_paginated_and_a_bad_page_is_no_error(client, moderator, make_technology):
    for number in range(27):
        listing = make_technology(title=f"Stale kit {number:02d}")
        _age(Technology, listing, 800 - number, flag=False)
    client.force_login(moderator)
    first = client.get(URL)
    assert [listing.title for listing in first.context["page_obj"]][:2] == ["Stale kit 00", "Stale kit 01"]
    assert len(first.context["page_obj"]) == 25 and 'rel="next"' in first.content.decode()
    second = client.get(URL, {"page": 2})
    assert [listing.title for listing in second.context["page_obj"]] == ["Stale kit 25", "Stale kit 26"]
    assert client.get(URL, {"page": "x"}).status_code == 200
    assert client.get(URL, {"page": 99}).context["page_obj"].number == 2


def test_the_navigation_links_to_the_queue(client, moderator):
    client.force_login(moderator)
    assert URL in client.get(reverse("moderation:queue")).content.decode()
