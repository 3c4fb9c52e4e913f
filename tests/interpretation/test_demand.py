"""Demand aggregates: registrations' interpreter needs and direct requests add up to one
line per event, language and mode, and registration changes move it in the same
transaction."""

import pytest
from django.db import transaction

from events_api.events.models import Registration
from events_api.events.services import events as event_services
from events_api.events.services import registration as registration_services
from events_api.interpretation.models import (
    Assignment,
    DemandLine,
    InterpreterRequest,
)
from events_api.interpretation.services.assignments import assign, confirm
from events_api.interpretation.services.demand import sync_demand
from tests.factories import EventFactory, RegistrationFactory
from tests.interpretation.factories import InterpreterFactory, coordinator, request_line

pytestmark = pytest.mark.django_db


def register(api, event, i, language="bn", adults=1, **extra):
    response = api.post(
        f"/api/v1/events/{event.pk}/registrations/",
        {
            "name": f"Parent {i}",
            "phone": f"+1718555{i:04d}",
            "adults": adults,
            "interpreter_language": language,
            **extra,
        },
    )
    assert response.status_code == 201, response.json()
    return response.json()


def lines(event) -> dict:
    return {
        (line.language_id, line.mode): (line.people, line.status)
        for line in DemandLine.objects.filter(event=event)
    }


def test_ten_bangla_speakers_are_one_line_of_ten(api):
    event = EventFactory(capacity=50)
    for i in range(10):
        register(api, event, i)
    assert lines(event) == {("bn", "in_person"): (10, "requested")}
    assert InterpreterRequest.objects.filter(event=event, cancelled_at=None).count() == 10


def test_party_adults_count_and_direct_requests_join_the_line(api):
    event = EventFactory(capacity=50)
    register(api, event, 1, adults=3, children=2)
    request_line(event, language="bn", people=4)
    assert lines(event) == {("bn", "in_person"): (7, "requested")}


def test_cancel_and_change_update_the_demand(api):
    event = EventFactory(capacity=50)
    made = [register(api, event, i) for i in range(3)]
    api.delete(f"/api/v1/registrations/manage/{made[0]['manage_token']}/")
    assert lines(event) == {("bn", "in_person"): (2, "requested")}

    response = api.patch(
        f"/api/v1/registrations/manage/{made[1]['manage_token']}/",
        {"interpreter_language": "es"},
    )
    assert response.status_code == 200
    assert lines(event) == {
        ("bn", "in_person"): (1, "requested"),
        ("es", "in_person"): (1, "requested"),
    }

    api.patch(f"/api/v1/registrations/manage/{made[2]['manage_token']}/", {"adults": 2})
    api.patch(
        f"/api/v1/registrations/manage/{made[1]['manage_token']}/", {"interpreter_language": None}
    )
    assert lines(event) == {
        ("bn", "in_person"): (2, "requested"),
        ("es", "in_person"): (0, "cancelled"),
    }


def test_waitlisted_parties_count_once_promoted(api):
    event = EventFactory(capacity=1)
    first = register(api, event, 1, language="es")
    second = register(api, event, 2, language="bn")
    assert second["status"] == "waitlisted"
    assert lines(event) == {("es", "in_person"): (1, "requested")}
    api.delete(f"/api/v1/registrations/manage/{first['manage_token']}/")
    assert lines(event) == {
        ("es", "in_person"): (0, "cancelled"),
        ("bn", "in_person"): (1, "requested"),
    }


def test_capacity_growth_promotes_and_counts(api):
    event = EventFactory(capacity=1)
    register(api, event, 1, language="es")
    register(api, event, 2, language="ko")
    event_services.update_event(event_id=event.pk, capacity=5)
    assert lines(event)[("ko", "in_person")] == (1, "requested")


def test_sign_language_and_online_events_get_their_modes(api):
    room = EventFactory(capacity=10)
    online = EventFactory(capacity=10, address="", online_url="https://meet.example.org/x")
    register(api, room, 1, language="ase")
    register(api, online, 2, language="ar")
    assert lines(room) == {("ase", "sign_language"): (1, "requested")}
    assert lines(online) == {("ar", "video"): (1, "requested")}


def test_a_failed_transaction_leaves_the_demand_as_it_was(api):
    event = EventFactory(capacity=10)
    register(api, event, 1)
    registration = Registration.objects.get(event=event)
    with pytest.raises(RuntimeError), transaction.atomic():
        registration_services.cancel(registration_id=registration.pk)
        assert lines(event) == {("bn", "in_person"): (0, "cancelled")}
        raise RuntimeError("roll back")
    assert lines(event) == {("bn", "in_person"): (1, "requested")}


def test_losing_everyone_cancels_the_line_and_its_assignment(api):
    event = EventFactory(capacity=10)
    made = register(api, event, 1, language="es")
    line = DemandLine.objects.get(event=event)
    assignment = assign(line_id=line.pk, interpreter_id=InterpreterFactory().pk, by=coordinator())
    api.delete(f"/api/v1/registrations/manage/{made['manage_token']}/")
    assignment.refresh_from_db()
    assert assignment.status == "cancelled"
    register(api, event, 2, language="es")
    assert lines(event) == {("es", "in_person"): (1, "requested")}


def test_cancelling_the_event_cancels_lines_and_assignments():
    event = EventFactory()
    RegistrationFactory(event=event, interpreter_language_id="es")
    sync_demand(event_id=event.pk)
    line = DemandLine.objects.get(event=event)
    interpreter = InterpreterFactory()
    confirm(assignment_id=assign(line_id=line.pk, interpreter_id=interpreter.pk, by=None).pk)
    event_services.cancel_event(event_id=event.pk)
    assert lines(event) == {("es", "in_person"): (1, "cancelled")}
    assert list(Assignment.objects.values_list("status", flat=True)) == ["cancelled"]


def test_moving_the_event_asks_confirmed_interpreters_again():
    event = EventFactory()
    line = request_line(event, language="es")
    assignment = assign(line_id=line.pk, interpreter_id=InterpreterFactory().pk, by=None)
    confirm(assignment_id=assignment.pk)
    event_services.update_event(event_id=event.pk, room="Library")
    assignment.refresh_from_db()
    line.refresh_from_db()
    assert (assignment.status, assignment.reconfirm, line.status) == ("assigned", True, "assigned")
    confirm(assignment_id=assignment.pk)
    assignment.refresh_from_db()
    line.refresh_from_db()
    assert (assignment.status, assignment.reconfirm, line.status) == (
        "confirmed",
        False,
        "confirmed",
    )


def test_a_change_that_does_not_move_the_event_keeps_confirmations():
    event = EventFactory()
    line = request_line(event, language="es")
    assignment = assign(line_id=line.pk, interpreter_id=InterpreterFactory().pk, by=None)
    confirm(assignment_id=assignment.pk)
    event_services.update_event(event_id=event.pk, capacity=99)
    assignment.refresh_from_db()
    assert (assignment.status, assignment.reconfirm) == ("confirmed", False)
