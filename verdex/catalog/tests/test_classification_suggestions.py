"""The "Suggest fields and SDGs" button of the listing forms: suggestions, never applied."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from verdex.catalog.models import Technology
from verdex.taxonomy.models import TechnologyField

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate-limit counters live in the cache, which outlives each test's database.
    cache.clear()
    yield
    cache.clear()

IRRIGATION = {
    "title": "Drip irrigation that saves water",
    "description": "<p>Pipes deliver water drop by drop to the roots of crops, cutting water use on "
                   "farms where water is scarce.</p>",
}


def suggest(client, data, kind="technology", **headers):
    return client.post(reverse("catalog:classification_suggestions", args=[kind]), data,
                       HTTP_HX_REQUEST="true", **headers)


def test_irrigation_text_suggests_the_irrigation_field_and_clean_water(member_client):
    response = suggest(member_client, IRRIGATION)

    assert response.status_code == 200
    codes = [item["field"].code for item in response.context["fields"]]
    assert "GI-AF-IRR" in codes
    assert 6 in [item["sdg"].number for item in response.context["sdgs"]]
    page = response.content.decode()
    irrigation = TechnologyField.objects.get(code="GI-AF-IRR")
    assert "Agriculture and forestry: Alternative irrigation techniques" in page
    assert f'data-suggestion-name="fields" data-suggestion-value="{irrigation.pk}"' in page
    assert 'data-suggestion-name="sdgs" data-suggestion-value="6"' in page


def test_suggestions_are_not_applied_and_chosen_ones_are_marked(member_client, make_technology):
    technology = make_technology()
    irrigation = TechnologyField.objects.get(code="GI-AF-IRR")

    response = suggest(member_client, {**IRRIGATION, "fields": [irrigation.pk], "sdgs": ["6"]})

    chosen = {item["field"].code: item["chosen"] for item in response.context["fields"]}
    assert chosen["GI-AF-IRR"] is True and not any(v for k, v in chosen.items() if k != "GI-AF-IRR")
    assert [item["chosen"] for item in response.context["sdgs"] if item["sdg"].number == 6] == [True]
    assert "Already chosen" in response.content.decode()
    assert not technology.fields.filter(code="GI-AF-IRR").exists()
    assert Technology.objects.count() == 1


def test_expert_headline_and_experience_are_read_too(member_client):
    response = suggest(member_client, {
        "full_name": "Amina Otieno", "title": "Irrigation engineer",
        "description": "Designs drip irrigation for farms that are short of water.",
    }, kind="expert")

    assert "GI-AF-IRR" in [item["field"].code for item in response.context["fields"]]


@pytest.mark.parametrize("data", [{}, {"title": "  ", "description": "<p> </p>"}])
def test_empty_text_gets_a_clear_message(member_client, data):
    response = suggest(member_client, data)

    assert response.status_code == 200
    assert "Write a title and a description first" in response.content.decode()
    assert "fields" not in response.context or not response.context["fields"]


def test_visitors_are_sent_to_log_in(client):
    response = suggest(client, IRRIGATION)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_get_is_not_allowed(member_client):
    response = member_client.get(reverse("catalog:classification_suggestions", args=["technology"]))

    assert response.status_code == 405


def test_unknown_kind_answers_404(member_client):
    assert suggest(member_client, IRRIGATION, kind="gadget").status_code == 404


def test_requests_are_rate_limited_per_account(member_client, client, other_member, monkeypatch):
    monkeypatch.setattr("verdex.catalog.views.SUGGESTION_RATE", "2/h")
    for _ in range(2):
        assert suggest(member_client, {}).status_code == 200

    limited = suggest(member_client, IRRIGATION)

    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert "too often" in limited.content.decode()
    client.force_login(other_member)
    assert suggest(client, {}).status_code == 200


@pytest.mark.parametrize("kind", ["technology", "need", "expert"])
def test_create_and_edit_forms_offer_the_button(member_client, make_technology, make_need, make_expert, kind):
    listing = {"technology": make_technology, "need": make_need, "expert": make_expert}[kind]()
    url = reverse("catalog:classification_suggestions", args=[kind])
    for page in (reverse(f"catalog:{kind}_create"), reverse(f"catalog:{kind}_edit", args=[listing.pk])):
        content = member_client.get(page).content.decode()
        assert f'hx-post="{url}"' in content
        assert "Suggest fields and SDGs" in content
        assert 'hx-target="#classification-suggestions"' in content
