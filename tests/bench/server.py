"""What the PostgreSQL benchmarks share: a throwaway database, the environment a production
gunicorn runs with on loopback, `manage.py` in that environment, starting and stopping
gunicorn, a keep-alive HTTP client, percentiles, and filling the database with events.
Everything here talks to 127.0.0.1 only."""

import contextlib
import datetime as dt
import hashlib
import http.client
import math
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]


def server_env(
    database_url: str, *, port: int, workers: int, settings: str = "events_api.settings"
) -> dict:
    """Production settings (DEBUG off), throttles lifted, access log off, bound to
    loopback."""
    return {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}},
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "CACHE_URL": "locmem://",
        "THROTTLE_ANON": "1000000/min",
        "THROTTLE_REGISTRATION": "1000000/min",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_ACCESSLOG": "",
        "LOG_LEVEL": "WARNING",
    }


def psql(admin_url: str, sql: str) -> None:
    subprocess.run(["psql", admin_url, "-q", "-c", sql], check=True, capture_output=True)


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def shell(env: dict, code: str) -> str:
    """Run ``code`` with `manage.py shell -c` in ``env``; its standard output."""
    try:
        return manage(env, "shell", "--no-imports", "-c", code)
    except subprocess.CalledProcessError as exc:
        print(exc.stderr[-3000:], file=sys.stderr)
        raise


@contextlib.contextmanager
def throwaway_database(database_url: str) -> Iterator[str]:
    """Create the (empty) database named in ``database_url``, yield the URL, drop it after,
    even on failure."""
    parsed = urlparse(database_url)
    admin_url = database_url.replace(parsed.path, "/postgres")
    name = parsed.path.lstrip("/")
    psql(admin_url, f'DROP DATABASE IF EXISTS "{name}"')
    psql(admin_url, f'CREATE DATABASE "{name}"')
    try:
        yield database_url
    finally:
        psql(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_until_up(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            conn.close()
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not come up")


def start_gunicorn(env: dict, port: int) -> subprocess.Popen:
    """gunicorn with the project's gunicorn.conf.py, started and answering /healthz."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "events_api.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_up(port, time.monotonic() + 30)
    except RuntimeError:
        server.terminate()
        print(server.communicate(timeout=10)[1].decode()[-3000:], file=sys.stderr)
        raise
    return server


def stop_gunicorn(server: subprocess.Popen | None) -> None:
    if server is None or server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.communicate()


@contextlib.contextmanager
def gunicorn(env: dict, port: int) -> Iterator[subprocess.Popen]:
    server = start_gunicorn(env, port)
    try:
        yield server
    finally:
        stop_gunicorn(server)


class Client:
    """One HTTP connection to 127.0.0.1, kept open while the server keeps it open (a sync
    gunicorn worker closes it after each answer; then the next request reconnects)."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> tuple[float, int, bytes]:
        """(seconds, status, body) of one request, retried once on a dropped connection."""
        for attempt in (1, 2):
            started = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                payload = response.read()
            except (http.client.RemoteDisconnected, ConnectionError):
                self.conn.close()
                if attempt == 2:
                    raise
                continue
            if response.will_close:
                self.conn.close()
            return time.perf_counter() - started, response.status, payload
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.conn.close()


def percentile(values: list[float], q: float) -> float:
    """The ``q`` percentile (0-100) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[max(math.ceil(len(ordered) * q / 100) - 1, 0)]


def fill_events(count: int, *, seed: int = 1, registrations_every: int = 5) -> None:
    """Add ``count`` published events (bulk_create, batches of 5,000), starting over the
    next year, languages en (and es on every other one), and on every
    ``registrations_every``-th one two seated parties and one waitlisted. Recounts their
    stored seats and waitlists, then VACUUM ANALYZEs. Runs inside Django: call it from
    `manage.py shell -c`."""
    from django.db import connection, transaction
    from django.utils import timezone

    from events_api.events.models import Event, Registration
    from events_api.events.services.counts import recount

    rng = random.Random(seed)
    now = timezone.now().replace(microsecond=0)
    batch = 5000
    first = (Event.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    with transaction.atomic():
        events = []
        for i in range(count):
            starts = now + dt.timedelta(days=1, minutes=rng.randrange(365 * 24 * 60))
            events.append(
                Event(
                    title={"en": f"Open house {first + i}", "es": f"Puertas abiertas {first + i}"},
                    description={"en": "Meet the teachers and see the school."},
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(hours=2),
                    address="1 Main Street, New York",
                    capacity=rng.choice([None, 30, 60, 120]),
                    status="published",
                )
            )
        Event.objects.bulk_create(events, batch_size=batch)
        ids = list(Event.objects.filter(pk__gte=first).values_list("id", flat=True))
        through = Event.languages.through
        links = [through(event_id=pk, language_id="en") for pk in ids]
        links += [through(event_id=pk, language_id="es") for pk in ids[::2]]
        through.objects.bulk_create(links, batch_size=batch)
        parties = []
        for pk in ids[::registrations_every]:
            for j, status in enumerate(["confirmed", "confirmed", "waitlisted"]):
                token = hashlib.sha256(f"bench-{pk}-{j}".encode()).hexdigest()
                parties.append(
                    Registration(
                        event_id=pk,
                        name=f"Parent {j}",
                        email=f"parent{j}@bench.example.org",
                        adults=1 + j % 2,
                        children=rng.randrange(3),
                        status=status,
                        waitlist_position=1 if status == "waitlisted" else None,
                        pass_code=f"P{j}{pk % 100000:05d}",
                        manage_token_hash=token,
                    )
                )
        Registration.objects.bulk_create(parties, batch_size=batch)
        # bulk_create skips the services, so the events are recounted as the repair does.
        recount(ids)
    with connection.cursor() as cursor:
        # What autovacuum leaves behind on PostgreSQL: index-only scans can skip the heap.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"added {len(ids)} events, {len(parties)} registrations, {len(links)} language links")
