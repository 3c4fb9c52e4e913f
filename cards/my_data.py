"""Parent cards in a parent's own data: listed in her account's export, and withdrawn and
emptied when she erases her account (the card itself is hers: a card that still named her
after she asked to be forgotten would undo the erasure)."""

from datetime import datetime

from cards.models import Card
from cards.privacy import PARENT_CARDS
from events_api.privacy import hooks


def cards_of(user) -> list[dict]:
    cards = (
        Card.objects.filter(user=user)
        .select_related("organization", "school")
        .order_by("issued_at", "pk")
    )
    return [
        {
            "number": card.number,
            "holder_name": card.holder_name,
            "issued_by": card.issuer_name,
            "issued_at": card.issued_at.isoformat(),
            "expires_on": card.expires_on.isoformat(),
            "status": str(card.status),
        }
        for card in cards
    ]


def erase_cards(user, now: datetime) -> None:
    """Withdrawn at once (the printed card stops verifying) and emptied as the retention
    step empties an ended card."""
    cards = Card.objects.filter(user=user)
    cards.filter(revoked_at__isnull=True).update(revoked_at=now)
    pks = list(cards.order_by("pk").values_list("pk", flat=True))
    if pks:
        PARENT_CARDS.apply(pks, now)


def register() -> None:
    hooks.register_account_export("parent_cards", cards_of)
    hooks.register_account_erasure(erase_cards)
