"""Reads for parent cards, each list in a fixed number of queries."""

from django.db.models import QuerySet

from cards import rules
from cards.models import Card


def cards_for_list() -> QuerySet[Card]:
    return Card.objects.select_related(
        "organization", "school", "issued_by", "preferred_language", "replaced_by"
    ).prefetch_related("schools")


def issued_cards(user) -> QuerySet[Card]:
    """The cards issued in a name ``user`` may act for (personal data not yet removed)."""
    return cards_for_list().filter(rules.issued_q(user), anonymised_at__isnull=True)


def cards_of(user) -> QuerySet[Card]:
    """A parent's own cards, through her account."""
    return cards_for_list().filter(user=user, anonymised_at__isnull=True)
