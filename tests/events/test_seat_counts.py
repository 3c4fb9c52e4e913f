"""An event's stored seats_taken and waitlist_length: written by every service that moves a
seat, never by a stale save, checked and repaired by `manage.py recount_events`, and read
by the event list instead of counting registrations per row. (tests/conftest.py also checks
after every database test that no event's counts drifted from its registrations.)"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events_api.events.models import Event, Registration
from events_api.events.services import events as event_services
from events_api.events.services import registration as services
from events_api.events.services.contact import Contact
from events_api.events.services.counts import drifted
from events_api.events.services.party import Party
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def stored(event) -> tuple[int, int]:
    return tuple(Event.objects.filter(pk=event.pk).values_list("seats_taken", "waitlist_length")[0])


def take(event, name, adults=1, children=0):
    return services.register(
        event_id=event.pk,
        contact=Contact(name=name, phone=f"+1718555{abs(hash(name)) % 10000:04d}"),
        party=Party(adults=adults, children=children),
        needs=services.Needs(),
    ).registration


def test_every_service_that_moves_a_seat_stores_the_counts():
    event = EventFactory(capacity=4)
    a = take(event, "A", adults=2, children=1)
    assert stored(event) == (3, 0)
    b = take(event, "B", adults=2)
    c = take(event, "C")
    assert stored(event) == (4, 1)  # B waits: a party is seated whole or not at all

    services.change(registration_id=a.pk, party=Party(adults=1, children=0))
    assert stored(event) == (4, 0)  # A shrank by two: B was promoted
    assert Registration.objects.get(pk=b.pk).status == "confirmed"

    d = take(event, "D", adults=2)
    assert stored(event) == (4, 1)
    services.cancel(registration_id=d.pk)
    assert stored(event) == (4, 0)  # a waiting party left
    services.cancel(registration_id=c.pk)
    assert stored(event) == (3, 0)

    services.check_in(event_id=event.pk, code=a.pass_code, by=UserFactory())
    assert stored(event) == (3, 0)  # checked in still holds its seats

    take(event, "E", adults=3)
    assert stored(event) == (3, 1)
    event_services.update_event(event_id=event.pk, capacity=6)
    assert stored(event) == (6, 0)  # more seats: E promoted
    event_services.update_event(event_id=event.pk, capacity=None)
    assert stored(event) == (6, 0)
    assert drifted() == []


def test_a_stale_copy_saved_later_does_not_put_old_counts_back():
    event = EventFactory(capacity=10)
    stale = Event.objects.get(pk=event.pk)
    take(event, "A", adults=2)
    stale.room = "Library"
    stale.save()
    assert stored(event) == (2, 0)
    assert Event.objects.get(pk=event.pk).room == "Library"


def test_recount_events_reports_drift_and_fix_repairs_it():
    event = EventFactory(capacity=10)
    RegistrationFactory(event=event, adults=2, children=1)
    RegistrationFactory(event=event, status="waitlisted", waitlist_position=1)
    Event.objects.filter(pk=event.pk).update(seats_taken=9, waitlist_length=0)

    out = StringIO()
    with pytest.raises(CommandError, match="1 event"):
        call_command("recount_events", stdout=out)
    assert f"event {event.pk}: seats 9 (registrations say 3), waitlist 0 (registrations say 1)" in (
        out.getvalue()
    )
    assert stored(event) == (9, 0)  # a check changes nothing

    out = StringIO()
    call_command("recount_events", "--fix", stdout=out)
    assert "1 had drifted" in out.getvalue()
    assert stored(event) == (3, 1)
    call_command("recount_events", stdout=StringIO())  # and now the check passes


def test_the_event_list_reads_no_registrations(api):
    for capacity in (5, None, 2):
        event = EventFactory(capacity=capacity)
        RegistrationFactory(event=event, adults=2)
    RegistrationFactory(event=event, status="waitlisted", waitlist_position=1)

    with CaptureQueriesContext(connection) as queries:
        response = api.get("/api/v1/events/?has_seats=true")

    assert response.status_code == 200
    assert [(e["seats_left"], e["waitlist_length"]) for e in response.json()["results"]] == [
        (3, 0),
        (None, 0),
    ]
    registrations = Registration._meta.db_table
    assert not [q["sql"] for q in queries.captured_queries if registrations in q["sql"]]
