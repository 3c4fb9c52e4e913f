"""RSVPs to an event (a committee meeting): "yes" or "maybe" is a registration (a seat,
or a place on the waitlist); "no" is a registration with status ``declined`` that holds no
seat, so organisers know who answered and nobody is counted twice. Changing one's answer
moves between the two through the registration services, so the waitlist and anything
that follows registrations (interpreter requests, calendars) stay in step."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from events_api.events.errors import (
    EventCancelled,
    EventNotFound,
    RegistrationClosed,
)
from events_api.events.models import Event, EventStatus, Registration, RegistrationStatus
from events_api.events.passes import hash_token, new_manage_token
from events_api.events.services.duplicates import existing_registration, raise_duplicate
from events_api.events.services.locking import lock_event
from events_api.events.services.registration import (
    Contact,
    Needs,
    Party,
    cancel,
    change,
    check_party,
    register,
    unique_pass_code,
)


@dataclass(frozen=True)
class Answered:
    registration: Registration
    # Set when a new registration was made: the only time its manage token is known.
    manage_token: str | None


def _check_answerable(event: Event) -> None:
    if event.status == EventStatus.CANCELLED:
        raise EventCancelled()
    if event.status != EventStatus.PUBLISHED:
        raise EventNotFound()
    if timezone.now() >= (event.registration_closes_at or event.ends_at):
        raise RegistrationClosed()


def _decline(event: Event, contact: Contact, needs: Needs) -> Answered:
    token = new_manage_token()
    code = unique_pass_code(event)
    registration = Registration.objects.create(
        event=event,
        user=contact.user,
        name=contact.name,
        email=contact.email,
        phone=contact.phone,
        preferred_language_id=needs.preferred_language,
        status=RegistrationStatus.DECLINED,
        pass_code=code,
        manage_token_hash=hash_token(token),
    )
    return Answered(registration=registration, manage_token=token)


def respond(
    *,
    event_id: int,
    contact: Contact,
    attending: bool,
    party: Party,
    needs: Needs,
    allow_change: bool = True,
) -> Answered:
    """Record an answer. Attending: a new registration (register), a changed one (change),
    or a declined one replaced by a new registration. Not attending: an active
    registration is cancelled (freeing its seats for the waitlist) and a declined one
    recorded in its place.

    ``allow_change`` False (a guest without an account: changes go through their manage
    link) refuses a second answer with AlreadyRegistered. Raises what ``register`` raises,
    plus EventCancelled / EventNotFound / RegistrationClosed for a "no". All in one
    transaction holding the event lock; nothing changes when it raises."""
    with transaction.atomic():
        try:
            event = lock_event(event_id)
        except Event.DoesNotExist as exc:
            raise EventNotFound() from exc
        # Everything about the answer itself is checked before anything about who else
        # has answered, so a refused answer never tells whether a contact is registered.
        _check_answerable(event)
        if attending:
            check_party(event, party, needs.childcare_ages)
        existing = existing_registration(event_id, contact)
        if existing is not None and not allow_change:
            raise_duplicate(existing, user=contact.user)
        if attending:
            if existing is None or existing.status == RegistrationStatus.DECLINED:
                if existing is not None:
                    cancel(registration_id=existing.pk)
                registered = register(event_id=event_id, contact=contact, party=party, needs=needs)
                return Answered(registered.registration, registered.manage_token)
            return Answered(
                change(registration_id=existing.pk, party=party, needs=needs), manage_token=None
            )
        if existing is not None and existing.status == RegistrationStatus.DECLINED:
            return Answered(existing, manage_token=None)
        if existing is not None:
            cancel(registration_id=existing.pk)
        return _decline(event, contact, needs)
