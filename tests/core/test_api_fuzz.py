"""Property-based checks of the whole API from its OpenAPI schema (schemathesis): whatever
a client sends that the schema allows, or almost allows, the answer is never a 5xx.

Runs in-process through the WSGI app against the test database, as an anonymous client
(the endpoints that need an account answer 401/403, which is fine here: authorised paths
are covered by the behaviour tests)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def _keep_the_test_transaction_open():
    """The WSGI handler closes database connections after each request, which would end
    the test's transaction; Django's own test client switches that off the same way.
    Request it after any fixture that uses the test client, which switches it back on."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_no_request_gets_a_server_error(case, _keep_the_test_transaction_open):
    case.call_and_validate(checks=[not_a_server_error])


@pytest.fixture
def organiser_token(db):
    """A signed-in organiser (app client session token) who runs a published summit with a
    session, so generated writes reach real objects as well as missing ones."""
    from django.test import Client

    from events_api.people.roles import Role
    from tests.factories import PASSWORD, SessionFactory, UserFactory

    user = UserFactory(roles=[Role.ORGANISER, Role.DOOR_VOLUNTEER, Role.INTERPRETER_COORDINATOR])
    SessionFactory(summit__organizers=[user])
    response = Client().post(
        "/_allauth/app/v1/auth/login",
        {"email": user.email, "password": PASSWORD},
        content_type="application/json",
    )
    return response.json()["meta"]["session_token"]


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_no_signed_in_request_gets_a_server_error(
    case, organiser_token, _keep_the_test_transaction_open
):
    case.call_and_validate(
        headers={"X-Session-Token": organiser_token}, checks=[not_a_server_error]
    )
