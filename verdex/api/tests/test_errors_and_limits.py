import json
import os

import pytest

from verdex.api import auth

from .conftest import bearer

pytestmark = pytest.mark.django_db


def _assert_error_shape(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert isinstance(data["detail"], str) and data["detail"]
    assert isinstance(data["errors"], list)
    for error in data["errors"]:
        assert set(error) == {"field", "message"}
    return data


@pytest.mark.parametrize("path", [
    "/api/v1/technologies?colour=green",
    "/api/v1/technologies/1?expand=all",
    "/api/v1/search/technologies?q=solar&countyr=KE",
    "/api/v1/taxonomy/sdgs?lang=fr",
    "/api/v1/organisations?page=2",
])
def test_unknown_query_parameters_answer_400(client, path):
    data = _assert_error_shape(client.get(path), 400)

    assert data["errors"][0]["message"] == "This parameter is not supported here."


def test_unknown_parameter_is_named(client):
    data = _assert_error_shape(client.get("/api/v1/search/needs?countyr=KE"), 400)

    assert data["errors"] == [{"field": "countyr", "message": "This parameter is not supported here."}]


@pytest.mark.parametrize("params, field", [
    ({"country": "XX"}, "country"),
    ({"sdg": "99"}, "sdg"),
    ({"sdg": "seven"}, "sdg"),
    ({"field": "NOT-A-FIELD"}, "field"),
    ({"trl": "ready"}, "trl"),
    ({"sort": "random"}, "sort"),
    ({"page": "0"}, "page"),
    ({"per_page": "1000"}, "per_page"),
    ({"country": "K\x00E"}, "country"),
])
def test_bad_search_values_answer_422_naming_the_parameter(client, params, field):
    data = _assert_error_shape(client.get("/api/v1/search/technologies", params), 422)

    assert field in [error["field"] for error in data["errors"]]


def test_search_text_with_control_characters_is_harmless(client):
    response = client.get("/api/v1/search/technologies", {"q": "solar\x00 \"pump* (OR"})

    assert response.status_code == 200
    assert response.json()["query"]["q"] == 'solar "pump* (OR'


def test_bad_path_ids(client):
    _assert_error_shape(client.get("/api/v1/technologies/0"), 422)
    _assert_error_shape(client.get("/api/v1/technologies/abc"), 422)
    _assert_error_shape(client.get(f"/api/v1/technologies/{2**70}"), 422)
    _assert_error_shape(client.get("/api/v1/technologies/123456"), 404)


def test_malformed_json_answers_400(client, member_key):
    response = client.post("/api/v1/technologies", "{not json", content_type="application/json",
                           **bearer(member_key))

    _assert_error_shape(response, 400)


def test_forbidden_answers_403(client, member_key):
    _assert_error_shape(client.get("/api/v1/statistics/programme", **bearer(member_key)), 403)


def test_unauthenticated_answers_401(client):
    _assert_error_shape(client.get("/api/v1/me/needs"), 401)


def test_anonymous_rate_limit_per_ip(client, settings):
    settings.API_RATE_LIMIT_ANON = "3/h"

    statuses = [client.get("/api/v1/taxonomy/sdgs").status_code for _ in range(4)]
    other_ip = client.get("/api/v1/taxonomy/sdgs", REMOTE_ADDR="10.0.0.2")

    assert statuses == [200, 200, 200, 429]
    assert other_ip.status_code == 200
    limited = client.get("/api/v1/taxonomy/sdgs")
    _assert_error_shape(limited, 429)
    assert 1 <= int(limited["Retry-After"]) <= 3601


def test_token_rate_limit_is_per_token(client, settings, member, make_key):
    settings.API_RATE_LIMIT_ANON = "1/h"
    settings.API_RATE_LIMIT_TOKEN = "2/h"
    first_key, second_key = make_key(member, "First"), make_key(member, "Second")

    statuses = [client.get("/api/v1/me", **bearer(first_key)).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert client.get("/api/v1/me", **bearer(second_key)).status_code == 200
    # Token calls do not use up the anonymous allowance of the same IP.
    assert client.get("/api/v1/taxonomy/sdgs").status_code == 200


def test_guessing_keys_is_rate_limited_per_ip(client, settings):
    settings.API_RATE_LIMIT_ANON = "2/h"

    statuses = [
        client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer vdx_guess{n}").status_code for n in range(3)
    ]

    assert statuses == [401, 401, 429]


def test_connection_requests_share_the_sites_limit(client, settings, make_technology, other_member, make_key):
    settings.CONTACT_RATE_LIMIT = "1/h"
    first, second = make_technology(title="First listing here"), make_technology(title="Second listing here")
    key = make_key(other_member)

    def request(listing):
        return client.post("/api/v1/connections", json.dumps(
            {"kind": "technology", "listing_id": listing.pk, "message": "Let us talk."}
        ), content_type="application/json", **bearer(key))

    assert request(first).status_code == 201
    limited = request(second)
    _assert_error_shape(limited, 429)
    assert int(limited["Retry-After"]) > 0


@pytest.mark.skipif(bool(os.environ.get("API_RATE_LIMIT_ANON") or os.environ.get("API_RATE_LIMIT_TOKEN")),
                    reason="the environment sets the API rates")
def test_rates_default_when_not_configured():
    assert auth.anon_rate() == "120/m"
    assert auth.token_rate() == "600/m"


def test_rates_come_from_settings(settings):
    settings.API_RATE_LIMIT_ANON = "5/h"
    settings.API_RATE_LIMIT_TOKEN = "50/h"

    assert auth.anon_rate() == "5/h"
    assert auth.token_rate() == "50/h"


@pytest.mark.parametrize("path", ["/api/v1/no-such-thing", "/api/v1/technologies/1/colour/", "/api/v1/"])
def test_unknown_api_paths_answer_the_json_error(client, path):
    data = _assert_error_shape(client.get(path), 404)
    assert "No such API endpoint" in data["detail"]
