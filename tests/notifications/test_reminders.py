"""Families with a seat are reminded two days before (10:00 in the event's zone) and on
the morning of the event (08:00), as each event is set; reminders follow the event when it
moves and are dropped when it, or the registration, is cancelled."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events_api.events.services import registration as registration_services
from events_api.events.services.events import cancel_event, update_event
from events_api.notifications import services, sms_backends
from events_api.notifications.models import REMINDERS, Kind, Message, Status
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


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


def test_a_seated_family_gets_both_reminders_and_a_waiting_one_none_until_promoted(api):
    event = EventFactory(capacity=1, starts_at=timezone.now() + timedelta(days=10))
    seated = register(api, event, "(718) 555-0141")
    register(api, event, "(718) 555-0142")
    assert list(reminders().values_list("registration", flat=True)) == [seated["id"]] * 2
    registration_services.cancel(registration_id=seated["id"])
    assert set(reminders(registration=seated["id"]).values_list("status", flat=True)) == {
        Status.HELD
    }
    queued = reminders(status=Status.QUEUED)
    assert queued.count() == 2 and {m.to for m in queued} == {"+17185550142"}


def test_reminders_move_with_the_event_and_go_with_a_cancellation(api):
    starts = timezone.now() + timedelta(days=10)
    event = EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=2))
    register(api, event)
    before = list(reminders().values_list("not_before", flat=True))
    week = timedelta(days=7)
    update_event(event_id=event.pk, starts_at=starts + week, ends_at=event.ends_at + week)
    assert reminders(status=Status.HELD).count() == 2
    after = list(reminders(status=Status.QUEUED).values_list("not_before", flat=True))
    assert [b + timedelta(days=7) for b in before] == after
    update_event(event_id=event.pk, remind_morning_of=False)
    assert [m.kind for m in reminders(status=Status.QUEUED)] == [Kind.REMINDER]
    cancel_event(event_id=event.pk)
    assert not reminders(status=Status.QUEUED).exists()


def test_a_due_reminder_is_sent_with_the_code_and_the_events_page(api):
    starts = timezone.now() + timedelta(days=10)
    event = EventFactory(starts_at=starts, title={"en": "Family night"})
    created = register(api, event)
    reminders().update(not_before=timezone.now())
    assert services.deliver_due() == {"sent": 3}  # the confirmation and two reminders
    [_confirmation, *reminded] = sms_backends.outbox
    code = created["pass_code"]
    assert all(f"{code[:3]} {code[3:]}" in text["body"] for text in reminded)
    assert all(text["body"].endswith(f"/events/{event.pk}") for text in reminded)
    assert all("Family night" in text["body"] for text in reminded)
