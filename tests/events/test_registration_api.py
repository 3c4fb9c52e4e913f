from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from events_api.events.consent import CONSENT_VERSION
from events_api.events.models import Registration
from events_api.events.passes import PASS_ALPHABET, hash_token
from tests.conftest import client_for
from tests.factories import EventFactory, OrganizationMembershipFactory, UserFactory

CONSENTED = {"consent": True, "consent_version": CONSENT_VERSION, "consent_language": "en"}

pytestmark = pytest.mark.django_db


def url(event):
    return f"/api/v1/events/{event.pk}/registrations/"


def test_guest_registers_with_a_name_and_a_phone_number(api):
    event = EventFactory(capacity=10)
    response = api.post(
        url(event),
        {
            "name": "Farida Rahman",
            "phone": "(718) 555-0101",
            "adults": 1,
            "children": 2,
            "preferred_language": "bn",
            "interpreter_language": "bn",
            "childcare_ages": [4, 7],
            "accessibility": ["wheelchair"],
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["waitlist_position"] is None
    assert body["party_size"] == 3
    assert body["phone"] == "+17185550101"
    assert 6 <= len(body["pass_code"]) <= 8
    assert set(body["pass_code"]) <= set(PASS_ALPHABET)
    token = body["manage_token"]
    assert len(token) >= 22  # 128+ bits of base64
    assert body["manage_url"].endswith(f"/api/v1/registrations/manage/{token}/")
    assert body["pass_qr_url"].endswith(f"/api/v1/registrations/manage/{token}/pass.svg")
    stored = Registration.objects.get(pk=body["id"])
    assert stored.manage_token_hash == hash_token(token)
    assert token not in str(Registration.objects.values().get(pk=body["id"]))
    assert stored.interpreter_language_id == "bn"
    assert stored.childcare_ages == [4, 7]


def test_the_answer_carries_the_safe_zone_statement_in_the_familys_language(api):
    event = EventFactory(capacity=10)
    body = {"name": "Ana", "phone": "(718) 555-0111"}
    english = api.post(url(event), body).json()["safe_zone"]
    assert english == (
        "You do not need ID or immigration papers to take part; we never ask for them."
    )
    spanish = api.post(f"{url(event)}?lang=es", {"name": "Rosa", "phone": "(718) 555-0112"}).json()[
        "safe_zone"
    ]
    assert spanish and spanish != english
    assert "inmigración" in spanish


def test_signed_in_user_registers_without_typing_contact_details():
    user = UserFactory(display_name="Carla Trujillo")
    event = EventFactory()
    response = client_for(user).post(url(event), {"adults": 2})
    assert response.status_code == 201, response.json()
    assert response.json()["name"] == "Carla Trujillo"
    assert Registration.objects.get().user == user
    mine = client_for(user).get("/api/v1/me/registrations/").json()
    assert [r["id"] for r in mine["results"]] == [response.json()["id"]]


def test_the_manage_token_is_shown_only_once(api):
    event = EventFactory()
    created = api.post(url(event), {"name": "A", "email": "a@example.org"}).json()
    again = api.get(f"/api/v1/registrations/manage/{created['manage_token']}/").json()
    assert "manage_token" not in again
    assert again["id"] == created["id"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"phone": "555"}, "phone"),
        ({"name": "No contact"}, "phone"),
        ({"phone": "+17185550101"}, "name"),
        ({"name": "A", "phone": "+17185550101", "adults": -1}, "adults"),
        ({"name": "A", "phone": "+17185550101", "adults": "two"}, "adults"),
        ({"name": "A", "phone": "+17185550101", "preferred_language": "xx"}, "preferred_language"),
        (
            {"name": "A", "phone": "+17185550101", "interpreter_language": "tlh"},
            "interpreter_language",
        ),
        ({"name": "A", "phone": "+17185550101", "accessibility": ["jetpack"]}, "accessibility"),
        ({"name": "A", "email": "not-an-email"}, "email"),
        ({"name": "A", "phone": "+17185550101", "ssn": "123-45-6789"}, "ssn"),
        ({"name": "A", "phone": "+17185550101", "immigration_status": "x"}, "immigration_status"),
    ],
)
def test_bad_input_is_400_and_writes_nothing(api, payload, field):
    event = EventFactory()
    response = api.post(url(event), payload)
    assert response.status_code == 400, response.json()
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["fields"]) == [field], body
    assert Registration.objects.count() == 0


def test_party_over_the_maximum_is_refused(api):
    event = EventFactory(max_party_size=4)
    response = api.post(
        url(event), {"name": "A", "phone": "+17185550101", "adults": 2, "children": 3}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_party"
    assert response.json()["max_party_size"] == 4
    assert Registration.objects.count() == 0


@override_settings(REGISTRATION_MAX_PARTY_SIZE=3)
def test_default_party_maximum_comes_from_settings(api):
    event = EventFactory()
    response = api.post(url(event), {"name": "A", "phone": "+17185550101", "adults": 4})
    assert response.json()["code"] == "invalid_party"


@pytest.mark.parametrize(
    ("changes", "status", "code"),
    [
        ({"status": "cancelled"}, 409, "event_cancelled"),
        ({"status": "draft"}, 404, "not_found"),
        (
            {"registration_opens_at": timezone.now() + timedelta(days=1)},
            409,
            "registration_not_open",
        ),
        (
            {
                "registration_closes_at": timezone.now() - timedelta(minutes=1),
                "registration_opens_at": timezone.now() - timedelta(days=3),
            },
            409,
            "registration_closed",
        ),
    ],
)
def test_registration_outside_its_window_or_for_a_closed_event(api, changes, status, code):
    event = EventFactory(**changes)
    response = api.post(url(event), {"name": "A", "phone": "+17185550101"})
    assert response.status_code == status
    assert response.json()["code"] == code
    assert Registration.objects.count() == 0


def test_registration_closes_when_the_event_is_over(api):
    start = timezone.now() - timedelta(hours=3)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    response = api.post(url(event), {"name": "A", "phone": "+17185550101"})
    assert response.json()["code"] == "registration_closed"
    assert not Registration.objects.exists()


def test_unknown_event_is_404(api):
    response = api.post(
        "/api/v1/events/999999/registrations/", {"name": "A", "phone": "+17185550101"}
    )
    assert response.status_code == 404
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "second",
    [
        {"name": "Same phone", "phone": "718-555-0101"},
        {"name": "Same email", "email": "FARIDA@example.org"},
    ],
)
def test_same_contact_twice_is_409_telling_a_guest_nothing_more(api, second):
    event = EventFactory()
    api.post(url(event), {"name": "Farida", "phone": "+17185550101", "email": "farida@example.org"})
    response = api.post(url(event), second)
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "already_registered"
    assert "existing_registration" not in body
    assert Registration.objects.count() == 1


def test_same_account_twice_is_409():
    user = UserFactory()
    event = EventFactory()
    client = client_for(user)
    first = client.post(url(event), {}).json()
    second = client.post(url(event), {})
    assert second.status_code == 409
    assert second.json()["existing_registration"]["id"] == first["id"]
    assert list(Registration.objects.values_list("pk", flat=True)) == [first["id"]]


def test_a_cancelled_registration_does_not_block_registering_again(api):
    event = EventFactory()
    first = api.post(url(event), {"name": "A", "phone": "+17185550101"}).json()
    api.delete(f"/api/v1/registrations/manage/{first['manage_token']}/")
    again = api.post(url(event), {"name": "A", "phone": "+17185550101"})
    assert again.status_code == 201


def test_cbo_staff_registers_a_parent_with_no_phone_or_email_with_consent():
    membership = OrganizationMembershipFactory()
    event = EventFactory()
    client = client_for(membership.user)
    refused = client.post(
        url(event), {"name": "Parent without phone", "organization": membership.organization.pk}
    )
    assert refused.status_code == 400
    assert refused.json()["code"] == "consent_required"
    response = client.post(
        url(event),
        {
            "name": "Parent without phone",
            "organization": membership.organization.pk,
            **CONSENTED,
            "preferred_language": "es",
        },
    )
    assert response.status_code == 201, response.json()
    registration = Registration.objects.get()
    assert registration.organization == membership.organization
    assert registration.registered_by == membership.user
    assert registration.user is None
    assert registration.source == "cbo"
    assert registration.consent_at is not None


def test_cbo_staff_registers_twenty_families_without_being_a_duplicate():
    membership = OrganizationMembershipFactory()
    event = EventFactory(capacity=100)
    client = client_for(membership.user)
    statuses = [
        client.post(
            url(event),
            {"name": f"Family {i}", **CONSENTED, "organization": membership.organization.pk},
        ).status_code
        for i in range(20)
    ]
    assert statuses == [201] * 20


def test_staff_cannot_register_for_an_organisation_they_do_not_work_for():
    membership = OrganizationMembershipFactory()
    other = OrganizationMembershipFactory()
    response = client_for(membership.user).post(
        url(EventFactory()), {"name": "X", **CONSENTED, "organization": other.organization.pk}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "not_organization_staff"
    assert Registration.objects.count() == 0


def test_anonymous_cannot_register_on_behalf_of_an_organisation(api):
    membership = OrganizationMembershipFactory()
    response = api.post(
        url(EventFactory()),
        {"name": "X", **CONSENTED, "organization": membership.organization.pk},
    )
    assert response.status_code in (401, 403)
    assert Registration.objects.count() == 0


@override_settings(THROTTLE_RATES={"anon": "1000/min", "user": "1000/min", "registration": "2/min"})
def test_registration_has_its_own_throttle(api):
    event = EventFactory(capacity=None)
    statuses = [
        api.post(url(event), {"name": f"P{i}", "phone": f"+1718555010{i}"}).status_code
        for i in range(3)
    ]
    assert statuses == [201, 201, 429]
    assert Registration.objects.count() == 2
