"""Families with a seat, and the event's interpreters, are reminded two days before (10:00
in the event's zone) and on the morning of the event (08:00), as each event is set. A
reminder is written when it is due, to whoever is seated then: reminders follow the event
when it moves, and go to nobody whose registration, or whose event, was cancelled."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from events_api.events.services import registration as registration_services
from events_api.events.services.events import cancel_event, update_event
from events_api.interpretation.services import assignments
from events_api.notifications import reminders as planned
from events_api.notifications import services, sms_backends
from events_api.notifications.models import REMINDERS, Kind, Message, Reminder, Status
from tests.factories import EventFactory
from tests.interpretation.factories import InterpreterFactory, coordinator, request_line

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def evening(days: int = 10) -> datetime:
    """18:00 in New York ``days`` from now: an event with both of its reminders ahead,
    whatever the time the tests run."""
    local = timezone.now().astimezone(NEW_YORK) + timedelta(days=days)
    return local.replace(hour=18, minute=0, second=0, microsecond=0)


def at(*args) -> datetime:
    return datetime(*args, tzinfo=NEW_YORK)


def register(api, event, phone="(718) 555-0140"):
    response = api.post(
        f"/api/v1/events/{event.pk}/registrations/", {"name": "A family", "phone": phone}
    )
    assert response.status_code == 201, response.json()
    return response.json()


def reminders(**filters):
    return Message.objects.filter(kind__in=REMINDERS, **filters).order_by("not_before")


def test_reminder_times_follow_the_event_and_its_settings():
    event = EventFactory.build(starts_at=at(2027, 3, 6, 18, 0), timezone="America/New_York")
    now = at(2027, 2, 1, 12, 0)
    assert services.reminder_times(event, now=now) == [
        (Kind.REMINDER, at(2027, 3, 4, 10, 0)),
        (Kind.REMINDER_TODAY, at(2027, 3, 6, 8, 0)),
    ]
    early = EventFactory.build(starts_at=at(2027, 3, 6, 8, 30), timezone="America/New_York")
    assert [kind for kind, _ in services.reminder_times(early, now=now)] == [Kind.REMINDER]
    event.remind_days_before, event.remind_morning_of = 0, False
    assert services.reminder_times(event, now=now) == []
    late = at(2027, 3, 5, 9, 0)  # registering the day before: only the morning one is ahead
    event.remind_days_before, event.remind_morning_of = 2, True
    assert [kind for kind, _ in services.reminder_times(event, now=late)] == [Kind.REMINDER_TODAY]


def plan(event):
    return list(
        Reminder.objects.filter(event=event).order_by("send_at").values_list("kind", "send_at")
    )


def due(kind):
    """The moment the event's reminder of ``kind`` comes (its row's time)."""
    return Reminder.objects.get(kind=kind).send_at


def test_a_seat_plans_the_events_reminders_and_writes_none_yet(api):
    event = EventFactory(capacity=1, starts_at=evening())
    register(api, event, "(718) 555-0141")
    register(api, event, "(718) 555-0142")  # on the waiting list
    assert plan(event) == planned.reminder_times(event)
    assert not reminders().exists()
    assert Message.objects.filter(kind=Kind.REGISTRATION_CONFIRMED).count() == 1


def test_when_due_a_reminder_goes_to_whoever_is_seated_then(api):
    event = EventFactory(capacity=1, starts_at=evening())
    seated = register(api, event, "(718) 555-0141")
    register(api, event, "(718) 555-0142")
    register(api, event, "(718) 555-0143")
    # The first family cancels; the second is promoted and is the one reminded.
    registration_services.cancel(registration_id=seated["id"])
    assert planned.send_due(now=due(Kind.REMINDER)) == 1
    [reminder] = reminders()
    assert (reminder.kind, reminder.to, reminder.status) == (
        Kind.REMINDER,
        "+17185550142",
        Status.QUEUED,
    )
    # Written once: the same moment again writes nothing.
    assert planned.send_due(now=due(Kind.REMINDER)) == 0
    assert Reminder.objects.get(kind=Kind.REMINDER).outcome == "1 messages"
    assert planned.send_due(now=due(Kind.REMINDER_TODAY)) == 1
    assert [m.kind for m in reminders()] == [Kind.REMINDER, Kind.REMINDER_TODAY]


def test_reminders_move_with_the_event_and_go_with_a_cancellation(api):
    starts = evening()
    event = EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=2))
    register(api, event)
    before = [moment for _kind, moment in plan(event)]
    week = timedelta(days=7)
    update_event(event_id=event.pk, starts_at=starts + week, ends_at=event.ends_at + week)
    assert [moment for _kind, moment in plan(event)] == [b + week for b in before]
    update_event(event_id=event.pk, remind_morning_of=False)
    assert [kind for kind, _moment in plan(event)] == [Kind.REMINDER]
    cancel_event(event_id=event.pk)
    assert planned.send_due(now=before[0] + week) == 0
    assert Reminder.objects.get().outcome == "the event is not published"
    assert not reminders().exists()


def test_a_reminder_written_but_not_yet_sent_is_held_when_the_event_moves(api):
    starts = evening()
    event = EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=2))
    register(api, event)
    planned.send_due(now=due(Kind.REMINDER))
    update_event(event_id=event.pk, room="The library")
    assert list(reminders().values_list("status", flat=True)) == [Status.HELD]


def test_a_reminder_time_the_event_no_longer_has_writes_nothing(api):
    """A row left from an earlier plan (the worker took it before the move committed)."""
    starts = evening()
    event = EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=2))
    register(api, event)
    stale = Reminder.objects.create(
        event=event, kind=Kind.REMINDER, send_at=due(Kind.REMINDER) - timedelta(days=1)
    )
    assert planned.send_due(now=stale.send_at) == 0
    stale.refresh_from_db()
    assert stale.outcome == "the event changed"


def test_a_due_reminder_is_sent_with_the_code_and_the_events_page(api):
    starts = evening()
    event = EventFactory(starts_at=starts, title={"en": "Family night"})
    created = register(api, event)
    planned.send_due(now=due(Kind.REMINDER))
    planned.send_due(now=due(Kind.REMINDER_TODAY))
    assert services.deliver_due() == {"sent": 3}  # the confirmation and two reminders
    [_confirmation, *reminded] = sms_backends.outbox
    code = created["pass_code"]
    assert all(f"{code[:3]} {code[3:]}" in text["body"] for text in reminded)
    assert all(text["body"].endswith(f"/events/{event.pk}") for text in reminded)
    assert all("Family night" in text["body"] for text in reminded)


def test_the_events_interpreters_are_reminded_too(api):
    starts = evening()
    event = EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=2))
    register(api, event)
    on_the_job = InterpreterFactory(email="", phone="+17185550150", languages=["bn"])
    taken_off = InterpreterFactory(email="", phone="+17185550151", languages=["es"])
    assignments.assign(
        line_id=request_line(event, language="bn").pk,
        interpreter_id=on_the_job.pk,
        by=coordinator(),
    )
    off = assignments.assign(
        line_id=request_line(event, language="es").pk,
        interpreter_id=taken_off.pk,
        by=coordinator(),
    )
    assignments.withdraw(assignment_id=off.pk)
    assert planned.send_due(now=due(Kind.REMINDER)) == 2
    [job] = reminders(assignment__isnull=False)
    assert (job.to, job.assignment.interpreter_id) == ("+17185550150", on_the_job.pk)
    assert "you interpret" in job.body and "Code" not in job.body


def test_the_sweep_writes_reminders_a_stopped_worker_missed(api):
    """The worker was down at 10:00 two days before; the event is in half an hour."""
    starts = timezone.now() + timedelta(minutes=30)
    event = EventFactory(
        starts_at=starts, ends_at=starts + timedelta(hours=2), remind_morning_of=False
    )
    register(api, event)
    [(kind, moment)] = planned.reminder_times(event, now=starts - timedelta(days=5))
    Reminder.objects.create(event=event, kind=kind, send_at=moment)
    call_command("send_messages", stdout=(out := io.StringIO()))
    assert out.getvalue().splitlines() == ["1 reminders written", "2 sent"]
    assert Reminder.objects.get().done_at is not None


def test_a_seat_costs_one_query_for_reminders_once_planned(api, django_assert_num_queries):
    event = EventFactory(starts_at=evening())
    register(api, event, "(718) 555-0141")
    event.refresh_from_db()
    with django_assert_num_queries(1):
        planned.ensure(event)
