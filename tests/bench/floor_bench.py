"""The floor: how close the real endpoints come to the least Django can do for the same
answer, on the same gunicorn, database and data.

  list: `GET /api/v1/events/?page_size=50` (DRF, filters, pagination count, seat counts,
        languages) against `/floor/events/` (the same 50 rows with `.values()` and
        JsonResponse, one query), in interleaved A/B rounds on one sync worker; requests/s,
        p50/p99 and the ratio real/bare, at each size in FLOOR_EVENTS (default 1,100).
  registration: `POST /api/v1/events/{id}/registrations/` against `/floor/register/{id}/`
        (lock the event row, sum the seats taken, insert the row with raw SQL, answer 201),
        16 client threads on BENCH_WORKERS (4) workers, one capped event each; confirmed/s,
        p50/p99 and the ratio real/floor.

Run with `uv run --frozen python -m tests.bench.floor_bench` (or `make bench`, which runs
every benchmark). It creates a throwaway database `od_floor_bench` at FLOOR_DATABASE_URL
(default postgres://opendoors@127.0.0.1:5432/od_floor_bench), migrates it, fills it, serves
production settings (DEBUG off, tests/bench/floor_settings.py adds the bare views) with
gunicorn on 127.0.0.1, and stops gunicorn and drops the database at the end, also on failure.
Only loopback traffic; bounded in count (the env knobs below) and in time (DEADLINE_SECONDS).
"""

import json
import os
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from tests.bench.server import (
    Client,
    gunicorn,
    manage,
    percentile,
    server_env,
    shell,
    throwaway_database,
)

PORT = int(os.environ.get("BENCH_PORT", "8766"))
SIZES = [int(n) for n in os.environ.get("FLOOR_EVENTS", "1100").split(",")]
LIST_WORKERS = int(os.environ.get("GUNICORN_WORKERS", "1"))
LIST_CLIENTS = int(os.environ.get("FLOOR_LIST_CLIENTS", "2"))
ROUNDS = int(os.environ.get("FLOOR_ROUNDS", "8"))
LIST_REQUESTS = int(os.environ.get("FLOOR_LIST_REQUESTS", "60"))  # per round and side
REG_WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
REG_CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
REG_ROUNDS = int(os.environ.get("FLOOR_REG_ROUNDS", "4"))
REG_REQUESTS = int(os.environ.get("FLOOR_REG_REQUESTS", "600"))  # per side, all rounds
DEADLINE_SECONDS = int(os.environ.get("FLOOR_DEADLINE", "170"))

REAL_LIST = "/api/v1/events/?page_size=50"
BARE_LIST = "/floor/events/"

SETUP = """
import datetime as dt
from django.utils import timezone
from events_api.events.services.events import create_event
now = timezone.now()
for side in ("real", "floor"):
    event = create_event(title={"en": f"Floor benchmark, {side}"},
                         starts_at=now + dt.timedelta(days=30),
                         ends_at=now + dt.timedelta(days=30, hours=2), capacity=%d,
                         status="published", languages=["en"])
    print(event.pk)
"""


def run_side(paths: list[tuple[str, str, bytes | None]], clients: int, stop_at: float):
    """Send each (method, path, body) once from ``clients`` threads; (wall seconds,
    [(seconds, status, body)])."""
    results = []
    lock = threading.Lock()

    def worker(start: int) -> None:
        client = Client(PORT)
        try:
            for method, path, body in paths[start::clients]:
                if time.monotonic() > stop_at:
                    return
                headers = {"Content-Type": "application/json"} if body else {}
                outcome = client.request(method, path, body, headers)
                with lock:
                    results.append(outcome)
        finally:
            client.close()

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(worker, range(clients)))
    return time.perf_counter() - began, results


def figures(wall: float, results: list, counted: int) -> str:
    ms = [r[0] * 1000 for r in results]
    return (
        f"{counted / wall:8.1f}/s  p50 {statistics.median(ms):6.1f} ms  "
        f"p99 {percentile(ms, 99):6.1f} ms  ({len(results)} requests, "
        f"{sum(1 for r in results if r[1] >= 400)} errors)"
    )


def same_rows() -> bool:
    client = Client(PORT)
    try:
        real = json.loads(client.request("GET", REAL_LIST)[2])["results"]
        bare = json.loads(client.request("GET", BARE_LIST)[2])["results"]
    finally:
        client.close()
    return [e["id"] for e in real] == [e["id"] for e in bare] and len(real) == 50


def measure_list(size: int, stop_at: float) -> None:
    sides = {"real": [("GET", REAL_LIST, None)], "bare": [("GET", BARE_LIST, None)]}
    totals = {name: [0.0, []] for name in sides}
    warm = [("GET", REAL_LIST, None), ("GET", BARE_LIST, None)] * 10
    run_side(warm, LIST_CLIENTS, stop_at)
    for round_no in range(ROUNDS):
        order = ["real", "bare"] if round_no % 2 == 0 else ["bare", "real"]
        for name in order:
            wall, results = run_side(sides[name] * LIST_REQUESTS, LIST_CLIENTS, stop_at)
            totals[name][0] += wall
            totals[name][1] += results
    real_wall, real_results = totals["real"]
    bare_wall, bare_results = totals["bare"]
    print(
        f"  list at {size} events ({ROUNDS} rounds x {LIST_REQUESTS} requests a side, "
        f"{LIST_CLIENTS} client threads, {LIST_WORKERS} gunicorn worker); same 50 rows: "
        f"{'yes' if same_rows() else 'NO'}"
    )
    real_rate = len(real_results) / real_wall
    bare_rate = len(bare_results) / bare_wall
    print(f"    real  {REAL_LIST:30} {figures(real_wall, real_results, len(real_results))}")
    print(f"    bare  {BARE_LIST:30} {figures(bare_wall, bare_results, len(bare_results))}")
    print(
        f"    real/bare throughput: {real_rate / bare_rate:.2f} "
        f"(bare is {bare_rate / real_rate:.1f}x)"
    )


def measure_registration(real_id: int, floor_id: int, stop_at: float) -> None:
    def bodies(side: str, start: int, stop: int) -> list[bytes]:
        return [
            json.dumps(
                {
                    "name": f"Parent {i}",
                    "email": f"{side}{i}@bench.example.org",
                    "adults": 1,
                    "preferred_language": "en",
                }
            ).encode()
            for i in range(start, stop)
        ]

    paths = {
        "real": f"/api/v1/events/{real_id}/registrations/",
        "floor": f"/floor/register/{floor_id}/",
    }
    totals = {name: [0.0, []] for name in paths}
    per_round = max(REG_REQUESTS // REG_ROUNDS, 1)
    for round_no in range(REG_ROUNDS):
        order = ["real", "floor"] if round_no % 2 == 0 else ["floor", "real"]
        for name in order:
            chunk = bodies(name, round_no * per_round, (round_no + 1) * per_round)
            requests = [("POST", paths[name], body) for body in chunk]
            wall, results = run_side(requests, REG_CLIENTS, stop_at)
            totals[name][0] += wall
            totals[name][1] += results
    print(
        f"  registration ({REG_ROUNDS} rounds, {per_round * REG_ROUNDS} a side, "
        f"{REG_CLIENTS} client threads, {REG_WORKERS} gunicorn workers, one capped event each)"
    )
    rates = {}
    for name, (wall, results) in totals.items():
        confirmed = sum(
            1 for r in results if r[1] == 201 and json.loads(r[2]).get("status") == "confirmed"
        )
        rates[name] = confirmed / wall
        print(f"    {name:5} confirmed {figures(wall, results, confirmed)}")
    print(
        f"    real/floor throughput: {rates['real'] / rates['floor']:.2f} "
        f"(floor is {rates['floor'] / rates['real']:.1f}x)"
    )


def main() -> None:
    database_url = os.environ.get(
        "FLOOR_DATABASE_URL", "postgres://opendoors@127.0.0.1:5432/od_floor_bench"
    )
    stop_at = time.monotonic() + DEADLINE_SECONDS
    print("floor benchmark (gunicorn sync workers, PostgreSQL, DEBUG off, loopback)")
    print(f"  cores: {os.cpu_count()}, sizes: {SIZES}, deadline: {DEADLINE_SECONDS} s")
    with throwaway_database(database_url):
        settings = "tests.bench.floor_settings"
        env = server_env(database_url, port=PORT, workers=LIST_WORKERS, settings=settings)
        manage(env, "migrate", "--noinput", "-v0")
        real_id, floor_id = (int(n) for n in shell(env, SETUP % (REG_REQUESTS * 2)).split()[-2:])
        filled = 2
        for size in SIZES:
            code = f"from tests.bench.server import fill_events; fill_events({size - filled})"
            shell(env, code)
            filled = size
            with gunicorn(env, PORT):
                measure_list(size, stop_at)
        env = server_env(database_url, port=PORT, workers=REG_WORKERS, settings=settings)
        with gunicorn(env, PORT):
            measure_registration(real_id, floor_id, stop_at)
    if time.monotonic() > stop_at:
        print(f"  (deadline of {DEADLINE_SECONDS} s reached: the figures cover fewer requests)")


if __name__ == "__main__":
    main()
