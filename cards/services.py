"""Writes: issuing, withdrawing and re-issuing parent cards; reading a scanned or typed
card; checking its holder in at an event or registering her as a walk-in."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core import signing as django_signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from cards import rules, signing
from cards.errors import (
    CardAlreadyReplaced,
    CardExpired,
    CardForged,
    CardHasNoContact,
    CardNotFound,
    CardRevoked,
    ExpiryOutOfRange,
    HolderNotRegistered,
    IssuerRequired,
    NotACardIssuer,
)
from cards.models import Card, CardStatus
from events_api.events.models import Event, Registration
from events_api.events.services import registration as registrations
from events_api.events.services.contact import Contact
from events_api.events.services.duplicates import existing_registration
from events_api.events.services.party import Party

# A card is good for a year unless the issuer says otherwise, and never more than three.
DEFAULT_VALIDITY = timedelta(days=365)
MAX_VALIDITY = timedelta(days=3 * 365)


@dataclass(frozen=True)
class Holder:
    """What the parent gives: her name, her language, optionally her children's schools,
    a phone or email (only to find her registrations) and her account."""

    name: str
    preferred_language: str = "en"
    schools: list = field(default_factory=list)
    phone: str = ""
    email: str = ""
    user: object | None = None


def _account_for(holder: Holder):
    """The holder's account: the one given, else the active account with her email."""
    if holder.user is not None or not holder.email:
        return holder.user
    accounts = get_user_model().objects.filter(email__iexact=holder.email, is_active=True)
    return accounts.first()


def _check_issuer(by, organization, school) -> None:
    if (organization is None) == (school is None):
        raise IssuerRequired()
    allowed = (
        rules.may_issue_for_organization(by, organization.pk)
        if organization is not None
        else rules.may_issue_for_school(by, school.pk)
    )
    if not allowed:
        raise NotACardIssuer()


def _check_expiry(expires_on: date, today: date) -> None:
    if expires_on < today or expires_on > today + MAX_VALIDITY:
        raise ExpiryOutOfRange(fields={"expires_on": [ExpiryOutOfRange.message]})


def _create(**values) -> Card:
    """A card with a fresh number (drawn again on the rare collision)."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Card.objects.create(number=signing.new_number(), **values)
        except IntegrityError:
            continue
    raise RuntimeError("no free card number after 5 draws")


def issue(
    *, holder: Holder, by, organization=None, school=None, expires_on: date | None = None
) -> Card:
    """Issue a card in the name of ``organization`` or ``school`` (exactly one), which
    ``by`` must be allowed to act for. An email that belongs to an account links it, so
    the parent sees her card when she signs in. Raises IssuerRequired, NotACardIssuer,
    ExpiryOutOfRange; writes nothing when it raises."""
    _check_issuer(by, organization, school)
    today = timezone.localdate()
    expires_on = expires_on or today + DEFAULT_VALIDITY
    _check_expiry(expires_on, today)
    with transaction.atomic():
        card = _create(
            holder_name=holder.name,
            user=_account_for(holder),
            phone=holder.phone,
            email=holder.email,
            preferred_language_id=holder.preferred_language,
            organization=organization,
            school=school,
            issued_by=by,
            expires_on=expires_on,
        )
        card.schools.set(holder.schools)
    return card


def revoke(*, card: Card, by) -> Card:
    """Withdraw a card at once: from now on it answers "revoked". Withdrawing twice keeps
    the first time. Raises NotACardIssuer for anyone not acting for its issuer."""
    if not rules.may_manage(by, card):
        raise NotACardIssuer()
    Card.objects.filter(pk=card.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    )
    card.refresh_from_db()
    return card


def reissue(*, card: Card, by) -> Card:
    """A lost card: withdraw it (if not already) and issue a new one for the same holder,
    in the same name, with a new number and the same expiry (a year from today if it had
    passed). Raises NotACardIssuer, CardAlreadyReplaced (only once per card)."""
    if not rules.may_manage(by, card):
        raise NotACardIssuer()
    today = timezone.localdate()
    with transaction.atomic():
        old = Card.objects.select_for_update().get(pk=card.pk)
        if Card.objects.filter(replaces=old).exists():
            raise CardAlreadyReplaced()
        if old.revoked_at is None:
            old.revoked_at, old.revoked_by = timezone.now(), by
            old.save(update_fields=["revoked_at", "revoked_by"])
        new = _create(
            holder_name=old.holder_name,
            user=old.user,
            phone=old.phone,
            email=old.email,
            preferred_language_id=old.preferred_language_id,
            organization_id=old.organization_id,
            school_id=old.school_id,
            issued_by=by,
            expires_on=old.expires_on if old.expires_on >= today else today + DEFAULT_VALIDITY,
            replaces=old,
        )
        new.schools.set(old.schools.all())
    return new


def find(*, signed: str = "", number: str = "") -> Card:
    """The card a scanned value (signed) or a typed number names, whatever its state.
    Raises CardForged (a signature that does not match), CardNotFound."""
    if signed:
        try:
            number = signing.unsign(signed)
        except django_signing.BadSignature as exc:
            raise CardForged() from exc
    card = (
        Card.objects.select_related("organization", "school", "issued_by", "preferred_language")
        .prefetch_related("schools")
        .filter(number=signing.normalise_number(number))
        .first()
    )
    if card is None:
        raise CardNotFound()
    return card


def check_good(card: Card) -> Card:
    """Raises CardRevoked or CardExpired unless the card is good today."""
    status = card.status
    if status == CardStatus.REVOKED:
        raise CardRevoked()
    if status == CardStatus.EXPIRED:
        raise CardExpired()
    return card


def contact_of(card: Card) -> Contact:
    return Contact(name=card.holder_name, email=card.email, phone=card.phone, user=card.user)


def check_in(*, event: Event, card: Card, by, key: str = "") -> tuple[Registration, bool]:
    """Check the holder of a good card in at ``event`` through her registration, found by
    account, email or phone (events.services.duplicates.existing_registration), with the
    registration's own check-in (idempotent, refuses the waitlisted and cancelled).
    Raises CardRevoked, CardExpired, HolderNotRegistered and check_in's errors."""
    check_good(card)
    registration = existing_registration(event.pk, contact_of(card))
    if registration is None:
        raise HolderNotRegistered()
    return registrations.check_in(event_id=event.pk, code=registration.pass_code, by=by, key=key)


def walk_in(*, event: Event, card: Card, party: Party, by, phone: str = ""):
    """Register the holder of a good card at the door with the card's details (her name,
    language, account, email, phone, or ``phone`` given at the door when the card has
    none) and check her in at once (events' walk_in: only while seats remain). Raises
    CardRevoked, CardExpired, CardHasNoContact and walk_in's errors (AlreadyRegistered
    when she is registered already: check her in instead)."""
    check_good(card)
    contact = contact_of(card)
    if not (contact.user or contact.email or contact.phone):
        if not phone:
            raise CardHasNoContact()
        contact = Contact(name=card.holder_name, phone=phone)
    needs = registrations.Needs(preferred_language=card.preferred_language_id)
    return registrations.walk_in(
        event_id=event.pk, contact=contact, party=party, needs=needs, by=by
    )
