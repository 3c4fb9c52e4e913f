from django.utils.translation import gettext_lazy as _
from rest_framework import status

from events_api.core.errors import Conflict, DomainError


class BadCall(DomainError):
    status = status.HTTP_400_BAD_REQUEST


class PersonRequired(BadCall):
    code = "person_required"
    message = _("Say who was called: give either a registration or a member, not both.")


class UnknownPerson(BadCall):
    code = "unknown_person"
    message = _("No such person: there is no registration or member with this id.")


class NotOnCallList(BadCall):
    code = "not_on_call_list"
    message = _("This person is not on this call list.")


class NoPhoneNumber(BadCall):
    code = "no_phone_number"
    message = _("This person has no phone number, so they cannot be called.")


class AskedToStop(BadCall):
    code = "asked_to_stop"
    message = _("This person asked us to stop calling; they are no longer on the list.")


class UnknownOutcome(BadCall):
    code = "unknown_outcome"
    message = _(
        "Unknown outcome: use reached, voicemail, no_answer, wrong_number or asked_to_stop."
    )


class NoUpcomingMeeting(Conflict):
    code = "no_upcoming_meeting"
    message = _("This committee has no published meeting coming up to call about.")
