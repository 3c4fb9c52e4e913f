"""The database out of reach: a refused connection, or one dropped in the middle of a request,
answers 503 `database_unavailable` with Retry-After in the error format (never a 500, never
HTML), and leaves nothing half written.

The refused connection is real: the connection's settings point at a database that cannot
be reached (a directory that does not exist for SQLite, a closed port for PostgreSQL). The
dropped one is real too (PostgreSQL only): another connection terminates the server's
backends with pg_terminate_backend while registrations are in flight."""

import json
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx
import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import RequestFactory

from events_api.core.views import server_error
from events_api.events.models import Registration
from tests.calendars.factories import FeedTokenFactory
from tests.factories import EventFactory, UserFactory

IS_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
UNAVAILABLE = {
    "code": "database_unavailable",
    "message": "The service is briefly unavailable. Please try again in a moment.",
    "fields": {},
}


def assert_unavailable(response) -> None:
    assert response.status_code == 503, response.content
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "5"
    assert json.loads(response.content) == UNAVAILABLE


@contextmanager
def database_unreachable():
    """Point the default connection at a database that refuses it, then put it back."""
    saved = dict(connection.settings_dict)
    connection.close()
    if IS_POSTGRES:
        connection.settings_dict.update(HOST="127.0.0.1", PORT="1")
    else:
        connection.settings_dict["NAME"] = "/nonexistent-directory/open-doors.sqlite3"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    "path", ["/api/v1/events/", "/api/v1/languages/", "/api/v1/summits/?page_size=5"]
)
def test_a_refused_connection_is_503_with_retry_after(api, path):
    with database_unreachable():
        response = api.get(path)

    assert_unavailable(response)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_refused_connection_during_a_registration_is_503_and_writes_nothing(api):
    event = EventFactory(capacity=10)

    with database_unreachable():
        response = api.post(
            f"/api/v1/events/{event.pk}/registrations/",
            {"name": "Parent", "phone": "+17185550100"},
        )

    assert_unavailable(response)
    assert not Registration.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_refused_connection_for_a_signed_in_client_is_503(client):
    client.force_login(UserFactory())
    client.raise_request_exception = False

    with database_unreachable():
        response = client.get("/api/v1/me/")

    assert_unavailable(response)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_refused_connection_for_a_calendar_feed_is_503(api):
    feed = FeedTokenFactory()

    with database_unreachable():
        response = api.get(f"/calendar/feeds/{feed.token}.ics")

    assert_unavailable(response)


def test_the_server_error_handler_answers_a_lost_database_with_503():
    """Django's handler500 (errors outside DRF views, e.g. in middleware) is called while
    the exception is being handled; under the API it answers in the error format."""
    request = RequestFactory().get("/api/v1/events/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)

    assert_unavailable(response)


def test_the_server_error_handler_answers_any_other_error_with_a_json_500():
    request = RequestFactory().get("/calendar/events/1.ics")
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(request)

    assert response.status_code == 500
    assert json.loads(response.content) == {
        "code": "server_error",
        "message": "Something went wrong on our side. Please try again later.",
        "fields": {},
    }
    assert "Retry-After" not in response


def test_the_server_error_handler_leaves_the_frontends_pages_to_django():
    request = RequestFactory().get("/events/1")
    try:
        raise OperationalError("gone")
    except OperationalError:
        response = server_error(request)

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


REQUESTS = 120
CLIENT_THREADS = 16
KILLS = 6


def _killer_connection():
    import psycopg  # PostgreSQL's driver; only the PostgreSQL test below calls this

    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
        autocommit=True,
    )


def _terminate_backends(stop: threading.Event) -> int:
    """While the load runs, terminate every other backend of the test database, until
    ``KILLS`` rounds have ended at least one; the number terminated."""
    terminated = rounds = 0
    with _killer_connection() as killer:
        while rounds < KILLS and not stop.wait(0.3):
            rows = killer.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
            ended = sum(1 for (done,) in rows if done)
            terminated += ended
            rounds += 1 if ended else 0
    return terminated


@pytest.mark.skipif(
    not IS_POSTGRES,
    reason="kills the database's server processes mid-load (pg_terminate_backend): SQLite "
    "has no server and no connections to drop, so a lost connection under load can be "
    "shown only on PostgreSQL; runs on PostgreSQL in .ci/run",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backends_killed_mid_load_answer_503_never_500_and_never_oversell(live_server):
    capacity = 10
    event = EventFactory(capacity=capacity)
    url = f"{live_server.url}/api/v1/events/{event.pk}/registrations/"
    go, stop = threading.Event(), threading.Event()

    def one(i: int) -> httpx.Response:
        go.wait()
        with httpx.Client(timeout=60) as client:
            return client.post(url, json={"name": f"Parent {i}", "phone": f"+1718555{i:04d}"})

    with ThreadPoolExecutor(max_workers=CLIENT_THREADS + 1) as pool:
        killing = pool.submit(_terminate_backends, stop)
        futures = [pool.submit(one, i) for i in range(REQUESTS)]
        go.set()
        responses = [f.result() for f in futures]
        stop.set()
        terminated = killing.result()
    # The killer also ended this test's own connection: start a fresh one.
    connection.close()

    codes = Counter(r.status_code for r in responses)
    assert set(codes) <= {201, 503}, codes
    assert terminated > 0 and codes[503] > 0, "no request saw a drop: the test proves nothing"
    for response in responses:
        if response.status_code == 503:
            assert response.headers["Content-Type"] == "application/json"
            assert int(response.headers["Retry-After"]) > 0
            assert response.json()["code"] in {"database_unavailable", "busy"}
            assert set(response.json()) == {"code", "message", "fields"}

    # Nothing half written: exactly the answered registrations exist, seats never
    # exceed capacity, the waitlist is numbered without gaps.
    created = {r.json()["id"]: r.json()["status"] for r in responses if r.status_code == 201}
    rows = dict(Registration.objects.filter(event=event).values_list("pk", "status"))
    assert rows == created
    confirmed = sum(1 for status in rows.values() if status == "confirmed")
    assert confirmed == min(capacity, len(rows))
    positions = sorted(
        Registration.objects.filter(event=event, status="waitlisted").values_list(
            "waitlist_position", flat=True
        )
    )
    assert positions == list(range(1, len(rows) - confirmed + 1))
