"""Capacity, waitlist and promotion rules, through the API."""

import pytest

from events_api.events.models import Registration
from tests.conftest import client_for
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def register(api, event, name, adults=1, children=0):
    response = api.post(
        f"/api/v1/events/{event.pk}/registrations/",
        {
            "name": name,
            "email": f"{name.lower().replace(' ', '')}@example.org",
            "adults": adults,
            "children": children,
        },
    )
    assert response.status_code == 201, response.json()
    return response.json()


def statuses(event):
    return {
        r.name: (r.status, r.waitlist_position) for r in Registration.objects.filter(event=event)
    }


def test_party_is_confirmed_whole_or_waitlisted_whole(api):
    event = EventFactory(capacity=4)
    a = register(api, event, "A", adults=2, children=1)
    b = register(api, event, "B", adults=2)
    c = register(api, event, "C", adults=1)
    assert (a["status"], b["status"], c["status"]) == ("confirmed", "waitlisted", "confirmed")
    assert b["waitlist_position"] == 1
    detail = api.get(f"/api/v1/events/{event.pk}/").json()
    assert detail["seats_left"] == 0
    assert detail["waitlist_length"] == 1


def test_cancel_promotes_first_waitlisted_party_that_fits(api):
    event = EventFactory(capacity=3)
    a = register(api, event, "A", adults=3)
    register(api, event, "Big", adults=3)  # waitlist 1
    register(api, event, "Pair", adults=2)  # waitlist 2
    register(api, event, "Solo", adults=1)  # waitlist 3
    api.delete(f"/api/v1/registrations/manage/{a['manage_token']}/")
    assert statuses(event) == {
        "A": ("cancelled", None),
        "Big": ("confirmed", None),
        "Pair": ("waitlisted", 1),
        "Solo": ("waitlisted", 2),
    }


def test_promotion_skips_a_party_that_does_not_fit_and_takes_a_later_one(api):
    event = EventFactory(capacity=3)
    register(api, event, "Two", adults=2)
    one = register(api, event, "One", adults=1)
    register(api, event, "Four", adults=4)  # waitlist 1, never fits
    register(api, event, "Solo", adults=1)  # waitlist 2
    api.delete(f"/api/v1/registrations/manage/{one['manage_token']}/")
    assert statuses(event) == {
        "Two": ("confirmed", None),
        "One": ("cancelled", None),
        "Four": ("waitlisted", 1),
        "Solo": ("confirmed", None),
    }


def test_capacity_increase_promotes_in_order():
    organiser = UserFactory()
    event = EventFactory(capacity=1)
    from summits.models import Session
    from tests.factories import SummitFactory

    summit = SummitFactory(organizers=[organiser])
    Session.objects.create(summit=summit, event=event)
    from rest_framework.test import APIClient

    api = APIClient()
    register(api, event, "A")
    register(api, event, "B")
    register(api, event, "C")
    register(api, event, "D")
    response = client_for(organiser).patch(f"/api/v1/events/{event.pk}/", {"capacity": 3})
    assert response.status_code == 200, response.json()
    assert response.json()["seats_left"] == 0
    assert response.json()["waitlist_length"] == 1
    assert statuses(event) == {
        "A": ("confirmed", None),
        "B": ("confirmed", None),
        "C": ("confirmed", None),
        "D": ("waitlisted", 1),
    }


def test_cancelling_a_waitlisted_party_closes_the_gap(api):
    event = EventFactory(capacity=1)
    register(api, event, "A")
    b = register(api, event, "B")
    register(api, event, "C")
    api.delete(f"/api/v1/registrations/manage/{b['manage_token']}/")
    assert statuses(event)["C"] == ("waitlisted", 1)


def test_shrinking_a_party_frees_seats_for_the_waitlist(api):
    event = EventFactory(capacity=4)
    a = register(api, event, "A", adults=2, children=2)
    register(api, event, "B", adults=1, children=1)
    response = api.patch(f"/api/v1/registrations/manage/{a['manage_token']}/", {"children": 0})
    assert response.status_code == 200
    assert response.json()["party_size"] == 2
    assert statuses(event)["B"] == ("confirmed", None)


def test_growing_a_party_beyond_the_seats_left_is_refused_and_keeps_the_seat(api):
    event = EventFactory(capacity=4)
    a = register(api, event, "A", adults=2)
    register(api, event, "B", adults=1)
    response = api.patch(f"/api/v1/registrations/manage/{a['manage_token']}/", {"children": 2})
    assert response.status_code == 409
    assert response.json()["code"] == "party_does_not_fit"
    assert response.json()["seats_left"] == 1
    registration = Registration.objects.get(name="A")
    assert (registration.adults, registration.children, registration.status) == (2, 0, "confirmed")
    ok = api.patch(f"/api/v1/registrations/manage/{a['manage_token']}/", {"children": 1})
    assert ok.status_code == 200
    assert ok.json()["party_size"] == 3


def test_unlimited_events_never_waitlist(api):
    event = EventFactory(capacity=None)
    rows = [register(api, event, f"P{i}", adults=5) for i in range(5)]
    assert {r["status"] for r in rows} == {"confirmed"}
    assert api.get(f"/api/v1/events/{event.pk}/").json()["seats_left"] is None


def test_cancel_is_idempotent(api):
    event = EventFactory(capacity=1)
    a = register(api, event, "A")
    register(api, event, "B")
    first = api.delete(f"/api/v1/registrations/manage/{a['manage_token']}/")
    second = api.delete(f"/api/v1/registrations/manage/{a['manage_token']}/")
    assert first.json()["status"] == second.json()["status"] == "cancelled"
    assert statuses(event)["B"] == ("confirmed", None)


def test_cancelled_registration_cannot_be_changed(api):
    event = EventFactory()
    a = register(api, event, "A")
    api.delete(f"/api/v1/registrations/manage/{a['manage_token']}/")
    before = Registration.objects.values().get(pk=a["id"])
    response = api.patch(f"/api/v1/registrations/manage/{a['manage_token']}/", {"adults": 2})
    assert response.status_code == 409
    assert response.json()["code"] == "registration_cancelled"
    assert Registration.objects.values().get(pk=a["id"]) == before
    assert (before["status"], before["adults"]) == ("cancelled", 1)


def test_manage_link_changes_needs(api):
    event = EventFactory()
    a = register(api, event, "A")
    response = api.patch(
        f"/api/v1/registrations/manage/{a['manage_token']}/",
        {
            "children": 1,
            "interpreter_language": "ar",
            "childcare_ages": [3],
            "accessibility": ["hearing"],
        },
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["interpreter_language"], body["childcare_ages"], body["accessibility"]) == (
        "ar",
        [3],
        ["hearing"],
    )


@pytest.mark.parametrize(
    "payload", [{"adults": 0}, {"adults": 50}, {"interpreter_language": "xx"}, {"name": "new"}]
)
def test_manage_link_rejects_bad_changes(api, payload):
    event = EventFactory()
    a = register(api, event, "A")
    before = Registration.objects.values().get(pk=a["id"])
    response = api.patch(f"/api/v1/registrations/manage/{a['manage_token']}/", payload)
    assert response.status_code == 400
    assert Registration.objects.values().get(pk=a["id"]) == before


def test_unknown_manage_token_is_404(api):
    response = api.get("/api/v1/registrations/manage/" + "x" * 43 + "/")
    assert response.status_code == 404
    assert response.json()["code"] == "registration_not_found"
