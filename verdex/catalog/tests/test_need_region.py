"""A need's wider region must contain its country: the model refuses Kenya in "Americas",
and the web form and the API (which both run the model's validation) say so on the region field."""

import json

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from verdex.api import services as api_services
from verdex.catalog.models import Need
from verdex.taxonomy.models import Country, Region

pytestmark = pytest.mark.django_db


def need_in(country_code, region_code):
    return Need(
        owner_id=None, title="Clean water for clinics", description="<p>Boreholes run dry.</p>",
        country=Country.objects.get(code=country_code),
        region=Region.objects.get(code=region_code) if region_code else None,
    )


@pytest.mark.parametrize("country, region", [
    ("KE", "002"),  # UN region Africa
    ("KE", "014"),  # sub-region Eastern Africa
    ("TZ", "LDC"),  # country group: least developed countries
    ("KE", None),  # no particular region
])
def test_a_region_that_contains_the_country_is_accepted(country, region):
    need_in(country, region).clean()


@pytest.mark.parametrize("country, region", [
    ("KE", "019"),  # Americas
    ("KE", "015"),  # Northern Africa: right continent, wrong sub-region
    ("KE", "LDC"),  # Kenya is not a least developed country
])
def test_a_region_without_the_country_is_refused_on_the_region_field(country, region):
    with pytest.raises(ValidationError) as refused:
        need_in(country, region).clean()

    message = refused.value.message_dict["region"][0]
    assert Country.objects.get(code=country).name in message
    assert Region.objects.get(code=region).name in message


def test_the_web_form_shows_the_error_on_the_region_field_and_saves_nothing(client, member):
    client.force_login(member)
    response = client.post(reverse("catalog:need_create"), {
        "title": "Clean water for clinics", "description": "<p>Boreholes run dry.</p>",
        "country": "KE", "region": str(Region.objects.get(code="019").pk),
    })

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["region"]
    assert "Kenya is not in Americas" in form.errors["region"][0]
    html = response.content.decode()
    assert '<a href="#id_region">Region: Kenya is not in Americas.' in html  # in the error summary
    assert not Need.objects.exists()


def post_need_through_the_api(client, member, region_code):
    cache.clear()  # rate-limit counters outlive a test
    _, key = api_services.create_token(user=member, name="Test script")
    payload = {"title": "Clean water for clinics", "description": "<p>Boreholes run dry.</p>",
               "country": "KE", "region": region_code}
    return client.post("/api/v1/needs", json.dumps(payload), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {key}")


def test_the_api_refuses_it_too_naming_the_region(client, member):
    response = post_need_through_the_api(client, member, "019")

    assert response.status_code == 422, response.content
    errors = response.json()["errors"]
    assert [error["field"] for error in errors] == ["region"]
    assert "Kenya is not in Americas" in errors[0]["message"]
    assert not Need.objects.exists()


def test_the_api_accepts_a_matching_region(client, member):
    response = post_need_through_the_api(client, member, "014")

    assert response.status_code == 201, response.content
    assert Need.objects.get().region.code == "014"
