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
