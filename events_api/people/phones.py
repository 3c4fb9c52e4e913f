"""Phone numbers in E.164, parsed with the phonenumbers library (US default region)."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "US"


def normalise_phone(raw: str) -> str:
    """Return the E.164 form (``+17185550123``) or raise ValidationError."""
    try:
        parsed = phonenumbers.parse(raw, DEFAULT_REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(_("Enter a valid phone number."), code="invalid_phone") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(_("Enter a valid phone number."), code="invalid_phone")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def validate_phone(value: str) -> None:
    if value and normalise_phone(value) != value:
        raise ValidationError(
            _("Store phone numbers in E.164 form, e.g. +17185550123."), code="invalid_phone"
        )


def display_phone(value: str) -> str:
    """The way a US reader writes it (``(718) 555-0123``); other countries in international
    form. ``value`` is E.164."""
    parsed = phonenumbers.parse(value, DEFAULT_REGION)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(parsed) == DEFAULT_REGION
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, style)
