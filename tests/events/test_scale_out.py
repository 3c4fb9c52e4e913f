"""Several app servers on one PostgreSQL, the cache on Redis: real gunicorn processes on
two ports, with production settings, serving the test database.

The per-event lock lives in PostgreSQL (SELECT ... FOR UPDATE on the event row), so it
holds across any number of servers: 200 registrations for 10 seats, taking turns between
two servers, confirm exactly 10. Throttles count in the shared cache, so a client cannot
double its rate by alternating servers; the control gives each server its own memory
cache and shows that the same alternation then does get through twice as often.

PostgreSQL only: SQLite is one file on one machine, not a deployment that scales out."""

import os
from collections import Counter
from contextlib import ExitStack

import httpx
import pytest
import redis
from django.db import connection

from events_api.events.models import Registration
from tests.bench.server import gunicorn, server_env
from tests.events.test_concurrency import IS_POSTGRES, assert_never_oversold, fire_registrations
from tests.factories import EventFactory

REDIS_HOST = "127.0.0.1:6379"
THROTTLED = 5  # registrations per client per minute, in the throttle tests
POSTGRES_ONLY = pytest.mark.skipif(
    not IS_POSTGRES,
    reason="several app servers need one database server they all reach: SQLite is one "
    "file on one machine (and serialises writers itself), so scaling out, and its "
    "controls, can be shown only on PostgreSQL; these run on PostgreSQL in .ci/run",
)


def _worker_number() -> int:
    # pytest-xdist runs tests side by side: each worker has its own ports and Redis database.
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


@pytest.fixture
def redis_url():
    """A Redis database of this test's own, empty before and after."""
    url = f"redis://{REDIS_HOST}/{10 + _worker_number()}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    yield url
    client.flushdb()


def start_servers(stack: ExitStack, *, cache_url: str, throttle: str, workers: int = 2):
    """Two gunicorns of ``workers`` worker processes each, on their own ports; their base
    URLs."""
    urls = []
    for i in range(2):
        port = 18100 + 10 * _worker_number() + i
        env = server_env(_database_url(), port=port, workers=workers)
        env.update(CACHE_URL=cache_url, THROTTLE_REGISTRATION=throttle)
        stack.enter_context(gunicorn(env, port))
        urls.append(f"http://127.0.0.1:{port}")
    return urls


def alternate(urls: list[str], event_id: int, count: int) -> list[int]:
    """``count`` registrations from one client (one address), one after another, taking
    turns between the servers; their status codes."""
    codes = []
    with httpx.Client(timeout=30) as client:
        for i in range(count):
            response = client.post(
                f"{urls[i % len(urls)]}/api/v1/events/{event_id}/registrations/",
                json={"name": f"Parent {i}", "phone": f"+1718555{i:04d}"},
            )
            codes.append(response.status_code)
    return codes


@POSTGRES_ONLY
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_servers_on_one_database_never_oversell(redis_url):
    event = EventFactory(capacity=10)
    with ExitStack() as stack:
        urls = start_servers(stack, cache_url=redis_url, throttle="1000000/min")
        responses = fire_registrations(urls, event.pk, 200)
    assert_never_oversold(responses, event, seats=10)
    # Both servers took registrations, and both confirmed some of the ten.
    served = Counter(str(r.request.url.port) for r in responses)
    assert len(served) == 2 and min(served.values()) == 100
    confirmed_by = {str(r.request.url.port) for r in responses if r.json()["status"] == "confirmed"}
    assert confirmed_by, confirmed_by


@POSTGRES_ONLY
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_throttles_are_shared_by_the_servers(redis_url):
    event = EventFactory(capacity=None)
    with ExitStack() as stack:
        urls = start_servers(stack, cache_url=redis_url, throttle=f"{THROTTLED}/min")
        codes = alternate(urls, event.pk, 2 * THROTTLED + 2)
    assert codes == [201] * THROTTLED + [429] * (THROTTLED + 2)
    assert Registration.objects.filter(event=event).count() == THROTTLED
    # The counts live in Redis: the servers wrote them there.
    assert redis.Redis.from_url(redis_url).dbsize() > 0


@POSTGRES_ONLY
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_control_a_cache_per_server_lets_an_alternating_client_through_twice():
    event = EventFactory(capacity=None)
    with ExitStack() as stack:
        # One worker per server: each server is then exactly one memory cache.
        urls = start_servers(stack, cache_url="locmem://", throttle=f"{THROTTLED}/min", workers=1)
        codes = alternate(urls, event.pk, 2 * THROTTLED + 2)
    # Each server counted only its own half: the test above can see a cache that is
    # not shared.
    assert codes.count(201) == 2 * THROTTLED
    assert codes[-2:] == [429, 429]
