"""Registration: the writes. Every function runs in one transaction holding the event's
lock, so seats are counted and taken atomically and the waitlist moves in the same
transaction as the change that freed the seats."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from events_api.events import queries, rules
from events_api.events.consent import (
    CONSENT_VERSION,
    ConsentLanguageRequired,
    ConsentVersionUnknown,
    consent_text,
)
from events_api.events.errors import (
    AlreadyRegistered,
    ConsentRequired,
    EventCancelled,
    EventFull,
    EventNotFound,
    NotOrganizationStaff,
    NotSeated,
    PartyDoesNotFit,
    RegistrationCancelled,
    RegistrationClosed,
    RegistrationNotFound,
    RegistrationNotOpen,
)
from events_api.events.models import (
    SEATED,
    Event,
    EventStatus,
    Registration,
    RegistrationSource,
    RegistrationStatus,
)
from events_api.events.passes import (
    hash_token,
    new_manage_token,
    new_pass_code,
    normalise_pass_code,
)
from events_api.events.services.contact import Contact
from events_api.events.services.counts import store_counts
from events_api.events.services.duplicates import (
    existing_registration,
    raise_duplicate,
    replay,
    send_pass_again,
)
from events_api.events.services.locking import lock_event
from events_api.events.services.party import Party, check_party
from events_api.interpretation.services.demand import sync_demand
from events_api.notifications import services as notify
from events_api.people.models import Organization


@dataclass(frozen=True)
class Needs:
    preferred_language: str = "en"
    interpreter_language: str | None = None
    childcare_ages: list[int] = field(default_factory=list)
    accessibility: list[str] = field(default_factory=list)
    accessibility_notes: str = ""


def needs_from(data: dict, base: Registration | None = None) -> Needs:
    """Needs from validated input; fields not given keep ``base``'s values (a change) or
    the defaults (a new registration)."""

    def pick(name, default):
        return data[name] if name in data else default

    return Needs(
        preferred_language=pick("preferred_language", base.preferred_language_id if base else "en"),
        interpreter_language=pick(
            "interpreter_language", base.interpreter_language_id if base else None
        ),
        childcare_ages=pick("childcare_ages", base.childcare_ages if base else []),
        accessibility=pick("accessibility", base.accessibility if base else []),
        accessibility_notes=pick("accessibility_notes", base.accessibility_notes if base else ""),
    )


@dataclass(frozen=True)
class Proxy:
    """A CBO staff member registering a parent for their organisation, with the parent's
    consent to the text of ``consent_version`` shown in ``consent_language`` (the API
    requires both; the defaults serve the demo data)."""

    by: object
    organization: Organization
    consent: bool
    consent_version: str = CONSENT_VERSION
    consent_language: str = "en"


def _check_open(event: Event, *, now=None) -> None:
    now = now or timezone.now()
    if event.status == EventStatus.CANCELLED:
        raise EventCancelled()
    if event.status != EventStatus.PUBLISHED:
        raise EventNotFound()
    if event.registration_opens_at and now < event.registration_opens_at:
        raise RegistrationNotOpen(extra={"opens_at": event.registration_opens_at.isoformat()})
    closes = event.registration_closes_at or event.ends_at
    if now >= closes:
        raise RegistrationClosed()


def _seats_free(event: Event) -> int | None:
    if event.capacity is None:
        return None
    return max(event.capacity - queries.seats_taken(event), 0)


def _fits(event: Event, size: int) -> bool:
    free = _seats_free(event)
    return free is None or size <= free


def unique_pass_code(event: Event) -> str:
    # 25^7 codes: a collision is rare, so one indexed lookup per try beats loading them all.
    while True:
        code = new_pass_code()
        if not Registration.objects.filter(event=event, pass_code=code).exists():
            return code


def _renumber_waitlist(event: Event) -> None:
    """Positions 1..n in order, with no gaps, after parties leave the waitlist."""
    waiting = list(queries.waitlist(event).only("pk", "waitlist_position"))
    changed = []
    for position, registration in enumerate(waiting, start=1):
        if registration.waitlist_position != position:
            registration.waitlist_position = position
            changed.append(registration)
    if changed:
        Registration.objects.bulk_update(changed, ["waitlist_position"])


def promote_waitlist(event: Event) -> list[Registration]:
    """Confirm waitlisted parties in order while seats allow, skipping a party that does
    not fit and promoting a later one that does. Call with the event locked."""
    free = _seats_free(event)
    promoted = []
    for registration in queries.waitlist(event):
        if free is not None and registration.party_size > free:
            continue
        registration.status = RegistrationStatus.CONFIRMED
        registration.waitlist_position = None
        registration.save(update_fields=["status", "waitlist_position", "updated_at"])
        promoted.append(registration)
        if free is not None:
            free -= registration.party_size
            if free == 0:
                break
    if promoted:
        _renumber_waitlist(event)
        notify.promoted(promoted)
    return promoted


@dataclass(frozen=True)
class Registered:
    registration: Registration
    manage_token: str
    replayed: bool = False


def register(
    *,
    event_id: int,
    contact: Contact,
    party: Party,
    needs: Needs,
    proxy: Proxy | None = None,
    source: str = RegistrationSource.SELF,
    waitlist_if_full: bool = True,
    idempotency_key: str = "",
) -> Registered:
    """Register a party. Confirmed whole if it fits, else waitlisted whole (or EventFull
    when ``waitlist_if_full`` is False, as at the door).

    With an ``idempotency_key`` already used for this event by the same contact, nothing
    new is made: the earlier registration comes back (``replayed``) with a fresh manage
    token; the same key with another contact raises IdempotencyKeyReused.

    Raises EventNotFound, EventCancelled, RegistrationNotOpen, RegistrationClosed,
    InvalidParty, AlreadyRegistered (with the existing registration's id), ConsentRequired,
    ConsentVersionUnknown, ConsentLanguageRequired, NotOrganizationStaff, EventFull.
    Changes nothing when it raises."""
    if proxy is not None:
        if not rules.is_staff_of(proxy.by, proxy.organization.pk):
            raise NotOrganizationStaff()
        if not proxy.consent:
            raise ConsentRequired()
        if proxy.consent_version != CONSENT_VERSION:
            raise ConsentVersionUnknown(
                extra={"current_version": CONSENT_VERSION},
                fields={"consent_version": [ConsentVersionUnknown.message]},
            )
        if not proxy.consent_language:
            raise ConsentLanguageRequired(
                fields={"consent_language": [ConsentLanguageRequired.message]}
            )
    token = new_manage_token()
    try:
        with transaction.atomic():
            try:
                event = lock_event(event_id)
            except Event.DoesNotExist as exc:
                raise EventNotFound() from exc
            key_hash = hash_token(idempotency_key) if idempotency_key else ""
            if key_hash and (replayed := replay(event, key_hash, contact)):
                earlier, fresh_token = replayed
                return Registered(registration=earlier, manage_token=fresh_token, replayed=True)
            _check_open(event)
            check_party(event, party, needs.childcare_ages)
            existing = existing_registration(event.pk, contact)
            if existing:
                raise_duplicate(
                    existing,
                    user=contact.user,
                    organization_id=proxy.organization.pk if proxy else None,
                )
            registration = Registration(
                event=event,
                user=contact.user,
                name=contact.name,
                email=contact.email,
                phone=contact.phone,
                channel=contact.channel,
                adults=party.adults,
                children=party.children,
                preferred_language_id=needs.preferred_language,
                interpreter_language_id=needs.interpreter_language,
                childcare_ages=list(needs.childcare_ages),
                accessibility=list(needs.accessibility),
                accessibility_notes=needs.accessibility_notes,
                source=source,
                pass_code=unique_pass_code(event),
                manage_token_hash=hash_token(token),
                idempotency_key_hash=key_hash,
            )
            if proxy is not None:
                registration.organization = proxy.organization
                registration.registered_by = proxy.by
                registration.consent_at = timezone.now()
                registration.consent_version = proxy.consent_version
                registration.consent_language = proxy.consent_language
                registration.consent_text = consent_text(
                    proxy.organization.name, proxy.consent_language
                )
                registration.source = RegistrationSource.CBO
            if _fits(event, party.size):
                registration.status = RegistrationStatus.CONFIRMED
            elif waitlist_if_full:
                registration.status = RegistrationStatus.WAITLISTED
                registration.waitlist_position = queries.waitlist(event).count() + 1
            else:
                raise EventFull()
            try:
                with transaction.atomic():
                    registration.save()
            except IntegrityError:
                # Only reachable when the lock is off or a contact raced across events'
                # locks; the unique constraints keep the promise.
                existing = existing_registration(event.pk, contact)
                if existing:
                    raise_duplicate(
                        existing,
                        user=contact.user,
                        organization_id=proxy.organization.pk if proxy else None,
                    )
                raise
            store_counts(event)
            sync_demand(event_id=event.pk)
            notify.registration_made(registration, manage_token=token)
        return Registered(registration=registration, manage_token=token)
    except AlreadyRegistered as refused:
        send_pass_again(refused)
        raise


def walk_in(*, event_id: int, contact: Contact, party: Party, needs: Needs, by) -> Registered:
    """Register someone at the door while seats remain, and check them in at once."""
    with transaction.atomic():
        registered = register(
            event_id=event_id,
            contact=contact,
            party=party,
            needs=needs,
            source=RegistrationSource.WALK_IN,
            waitlist_if_full=False,
        )
        registration = registered.registration
        registration.status = RegistrationStatus.CHECKED_IN
        registration.checked_in_at = timezone.now()
        registration.checked_in_by = by
        registration.save(update_fields=["status", "checked_in_at", "checked_in_by", "updated_at"])
    return registered


def cancel(*, registration_id: int) -> list[Registration]:
    """Cancel a registration and promote the waitlist. Cancelling twice is harmless.
    Returns the registrations promoted."""
    with transaction.atomic():
        registration = Registration.objects.get(pk=registration_id)
        event = lock_event(registration.event_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return []
        was_seated = registration.status in SEATED
        was_waiting = registration.status == RegistrationStatus.WAITLISTED
        registration.status = RegistrationStatus.CANCELLED
        registration.waitlist_position = None
        registration.cancelled_at = timezone.now()
        registration.save(
            update_fields=["status", "waitlist_position", "cancelled_at", "updated_at"]
        )
        notify.registration_cancelled(registration)
        promoted = []
        if was_seated:
            promoted = promote_waitlist(event)
        elif was_waiting:
            _renumber_waitlist(event)
        store_counts(event)
        sync_demand(event_id=event.pk)
        return promoted


def change(
    *, registration_id: int, party: Party | None = None, needs: Needs | None = None
) -> Registration:
    """Change party size and/or needs. A confirmed party that grows beyond the free seats
    is refused (PartyDoesNotFit) and keeps its seats; one that shrinks frees seats for the
    waitlist."""
    with transaction.atomic():
        registration = Registration.objects.get(pk=registration_id)
        event = lock_event(registration.event_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            raise RegistrationCancelled()
        freed = False
        check_party(
            event,
            party or Party(adults=registration.adults, children=registration.children),
            needs.childcare_ages if needs is not None else registration.childcare_ages,
        )
        if party is not None:
            growth = party.size - registration.party_size
            if registration.status in SEATED and growth > 0 and not _fits(event, growth):
                raise PartyDoesNotFit(extra={"seats_left": _seats_free(event)})
            freed = registration.status in SEATED and growth < 0
            registration.adults = party.adults
            registration.children = party.children
        if needs is not None:
            registration.preferred_language_id = needs.preferred_language
            registration.interpreter_language_id = needs.interpreter_language
            registration.childcare_ages = list(needs.childcare_ages)
            registration.accessibility = list(needs.accessibility)
            registration.accessibility_notes = needs.accessibility_notes
        registration.save()
        if freed:
            promote_waitlist(event)
        elif registration.status == RegistrationStatus.WAITLISTED:
            # A smaller waitlisted party may fit now.
            promote_waitlist(event)
        store_counts(event)
        sync_demand(event_id=event.pk)
        registration.refresh_from_db()
        return registration


def check_in(*, event_id: int, code: str, by, key: str = "") -> tuple[Registration, bool]:
    """Check a party in by pass code. Idempotent: a second scan returns the same
    registration with ``already`` True, unless it carries the ``key`` of the check-in that
    did it (the same check-in sent again). Waitlisted or cancelled parties are refused."""
    with transaction.atomic():
        event = lock_event(event_id)
        registration = (
            queries.registrations_for_list()
            .filter(event=event, pass_code=normalise_pass_code(code))
            .first()
        )
        if registration is None:
            raise RegistrationNotFound()
        if registration.status == RegistrationStatus.CHECKED_IN:
            return registration, not (key and key == registration.check_in_key)
        if registration.status == RegistrationStatus.CANCELLED:
            raise RegistrationCancelled()
        if registration.status != RegistrationStatus.CONFIRMED:
            raise NotSeated()
        registration.status = RegistrationStatus.CHECKED_IN
        registration.checked_in_at = timezone.now()
        registration.checked_in_by = by
        registration.check_in_key = key
        registration.save(
            update_fields=["status", "checked_in_at", "checked_in_by", "check_in_key", "updated_at"]
        )
        return registration, False
