"""A parent's own cards in her account's data: listed in the export, and withdrawn and
emptied when she erases her account."""

import pytest

from cards import services
from cards.models import Card
from tests.conftest import client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent_card(cbo):
    parent = UserFactory(email="rosa@example.org")
    card = services.issue(
        holder=services.Holder(name="Rosa Quispe", preferred_language="es", user=parent),
        by=cbo.user,
        organization=cbo.organization,
    )
    return parent, card


def test_her_cards_are_in_her_account_export(parent_card, cbo_card):
    parent, card = parent_card

    data = client_for(parent).get("/api/v1/me/data/").json()

    (exported,) = data["other"]["parent_cards"]  # Rosa's card only, not another parent's
    assert exported["number"] == card.number
    assert exported["holder_name"] == "Rosa Quispe"
    assert exported["issued_by"] == "La Union"
    assert exported["status"] == "valid"


def test_erasing_her_account_withdraws_and_empties_her_card(api, parent_card, cbo_card):
    parent, card = parent_card

    response = client_for(parent).delete("/api/v1/me/data/", {"confirm": "erase"}, format="json")

    assert response.status_code == 204
    card = Card.objects.get(pk=card.pk)
    assert (card.holder_name, card.phone, card.email, card.user_id) == ("", "", "", None)
    assert card.revoked_at is not None and card.anonymised_at is not None
    answer = api.post("/api/v1/cards/verify/", {"number": card.number}, format="json")
    assert answer.status_code == 410
    assert answer.json()["code"] == "card_revoked"
    # Another parent's card is untouched.
    cbo_card.refresh_from_db()
    assert (cbo_card.holder_name, cbo_card.revoked_at) == ("Rosa Quispe", None)
