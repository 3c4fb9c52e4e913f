"""Parent cards after their time: once a card has been expired or withdrawn for
PERSONAL_DATA_RETENTION_DAYS, the holder's name, phone, email, account link and children's
schools go. The row stays (number, issuer, dates), so an old card still answers "expired"
or "revoked" at the door instead of "unknown"."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from cards.models import Card
from events_api.privacy.hooks import Scope, Step


def _ended_cards(scope: Scope) -> QuerySet:
    cutoff = scope.now - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
    # A card is good through its expiry date: it ended when the next day began.
    last_day = timezone.localtime(cutoff).date() - timedelta(days=1)
    return Card.objects.filter(anonymised_at__isnull=True).filter(
        Q(revoked_at__lt=cutoff) | Q(expires_on__lte=last_day)
    )


def _anonymise_cards(pks: list[int], now: datetime) -> None:
    Card.schools.through.objects.filter(card_id__in=pks).delete()
    Card.objects.filter(pk__in=pks).update(
        holder_name="", phone="", email="", user=None, anonymised_at=now
    )


PARENT_CARDS = Step("parent_cards", _ended_cards, _anonymise_cards)
