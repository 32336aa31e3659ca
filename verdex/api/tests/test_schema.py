"""The API contract: schemathesis generates requests from our OpenAPI schema.

Every read operation is called with generated parameters, anonymously and
with a token, against the app in-process; none may answer a 5xx.
"""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi import checks as openapi_checks

from verdex.api.api import api
from verdex.catalog.models import Status

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 12


@pytest.fixture
def wsgi_app():
    # As Django's test client does: closing "old" connections at the end of a
    # request would close the connection holding the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def data(make_technology, make_need, make_expert, organisation, member):
    make_technology(organisation=None)
    make_technology(title="Draft heat pump for schools", status=Status.DRAFT)
    make_need()
    make_expert()


def test_schema_is_openapi_3_1_and_documents_errors():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")

    assert schema["openapi"].startswith("3.1")
    search = schema["paths"]["/api/v1/search/technologies"]["get"]
    names = {parameter["name"] for parameter in search["parameters"]}
    assert {"q", "sort", "mode", "page", "per_page", "field", "country", "sdg", "trl"} <= names
    assert {200, 400, 422, 429} <= set(search["responses"])


def test_read_operations_never_answer_a_server_error(wsgi_app, settings, data, member_key):
    settings.API_RATE_LIMIT_ANON = "100000/m"
    settings.API_RATE_LIMIT_TOKEN = "100000/m"
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/")).include(method="GET")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20

    for headers in ({}, {"Authorization": f"Bearer {member_key}"}):
        for operation in operations:

            @hypothesis_settings(
                max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy())
            def call(case):
                response = case.call(app=wsgi_app, headers=headers)
                case.validate_response(response, checks=[not_a_server_error])

            call()


CONFORMANCE = [
    not_a_server_error, openapi_checks.status_code_conformance, openapi_checks.content_type_conformance,
    openapi_checks.response_schema_conformance, openapi_checks.response_headers_conformance,
    openapi_checks.missing_required_header, openapi_checks.ignored_auth,
]


def _schema():
    return schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))


@pytest.mark.parametrize("method", ["GET", "POST", "PATCH"])
def test_responses_conform_to_the_schema(wsgi_app, settings, data, member_key, method):
    """Status codes, content types, bodies and headers are the ones the schema declares.

    Reads are called anonymously and with a token, writes with a token. In the
    anonymous calls ``ignored_auth`` sends made-up tokens: an operation must
    refuse them as its security declaration says.
    """
    settings.API_RATE_LIMIT_ANON = "100000/m"
    settings.API_RATE_LIMIT_TOKEN = "100000/m"
    operations = [result.ok() for result in _schema().include(method=method).get_all_operations()]
    assert operations
    header_sets = ({}, {"Authorization": f"Bearer {member_key}"}) if method == "GET" else (
        {"Authorization": f"Bearer {member_key}"},)

    for headers in header_sets:
        for operation in operations:

            @hypothesis_settings(
                max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy())
            def call(case):
                response = case.call(app=wsgi_app, headers=headers)
                # ignored_auth takes a header it did not make for a generated, invalid one.
                checks = CONFORMANCE if not headers else [c for c in CONFORMANCE if c is not openapi_checks.ignored_auth]
                case.validate_response(response, checks=checks)

            call()


def test_required_fields_and_optional_tokens_are_declared():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    bodies = schema["components"]["schemas"]

    assert set(bodies["TechnologyCreate"]["required"]) == {
        "title", "summary", "description", "record_type", "trl", "developed_in", "ip_status",
    }
    assert set(bodies["NeedCreate"]["required"]) == {"title", "description", "country"}
    assert "required" not in bodies["TechnologyIn"]  # PATCH: only what is sent changes
    assert set(bodies["TechnologyOut"]["required"]) >= {"id", "title", "source", "external_id", "full_details"}
    paths = schema["paths"]
    assert paths["/api/v1/technologies"]["get"]["security"] == [{}, {"TokenAuth": []}]
    assert paths["/api/v1/technologies"]["post"]["security"] == [{"TokenAuth": []}]
    assert paths["/api/v1/me"]["get"]["security"] == [{"TokenAuth": []}]


def test_a_create_without_a_required_field_is_refused_as_the_schema_says(client, member_key):
    response = client.post("/api/v1/needs", '{"title": "Clean water for a school"}',
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {member_key}")

    assert response.status_code == 422
    assert {"description", "country"} <= {error["field"] for error in response.json()["errors"]}
