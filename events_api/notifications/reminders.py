"""Reminders, written when they are due rather than when a seat is taken: an event has a
Reminder row for each of its reminder times still ahead; when one comes, the worker
(tasks.deliver_pending) writes a reminder to everyone seated then and to the event's
interpreters, in one transaction with the row marked done.

A registration only makes sure its event's rows exist (one query once they do), so
taking a seat composes one message, not three; an event that moves or changes its
reminder settings has its rows planned again."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from events_api.events.models import EventStatus, Registration, RegistrationStatus
from events_api.interpretation.models import ACTIVE_ASSIGNMENT, Assignment
from events_api.notifications.models import REMINDERS, Kind, Message, Reminder
from events_api.notifications.outbox import Notice, hold, queue
from events_api.notifications.tasks import enqueue

# Reminder rows taken per transaction (a row is one event's reminder to all its seats).
BATCH = 20


@task()
def write_reminders() -> int:
    """The worker's task at each reminder time (also run by `manage.py send_messages`)."""
    return send_due()


def reminder_times(event, *, now: datetime | None = None) -> list[tuple[str, datetime]]:
    """When the event's reminders go out, those still ahead: at 10:00 in the event's zone
    ``remind_days_before`` days before, and at 08:00 on the day (if that is at least an
    hour before it starts)."""
    now = now or timezone.now()
    zone = ZoneInfo(event.timezone)
    start = event.starts_at.astimezone(zone)
    times = []
    if event.remind_days_before:
        day = start - timedelta(days=event.remind_days_before)
        times.append((Kind.REMINDER, day.replace(hour=10, minute=0, second=0, microsecond=0)))
    morning = start.replace(hour=8, minute=0, second=0, microsecond=0)
    if event.remind_morning_of and morning <= start - timedelta(hours=1):
        times.append((Kind.REMINDER_TODAY, morning))
    return [(kind, moment) for kind, moment in times if moment > now]


def ensure(event) -> None:
    """The event's reminder times still ahead each have their row (and a delivery task at
    that time). One query when they already do: what a registration pays."""
    times = reminder_times(event)
    if not times:
        return
    have = set(
        Reminder.objects.filter(event=event, send_at__in=[m for _, m in times]).values_list(
            "kind", "send_at"
        )
    )
    missing = [(kind, moment) for kind, moment in times if (kind, moment) not in have]
    if missing:
        Reminder.objects.bulk_create(
            [Reminder(event=event, kind=kind, send_at=moment) for kind, moment in missing],
            ignore_conflicts=True,
        )
        for _kind, moment in missing:
            enqueue(moment, write_reminders)


def plan(event) -> None:
    """The event moved, or its reminder settings changed: reminder times it no longer has
    are dropped, the ones it has now are planned, and reminders already written but not
    yet sent (they describe the event as it was) are not sent."""
    current = reminder_times(event)
    stale = Reminder.objects.filter(event=event, done_at__isnull=True)
    for kind, moment in current:
        stale = stale.exclude(kind=kind, send_at=moment)
    stale.delete()
    hold(Message.objects.filter(event=event, kind__in=REMINDERS), "the event changed")
    if event.status == EventStatus.PUBLISHED:
        ensure(event)


def send_due(*, now: datetime | None = None) -> int:
    """Write the reminders whose time has come, a few events at a time, each in its own
    transaction with its row marked done (rows another worker holds are skipped). Returns
    how many messages were written."""
    now = now or timezone.now()
    written = 0
    # A worker that was down catches up; a reminder that would arrive after the event
    # started is not written at all.
    while True:
        with transaction.atomic():
            due = list(
                Reminder.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("event__school")
                .filter(done_at__isnull=True, send_at__lte=now)
                .order_by("send_at", "pk")[:BATCH]
            )
            for reminder in due:
                count, outcome = _write(reminder, now)
                reminder.done_at, reminder.outcome = now, outcome
                written += count
            Reminder.objects.bulk_update(due, ["done_at", "outcome"])
        if len(due) < BATCH:
            return written


def _write(reminder: Reminder, now: datetime) -> tuple[int, str]:
    event = reminder.event
    if event.status != EventStatus.PUBLISHED:
        return 0, "the event is not published"
    if event.starts_at <= now:
        return 0, "the event had started"
    planned = reminder_times(event, now=reminder.send_at - timedelta(microseconds=1))
    if (reminder.kind, reminder.send_at) not in planned:
        return 0, "the event changed"
    seated = Registration.objects.filter(
        event=event, status=RegistrationStatus.CONFIRMED
    ).select_related("user", "registered_by")
    jobs = Assignment.objects.filter(line__event=event, status__in=ACTIVE_ASSIGNMENT)
    notices = [Notice(reminder.kind, _with_event(r, event)) for r in seated]
    notices += [Notice(reminder.kind, assignment=a) for a in jobs.only("pk")]
    messages = queue(notices)
    return len(messages), f"{len(messages)} messages"


def _with_event(registration: Registration, event) -> Registration:
    """The registration holding the event already loaded (no query per seat)."""
    registration.event = event
    return registration
