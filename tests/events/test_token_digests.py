"""Secrets are stored as their SHA-256, checked against digests computed once outside the
code under test (and pasted here), never against our own ``hash_token``: a change to the
hashing (a different algorithm, an identity "hash") fails here, and rows stored by hand
with the literal digest must still be found by their token."""

import hashlib

import pytest
from django.test import override_settings

from cards.signing import sign, unsign
from committees.models import Invitation, Membership
from events_api.calendars.models import FeedToken
from events_api.events.models import Registration
from events_api.events.passes import hash_token
from tests.committees.factories import InvitationFactory, chaired
from tests.conftest import client_for
from tests.factories import EventFactory, RegistrationFactory, UserFactory

# The FIPS 180-2 test vectors for SHA-256, and digests of fixed tokens (hashlib, once).
SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
MANAGE_TOKEN = "fixed-manage-token-0000"
MANAGE_DIGEST = "b125f91305bc241f9bbf9d7fffcba27e7ac6d04a32ab6fc159f69e785f8d4485"
FEED_TOKEN = "fixed-feed-token-abcdefghijklmnopqrstuvwxyz0123456"
FEED_DIGEST = "f936e2d61dea9fe9e3ff5d99717072379c697fda549c51ec412ffce543e32384"
INVITATION_TOKEN = "fixed-invitation-token-0123456789"
INVITATION_DIGEST = "6e390dba34a320277fbdbc0e83624ec70a75be20d1e3a87fbffcaa45166b2fd2"
IDEMPOTENCY_KEY = "fixed-idempotency-key-42"
IDEMPOTENCY_DIGEST = "442d0e54c2af57093d8098fd27b17d05a3172e4c23723aef1a78a86f05d589f0"
# A card number signed under a fixed SECRET_KEY: HMAC-SHA256 keyed with
# sha256("cards.card-numbersigner" + key), URL-safe base64 without padding (computed with
# hmac/hashlib by hand, as django.core.signing documents it).
CARD_SECRET_KEY = "digest-test-secret-key-not-for-production"
CARD_NUMBER = "ACD47FGH"
CARD_SIGNED = "ACD47FGH:db60keQtvi9uWlljCDQZl0By_Aw3BH9UZaGLUn50fyU"


@pytest.mark.parametrize(
    ("token", "digest"),
    [
        ("abc", SHA256_ABC),
        ("", SHA256_EMPTY),
        (MANAGE_TOKEN, MANAGE_DIGEST),
        (FEED_TOKEN, FEED_DIGEST),
        (INVITATION_TOKEN, INVITATION_DIGEST),
        (IDEMPOTENCY_KEY, IDEMPOTENCY_DIGEST),
    ],
)
def test_hash_token_is_sha256_hex(token, digest):
    assert hash_token(token) == digest


def test_card_numbers_are_signed_with_the_cards_salt_and_hmac_sha256():
    with override_settings(SECRET_KEY=CARD_SECRET_KEY):
        assert sign(CARD_NUMBER) == CARD_SIGNED
        assert unsign(CARD_SIGNED) == CARD_NUMBER


def sha256_hex(token: str) -> str:
    """The digest as the standard library computes it (not our hash_token): the services
    make their tokens at random, so what they store is checked against this."""
    return hashlib.sha256(token.encode()).hexdigest()


# --- what the services store --------------------------------------------------------------


@pytest.mark.django_db
def test_a_registration_stores_the_digest_of_its_manage_token_and_idempotency_key(api):
    event = EventFactory(capacity=10)
    response = api.post(
        f"/api/v1/events/{event.pk}/registrations/",
        {"name": "Farida Rahman", "phone": "(718) 555-0101"},
        headers={"Idempotency-Key": IDEMPOTENCY_KEY},
    )
    assert response.status_code == 201, response.json()
    token = response.json()["manage_token"]
    stored = Registration.objects.get(pk=response.json()["id"])
    assert stored.manage_token_hash == sha256_hex(token) != token
    assert stored.idempotency_key_hash == IDEMPOTENCY_DIGEST


@pytest.mark.django_db
def test_a_feed_stores_the_digest_of_its_token(user, user_api):
    response = user_api.post("/api/v1/me/calendar-feed/")
    assert response.status_code == 201
    token = response.json()["ics_url"].rsplit("/", 1)[1].removesuffix(".ics")
    assert FeedToken.objects.get(user=user).token_hash == sha256_hex(token) != token


@pytest.mark.django_db
def test_an_invitation_stores_the_digest_of_its_token():
    committee, chair = chaired()
    response = client_for(chair).post(
        f"/api/v1/committees/{committee.pk}/invitations/",
        {"email": "invitee@example.org", "role": "parent"},
    )
    assert response.status_code == 201, response.json()
    token = response.json()["token"]
    assert Invitation.objects.get().token_hash == sha256_hex(token) != token


# --- rows stored with the literal digest are found by their token ------------------------


@pytest.mark.django_db
def test_a_registration_stored_with_the_digest_is_found_by_every_manage_link(api):
    registration = RegistrationFactory(manage_token_hash=MANAGE_DIGEST, name="Ana Lopez")
    base = f"/api/v1/registrations/manage/{MANAGE_TOKEN}"
    for path in (f"{base}/", f"{base}/data/", f"{base}/interpretation/", f"{base}/pass.svg"):
        response = api.get(path)
        assert response.status_code == 200, (path, response.status_code)
    assert api.get(f"{base}/").json()["id"] == registration.pk
    # The digest itself is not a token: a leaked database row opens nothing.
    assert api.get(f"/api/v1/registrations/manage/{MANAGE_DIGEST}/").status_code == 404


@pytest.mark.django_db
def test_a_feed_stored_with_the_digest_is_found_by_its_token(api):
    FeedToken.objects.create(user=UserFactory(), token_hash=FEED_DIGEST)
    assert api.get(f"/calendar/feeds/{FEED_TOKEN}.ics").status_code == 200
    assert api.get(f"/calendar/feeds/{FEED_DIGEST}.ics").status_code == 404


@pytest.mark.django_db
def test_an_invitation_stored_with_the_digest_is_accepted_by_its_token():
    committee, _chair = chaired()
    InvitationFactory(committee=committee, token_hash=INVITATION_DIGEST, role="parent")
    invitee = UserFactory()
    wrong = client_for(invitee).post(
        "/api/v1/committee-invitations/accept/", {"token": INVITATION_DIGEST}
    )
    assert wrong.status_code == 404
    accepted = client_for(invitee).post(
        "/api/v1/committee-invitations/accept/", {"token": INVITATION_TOKEN}
    )
    assert accepted.status_code == 201, accepted.json()
    assert Membership.objects.filter(committee=committee, user=invitee).exists()
