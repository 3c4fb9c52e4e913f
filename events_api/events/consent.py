"""The consent a CBO staff member reads to a family before registering them for an event.

The text has a version. The form shows the text of ``GET /api/v1/registrations/consent/
{organization_id}/`` (in the page's language, with the organisation's name filled in) and
sends its version and language back with the registration; the registration stores the
text exactly as it was shown, so the record says what the family agreed to, not only when.

Changing the text: change ``CONSENT_TEXT`` and ``CONSENT_VERSION`` together (the date of the
change). A registration sent with any other version than the current one (a form loaded
before the change) is refused with ``consent_version_unknown``, and the form loads the new
text. Registrations made earlier keep the text they were made with.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import status

from events_api.core.errors import DomainError, NotFound

CONSENT_VERSION = "2026-11-30"
CONSENT_TEXT = _(
    "The family agreed that {organization} registers them for this event. Their name, "
    "contact details and needs are kept only for this event and removed after it."
)


class ConsentVersionUnknown(DomainError):
    code = "consent_version_unknown"
    message = _(
        "The consent text you showed is not the current one. Load the form again and read "
        "the family the new text."
    )
    status = status.HTTP_400_BAD_REQUEST


class ConsentLanguageRequired(DomainError):
    code = "consent_language_required"
    message = _("Say in which language the family was shown the consent text.")
    status = status.HTTP_400_BAD_REQUEST


class OrganizationNotFound(NotFound):
    code = "organization_not_found"
    message = _("You do not work for this organisation.")


def consent_text(organization_name: str, language: str) -> str:
    """The current text in ``language``, with the organisation's name filled in."""
    with translation.override(language):
        return str(CONSENT_TEXT).format(organization=organization_name)
