"""Calendar feed build time: feeds of 100 and 1,000 events, through the builder alone and
through the HTTP view (queries included), median of several runs; plus the 304 path, and a
summit's feed of 1,000 sessions through its .ics view.

Run with `make bench` (or `uv run python -m tests.bench.calendar_bench`). It uses a
throwaway SQLite database under var/, migrates it, fills it, measures, and deletes it."""

import os
import statistics
import time
from datetime import timedelta

from tests.bench.scratch import describe, in_scratch_database

RUNS = int(os.environ.get("BENCH_CALENDAR_RUNS", "9"))
SIZES = (100, 1000)
SUMMIT_SESSIONS = 1000
TARGET_MS = 150
SUMMIT_TARGET_MS = 40


def median_ms(func, runs: int = RUNS) -> float:
    func()  # warm up (imports, zone data, query plans)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def fill(size: int):
    """A person registered for ``size`` published events in the coming weeks, with a feed
    token. Returns the user, the feed URL path and the events."""
    from django.utils import timezone

    from events_api.calendars.services import issue_feed_token
    from events_api.events.models import Event, Registration
    from events_api.people.models import User

    user = User.objects.create_user(email=f"bench-{size}@example.org", password=None)
    start = timezone.now() + timedelta(days=1)
    events = Event.objects.bulk_create(
        Event(
            title={"en": f"Session {i}: Know your rights", "es": f"Sesión {i}: Sus derechos"},
            description={"en": "What the school must offer every family, in your language."},
            starts_at=start + timedelta(hours=3 * i),
            ends_at=start + timedelta(hours=3 * i + 1),
            address="4004 4th Avenue, Brooklyn, NY 11232",
            room=f"Room {i % 40}",
            status="published",
        )
        for i in range(size)
    )
    Registration.objects.bulk_create(
        Registration(
            event=event,
            user=user,
            name=f"Bench parent {size}",
            pass_code=f"B{i:06d}",
            manage_token_hash=f"{size:08x}{i:056x}",
        )
        for i, event in enumerate(events)
    )
    _, token = issue_feed_token(user=user)
    return user, f"/calendar/feeds/{token}.ics", events


class QueryCounter:
    """Counts SQL statements (the test client's request signals reset Django's own log)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def count_queries(func) -> tuple[int, object]:
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        result = func()
    return counter.count, result


def measure_size(size: int) -> str:
    from django.test import Client

    from events_api.calendars.event_items import EventRows
    from events_api.calendars.feeds import parse_window
    from events_api.calendars.ical import build_calendar
    from events_api.calendars.queries import feed_event_rows
    from events_api.calendars.rules import personal_events_q_for

    client = Client()
    user, path, _ = fill(size)
    window = parse_window({}).as_tuple()
    rows = feed_event_rows(personal_events_q_for(user))
    items = EventRows().items(rows)
    assert len(items) == size

    builder = median_ms(lambda: build_calendar(items, name="Bench", window=window))
    with_items = median_ms(
        lambda: build_calendar(EventRows().items(rows), name="Bench", window=window)
    )
    full_queries, response = count_queries(lambda: client.get(path))
    assert response.status_code == 200, response.status_code
    view = median_ms(lambda: client.get(path))
    etag = response["ETag"]
    cached_queries, cached = count_queries(lambda: client.get(path, HTTP_IF_NONE_MATCH=etag))
    assert cached.status_code == 304
    not_modified = median_ms(lambda: client.get(path, HTTP_IF_NONE_MATCH=etag))
    return (
        f"{size:>5} events: builder {builder:5.1f} ms | rows->items + builder "
        f"{with_items:5.1f} ms | HTTP view {view:6.1f} ms ({full_queries} queries, "
        f"{len(response.content) // 1024} KiB) | 304 {not_modified:4.1f} ms "
        f"({cached_queries} queries)"
    )


def fill_summit(size: int):
    """A published summit of ``size`` sessions over three days: most at a school (the
    join), some online, a few cancelled, titles in English and Spanish. Returns the feed's
    URL path."""
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from events_api.events.models import Event
    from events_api.people.models import Borough, School
    from summits.models import Session, Summit

    day = timezone.now().date() + timedelta(days=60)
    summit = Summit.objects.create(
        year=day.year,
        title={"en": "Bench summit", "es": "Cumbre de prueba"},
        starts_on=day,
        ends_on=day + timedelta(days=2),
        status="published",
    )
    borough = Borough.objects.get(code="K")
    schools = School.objects.bulk_create(
        School(
            dbn=f"15K{i:03d}",
            name=f"P.S. {i}",
            borough=borough,
            district=15,
            address=f"{i} Main St",
        )
        for i in range(20)
    )
    start = datetime.combine(day, time(8), tzinfo=ZoneInfo("America/New_York"))
    events = Event.objects.bulk_create(
        Event(
            kind="session",
            title={"en": f"Session {i}: Know your rights", "es": f"Sesión {i}: Sus derechos"},
            description={"en": "What the school must offer every family, in your language."},
            starts_at=start + timedelta(minutes=4 * i),
            ends_at=start + timedelta(minutes=4 * i + 50),
            timezone="America/New_York",
            school=schools[i % 20] if i % 10 else None,
            address="" if i % 3 else "4004 4th Avenue, Brooklyn, NY 11232",
            room=f"Room {i % 40}",
            online_url="" if i % 7 else f"https://meet.example.org/s{i}",
            status="cancelled" if i % 50 == 0 else "published",
        )
        for i in range(size)
    )
    Session.objects.bulk_create(Session(summit=summit, event=event) for event in events)
    return f"/calendar/summits/{summit.pk}.ics"


def measure_summit(size: int) -> str:
    from django.test import Client

    client = Client()
    path = fill_summit(size)
    full_queries, response = count_queries(lambda: client.get(path))
    assert response.status_code == 200, response.status_code
    assert response.content.count(b"BEGIN:VEVENT") == size
    view = median_ms(lambda: client.get(path))
    spanish = median_ms(lambda: client.get(path, {"lang": "es"}))
    etag = response["ETag"]
    cached_queries, cached = count_queries(lambda: client.get(path, HTTP_IF_NONE_MATCH=etag))
    assert cached.status_code == 304
    not_modified = median_ms(lambda: client.get(path, HTTP_IF_NONE_MATCH=etag))
    return (
        f"summit, {size} sessions: HTTP view {view:6.1f} ms, ?lang=es {spanish:6.1f} ms "
        f"({full_queries} queries, {len(response.content) // 1024} KiB; target < "
        f"{SUMMIT_TARGET_MS} ms) | 304 {not_modified:4.1f} ms ({cached_queries} queries)"
    )


def main() -> None:
    lines = in_scratch_database(
        "calendar",
        lambda: [*(measure_size(size) for size in SIZES), measure_summit(SUMMIT_SESSIONS)],
    )
    print(f"Calendar feeds (median of {RUNS} runs; target < {TARGET_MS} ms for 1,000 events)")
    print(describe())
    for line in lines:
        print("  " + line)


if __name__ == "__main__":
    main()
