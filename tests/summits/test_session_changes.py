"""A session's event changed through /api/v1/events/{id}/ keeps the summit's rules, the
same as when the session was created: no more seats than its room holds, inside the
summit's days."""

import pytest

from events_api.events.models import Event
from tests.conftest import client_for
from tests.factories import RoomFactory, SessionFactory, SummitFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    organiser = UserFactory()
    summit = SummitFactory(year=2027, organizers=[organiser])
    room = RoomFactory(summit=summit, capacity=40)
    session = SessionFactory(summit=summit, room=room, event__capacity=30)
    return client_for(organiser), session


def test_capacity_above_the_rooms_is_refused_and_changes_nothing(setup):
    client, session = setup
    response = client.patch(f"/api/v1/events/{session.event_id}/", {"capacity": 50})
    assert response.status_code == 400, response.json()
    assert response.json()["code"] == "room_too_small"
    assert response.json()["room_capacity"] == 40
    assert Event.objects.get(pk=session.event_id).capacity == 30


def test_capacity_up_to_the_room_is_accepted(setup):
    client, session = setup
    response = client.patch(f"/api/v1/events/{session.event_id}/", {"capacity": 40})
    assert response.status_code == 200, response.json()
    assert Event.objects.get(pk=session.event_id).capacity == 40


def test_moving_a_session_outside_the_summit_is_refused(setup):
    client, session = setup
    response = client.patch(
        f"/api/v1/events/{session.event_id}/",
        {"starts_at": "2027-03-09T10:00:00-05:00", "ends_at": "2027-03-09T11:00:00-05:00"},
    )
    assert response.status_code == 400, response.json()
    assert response.json()["code"] == "session_outside_summit"
    assert Event.objects.get(pk=session.event_id).starts_at == session.event.starts_at
