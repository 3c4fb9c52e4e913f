"""Messages: how fast confirmations are queued (rendered in the family's language, with the
.ics for email, written to the outbox with their delivery task, all in one transaction) and
how fast the worker's delivery path sends them with the console backends.

Run with `make bench` (or `uv run python -m tests.bench.messages_bench`). It uses a
throwaway SQLite database under var/, migrates it, fills it, measures, and deletes it."""

import contextlib
import io
import os
import time
from datetime import timedelta

from tests.bench.scratch import describe, in_scratch_database

COUNT = int(os.environ.get("BENCH_MESSAGES", "2000"))
LANGUAGES = ["en", "es", "bn", "zh-hans", "ar", "ru", "ht", "ur"]


def fill(count: int):
    from django.utils import timezone

    from events_api.events.models import Event, Registration

    start = timezone.now() + timedelta(days=10)
    event = Event.objects.create(
        title={"en": "Know your rights at school", "bn": "স্কুলে আপনার অধিকার জানুন"},
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        address="4004 4th Avenue, Brooklyn, NY 11232",
        room="Auditorium",
        status="published",
    )
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"Family {i}",
            phone=f"+1718555{i:04d}" if i % 2 else "",
            email="" if i % 2 else f"family{i}@example.org",
            preferred_language_id=LANGUAGES[i % len(LANGUAGES)],
            pass_code=f"B{i:06d}",
            manage_token_hash=f"{i:064x}",
        )
        for i in range(count)
    )
    return list(Registration.objects.order_by("pk"))


@contextlib.contextmanager
def _quiet_log():
    import logging

    logger = logging.getLogger("events_api.notifications")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def measure(count: int) -> list[str]:
    from django.db import transaction
    from django.test import override_settings

    from events_api.notifications.delivery import deliver_due
    from events_api.notifications.models import Kind, Message, Status
    from events_api.notifications.outbox import Notice, queue

    registrations = fill(count)
    notices = [Notice(Kind.REGISTRATION_CONFIRMED, r, "K" * 22) for r in registrations]
    started = time.perf_counter()
    with transaction.atomic():
        queue(notices)
    queued = time.perf_counter() - started
    assert Message.objects.filter(status=Status.QUEUED).count() == count

    console = {
        "MAILERS": {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}},
    }
    from django.conf import settings

    notifications = {
        **settings.NOTIFICATIONS,
        "SMS_BACKEND": "events_api.notifications.sms_backends.ConsoleBackend",
        "RATE_PER_SECOND": 0,
    }
    with (
        override_settings(**console, NOTIFICATIONS=notifications),
        contextlib.redirect_stdout(io.StringIO()),
        _quiet_log(),
    ):
        started = time.perf_counter()
        outcomes = deliver_due(limit=count)
        delivered = time.perf_counter() - started
    assert outcomes == {"sent": count}, outcomes
    return [
        f"queued {count} confirmations in one transaction (one queue() call, as a "
        f"cancellation will): {queued * 1000:7.0f} ms "
        f"({count / queued:6.0f} messages/s)",
        f"delivered them (console email + SMS backends): {delivered * 1000:7.0f} ms "
        f"({count / delivered:6.0f} messages/s)",
    ]


def main() -> None:
    lines = in_scratch_database("messages", lambda: measure(COUNT))
    print(f"Messages ({COUNT} registrations, half by email with .ics, half by text, 8 languages)")
    print(describe())
    for line in lines:
        print("  " + line)


if __name__ == "__main__":
    main()
