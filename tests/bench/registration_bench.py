"""Registration throughput: confirmed registrations per second for one capped session,
served by gunicorn on PostgreSQL, with p50/p99 latency.

Run with `make bench` (or `uv run python -m tests.bench.registration_bench`). It creates a
throwaway database `od_bench` on the PostgreSQL at BENCH_DATABASE_URL (default
postgres://opendoors@127.0.0.1:5432/od_bench), migrates it, starts gunicorn on 127.0.0.1,
sends a bounded number of registrations from client threads, prints the figures, then stops
gunicorn and drops the database. Only loopback traffic; bounded in count and time."""

import http.client
import json
import os
import shlex
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from tests.bench.server import gunicorn, manage, server_env, throwaway_database

PORT = int(os.environ.get("BENCH_PORT", "8765"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "1500"))
SEATS = int(os.environ.get("BENCH_SEATS", "1500"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
DEADLINE_SECONDS = 120


SETUP = """
import datetime as dt
from django.utils import timezone
from events_api.events.services.events import create_event
now = timezone.now()
event = create_event(title={"en": "Benchmark session"}, starts_at=now + dt.timedelta(days=30),
                     ends_at=now + dt.timedelta(days=30, hours=2), capacity=%d,
                     status="published", languages=["en"])
print(event.pk)
"""


def post_registration(event_id: int, i: int, port: int = PORT) -> tuple[float, int, str]:
    body = json.dumps(
        {
            "name": f"Parent {i}",
            "email": f"parent{i}@bench.example.org",
            "adults": 1,
            "preferred_language": "en",
        }
    )
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(
            "POST",
            f"/api/v1/events/{event_id}/registrations/",
            body=body,
            headers={"Content-Type": "application/json"},
        )
        response = conn.getresponse()
        payload = response.read()
    finally:
        conn.close()
    elapsed = time.perf_counter() - started
    status = json.loads(payload).get("status", "") if response.status == 201 else ""
    return elapsed, response.status, status


def main() -> None:
    database_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://opendoors@127.0.0.1:5432/od_bench"
    )
    with throwaway_database(database_url):
        env = server_env(database_url, port=PORT, workers=WORKERS)
        manage(env, "migrate", "--noinput", "-v0")
        event_id = int(manage(env, "shell", "-c", SETUP % SEATS).strip().splitlines()[-1])
        with gunicorn(env, PORT):
            # warm every worker up
            for _ in range(WORKERS * 2):
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
                conn.request("GET", f"/api/v1/events/{event_id}/")
                conn.getresponse().read()

            results: list[tuple[float, int, str]] = []
            lock = threading.Lock()
            stop_at = time.monotonic() + DEADLINE_SECONDS

            def worker(start: int) -> None:
                for i in range(start, REQUESTS, CLIENTS):
                    if time.monotonic() > stop_at:
                        return
                    outcome = post_registration(event_id, i)
                    with lock:
                        results.append(outcome)

            began = time.perf_counter()
            with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
                list(pool.map(worker, range(CLIENTS)))
            wall = time.perf_counter() - began

    latencies = sorted(r[0] * 1000 for r in results)
    confirmed = sum(1 for r in results if r[2] == "confirmed")
    errors = sum(1 for r in results if r[1] >= 500)
    p50 = statistics.median(latencies)
    p99 = latencies[max(int(len(latencies) * 0.99) - 1, 0)]
    command = "make bench  # " + " ".join(
        f"{k}={shlex.quote(str(v))}"
        for k, v in [
            ("BENCH_REQUESTS", REQUESTS),
            ("BENCH_CLIENTS", CLIENTS),
            ("BENCH_WORKERS", WORKERS),
        ]
    )
    print("registration benchmark (gunicorn, PostgreSQL, one capped session)")
    print(f"  command: {command}")
    print(
        f"  requests: {len(results)}, confirmed: {confirmed}, 5xx: {errors}, "
        f"clients: {CLIENTS}, gunicorn workers: {WORKERS}, cores: {os.cpu_count()}"
    )
    print(f"  confirmed registrations/s: {confirmed / wall:.1f}")
    print(f"  latency p50: {p50:.1f} ms, p99: {p99:.1f} ms")


if __name__ == "__main__":
    main()
