"""Scale: how the public event list's latency grows with the number of events. Page 1 of
`GET /api/v1/events/?page_size=50`, anonymous, through gunicorn on PostgreSQL, with
SCALE_EVENTS published events in the database (default 100, 10,000 and 100,000; every fifth
one with three registrations, two seated and one waitlisted; languages en and es). Prints
the median and p99 of SCALE_REQUESTS requests after a warm-up at each size, the change
relative to the first size in percent, and `EXPLAIN (ANALYZE, BUFFERS)` of every query one
request runs at the largest size (captured from a real request in `manage.py shell`).

Run with `uv run --frozen python -m tests.bench.scale_bench` (or `make bench`, which runs
every benchmark). It creates a throwaway database `od_scale_bench` at SCALE_DATABASE_URL
(default postgres://opendoors@127.0.0.1:5432/od_scale_bench), migrates it, fills it with
bulk_create (batches of 5,000) and VACUUM ANALYZE, serves production settings (DEBUG off) with
gunicorn on 127.0.0.1, and stops gunicorn and drops the database at the end, also on failure.
Only loopback traffic; bounded in count (the env knobs below) and in time (DEADLINE_SECONDS:
sizes not reached by then are skipped).
"""

import os
import statistics
import time

from tests.bench.server import (
    Client,
    gunicorn,
    manage,
    percentile,
    server_env,
    shell,
    throwaway_database,
)

PORT = int(os.environ.get("BENCH_PORT", "8767"))
SIZES = [int(n) for n in os.environ.get("SCALE_EVENTS", "100,10000,100000").split(",")]
REQUESTS = int(os.environ.get("SCALE_REQUESTS", "200"))
WARM_UP = int(os.environ.get("SCALE_WARM_UP", "20"))
WORKERS = int(os.environ.get("SCALE_WORKERS", "1"))
DEADLINE_SECONDS = int(os.environ.get("SCALE_DEADLINE", "480"))

LIST = "/api/v1/events/?page_size=50"

EXPLAIN = """
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

with CaptureQueriesContext(connection) as captured:
    response = Client(HTTP_HOST="127.0.0.1").get(%r)
assert response.status_code == 200, response.status_code
print(f"  queries per request: {len(captured)}")
for number, query in enumerate(captured.captured_queries, start=1):
    sql = query["sql"]
    print(f"  -- query {number}: {sql}")
    if not sql.lstrip().upper().startswith("SELECT"):
        continue
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        for (line,) in cursor.fetchall():
            print("     " + line)
"""


def measure(stop_at: float) -> list[float]:
    """Milliseconds of REQUESTS sequential requests, after WARM_UP unmeasured ones."""
    client = Client(PORT)
    try:
        for _ in range(WARM_UP):
            client.request("GET", LIST)
        timings = []
        for _ in range(REQUESTS):
            if time.monotonic() > stop_at:
                break
            seconds, status, _body = client.request("GET", LIST)
            if status != 200:
                raise RuntimeError(f"{LIST} answered {status}")
            timings.append(seconds * 1000)
        return timings
    finally:
        client.close()


def change(value: float, base: float) -> str:
    return f"{(value - base) / base * 100:+.0f}%"


def main() -> None:
    database_url = os.environ.get(
        "SCALE_DATABASE_URL", "postgres://opendoors@127.0.0.1:5432/od_scale_bench"
    )
    stop_at = time.monotonic() + DEADLINE_SECONDS
    print("scale benchmark (event list page 1, anonymous, gunicorn, PostgreSQL, DEBUG off)")
    print(
        f"  GET {LIST}: {REQUESTS} requests after {WARM_UP} warm-up, one client, "
        f"{WORKERS} gunicorn worker(s), cores: {os.cpu_count()}"
    )
    rows = []
    with throwaway_database(database_url):
        env = server_env(database_url, port=PORT, workers=WORKERS)
        manage(env, "migrate", "--noinput", "-v0")
        filled = 0
        for size in SIZES:
            if time.monotonic() > stop_at:
                print(f"  {size} events: skipped, deadline of {DEADLINE_SECONDS} s reached")
                continue
            began = time.perf_counter()
            code = f"from tests.bench.server import fill_events; fill_events({size - filled})"
            shell(env, code)
            fill_seconds = time.perf_counter() - began
            filled = size
            with gunicorn(env, PORT):
                timings = measure(stop_at)
            p50, p99 = statistics.median(timings), percentile(timings, 99)
            rows.append((size, p50, p99))
            base50, base99 = rows[0][1], rows[0][2]
            print(
                f"  {size:>7} events: p50 {p50:7.1f} ms ({change(p50, base50)}), "
                f"p99 {p99:7.1f} ms ({change(p99, base99)})  "
                f"[{len(timings)} requests; filled in {fill_seconds:.1f} s]",
                flush=True,
            )
        if rows:
            print(f"  EXPLAIN (ANALYZE, BUFFERS) of one list request at {filled} events:")
            print(shell(env, EXPLAIN % LIST).rstrip())


if __name__ == "__main__":
    main()
