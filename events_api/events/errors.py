from django.utils.translation import gettext_lazy as _
from rest_framework import status

from events_api.core.errors import Conflict, DomainError, NotFound


class EventNotFound(NotFound):
    code = "event_not_found"
    message = _("This event does not exist or is not open to the public.")


class RegistrationNotFound(NotFound):
    code = "registration_not_found"
    message = _("No registration matches this link or code.")


class EventCancelled(Conflict):
    code = "event_cancelled"
    message = _("This event has been cancelled.")


class RegistrationNotOpen(Conflict):
    code = "registration_not_open"
    message = _("Registration for this event has not opened yet.")


class RegistrationClosed(Conflict):
    code = "registration_closed"
    message = _("Registration for this event has closed.")


class AlreadyRegistered(Conflict):
    code = "already_registered"
    message = _("This contact is already registered for this event.")


class InvalidIdempotencyKey(DomainError):
    code = "invalid_idempotency_key"
    message = _("The Idempotency-Key header must be 16 to 128 letters, digits, - or _.")


class IdempotencyKeyReused(Conflict):
    code = "idempotency_key_reused"
    message = _("This request key was already used for a different registration.")


class PartyDoesNotFit(Conflict):
    code = "party_does_not_fit"
    message = _("There are not enough seats left for a party this size.")


class EventFull(Conflict):
    code = "event_full"
    message = _("There are no seats left at this event.")


class RegistrationCancelled(Conflict):
    code = "registration_cancelled"
    message = _("This registration has been cancelled.")


class InvalidParty(DomainError):
    code = "invalid_party"
    message = _("A party needs at least one adult and may not be larger than the limit.")
    status = status.HTTP_400_BAD_REQUEST


class ConsentRequired(DomainError):
    code = "consent_required"
    message = _("Record the parent's consent before registering them.")
    status = status.HTTP_400_BAD_REQUEST


class NotOrganizationStaff(DomainError):
    code = "not_organization_staff"
    message = _("You do not work for this organisation.")
    status = status.HTTP_403_FORBIDDEN


class NotSeated(Conflict):
    code = "not_seated"
    message = _("This party is on the waitlist and has no seat yet.")
