"""Property-based checks of the whole API from its OpenAPI schema (schemathesis): whatever
a client sends that the schema allows, or almost allows, the answer is never a 5xx, and it
is what the schema says: a documented status, content type and body. A client generated
from the schema (the frontend's) can trust it.

Runs in-process through the WSGI app against the test database, as an anonymous client and
as a signed-in organiser. ``python -m tests.core.schema_conformance`` counts the failures
of these checks over the same cases instead of stopping at the first."""

import re
from datetime import datetime, timedelta, timezone

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

# Datetimes with every offset ISO 8601 allows (±23:59; PostgreSQL stores only ±15:59) and
# years at the edges of what Python and UTC can hold, in query parameters and bodies alike.
schemathesis.openapi.format(
    "date-time",
    st.builds(
        lambda moment, minutes: moment.replace(
            tzinfo=timezone(timedelta(minutes=minutes))
        ).isoformat(),
        st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
        st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1),
    ),
)
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


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
def test_every_answer_is_as_documented(case, _keep_the_test_transaction_open):
    case.call_and_validate(checks=CHECKS)


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
def test_every_signed_in_answer_is_as_documented(
    case, organiser_token, _keep_the_test_transaction_open
):
    case.call_and_validate(headers={"X-Session-Token": organiser_token}, checks=CHECKS)


# Hostile values for every query parameter of every GET endpoint, and hostile bodies for
# every write: the classes of input that once gave 500s, so they stay closed.
HOSTILE_QUERY_VALUES = [
    "\x00",
    "2027-01-01T00:00:00+16:00",
    "2027-01-01T00:00:00-23:59",
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:00:00+05:00",
    "99999999999999999999",
    "-1",
]
HOSTILE_BODIES = {
    "nul in keys, values and list items": (
        '{"title_translations": {"en": "a\\u0000"}, "languages": ["\\u0000"],'
        ' "name\\u0000": "x", "text_translations": {"en\\u0000": "x"}}'
    ),
    "nested 100,000 levels": "[" * 100_000 + "]" * 100_000,
    "over the upload limit": '{"name": "' + "x" * 3_000_000 + '"}',
}
ERROR_KEYS = {"code", "message", "fields"}


class _ServerError(Exception):
    pass


def _operations(methods: set[str]):
    from django.test import Client

    paths = Client().get("/api/schema/", {"format": "json"}).json()["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            if method in methods:
                yield path, method, operation


@pytest.fixture
def hostile_world(db):
    """An organiser (also door volunteer and interpreter coordinator) of a summit with a
    session, a committee with a meeting, a personal feed: path ids that exist."""
    from events_api.people.roles import Role
    from tests.calendars.factories import FeedTokenFactory
    from tests.committees.factories import MeetingFactory, chaired
    from tests.conftest import client_for
    from tests.factories import SessionFactory, UserFactory

    user = UserFactory(roles=[Role.ORGANISER, Role.DOOR_VOLUNTEER, Role.INTERPRETER_COORDINATOR])
    session = SessionFactory(summit__organizers=[user])
    committee, _chair = chaired()
    meeting = MeetingFactory(committee=committee)
    feed = FeedTokenFactory(user=user)
    ids = {
        "summit": session.summit_id,
        "event": session.event_id,
        "committee": committee.pk,
        "meeting": meeting.pk,
        "token": feed.token,
    }
    client = client_for(user)
    client.raise_request_exception = False
    return client, ids


def _url(path: str, ids: dict) -> str:
    def one(match):
        name = match.group(1)
        return str(next((v for k, v in ids.items() if name.startswith(k)), ids["event"]))

    return re.sub(r"\{(\w+)\}", one, path)


def _call(send, *args, **kwargs):
    """One request in a savepoint, so a server error on PostgreSQL does not poison the
    rest of the test's transaction."""
    try:
        with transaction.atomic():
            response = send(*args, **kwargs)
            if response.status_code >= 500:
                raise _ServerError(response)
    except _ServerError as failed:
        return failed.args[0]
    return response


def _problem(response) -> str | None:
    if response.status_code >= 500:
        return f"{response.status_code}"
    if response.status_code >= 400 and (
        response["Content-Type"] != "application/json" or set(response.json()) != ERROR_KEYS
    ):
        return f"{response.status_code} not in the error format"
    return None


def test_hostile_query_parameters_never_get_a_server_error(hostile_world):
    client, ids = hostile_world
    problems = []
    for path, _method, operation in _operations({"get"}):
        url = _url(path, ids)
        for parameter in operation.get("parameters", []):
            if parameter["in"] != "query":
                continue
            for value in HOSTILE_QUERY_VALUES:
                response = _call(client.get, url, {parameter["name"]: value})
                problem = _problem(response)
                if problem:
                    problems.append((url, parameter["name"], value, problem))
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("body", HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
def test_hostile_bodies_never_get_a_server_error(hostile_world, body):
    client, ids = hostile_world
    problems = []
    for path, method, _operation in _operations({"post", "put", "patch"}):
        url = _url(path, ids)
        response = _call(client.generic, method.upper(), url, body, content_type="application/json")
        problem = _problem(response) or (
            None if response.status_code >= 400 else f"{response.status_code} accepted"
        )
        if problem:
            problems.append((method, url, problem))
    assert not problems, "\n".join(map(str, problems))
