"""Scale-out: two gunicorn instances of four workers each on one PostgreSQL, the cache on
Redis, registrations for one capped event taking turns between them. Prints confirmed
registrations per second, p50/p99, that exactly the seats were confirmed (and every
waitlist position is unique), and the PostgreSQL connections the instances held: sampled
during the load and after it, with persistent connections (CONN_MAX_AGE=60, the default)
and without (0).

Run with `make bench` (or `uv run python -m tests.bench.scaleout_bench`). Throwaway
database `od_scaleout_bench` at BENCH_DATABASE_URL's server, Redis database 9 at
127.0.0.1:6379 (emptied before and after); loopback only, bounded in count and time."""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import psycopg
import redis

from tests.bench.registration_bench import SETUP, post_registration
from tests.bench.server import gunicorn, manage, percentile, server_env, throwaway_database

INSTANCES = int(os.environ.get("SCALEOUT_INSTANCES", "2"))
WORKERS = int(os.environ.get("SCALEOUT_WORKERS", "4"))
CLIENTS = int(os.environ.get("SCALEOUT_CLIENTS", "16"))
REQUESTS = int(os.environ.get("SCALEOUT_REQUESTS", "600"))
SEATS = int(os.environ.get("SCALEOUT_SEATS", "400"))
FIRST_PORT = int(os.environ.get("SCALEOUT_PORT", "8770"))
REDIS_URL = os.environ.get("SCALEOUT_REDIS_URL", "redis://127.0.0.1:6379/9")
DEADLINE_SECONDS = 120


def connections(database_url: str, name: str) -> int:
    """Backends connected to the bench database, not counting the one asking."""
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchone()
    return row[0]


def seats_check(database_url: str, event_id: int) -> tuple[int, int, int]:
    """(people confirmed, parties waiting, distinct waitlist positions)."""
    with psycopg.connect(database_url) as conn:
        return conn.execute(
            "SELECT COALESCE(SUM(adults + children) FILTER (WHERE status = 'confirmed'), 0),"
            " COUNT(*) FILTER (WHERE status = 'waitlisted'),"
            " COUNT(DISTINCT waitlist_position) FROM events_registration WHERE event_id = %s",
            [event_id],
        ).fetchone()


def run(conn_max_age: int) -> None:
    database_url = (
        os.environ.get("BENCH_DATABASE_URL", "postgres://opendoors@127.0.0.1:5432/od_bench").rsplit(
            "/", 1
        )[0]
        + "/od_scaleout_bench"
    )
    name = database_url.rsplit("/", 1)[1]
    cache = redis.Redis.from_url(REDIS_URL)
    cache.flushdb()
    with throwaway_database(database_url), ExitStack() as stack:
        ports = [FIRST_PORT + i for i in range(INSTANCES)]
        envs = []
        for port in ports:
            env = server_env(database_url, port=port, workers=WORKERS)
            env.update(CACHE_URL=REDIS_URL, DATABASE_CONN_MAX_AGE=str(conn_max_age))
            envs.append(env)
        manage(envs[0], "migrate", "--noinput", "-v0")
        event_id = int(manage(envs[0], "shell", "-c", SETUP % SEATS).strip().splitlines()[-1])
        for env, port in zip(envs, ports, strict=True):
            stack.enter_context(gunicorn(env, port))

        results: list[tuple[float, int, str]] = []
        samples: list[int] = []
        lock = threading.Lock()
        done = threading.Event()
        stop_at = time.monotonic() + DEADLINE_SECONDS

        def sample() -> None:
            while not done.is_set():
                samples.append(connections(database_url, name))
                time.sleep(0.05)

        def client(start: int) -> None:
            for i in range(start, REQUESTS, CLIENTS):
                if time.monotonic() > stop_at:
                    return
                outcome = post_registration(event_id, i, port=ports[i % len(ports)])
                with lock:
                    results.append(outcome)

        sampler = threading.Thread(target=sample)
        sampler.start()
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            list(pool.map(client, range(CLIENTS)))
        wall = time.perf_counter() - began
        done.set()
        sampler.join()
        at_rest = connections(database_url, name)
        confirmed_people, waiting, positions = seats_check(database_url, event_id)
    cache.flushdb()

    latencies = [r[0] * 1000 for r in results]
    confirmed = sum(1 for r in results if r[2] == "confirmed")
    errors = sum(1 for r in results if r[1] >= 500)
    print(
        f"  CONN_MAX_AGE={conn_max_age}: {len(results)} requests ({len(results) / wall:.1f}/s), "
        f"{confirmed} confirmed, 5xx: {errors}, p50 {percentile(latencies, 50):.1f} ms, "
        f"p99 {percentile(latencies, 99):.1f} ms"
    )
    right = confirmed_people == SEATS and positions == waiting
    print(
        f"    seats: {confirmed_people} of {SEATS} confirmed, {waiting} waiting with "
        f"{positions} distinct positions ({'right' if right else 'WRONG'})"
    )
    print(
        f"    PostgreSQL connections of {INSTANCES} instances x {WORKERS} workers: "
        f"at most {max(samples, default=0)} during the load, {at_rest} after it"
    )


def main() -> None:
    print(
        f"scale-out benchmark ({INSTANCES} gunicorn instances x {WORKERS} sync workers, "
        f"cache on Redis, PostgreSQL, {CLIENTS} clients, {os.cpu_count()} cores)"
    )
    for conn_max_age in (60, 0):
        run(conn_max_age)


if __name__ == "__main__":
    main()
