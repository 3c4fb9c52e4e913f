"""An ended card's personal data goes after the retention period; the row stays."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cards.models import Card
from events_api.privacy.services import anonymise_expired
from tests.cards.conftest import expire

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _period(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 60


def test_an_expired_cards_name_goes_after_the_period_and_a_recent_one_stays(
    cbo_card, school_card, api
):
    Card.objects.filter(pk=cbo_card.pk).update(expires_on=timezone.localdate() - timedelta(days=62))
    expire(school_card)
    anonymise_expired()
    old, recent = Card.objects.get(pk=cbo_card.pk), Card.objects.get(pk=school_card.pk)
    assert (old.holder_name, old.phone, old.user, old.anonymised_at is not None) == (
        "",
        "",
        None,
        True,
    )
    assert list(old.schools.all()) == []
    assert recent.holder_name == "Amina Diallo"
    answer = api.post("/api/v1/cards/verify/", {"number": old.number}, format="json")
    assert answer.json()["code"] == "card_expired"


def test_a_card_revoked_longer_ago_than_the_period_loses_its_name(cbo_card):
    Card.objects.filter(pk=cbo_card.pk).update(revoked_at=timezone.now() - timedelta(days=61))
    anonymise_expired()
    assert Card.objects.get(pk=cbo_card.pk).holder_name == ""
