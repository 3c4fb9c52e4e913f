import pytest

from events_api.events.models import Registration
from events_api.people.roles import Role
from tests.conftest import client_for
from tests.factories import EventFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session_and_door():
    organiser = UserFactory()
    session = SessionFactory(summit__organizers=[organiser], event__capacity=2)
    return session.event, client_for(organiser)


def rows():
    """Every registration as stored: a refused check-in must leave each field as it was."""
    return list(Registration.objects.order_by("pk").values())


def register(api, event, name, **extra):
    return api.post(
        f"/api/v1/events/{event.pk}/registrations/",
        {"name": name, "email": f"{name}@example.org", **extra},
    ).json()


def test_check_in_by_code_returns_name_party_and_needs_and_is_idempotent(api, session_and_door):
    event, door = session_and_door
    reg = register(
        api, event, "farida", adults=1, children=1, interpreter_language="bn", childcare_ages=[5]
    )
    first = door.post(f"/api/v1/events/{event.pk}/check-in/", {"code": reg["pass_code"]})
    assert first.status_code == 200, first.json()
    assert first.json() == {
        "registration": reg["id"],
        "name": "farida",
        "adults": 1,
        "children": 1,
        "party_size": 2,
        "interpreter_language": "bn",
        "childcare_ages": [5],
        "accessibility": [],
        "accessibility_notes": "",
        "status": "checked_in",
        "already_checked_in": False,
    }
    # read aloud: lower case, with a space and a dash
    spoken = reg["pass_code"].lower()
    spoken = spoken[:3] + " - " + spoken[3:]
    second = door.post(f"/api/v1/events/{event.pk}/check-in/", {"code": spoken})
    assert second.status_code == 200
    assert second.json()["already_checked_in"] is True
    assert Registration.objects.get().checked_in_at is not None


def test_the_same_check_in_sent_again_is_answered_as_the_first_time(api, session_and_door):
    """The door device sends a check-in, the answer is lost, it sends it again with the
    same key: "checked in", not "already checked in". Another device's scan (another key,
    or none) is still told the party was already checked in."""
    event, door = session_and_door
    code = register(api, event, "dina")["pass_code"]
    url = f"/api/v1/events/{event.pk}/check-in/"
    key = "5f0c6a4e9b2d4c1e8a7f3b6d2e9c1a40"
    answers = [door.post(url, {"code": code, "key": key}) for _ in range(2)]
    assert [a.status_code for a in answers] == [200, 200]
    assert [a.json()["already_checked_in"] for a in answers] == [False, False]
    assert door.post(url, {"code": code, "key": "another-device-key"}).json()["already_checked_in"]
    assert door.post(url, {"code": code}).json()["already_checked_in"] is True
    registration = Registration.objects.get()
    assert (registration.status, registration.check_in_key) == ("checked_in", key)


@pytest.mark.parametrize("key", ["short", "has spaces in it", "x" * 65, "1700000000.5-0.25"])
def test_a_malformed_check_in_key_is_refused_and_checks_nobody_in(api, session_and_door, key):
    event, door = session_and_door
    code = register(api, event, "dina")["pass_code"]
    response = door.post(f"/api/v1/events/{event.pk}/check-in/", {"code": code, "key": key})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert list(response.json()["fields"]) == ["key"]
    assert Registration.objects.get().status == "confirmed"


def test_check_in_refuses_unknown_waitlisted_and_cancelled(api, session_and_door):
    event, door = session_and_door
    register(api, event, "a", adults=2)
    waiting = register(api, event, "b")
    assert waiting["status"] == "waitlisted"
    before = rows()
    unknown = door.post(f"/api/v1/events/{event.pk}/check-in/", {"code": "AAAAAAA"})
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "registration_not_found"
    refused = door.post(f"/api/v1/events/{event.pk}/check-in/", {"code": waiting["pass_code"]})
    assert refused.status_code == 409
    assert refused.json()["code"] == "not_seated"
    assert rows() == before
    api.delete(f"/api/v1/registrations/manage/{waiting['manage_token']}/")
    before = rows()
    cancelled = door.post(f"/api/v1/events/{event.pk}/check-in/", {"code": waiting["pass_code"]})
    assert cancelled.status_code == 409
    assert cancelled.json()["code"] == "registration_cancelled"
    assert rows() == before
    row = Registration.objects.get(pk=waiting["id"])
    assert (row.status, row.checked_in_at, row.check_in_key) == ("cancelled", None, "")


def test_a_code_from_another_event_does_not_check_in(api, session_and_door):
    event, door = session_and_door
    other = EventFactory()
    reg = register(api, other, "x")
    before = rows()
    response = door.post(f"/api/v1/events/{event.pk}/check-in/", {"code": reg["pass_code"]})
    assert response.status_code == 404
    assert rows() == before
    assert Registration.objects.get(pk=reg["id"]).checked_in_at is None


def test_only_organisers_and_door_volunteers_check_in(api, session_and_door):
    event, _door = session_and_door
    reg = register(api, event, "a")
    before = rows()
    assert api.post(
        f"/api/v1/events/{event.pk}/check-in/", {"code": reg["pass_code"]}
    ).status_code in (401, 403)
    stranger = client_for(UserFactory())
    assert (
        stranger.post(
            f"/api/v1/events/{event.pk}/check-in/", {"code": reg["pass_code"]}
        ).status_code
        == 403
    )
    assert rows() == before
    volunteer = client_for(UserFactory(roles=[Role.DOOR_VOLUNTEER]))
    assert (
        volunteer.post(
            f"/api/v1/events/{event.pk}/check-in/", {"code": reg["pass_code"]}
        ).status_code
        == 200
    )
    assert Registration.objects.get(pk=reg["id"]).status == "checked_in"


def test_the_door_lists_the_events_each_person_may_check_in_at(session_and_door):
    """?check_in=true: a door volunteer works at every event; an organiser only at the
    events they organise (the others would answer 403 at the door)."""
    event, organiser = session_and_door
    other = EventFactory(status="published")

    def ids(api, value="true"):
        response = api.get(f"/api/v1/events/?check_in={value}&page_size=100")
        assert response.status_code == 200, response.json()
        return {e["id"] for e in response.json()["results"]}

    assert event.pk in ids(organiser)
    assert other.pk not in ids(organiser)
    assert other.pk in ids(organiser, "false")
    volunteer = client_for(UserFactory(roles=[Role.DOOR_VOLUNTEER]))
    assert {event.pk, other.pk} <= ids(volunteer)
    assert ids(client_for(UserFactory())) == set()


def test_walk_in_while_seats_remain_then_full(session_and_door):
    event, door = session_and_door
    first = door.post(
        f"/api/v1/events/{event.pk}/walk-ins/",
        {"name": "Walk In", "adults": 2, "phone": "+17185550199"},
    )
    assert first.status_code == 201, first.json()
    assert first.json()["status"] == "checked_in"
    registration = Registration.objects.get()
    assert registration.source == "walk_in"
    assert registration.user is None  # the volunteer is not the registrant
    full = door.post(
        f"/api/v1/events/{event.pk}/walk-ins/", {"name": "Late", "phone": "+17185550198"}
    )
    assert full.status_code == 409
    assert full.json()["code"] == "event_full"
    assert Registration.objects.count() == 1
