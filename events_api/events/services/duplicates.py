"""A second registration for the same contact: found, refused without telling a stranger
anything, or (the same request sent again with its idempotency key) answered with the
registration the first request made. Called by the registration services inside their
transaction, with the event locked."""

from django.db import transaction
from django.db.models import Q

from events_api.events.errors import AlreadyRegistered, IdempotencyKeyReused
from events_api.events.models import ACTIVE, Event, Registration, RegistrationStatus
from events_api.events.passes import hash_token, new_manage_token
from events_api.events.services.contact import Contact
from events_api.notifications import services as notify


def existing_registration(event_id: int, contact: Contact) -> Registration | None:
    """The contact's active (or declined) registration for the event, matched by account,
    email or phone, in one query."""
    match = Q(pk__in=[])
    if contact.user is not None:
        match |= Q(user=contact.user)
    if contact.email:
        match |= Q(email__iexact=contact.email)
    if contact.phone:
        match |= Q(phone=contact.phone)
    return (
        Registration.objects.filter(match, event_id=event_id, status__in=ACTIVE)
        .order_by("id")
        .first()
    )


def raise_duplicate(existing: Registration, *, user=None, organization_id=None) -> None:
    """AlreadyRegistered. Only the registration's owner — its account, or the CBO that
    made it — learns which registration and its status; anyone else learns nothing about
    someone else's registration beyond the refusal itself (see README, Decisions)."""
    owner = (user is not None and existing.user_id == user.pk) or (
        organization_id is not None and existing.organization_id == organization_id
    )
    refused = (
        AlreadyRegistered(
            extra={"existing_registration": {"id": existing.pk, "status": existing.status}}
        )
        if owner
        else AlreadyRegistered()
    )
    # Never in the answer: for register() to send the pass to the contact on file.
    refused.existing = existing
    raise refused


def send_pass_again(refused: AlreadyRegistered) -> None:
    """Someone registered a contact that already has a seat: the pass goes again to the
    contact on file (never to whoever asked), in its own transaction, since the refused
    registration's was rolled back. A parent whose number someone else used still gets
    her pass; a stranger learns nothing, and probing sends each seat at most one such
    message (per version of the event: the message's idempotency key)."""
    existing = getattr(refused, "existing", None)
    if existing is not None and existing.status == RegistrationStatus.CONFIRMED:
        with transaction.atomic():
            notify.pass_again(existing)


def replay(event: Event, key_hash: str, contact: Contact) -> tuple[Registration, str] | None:
    """The registration an earlier request with the same idempotency key made, if any,
    with its new manage token. Its answer was lost on the way to the client, so the client
    never saw the manage token: a new one is issued (only hashes are stored) and the old
    one stops working. The same key with another contact raises IdempotencyKeyReused."""
    earlier = Registration.objects.filter(event=event, idempotency_key_hash=key_hash).first()
    if earlier is None:
        return None
    same = (earlier.name, earlier.email, earlier.phone, earlier.user_id) == (
        contact.name,
        contact.email,
        contact.phone,
        getattr(contact.user, "pk", None),
    )
    if not same:
        raise IdempotencyKeyReused()
    token = new_manage_token()
    earlier.manage_token_hash = hash_token(token)
    earlier.save(update_fields=["manage_token_hash", "updated_at"])
    # A confirmation not sent yet would carry the old link: it is written again.
    notify.registration_made(earlier, manage_token=token)
    return earlier, token
