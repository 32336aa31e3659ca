import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from verdex.catalog.models import Status, Technology
from verdex.exports.records import MEMBER, PUBLIC, SHAPES
from verdex.exports.selectors import Export
from verdex.search import listing_index, vector_index
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import Country, Language

pytestmark = pytest.mark.django_db


def download(client, kind, fmt, params=None):
    response = client.get(reverse("exports:download", args=[kind, fmt]), params or {})
    assert response.status_code == 200
    return response, json.loads(b"".join(response.streaming_content))


def test_json_is_a_list_of_records_with_stable_keys(client, make_technology):
    make_technology(title="Solar pump")
    make_technology(title="Wind pump", summary="Wind driven.", fields=())

    response, records = download(client, "technology", "json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert isinstance(records, list)
    assert sorted(record["title"] for record in records) == ["Solar pump", "Wind pump"]
    for record in records:
        assert list(record) == SHAPES["technology"].columns(PUBLIC)
    assert "description" not in records[0]


def test_members_get_more_keys_in_json(client, other_member, make_technology):
    make_technology(description="<p>Saves <em>water</em>.</p>", patent_numbers="US1234567")
    client.force_login(other_member)

    _, records = download(client, "technology", "json")

    assert list(records[0]) == SHAPES["technology"].columns(MEMBER)
    assert records[0]["description"] == "Saves water."
    assert records[0]["patent_numbers"] == ["US1234567"]
    assert records[0]["trl"] == 8


def test_json_keeps_filters_and_leaves_out_drafts(client, member, make_need):
    make_need(title="Water for schools")
    make_need(title="Water for clinics", country=Country.objects.get(code="KE"))
    make_need(title="Draft need in Kenya", country=Country.objects.get(code="KE"), status=Status.DRAFT)
    client.force_login(member)

    _, records = download(client, "need", "json", {"country": "KE"})

    assert [record["title"] for record in records] == ["Water for clinics"]


def test_json_of_an_empty_result_is_an_empty_list(client):
    _, records = download(client, "expert", "json")

    assert records == []


def test_jsonld_is_a_schema_org_item_list_of_products(client, make_technology):
    technology = make_technology(title="Solar pump")

    response, document = download(client, "technology", "jsonld")

    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert document["@context"] == "https://schema.org"
    assert document["@type"] == "ItemList"
    assert document["numberOfItems"] == 1
    element = document["itemListElement"][0]
    assert element["@type"] == "ListItem" and element["position"] == 1
    item = element["item"]
    assert item["@type"] == "Product"
    assert item["name"] == "Solar pump"
    assert item["url"] == f"http://testserver/technologies/{technology.pk}/"
    assert item["countryOfOrigin"]["identifier"] == "KE"
    assert {"@type": "PropertyValue", "name": "Technology readiness", "value": "Demonstration (TRL 7–8)"} in item[
        "additionalProperty"
    ]
    assert "dateModified" in item


def test_patent_records_are_creative_works_with_their_provider(client, make_technology, organisation, org_admin):
    make_technology(record_type=Technology.RecordType.PATENT, organisation=organisation, owner=org_admin)

    _, document = download(client, "technology", "jsonld")

    item = document["itemListElement"][0]["item"]
    assert item["@type"] == "CreativeWork"
    assert item["provider"] == {"@type": "Organization", "name": "Sunfield Energy"}


def test_jsonld_of_needs_experts_and_organisations(client, other_member, make_need, make_expert, organisation):
    make_need()
    expert = make_expert()
    expert.languages.set(Language.objects.filter(code__in=["en", "sw"]))
    client.force_login(other_member)

    _, needs = download(client, "need", "jsonld")
    _, experts = download(client, "expert", "jsonld")
    _, organisations = download(client, "organisation", "jsonld")

    need = needs["itemListElement"][0]["item"]
    assert need["@type"] == "Demand"
    assert need["areaServed"]["identifier"] == "TZ"
    person = experts["itemListElement"][0]["item"]
    assert person["@type"] == "Person"
    assert person["name"] == "Amina Otieno"
    assert person["knowsAbout"] == ["Y02E10 Renewable energy: solar, wind, hydro, ocean, geothermal"]
    assert {language["alternateName"] for language in person["knowsLanguage"]} == {"en", "sw"}
    company = organisations["itemListElement"][0]["item"]
    assert company["@type"] == "Organization"
    assert company["name"] == organisation.name
    assert company["address"] == {"@type": "PostalAddress", "addressCountry": "KE"}


def test_visitors_jsonld_carries_no_member_details(client, make_expert):
    expert = make_expert(description="<p>Reach me on +254 700 000 000.</p>" + "<p>More.</p>" * 200)
    expert.languages.set(Language.objects.filter(code="en"))

    _, document = download(client, "expert", "jsonld")

    person = document["itemListElement"][0]["item"]
    assert "knowsLanguage" not in person
    assert len(person["description"]) <= 300


def test_capped_jsonld_says_so(client, settings, make_need):
    settings.EXPORT_MAX_ROWS = 1
    make_need(title="First")
    make_need(title="Second")

    response, document = download(client, "need", "jsonld")

    assert document["numberOfItems"] == 1
    assert len(document["itemListElement"]) == 1
    assert "first 1 of 2" in document["description"]
    assert response["X-Export-Capped"] == "true"


def test_organisation_export_lists_every_organisation(client, organisation):
    Organisation.objects.create(
        name="Windfield", org_type=Organisation.Type.NGO, country=Country.objects.get(code="DE")
    )

    _, records = download(client, "organisation", "json", {"sort": "name"})

    assert [record["name"] for record in records] == ["Sunfield Energy", "Windfield"]


@pytest.mark.parametrize("kind", ["technology", "need", "expert"])
def test_queries_do_not_grow_with_the_number_of_rows(
    client, other_member, make_technology, make_need, make_expert, kind, monkeypatch
):
    # The search indexes' periodic freshness checks must not fall into one capture only.
    for module in (listing_index, vector_index):
        monkeypatch.setattr(module, "CHECK_INTERVAL", 3600)
    make = {"technology": make_technology, "need": make_need, "expert": make_expert}[kind]
    client.force_login(other_member)
    make()
    download(client, kind, "json")  # the search indexes catch up with the new rows first
    with CaptureQueriesContext(connection) as one_row:
        download(client, kind, "json")
    for _ in range(4):
        make()
    download(client, kind, "json")

    with CaptureQueriesContext(connection) as five_rows:
        _, records = download(client, kind, "json")

    assert len(records) == 5
    assert len(five_rows) == len(one_row)


def test_ranked_ids_are_exported_in_rank_order_and_only_if_still_published(make_technology):
    # Semantic and hybrid search hand over ranked primary keys instead of a queryset.
    first, second, withdrawn = make_technology(title="First"), make_technology(title="Second"), make_technology()
    withdrawn.status = Status.UNPUBLISHED
    withdrawn.save()
    export = Export(
        kind="technology", audience=PUBLIC, ranked=[second.pk, withdrawn.pk, first.pk], total=3, limit=10
    )

    titles = [record["title"] for record in export.records("http://testserver")]

    assert titles == ["Second", "First"]
