"""The card's number and QR payload. Pure functions.

The QR holds a verification URL whose ``c`` parameter is the card number signed with
``django.core.signing`` under this app's own salt: a code made without the server's
SECRET_KEY, or with any character changed (another number), fails the signature check.
The signature says only "Open Doors made this number"; whether the card is still good
(revoked, replaced, expired) is read from the database on every scan, so revoking takes
effect at once."""

import secrets
from urllib.parse import parse_qs, quote, urlsplit

from django.core import signing

from events_api.calendars.links import absolute
from events_api.events.passes import PASS_ALPHABET, normalise_pass_code

SALT = "cards.card-number"
# 25 letters and digits that cannot be misread (the passes' alphabet), 8 of them: 1.5e11
# numbers for the whole city, guesses throttled.
NUMBER_LENGTH = 8
VERIFY_PATH = "/cards/verify"


def new_number() -> str:
    return "".join(secrets.choice(PASS_ALPHABET) for _ in range(NUMBER_LENGTH))


def normalise_number(raw: str) -> str:
    """Upper-case, no spaces or dashes: ``acd4-7fgh`` is ``ACD47FGH``."""
    return normalise_pass_code(raw)


def sign(number: str) -> str:
    return signing.Signer(salt=SALT).sign(number)


def unsign(value: str) -> str:
    """The number in a scanned value: the signed value itself or the whole verification
    URL. Raises ``django.core.signing.BadSignature`` when it was forged or edited."""
    value = (value or "").strip()
    if "://" in value or value.startswith(VERIFY_PATH):
        value = parse_qs(urlsplit(value).query).get("c", [""])[0]
    return signing.Signer(salt=SALT).unsign(value)


def verification_url(number: str) -> str:
    """What the QR code holds: a page that asks POST /api/v1/cards/verify/."""
    return absolute(f"{VERIFY_PATH}?c={quote(sign(number), safe=':')}")
