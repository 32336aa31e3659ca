"""Every integer the API reads is range-checked; every refusal answers the JSON error shape."""

import json

import pytest
from hypothesis import HealthCheck, given, strategies
from hypothesis import settings as hypothesis_settings

from .conftest import bearer
from .test_errors_and_limits import _assert_error_shape

pytestmark = pytest.mark.django_db

HUGE = 18315845946671867904  # the number an outside probe sent; over 2**63
PLURALS = ["technologies", "needs", "experts"]


def _post(client, path, body, key, method="post"):
    return getattr(client, method)(path, json.dumps(body), content_type="application/json", **bearer(key))


@pytest.mark.parametrize("plural", PLURALS)
def test_a_huge_sdg_answers_422_naming_the_field(client, member_key, plural):
    data = _assert_error_shape(_post(client, f"/api/v1/{plural}", {"sdgs": [HUGE]}, member_key), 422)

    assert "sdgs" in [error["field"] for error in data["errors"]]


@pytest.mark.parametrize("sdg", [0, 18, -1, HUGE, -HUGE])
def test_sdgs_outside_1_to_17_are_refused_on_update(client, member, member_key, make_technology, sdg):
    technology = make_technology(owner=member)

    response = _post(client, f"/api/v1/technologies/{technology.pk}", {"sdgs": [sdg]}, member_key, "patch")

    assert "sdgs" in [error["field"] for error in _assert_error_shape(response, 422)["errors"]]


@pytest.mark.parametrize("trl", [0, 10, HUGE])
def test_trl_outside_1_to_9_is_refused(client, member_key, trl):
    response = _post(client, "/api/v1/technologies", {"trl": trl}, member_key)

    assert "trl" in [error["field"] for error in _assert_error_shape(response, 422)["errors"]]


@pytest.mark.parametrize("field", ["listing_id", "about_need"])
def test_huge_ids_in_a_connection_request_are_refused(client, other_member, make_key, field):
    body = {"kind": "technology", "listing_id": 1, "message": "Let us talk.", field: HUGE}

    response = _post(client, "/api/v1/connections", body, make_key(other_member))

    assert field in [error["field"] for error in _assert_error_shape(response, 422)["errors"]]


@hypothesis_settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(number=strategies.one_of(strategies.integers(min_value=2**63 - 1), strategies.integers(max_value=-1)))
def test_no_integer_in_a_body_or_path_gives_a_server_error(client, member_key, number):
    for response in (
        _post(client, "/api/v1/technologies", {"sdgs": [number], "trl": number}, member_key),
        client.get(f"/api/v1/needs/{number}"),
        client.get(f"/api/v1/organisations/{number}"),
        client.get(f"/api/v1/technologies/{number}/matches", **bearer(member_key)),
    ):
        assert response.status_code in (404, 422)
        _assert_error_shape(response, response.status_code)


def test_a_body_over_the_upload_limit_answers_413(client, member_key, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = _post(client, "/api/v1/technologies", {"description": "x" * 2000}, member_key)

    data = _assert_error_shape(response, 413)
    assert "1000 bytes" in data["detail"]


def test_a_body_that_is_not_json_answers_400(client, member_key):
    response = client.post("/api/v1/needs", b"\xff\xfe{", content_type="application/json",
                           **bearer(member_key))

    _assert_error_shape(response, 400)
