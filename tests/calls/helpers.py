"""What the call-list tests share: URLs, reading a list, people who chose calls."""

from datetime import date

from tests.committees.factories import MembershipFactory
from tests.factories import RegistrationFactory

TITLE = {
    "en": "Know your rights at school",
    "es": "Conozca sus derechos en la escuela",
    "bn": "স্কুলে আপনার অধিকার জানুন",
    "ar": "اعرف حقوقك في المدرسة",
}


def event_url(event, tail: str = "call-list/") -> str:
    return f"/api/v1/events/{event.pk}/{tail}"


def committee_url(committee, tail: str = "call-list/") -> str:
    return f"/api/v1/committees/{committee.pk}/{tail}"


def keys(body: dict) -> set[str]:
    """Everyone to call on a list (its JSON), by key."""
    return {person["key"] for group in body["groups"] for person in group["people"]}


def people(body: dict) -> dict[str, dict]:
    """Everyone on a list (its JSON), to call or apart, by key."""
    rows = [person for group in body["groups"] for person in group["people"]]
    return {person["key"]: person for person in rows + body["no_number"] + body["stopped"]}


def caller(**fields):
    """A guest registration that chose phone calls."""
    return RegistrationFactory(channel="phone_call", **fields)


def phone_member(committee, *, language="en", phone="+17185550190", **fields):
    """A current member of ``committee`` whose account chose phone calls."""
    return MembershipFactory(
        committee=committee,
        user__preferred_channel="phone_call",
        user__preferred_language_id=language,
        user__phone=phone,
        term_start=date(2020, 1, 1),
        **fields,
    ).user
