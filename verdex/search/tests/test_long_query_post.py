"""Whole paragraphs as queries, whatever their size in a URL: the page posts them, the API takes a JSON body.

The search form posts; the server keeps a text too long for a URL and
redirects to ``?qref=<key>``, a short address that pages, filters and exports
like ``?q=``. ``POST /api/v1/search/<kind>`` answers what GET answers.
test_long_query_gunicorn.py runs the same paths through a real gunicorn.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from verdex.search.models import StoredQueryText
from verdex.search.query import MAX_TEXT_LENGTH
from verdex.search.stored_texts import URL_TEXT_LIMIT

pytestmark = pytest.mark.django_db

# A need in Chinese: each character is nine bytes percent-encoded, so about
# 1,900 characters make an 17 KB URL, four times what gunicorn accepts.
CHINESE_NEED = ("我们是干旱地区的农民合作社，需要一种价格合理的太阳能水泵来灌溉蔬菜，"
                "当地技术人员能够维修，不需要柴油发电机。" * 40)[:1900]
ENGLISH_NEED = (
    "Our cooperative pumps water for vegetable irrigation with diesel generators that break "
    "down often; we want an affordable solar drip irrigation kit that local technicians can repair. "
)
TEN_KB_ENGLISH = (ENGLISH_NEED * 60)[:10_240]


def post_search(client, data, **headers):
    return client.post(reverse("search:technologies"), data, **headers)


def query_of(location):
    return parse_qs(urlsplit(location).query)


def test_a_text_too_long_for_a_url_is_kept_and_redirects_to_a_short_address(client, make_technology):
    make_technology()

    response = post_search(client, {"q": CHINESE_NEED, "mode": "keyword", "country": "KE", "page": "4"})

    assert response.status_code == 303
    location = response["Location"]
    assert len(location) < 200
    params = query_of(location)
    assert params["mode"] == ["keyword"] and params["country"] == ["KE"]
    assert "page" not in params and "q" not in params and "csrfmiddlewaretoken" not in params
    assert StoredQueryText.objects.get(key=params["qref"][0]).text == CHINESE_NEED

    page = client.get(location)
    assert page.status_code == 200
    assert page.context["results"].query.text == CHINESE_NEED
    assert CHINESE_NEED in page.content.decode()  # back in the search box, to edit


def test_a_short_text_redirects_to_a_plain_query(client):
    response = post_search(client, {"q": "  solar   pump ", "country": ["KE", "TZ"], "page": "2"})

    assert response.status_code == 303
    assert query_of(response["Location"]) == {"q": ["solar pump"], "country": ["KE", "TZ"]}
    assert not StoredQueryText.objects.exists()


def test_the_same_text_gets_the_same_reference(client):
    first = post_search(client, {"q": CHINESE_NEED})
    second = post_search(Client(), {"q": CHINESE_NEED, "sort": "newest"})

    assert query_of(first["Location"])["qref"] == query_of(second["Location"])["qref"]
    assert StoredQueryText.objects.count() == 1


def test_the_reference_pages_filters_and_exports_like_q(client, make_technology):
    kenyan = [make_technology(title=f"Solar drip irrigation kit {n}") for n in range(3)]
    make_technology(title="Solar drip irrigation kit in Tanzania", developed_in_id="TZ")
    text = (ENGLISH_NEED * 12)[:1900]
    location = post_search(client, {"q": text, "mode": "keyword", "country": "KE"})["Location"]
    assert "qref" in query_of(location)

    first = client.get(location + "&per_page=2")
    second = client.get(location + "&per_page=2&page=2")
    export = client.get(reverse("exports:download", args=["technology", "csv"]) + "?" + urlsplit(location).query)

    assert first.context["results"].total == 3
    shown = first.context["results"].items + second.context["results"].items
    assert sorted(item.pk for item in shown) == sorted(item.pk for item in kenyan)
    assert "qref=" in first.context["query_string"]  # pagination and export links keep the reference
    assert export.status_code == 200
    rows = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert rows.count("Solar drip irrigation kit") == 3


def test_an_unknown_reference_is_not_found(client):
    assert client.get(reverse("search:technologies"), {"qref": "0" * 32}).status_code == 404
    export = client.get(reverse("exports:download", args=["technology", "csv"]), {"qref": "nonsense"})
    assert export.status_code == 404


def test_a_text_past_the_maximum_is_cut_with_a_clear_message(client):
    response = post_search(client, {"q": TEN_KB_ENGLISH}, follow=True)

    text = response.context["results"].query.text
    assert len(text) <= MAX_TEXT_LENGTH and TEN_KB_ENGLISH.startswith(text)
    assert f"Your text has {len(TEN_KB_ENGLISH.strip()):,} characters" in response.content.decode()
    assert f"reads the first {MAX_TEXT_LENGTH:,}" in response.content.decode()


def test_htmx_shows_the_message_in_the_area_it_swaps(client):
    response = post_search(client, {"q": TEN_KB_ENGLISH}, follow=True, HTTP_HX_REQUEST="true")

    assert [template.name for template in response.templates][0] == "search/_search_area.html"
    assert "a search reads the first" in response.content.decode()


def test_the_form_posts_with_a_csrf_token_and_tells_its_script_the_limit(client):
    page = client.get(reverse("search:technologies")).content.decode()

    assert 'method="post"' in page and 'name="csrfmiddlewaretoken"' in page
    assert f'data-post-over="{URL_TEXT_LIMIT}"' in page
    assert 'hx-params="not csrfmiddlewaretoken"' in page  # htmx GETs never put the token in a URL
    assert "js/search-form.js" in page


def test_posting_without_the_csrf_token_is_refused(member):
    client = Client(enforce_csrf_checks=True)

    assert post_search(client, {"q": CHINESE_NEED}).status_code == 403
    assert not StoredQueryText.objects.exists()


# ---- API ---------------------------------------------------------------------


def api_post(client, body, path="/api/v1/search/technologies"):
    return client.post(path, body, content_type="application/json")


def test_the_api_answers_a_json_body_as_it_answers_the_query_string(client, make_technology):
    make_technology()
    make_technology(title="Solar drip irrigation kit in Tanzania", developed_in_id="TZ")
    params = {"q": "solar drip irrigation", "mode": "keyword", "country": ["KE"], "per_page": 5}

    by_get = client.get("/api/v1/search/technologies", params)
    by_post = api_post(client, params)

    assert by_post.status_code == by_get.status_code == 200
    assert by_post.json() == by_get.json()
    assert by_post.json()["total"] == 1


def test_the_api_takes_a_text_too_long_for_a_url(client, make_technology):
    make_technology()

    response = api_post(client, {"q": CHINESE_NEED, "mode": "keyword"})

    assert response.status_code == 200
    assert response.json()["query"]["q"] == CHINESE_NEED


@pytest.mark.parametrize("body, status, field", [
    ({"q": "x " * MAX_TEXT_LENGTH}, 422, "q"),
    ({"q": "solar", "countyr": ["KE"]}, 422, "countyr"),
    ({"q": "solar", "country": ["XX"]}, 422, "country"),
    ({"q": "solar", "page": 0}, 422, "page"),
    ({"q": 42}, 422, "q"),
])
def test_the_api_names_the_field_of_a_bad_body(client, body, status, field):
    response = api_post(client, body)

    assert response.status_code == status
    assert field in [error["field"] for error in response.json()["errors"]]


def test_the_api_refuses_a_query_string_on_a_post(client):
    response = api_post(client, {"q": "solar"}, path="/api/v1/search/technologies?q=wind")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "q"


def test_the_api_refuses_a_body_that_is_not_json(client):
    response = client.post("/api/v1/search/needs", "q=solar", content_type="application/json")

    assert response.status_code in (400, 422)
    assert "detail" in response.json()
