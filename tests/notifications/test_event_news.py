"""An event moves or is cancelled: everyone still coming hears it once, in their language,
with what changed (old → new) and, by email, the updated calendar entry (same UID, higher
SEQUENCE; STATUS:CANCELLED for a cancellation)."""

from datetime import timedelta

import pytest
from django.core import mail

from events_api.events.services.events import cancel_event, update_event
from events_api.notifications import services, sms_backends
from events_api.notifications.models import Kind, Message, Status
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def register(api, event, body, **extra):
    response = api.post(f"/api/v1/events/{event.pk}/registrations/", body, **extra)
    assert response.status_code == 201, response.json()
    return response.json()


@pytest.fixture
def event_with_families(api):
    event = EventFactory(capacity=1, room="Room 101", title={"en": "Family night"})
    register(api, event, {"name": "Seated", "email": "seated@example.org"}, QUERY_STRING="lang=es")
    register(api, event, {"name": "Waiting", "phone": "(718) 555-0130"}, QUERY_STRING="lang=bn")
    register(api, event, {"name": "By phone", "phone": "(718) 555-0131", "channel": "phone_call"})
    services.deliver_due()
    mail.outbox.clear()
    sms_backends.outbox.clear()
    return event


def test_a_moved_event_tells_everyone_coming_what_changed(event_with_families):
    event = event_with_families
    was = event.starts_at
    later = timedelta(days=1)
    update_event(
        event_id=event.pk, starts_at=was + later, ends_at=event.ends_at + later, room="Gym"
    )
    news = Message.objects.filter(kind=Kind.EVENT_CHANGED)
    assert sorted(news.values_list("channel", "language")) == [("email", "es"), ("sms", "bn")]
    assert services.deliver_due() == {"sent": 2}
    [email] = mail.outbox
    assert "Gym" in email.body and "Room 101" in email.body  # now … (was …)
    [(_name, ics, _type)] = email.attachments
    assert f"UID:event-{event.pk}@" in ics and "SEQUENCE:2" in ics
    [text] = sms_backends.outbox
    assert "Gym" in text["body"] and f"/events/{event.pk}" in text["body"]


def test_a_change_that_does_not_move_the_event_tells_nobody(event_with_families):
    update_event(event_id=event_with_families.pk, title={"en": "Family night!"})
    assert not Message.objects.filter(kind=Kind.EVENT_CHANGED).exists()


def test_a_cancellation_reaches_everyone_coming_once(event_with_families):
    event = event_with_families
    cancel_event(event_id=event.pk)
    cancel_event(event_id=event.pk)
    assert Message.objects.filter(kind=Kind.EVENT_CANCELLED).count() == 2
    services.deliver_due()
    [email] = mail.outbox
    assert "STATUS:CANCELLED" in email.attachments[0][1]
    assert "Family night" in email.subject  # in English: it has no Spanish title


def test_news_still_queued_gives_way_to_newer_news(event_with_families):
    event = event_with_families
    update_event(event_id=event.pk, room="Gym")
    cancel_event(event_id=event.pk)
    statuses = dict(
        Message.objects.filter(kind__in=[Kind.EVENT_CHANGED, Kind.EVENT_CANCELLED])
        .values_list("kind", "status")
        .distinct()
    )
    assert statuses == {Kind.EVENT_CHANGED: Status.HELD, Kind.EVENT_CANCELLED: Status.QUEUED}
    assert services.deliver_due() == {"sent": 2}
    news = [Kind.EVENT_CHANGED, Kind.EVENT_CANCELLED]
    sent = Message.objects.filter(status=Status.SENT, kind__in=news)
    assert set(sent.values_list("kind", flat=True)) == {Kind.EVENT_CANCELLED}


def test_cancelling_a_500_family_session_queues_500_messages_in_a_few_queries(api):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from events_api.events.models import Registration
    from events_api.events.services.counts import recount

    event = EventFactory(capacity=None)
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"Family {i}",
            phone=f"+1718555{i:04d}",
            pass_code=f"C{i:06d}",
            manage_token_hash=f"{i:064x}",
        )
        for i in range(500)
    )
    recount([event.pk])  # rows made by hand, so their event is recounted as the repair does
    with CaptureQueriesContext(connection) as queries:
        cancel_event(event_id=event.pk)
    assert Message.objects.filter(kind=Kind.EVENT_CANCELLED).count() == 500
    assert len(queries) < 40, [q["sql"][:80] for q in queries.captured_queries]
