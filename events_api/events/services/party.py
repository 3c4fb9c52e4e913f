"""A party (adults and children) and its rules, in this one place: every way a party is
made or changed (registration, a change through the manage link, an RSVP) checks it here."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from events_api.events.errors import InvalidParty
from events_api.events.models import Event


@dataclass(frozen=True)
class Party:
    adults: int = 1
    children: int = 0

    @property
    def size(self) -> int:
        return self.adults + self.children


CHILD_AGES = range(0, 18)
NEEDS_ONE_ADULT = _("A party needs at least one adult.")
TOO_LARGE = _("A party may have at most %(max)s people.")
CHILDCARE_AGES = _("Give at most one age for each child, each from 0 to 17.")


def check_party(event: Event, party: Party, childcare_ages=()) -> None:
    """The party rules, in this one place (the database also refuses a party without an
    adult): at least one adult, at most the event's party limit, and childcare ages only
    for children in the party (one age per child at most, each 0 to 17). Raises
    InvalidParty, with the field it concerns (``adults`` or ``childcare_ages``)."""
    limit = {"max_party_size": event.party_limit}
    if party.adults < 1:
        raise InvalidParty(NEEDS_ONE_ADULT, extra=limit, fields={"adults": [NEEDS_ONE_ADULT]})
    if party.size > event.party_limit:
        raise InvalidParty(TOO_LARGE % {"max": event.party_limit}, extra=limit)
    ages = list(childcare_ages)
    if len(ages) > party.children or any(
        not isinstance(age, int) or age not in CHILD_AGES for age in ages
    ):
        raise InvalidParty(CHILDCARE_AGES, extra=limit, fields={"childcare_ages": [CHILDCARE_AGES]})
