"""A misconfigured help number fails at start-up (`manage.py check`), not on a flyer."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError

from events_api.people.phones import normalise_phone


def help_phone_is_a_number(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if not settings.HELP_PHONE:
        return []
    try:
        normalise_phone(settings.HELP_PHONE)
    except ValidationError:
        return [
            checks.Error(
                f"HELP_PHONE is not a phone number: {settings.HELP_PHONE!r}.",
                hint="Set it to the number families call for help, e.g. +17185550100.",
                id="printing.E001",
            )
        ]
    return []
