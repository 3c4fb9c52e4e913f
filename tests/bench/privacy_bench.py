"""Privacy: how fast the daily run anonymises expired registrations (batches of 1,000,
each one transaction with one bulk UPDATE), and how cheap the run is once nothing is left.

Run with `make bench` (or `uv run python -m tests.bench.privacy_bench`). It uses a
throwaway SQLite database under var/, migrates it, fills it, measures, and deletes it."""

import os
import time
from datetime import timedelta

from tests.bench.scratch import describe, in_scratch_database

COUNT = int(os.environ.get("BENCH_PRIVACY", "100000"))
EVENTS = 100
LANGUAGES = ["en", "es", "bn", "zh-hans", "ar", "ru", "ht", "ur"]


def _event(start):
    from events_api.events.models import Event

    return Event.objects.create(
        title={"en": "Know your rights at school"},
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        address="4004 4th Avenue, Brooklyn, NY 11232",
        status="published",
    )


def fill(count: int, now) -> None:
    """``count`` registrations over EVENTS events that ended a year ago, and a tenth as
    many of an event next month (which must stay untouched)."""
    from events_api.events.models import Registration

    ended = [_event(now - timedelta(days=365, hours=i)) for i in range(EVENTS)]
    upcoming = _event(now + timedelta(days=30))
    rows = (
        Registration(
            event=ended[i % EVENTS] if i < count else upcoming,
            name=f"Family {i}",
            phone=f"+1718{i:07d}",
            email=f"family{i}@example.org",
            accessibility_notes="Step-free entrance" if i % 10 == 0 else "",
            adults=1 + i % 3,
            children=i % 4,
            preferred_language_id=LANGUAGES[i % len(LANGUAGES)],
            interpreter_language_id=LANGUAGES[i % len(LANGUAGES)] if i % 3 else None,
            pass_code=f"B{i:06d}",
            manage_token_hash=f"{i:064x}",
        )
        for i in range(count + count // 10)
    )
    Registration.objects.bulk_create(rows, batch_size=5000)


def measure(count: int) -> list[str]:
    from django.utils import timezone

    from events_api.events.models import Registration
    from events_api.privacy.services import anonymise_expired

    now = timezone.now()
    fill(count, now)
    started = time.perf_counter()
    done = anonymise_expired(now=now)
    took = time.perf_counter() - started
    assert done["registrations"] == count, done
    assert Registration.objects.filter(anonymised_at=None).count() == count // 10
    started = time.perf_counter()
    again = anonymise_expired(now=now)
    rerun = time.perf_counter() - started
    assert set(again.values()) == {0}, again
    return [
        f"anonymised {count} expired registrations (batches of 1,000): {took * 1000:7.0f} ms "
        f"({count / took:6.0f} rows/s)",
        f"second run, nothing left to do: {rerun * 1000:7.1f} ms",
    ]


def main() -> None:
    lines = in_scratch_database("privacy", lambda: measure(COUNT))
    print(
        f"Privacy ({COUNT} expired registrations over {EVENTS} events, "
        f"{COUNT // 10} of an upcoming event kept)"
    )
    print(describe())
    for line in lines:
        print("  " + line)


if __name__ == "__main__":
    main()
