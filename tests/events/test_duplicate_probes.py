"""Nobody learns about someone else's registration by trying their phone number or email:
the refusal of a duplicate says which registration and its status only to its owner (the
account that made it, or the CBO that made it), and RSVPs check the answer before the
contact, so an invalid body cannot probe either."""

import pytest

from events_api.events.consent import CONSENT_VERSION
from events_api.events.models import Registration
from tests.committees.factories import MeetingFactory
from tests.conftest import client_for
from tests.factories import EventFactory, OrganizationMembershipFactory, UserFactory

CONSENTED = {"consent": True, "consent_version": CONSENT_VERSION, "consent_language": "en"}

pytestmark = pytest.mark.django_db

PARENT = {"name": "Nasreen Akter", "phone": "(718) 555-9002"}


def url(event):
    return f"/api/v1/events/{event.pk}/registrations/"


def cbo_client():
    membership = OrganizationMembershipFactory(user=UserFactory(roles=["cbo_staff"]))
    return client_for(membership.user), membership.organization_id


def test_an_anonymous_probe_learns_neither_the_registration_nor_its_status(api):
    event = EventFactory()
    cbo, organization = cbo_client()
    cbo.post(url(event), {**PARENT, "organization": organization, **CONSENTED})
    probe = api.post(url(event), {"name": "Probe", "phone": "7185559002"})
    assert probe.status_code == 409
    assert probe.json() == {
        "code": "already_registered",
        "message": "This contact is already registered for this event.",
        "fields": {},
    }
    assert Registration.objects.filter(event=event).count() == 1


def test_the_cbo_that_made_it_is_shown_the_registration():
    event = EventFactory()
    cbo, organization = cbo_client()
    first = cbo.post(url(event), {**PARENT, "organization": organization, **CONSENTED})
    again = cbo.post(url(event), {**PARENT, "organization": organization, **CONSENTED})
    assert again.status_code == 409
    assert again.json()["existing_registration"] == {
        "id": first.json()["id"],
        "status": "confirmed",
    }
    assert list(Registration.objects.values_list("pk", flat=True)) == [first.json()["id"]]


def test_another_cbo_is_not_shown_the_registration():
    event = EventFactory()
    cbo, organization = cbo_client()
    other, other_organization = cbo_client()
    cbo.post(url(event), {**PARENT, "organization": organization, **CONSENTED})
    again = other.post(url(event), {**PARENT, "organization": other_organization, **CONSENTED})
    assert again.status_code == 409
    assert "existing_registration" not in again.json()
    assert list(Registration.objects.values_list("organization", flat=True)) == [organization]


def test_a_signed_in_stranger_with_the_same_email_is_not_shown_it(api):
    event = EventFactory()
    api.post(url(event), {"name": "Farida", "email": "farida@example.org"})
    stranger = client_for(UserFactory())
    answer = stranger.post(url(event), {"name": "X", "email": "farida@example.org"})
    assert answer.status_code == 409
    assert "existing_registration" not in answer.json()
    assert list(Registration.objects.values_list("name", "user")) == [("Farida", None)]


def test_an_rsvp_checks_the_answer_before_the_contact(api):
    meeting = MeetingFactory()
    rsvp = f"/api/v1/meetings/{meeting.pk}/rsvp/"
    assert api.post(rsvp, {"response": "yes", **PARENT}).status_code == 201
    invalid = api.post(rsvp, {"response": "yes", **PARENT, "adults": 0})
    assert invalid.status_code == 400
    assert invalid.json()["code"] == "invalid_party"
    again = api.post(rsvp, {"response": "no", **PARENT})
    assert again.status_code == 409
    assert again.json()["code"] == "already_registered"
    assert "existing_registration" not in again.json()
