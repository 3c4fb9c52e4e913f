"""A retry after a lost answer must not register a family twice: the client sends the same
Idempotency-Key and gets the same registration back, with a manage token it can use."""

import pytest

from events_api.events.consent import CONSENT_VERSION
from events_api.events.models import Registration
from tests.conftest import client_for
from tests.factories import EventFactory, OrganizationMembershipFactory, UserFactory

CONSENTED = {"consent": True, "consent_version": CONSENT_VERSION, "consent_language": "en"}

pytestmark = pytest.mark.django_db

KEY = "b7c1e0f2a9d84e55a0c3f1e2d4b6a8c9"
FAMILY = {"name": "Farida Rahman", "phone": "(718) 555-0101", "adults": 1, "children": 2}


def post(api, event, body, key=KEY):
    return api.post(f"/api/v1/events/{event.pk}/registrations/", body, HTTP_IDEMPOTENCY_KEY=key)


def test_retry_with_the_same_key_returns_the_same_registration(api):
    event = EventFactory(capacity=10)
    first = post(api, event, FAMILY)
    again = post(api, event, FAMILY)
    assert first.status_code == 201 and again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["pass_code"] == first.json()["pass_code"]
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Registration.objects.filter(event=event).count() == 1
    # The retry's token is the one that works now; the lost one no longer does.
    new_token, lost_token = again.json()["manage_token"], first.json()["manage_token"]
    assert api.get(f"/api/v1/registrations/manage/{new_token}/").status_code == 200
    assert api.get(f"/api/v1/registrations/manage/{lost_token}/").status_code == 404


def test_without_a_key_a_second_post_is_a_duplicate(api):
    event = EventFactory(capacity=10)
    assert post(api, event, FAMILY, key="").status_code == 201
    assert post(api, event, FAMILY, key="").json()["code"] == "already_registered"


def test_the_same_key_for_another_contact_is_refused_and_changes_nothing(api):
    event = EventFactory(capacity=10)
    post(api, event, FAMILY)
    other = post(api, event, {**FAMILY, "name": "Someone Else", "phone": "(718) 555-0199"})
    assert other.status_code == 409
    assert other.json()["code"] == "idempotency_key_reused"
    assert list(Registration.objects.filter(event=event).values_list("name", flat=True)) == [
        "Farida Rahman"
    ]


def test_a_key_belongs_to_one_event(api):
    first, second = EventFactory(capacity=10), EventFactory(capacity=10)
    a, b = post(api, first, FAMILY), post(api, second, FAMILY)
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] != b.json()["id"]


@pytest.mark.parametrize(
    "key", ["short", "x" * 129, "has spaces in it 1234", "ключ-ключ-ключ-ключ"]
)
def test_a_malformed_key_is_a_400_and_stores_nothing(api, key):
    event = EventFactory(capacity=10)
    response = api.post(
        f"/api/v1/events/{event.pk}/registrations/", FAMILY, headers={"Idempotency-Key": key}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_idempotency_key"
    assert not Registration.objects.filter(event=event).exists()


def test_a_cbo_retry_without_contact_details_makes_one_registration():
    membership = OrganizationMembershipFactory(user=UserFactory(roles=["cbo_staff"]))
    cbo = client_for(membership.user)
    event = EventFactory(capacity=10)
    body = {"name": "A family", "organization": membership.organization_id, **CONSENTED}
    first, again = post(cbo, event, body), post(cbo, event, body)
    assert first.status_code == 201 and again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert Registration.objects.filter(event=event).count() == 1


def test_a_signed_in_parents_retry_is_the_same_registration():
    parent = UserFactory()
    event = EventFactory(capacity=10)
    client = client_for(parent)
    first = post(client, event, {"name": "Nusrat Ahmed", "phone": "(718) 555-0177"})
    again = post(client, event, {"name": "Nusrat Ahmed", "phone": "(718) 555-0177"})
    assert (first.status_code, again.status_code) == (201, 201), again.json()
    assert again.json()["id"] == first.json()["id"]
    assert again["Idempotent-Replayed"] == "true"
    assert Registration.objects.get(event=event).user == parent


def test_a_new_key_is_not_a_replay_of_a_registration_made_without_one(api):
    event = EventFactory(capacity=10)
    assert api.post(f"/api/v1/events/{event.pk}/registrations/", FAMILY).status_code == 201
    response = post(api, event, FAMILY)
    assert response.status_code == 409
    assert response.json()["code"] == "already_registered"
    assert "Idempotent-Replayed" not in response
    assert Registration.objects.filter(event=event).count() == 1
