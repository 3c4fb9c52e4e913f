from django.utils.translation import gettext_lazy as _
from rest_framework import status

from events_api.core.errors import Conflict, DomainError, Forbidden, NotFound


class CardNotFound(NotFound):
    code = "card_not_found"
    message = _("No card has this number. Check the number on the card and try again.")


class CardForged(DomainError):
    code = "card_signature_invalid"
    message = _("This code was not made by Open Doors, or it was changed. Do not accept it.")
    status = status.HTTP_400_BAD_REQUEST


class CardRevoked(DomainError):
    code = "card_revoked"
    message = _("This card was withdrawn by whoever issued it (it may have been replaced).")
    status = status.HTTP_410_GONE


class CardExpired(DomainError):
    code = "card_expired"
    message = _("This card has expired. The parent can ask whoever issued it for a new one.")
    status = status.HTTP_410_GONE


class NotACardIssuer(Forbidden):
    code = "not_card_issuer"
    message = _("Only staff of this school or organisation may issue or withdraw its cards.")


class IssuerRequired(DomainError):
    code = "card_issuer_required"
    message = _("Say who issues the card: give either an organisation or a school, not both.")
    status = status.HTTP_400_BAD_REQUEST


class ExpiryOutOfRange(DomainError):
    code = "card_expiry_out_of_range"
    message = _("A card must be valid from today and for at most three years.")
    status = status.HTTP_400_BAD_REQUEST


class CardAlreadyReplaced(Conflict):
    code = "card_already_replaced"
    message = _("This card was already replaced by a new one.")


class HolderNotRegistered(NotFound):
    code = "card_holder_not_registered"
    message = _("The card's holder is not registered for this event. Register her as a walk-in.")


class CardHasNoContact(Conflict):
    code = "card_has_no_contact"
    message = _(
        "This card has no phone, email or account to register with. Ask for a phone number."
    )
