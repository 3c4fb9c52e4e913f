"""Who hears about what, by which channel and in which language: the registrant of a
registration, an interpreter, an account, or someone known only by an address."""

from dataclasses import dataclass

from django.conf import settings

from events_api.notifications.models import Channel
from events_api.people.models import Channel as PreferredChannel


@dataclass(frozen=True)
class Recipient:
    channel: str
    to: str
    language: str


def _ui_language(code: str | None) -> str:
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _by_preference(person, fallback_phone: str = "") -> tuple[str, str] | None:
    """(channel, address) for an account by the channel it chose; None for a phone call
    or a CBO (their families are reached through the call list or the organisation)."""
    phone = person.phone or fallback_phone
    if person.preferred_channel == PreferredChannel.SMS and phone:
        return Channel.SMS, phone
    if person.preferred_channel == PreferredChannel.EMAIL and person.email:
        return Channel.EMAIL, person.email
    return None


def recipient_of(registration) -> Recipient | None:
    """Who hears about a registration: the CBO staff member who made it; else its account,
    by the channel the account chose; else the guest, by the channel chosen at
    registration (a phone number means text messages unless email was chosen). Nobody
    when the chosen channel is a phone call (the call list reaches them)."""
    if registration.organization_id and registration.registered_by_id:
        staff = registration.registered_by
        found = _by_preference(staff)
        language = staff.preferred_language_id
    elif registration.user_id:
        found = _by_preference(registration.user, registration.phone)
        language = registration.user.preferred_language_id
    else:
        found = _guest_channel(registration)
        language = registration.preferred_language_id
    if found is None:
        return None
    channel, to = found
    return Recipient(channel=channel, to=to, language=_ui_language(language))


def _guest_channel(registration) -> tuple[str, str] | None:
    chosen = registration.channel
    if chosen == PreferredChannel.PHONE_CALL:
        return None
    if chosen == PreferredChannel.EMAIL and registration.email:
        return Channel.EMAIL, registration.email
    if registration.phone and chosen in ("", PreferredChannel.SMS):
        return Channel.SMS, registration.phone
    if registration.email:
        return Channel.EMAIL, registration.email
    return None


def interpreter_recipient(interpreter) -> Recipient | None:
    """An interpreter with an account by the channel it chose; a vendor's contact by
    email, else by text message."""
    if interpreter.user_id:
        found = _by_preference(interpreter.user, interpreter.phone)
        language = interpreter.user.preferred_language_id
    elif interpreter.email:
        found, language = (Channel.EMAIL, interpreter.email), None
    elif interpreter.phone:
        found, language = (Channel.SMS, interpreter.phone), None
    else:
        found = None
    if found is None:
        return None
    return Recipient(channel=found[0], to=found[1], language=_ui_language(language))


def person_recipient(person) -> Recipient | None:
    """An account, by the channel and in the language it chose."""
    found = _by_preference(person)
    if found is None:
        return None
    return Recipient(found[0], found[1], _ui_language(person.preferred_language_id))


def address_recipient(*, email: str = "", phone: str = "", language: str | None) -> Recipient:
    """Someone known only by an address (who may have no account yet): by email when
    there is one, else by text message; in ``language`` if we write it, else English."""
    channel, to = (Channel.EMAIL, email) if email else (Channel.SMS, phone)
    return Recipient(channel=channel, to=to, language=_ui_language(language))
