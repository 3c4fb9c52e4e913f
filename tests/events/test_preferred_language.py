"""The language a registration's messages will be sent in: what the person said, else the
language of the interpreter a CBO asked for, else the signed-in person's own, else the
language they are reading the site in — never English by default for a Bangla reader."""

import pytest

from events_api.events.consent import CONSENT_VERSION
from events_api.events.models import Registration
from tests.conftest import client_for
from tests.factories import EventFactory, OrganizationMembershipFactory, UserFactory

CONSENTED = {"consent": True, "consent_version": CONSENT_VERSION, "consent_language": "en"}

pytestmark = pytest.mark.django_db


def register(client, event, body, **extra):
    response = client.post(f"/api/v1/events/{event.pk}/registrations/", body, **extra)
    assert response.status_code == 201, response.json()
    return Registration.objects.get(pk=response.json()["id"])


GUEST = {"name": "Farida Rahman", "phone": "(718) 555-0101"}


def test_a_guest_reading_in_bangla_gets_messages_in_bangla(api):
    event = EventFactory()
    registration = register(api, event, GUEST, QUERY_STRING="lang=bn")
    assert registration.preferred_language_id == "bn"


def test_a_guest_whose_browser_asks_for_spanish_gets_spanish(api):
    registration = register(api, EventFactory(), GUEST, HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9")
    assert registration.preferred_language_id == "es"


def test_a_guest_with_no_language_preference_gets_english(api):
    assert register(api, EventFactory(), GUEST).preferred_language_id == "en"


def test_what_the_person_chose_wins_over_the_page_language(api):
    body = {**GUEST, "preferred_language": "ht"}
    registration = register(api, EventFactory(), body, QUERY_STRING="lang=fr")
    assert registration.preferred_language_id == "ht"


def test_a_signed_in_parent_gets_the_language_of_her_profile():
    parent = UserFactory(preferred_language_id="uz")
    registration = register(client_for(parent), EventFactory(), {}, QUERY_STRING="lang=en")
    assert registration.preferred_language_id == "uz"


def test_a_family_registered_by_a_cbo_reads_the_language_of_its_interpreter():
    """The staff member's own profile and page are in English; the family asked for a
    Bangla interpreter, so Bangla is what they will read."""
    membership = OrganizationMembershipFactory(user__preferred_language_id="en")
    body = {
        "name": "Family",
        **CONSENTED,
        "organization": membership.organization.pk,
        "interpreter_language": "bn",
    }
    registration = register(client_for(membership.user), EventFactory(), body)
    assert registration.preferred_language_id == "bn"


def test_a_family_registered_by_a_cbo_without_an_interpreter_is_not_given_staff_language():
    membership = OrganizationMembershipFactory(user__preferred_language_id="ru")
    body = {"name": "Family", **CONSENTED, "organization": membership.organization.pk}
    registration = register(
        client_for(membership.user), EventFactory(), body, QUERY_STRING="lang=ko"
    )
    assert registration.preferred_language_id == "ko"


def test_a_member_rsvping_to_a_meeting_gets_the_language_of_her_profile():
    from tests.committees.factories import MeetingFactory, MembershipFactory

    meeting = MeetingFactory()
    member = MembershipFactory(committee=meeting.committee, user__preferred_language_id="ur").user
    response = client_for(member).post(
        f"/api/v1/meetings/{meeting.pk}/rsvp/", {"response": "yes"}, QUERY_STRING="lang=en"
    )
    assert response.status_code == 201, response.json()
    assert Registration.objects.get(event=meeting.event).preferred_language_id == "ur"


def test_an_account_signed_up_in_bangla_keeps_bangla_for_what_it_registers(api):
    from django.test import Client

    from events_api.people.models import User

    response = Client().post(
        "/_allauth/app/v1/auth/signup?lang=bn",
        {"email": "farida@example.org", "password": "a long enough passphrase 42"},
        content_type="application/json",
    )
    assert response.status_code in {200, 401}, response.json()
    farida = User.objects.get(email="farida@example.org")
    assert farida.preferred_language_id == "bn"
    registration = register(client_for(farida), EventFactory(), {}, QUERY_STRING="lang=en")
    assert registration.preferred_language_id == "bn"
