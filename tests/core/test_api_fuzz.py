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


@pytest.fixture(autouse=True)
def _keep_the_test_transaction_open():
    """The WSGI handler closes database connections after each request, which would end
    the test's transaction; Django's own test client switches that off the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_no_request_gets_a_server_error(case, _keep_the_test_transaction_open):
    case.call_and_validate(checks=[not_a_server_error])
