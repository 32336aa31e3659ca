import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from verdex.catalog.models import Status
from verdex.exports import selectors
from verdex.taxonomy.models import Country, TechnologyField

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(client, kind, params=None):
    response = client.get(reverse("feeds:rss", args=[kind]), params or {})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def test_rss_lists_the_newest_published_matches_first(client, make_technology):
    pump = make_technology(title="Solar pump")
    make_technology(title="Solar dryer")
    make_technology(title="Solar draft", status=Status.DRAFT)
    make_technology(title="Wind pump", summary="Driven by wind.")
    pump.save()  # most recently updated, yet not the newest published

    channel, items = rss_items(client, "technology", {"q": "solar", "sort": "updated"})

    assert [item.findtext("title") for item in items] == ["Solar dryer", "Solar pump"]
    assert channel.findtext("title") == "Verdex: new technologies matching “solar”"
    assert channel.findtext("link") == "http://testserver/search/technologies/?q=solar&sort=updated"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == "http://testserver/feeds/technology/rss/?q=solar&sort=updated"


def test_rss_items_link_describe_and_categorise(client, make_technology):
    technology = make_technology(summary="Pumps <water> & saves diesel.")

    _, items = rss_items(client, "technology")

    item = items[0]
    assert item.findtext("link") == f"http://testserver/technologies/{technology.pk}/"
    # Escaped once for HTML, so a reader shows the text rather than running it.
    assert item.findtext("description") == "Pumps &lt;water&gt; &amp; saves diesel."
    assert item.findtext("pubDate")
    field = TechnologyField.objects.get(code="Y02E10")
    assert [category.text for category in item.findall("category")] == [field.name]


def test_feed_follows_the_search_filters(client, make_need):
    make_need(title="Water for schools")
    make_need(title="Water for clinics", country=Country.objects.get(code="KE"))

    channel, items = rss_items(client, "need", {"country": "KE"})

    assert [item.findtext("title") for item in items] == ["Water for clinics"]
    assert channel.findtext("title") == "Verdex: new needs · Kenya"


def test_feed_holds_at_most_the_feed_size(client, monkeypatch, make_expert):
    monkeypatch.setattr(selectors, "FEED_ITEMS", 2)
    for name in ("Ada", "Ben", "Cy"):
        make_expert(full_name=name)

    _, items = rss_items(client, "expert")

    assert [item.findtext("title") for item in items] == [
        "Cy — Off-grid solar systems engineer", "Ben — Off-grid solar systems engineer",
    ]


def test_atom_feed_is_valid_xml_with_entries(client, make_technology):
    technology = make_technology(title="Solar & wind hybrid")
    make_technology(title="Hidden", status=Status.SUBMITTED)

    response = client.get(reverse("feeds:atom", args=["technology"]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Solar & wind hybrid"]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/technologies/{technology.pk}/"
    assert entries[0].findtext(f"{ATOM}updated")


def test_organisations_have_no_feed(client):
    assert client.get("/feeds/organisation/rss/").status_code == 404


def test_search_page_offers_downloads_and_feeds_of_the_same_search(client, make_technology):
    make_technology()

    html = client.get(reverse("search:technologies"), {"q": "solar", "country": "KE", "page": "1"}).content.decode()

    assert 'href="/exports/technology.csv?q=solar&amp;country=KE"' in html
    assert 'href="/exports/technology.jsonld?q=solar&amp;country=KE"' in html
    assert 'href="/feeds/technology/rss/?q=solar&amp;country=KE"' in html
    assert 'href="/feeds/technology/atom/?q=solar&amp;country=KE"' in html


def test_organisation_search_offers_downloads_but_no_feed(client, organisation):
    html = client.get(reverse("search:organisations")).content.decode()

    assert 'href="/exports/organisation.json?"' in html
    assert "/feeds/" not in html
