"""Verifying a card, and checking its holder in at an event, over HTTP."""

import pytest

from cards import signing
from events_api.audit.models import AccessKind, AccessRecord
from events_api.events.models import Registration, RegistrationStatus
from tests.cards.conftest import PHONE, expire
from tests.conftest import client_for
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db
VERIFY = "/api/v1/cards/verify/"


def test_an_anonymous_caller_learns_only_the_issuer_and_the_expiry(cbo_card, api):
    response = api.post(
        VERIFY, {"signed": signing.verification_url(cbo_card.number)}, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["valid"] is True
    assert body["issuer"]["name"] == "La Union"
    assert body["expires_on"] == cbo_card.expires_on.isoformat()
    assert body["holder"] is None and body["number"] is None
    assert "Rosa" not in response.content.decode() and "Quispe" not in response.content.decode()
    assert not AccessRecord.objects.exists()


def test_a_door_volunteer_sees_the_holder_and_the_look_is_logged(cbo_card, door, school):
    response = client_for(door).post(VERIFY, {"number": cbo_card.number.lower()}, format="json")
    assert response.status_code == 200
    assert response.json()["holder"] == {
        "name": "Rosa Quispe",
        "preferred_language": "es",
        "schools": ["P.S. 169 Sunset Park"],
        "has_account": False,
    }
    record = AccessRecord.objects.get()
    assert (record.kind, record.user, record.count, record.filters) == (
        AccessKind.PARENT_CARD_LOOKUP,
        door,
        1,
        {"card": cbo_card.pk},
    )


def test_a_signed_in_parent_sees_no_name(cbo_card):
    response = client_for(UserFactory()).post(VERIFY, {"number": cbo_card.number}, format="json")
    assert response.json()["holder"] is None


@pytest.mark.parametrize(
    ("tamper", "status", "code"),
    [
        (
            lambda signed: signed[:-1] + ("A" if signed[-1] != "A" else "B"),
            400,
            "card_signature_invalid",
        ),
        (lambda signed: "ACDEFGH3" + signed[8:], 400, "card_signature_invalid"),
        (lambda signed: "ACDEFGH3:forgedsignature", 400, "card_signature_invalid"),
    ],
    ids=["edited signature", "edited number", "forged"],
)
def test_a_forged_or_edited_code_fails(cbo_card, api, tamper, status, code):
    response = api.post(VERIFY, {"signed": tamper(signing.sign(cbo_card.number))}, format="json")
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert response.json()["message"]


def test_an_expired_card_and_an_unknown_number_answer_with_their_codes(cbo_card, api):
    unknown = api.post(VERIFY, {"number": "AAAA-AAAA"}, format="json")
    expire(cbo_card)
    expired = api.post(VERIFY, {"number": cbo_card.number}, format="json")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "card_not_found")
    assert (expired.status_code, expired.json()["code"]) == (410, "card_expired")


def test_wrong_numbers_are_throttled_like_pass_code_guesses(cbo_card, api, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "token_guess": "3/min"}
    for _ in range(3):
        assert api.post(VERIFY, {"number": "AAAAAAAA"}, format="json").status_code == 404
    refused = api.post(VERIFY, {"number": cbo_card.number}, format="json")
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"


# --- at the door ---------------------------------------------------------------------------


def test_a_card_checks_its_holder_in_through_her_registration(cbo_card, door):
    event = EventFactory()
    registration = RegistrationFactory(event=event, phone=PHONE, name="Rosa Q.")
    url = f"/api/v1/events/{event.pk}/card-check-in/"
    response = client_for(door).post(url, {"signed": signing.sign(cbo_card.number)}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["registration"] == registration.pk
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CHECKED_IN
    assert AccessRecord.objects.filter(
        kind=AccessKind.CHECK_IN_LOOKUP, registration_id=registration.pk
    ).exists()


def test_a_card_whose_holder_is_not_registered_says_so(cbo_card, door):
    event = EventFactory()
    response = client_for(door).post(
        f"/api/v1/events/{event.pk}/card-check-in/", {"number": cbo_card.number}, format="json"
    )
    assert (response.status_code, response.json()["code"]) == (404, "card_holder_not_registered")


def test_a_walk_in_is_registered_and_checked_in_with_the_cards_details(cbo_card, door):
    event = EventFactory()
    response = client_for(door).post(
        f"/api/v1/events/{event.pk}/card-walk-in/",
        {"number": cbo_card.number, "adults": 1, "children": 2},
        format="json",
    )
    assert response.status_code == 201, response.content
    registration = Registration.objects.get(event=event)
    assert (registration.name, registration.phone, registration.preferred_language_id) == (
        "Rosa Quispe",
        PHONE,
        "es",
    )
    assert (registration.status, registration.children) == (RegistrationStatus.CHECKED_IN, 2)


def test_a_card_without_any_contact_needs_a_phone_for_a_walk_in(school_card, door):
    event = EventFactory()
    url = f"/api/v1/events/{event.pk}/card-walk-in/"
    refused = client_for(door).post(url, {"number": school_card.number}, format="json")
    taken = client_for(door).post(
        url, {"number": school_card.number, "phone": "718-555-0177"}, format="json"
    )
    assert (refused.status_code, refused.json()["code"]) == (409, "card_has_no_contact")
    assert taken.status_code == 201
    assert Registration.objects.get(event=event).phone == "+17185550177"


def test_someone_who_may_not_check_in_is_refused(cbo_card, cbo):
    event = EventFactory()
    RegistrationFactory(event=event, phone=PHONE)
    for path in ("card-check-in", "card-walk-in"):
        response = client_for(cbo.user).post(
            f"/api/v1/events/{event.pk}/{path}/", {"number": cbo_card.number}, format="json"
        )
        assert response.status_code == 403
    assert not Registration.objects.filter(status=RegistrationStatus.CHECKED_IN).exists()


def test_a_revoked_card_checks_nobody_in(cbo_card, cbo, door):
    event = EventFactory()
    RegistrationFactory(event=event, phone=PHONE)
    client_for(cbo.user).post(f"/api/v1/cards/{cbo_card.pk}/revoke/")
    response = client_for(door).post(
        f"/api/v1/events/{event.pk}/card-check-in/", {"number": cbo_card.number}, format="json"
    )
    assert (response.status_code, response.json()["code"]) == (410, "card_revoked")


@pytest.mark.parametrize(
    "scanned",
    ["https://opendoors.example/cards/verify", "/cards/verify?x=1", "/cards/verify?c="],
)
def test_a_verification_link_without_its_code_is_refused_as_forged(api, scanned):
    response = api.post(VERIFY, {"signed": scanned}, format="json")
    assert (response.status_code, response.json()["code"]) == (400, "card_signature_invalid")
