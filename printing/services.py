"""Which cards a print run holds: the rule lives here, the view only asks."""

from django.utils import timezone
from django.utils.translation import gettext as _

from cards import queries
from cards.models import Card
from printing.errors import CardsNotPrintable, TooManyCards
from printing.serializers import MAX_SHEET_CARDS, too_many


def printable_cards(user, ids: list[int]) -> list[Card]:
    """The valid cards ``user`` may manage: those of ``ids`` in that order (every one of them
    must be such a card), or without ids all of them, oldest first, up to MAX_SHEET_CARDS.
    Expired and withdrawn cards are never printed and do not count against the run."""
    found = (
        queries.issued_cards(user)
        .filter(revoked_at__isnull=True, expires_on__gte=timezone.localdate())
        .order_by("issued_at", "id")
    )
    if ids:
        by_id = {card.pk: card for card in found.filter(pk__in=ids)}
        missing = [pk for pk in ids if pk not in by_id]
        if missing:
            raise CardsNotPrintable(fields={"ids": missing})
        return [by_id[pk] for pk in ids]
    cards = list(found[: MAX_SHEET_CARDS + 1])
    if len(cards) > MAX_SHEET_CARDS:
        message = str(too_many().detail[0])
        raise TooManyCards(message, fields={"ids": [message]})
    if not cards:
        raise CardsNotPrintable(_("You have no valid cards to print."))
    return cards
