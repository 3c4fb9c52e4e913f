from django.utils.translation import gettext_lazy as _

from events_api.core.errors import DomainError


class HelpPhoneNeeded(DomainError):
    code = "help_phone_needed"
    # A coordinator reads this; the server-wide default (HELP_PHONE) is in docs/printing.md.
    message = _("Give the phone number families can call for help.")


class CardsNotPrintable(DomainError):
    code = "cards_not_printable"
    message = _(
        "Only valid cards you may manage can be printed: these are unknown to you, "
        "withdrawn or expired."
    )


class TooManyCards(DomainError):
    """Said as the query's validation would say it: the ``ids`` field is the one to use."""

    code = "invalid"
