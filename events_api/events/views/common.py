"""What the event and registration views share: the idempotency key, error responses
in the schema, and reading a registration's contact, party and needs."""

import re

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from events_api.events.errors import (
    InvalidIdempotencyKey,
)
from events_api.events.models import RegistrationStatus
from events_api.events.services import registration as services

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="A random key the client makes once per registration and sends again when "
    "it retries after a lost answer: the retry returns the same registration (with a new "
    "manage token) instead of making a second one.",
)
IDEMPOTENCY_KEY_RE = re.compile(r"^[A-Za-z0-9_-]{16,128}$")


def idempotency_key(request) -> str:
    key = request.headers.get("Idempotency-Key", "")
    if key and not IDEMPOTENCY_KEY_RE.match(key):
        raise InvalidIdempotencyKey()
    return key


REGISTRATION_FILTER_PARAMETERS = [
    OpenApiParameter("status", str, enum=[c for c, _ in RegistrationStatus.choices]),
    OpenApiParameter("needs", str, many=True, enum=["interpreter", "childcare", "accessibility"]),
    OpenApiParameter("language", str, description="Preferred or interpreter language"),
    OpenApiParameter("organization", int),
    OpenApiParameter("source", str),
]

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {code, message, fields}"),
    404: OpenApiResponse(description="Not found: {code, message, fields}"),
    409: OpenApiResponse(description="Conflicts with the current state: {code, message}"),
}


def contact_party_needs(data: dict, user):
    proxy_org = data.get("organization")
    contact = services.Contact(
        name=data["name"],
        email=data.get("email", ""),
        phone=data.get("phone", ""),
        user=user if user.is_authenticated and proxy_org is None else None,
        channel=data.get("channel", ""),
    )
    party = services.Party(adults=data["adults"], children=data["children"])
    return contact, party, services.needs_from(data)
