from django.utils.translation import gettext_lazy as _
from rest_framework import status

from events_api.core.errors import Conflict, DomainError, NotFound


class SignLanguageMismatch(DomainError):
    code = "sign_language_mismatch"
    message = _(
        "Sign-language mode needs a sign language, and a sign language needs sign-language mode."
    )
    status = status.HTTP_400_BAD_REQUEST


class EventStarted(Conflict):
    code = "event_started"
    message = _("This event has already started or is over.")


class NotAllowedToRequest(DomainError):
    code = "not_allowed"
    message = _(
        "Only the event's organisers, interpreter coordinators and community organisation "
        "staff can request an interpreter directly."
    )
    status = status.HTTP_403_FORBIDDEN


class NotOrganizationStaff(DomainError):
    code = "not_organization_staff"
    message = _("You do not work for this organisation.")
    status = status.HTTP_403_FORBIDDEN


class RequestNotFound(NotFound):
    code = "interpreter_request_not_found"
    message = _("No such interpreter request.")


class LineNotFound(NotFound):
    code = "demand_line_not_found"
    message = _("No such interpretation demand line.")


class InterpreterNotFound(NotFound):
    code = "interpreter_not_found"
    message = _("No such interpreter.")


class AssignmentNotFound(NotFound):
    code = "assignment_not_found"
    message = _("No such assignment.")


class InterpreterLacksLanguage(DomainError):
    code = "interpreter_lacks_language"
    message = _("This interpreter does not interpret this language.")
    status = status.HTTP_400_BAD_REQUEST


class InterpreterLacksMode(DomainError):
    code = "interpreter_lacks_mode"
    message = _("This interpreter does not work in this mode.")
    status = status.HTTP_400_BAD_REQUEST


class InterpreterInactive(DomainError):
    code = "interpreter_inactive"
    message = _("This interpreter is not active on the roster.")
    status = status.HTTP_400_BAD_REQUEST


class DoubleBooked(Conflict):
    code = "double_booked"
    message = _("The interpreter already has a job at that time.")


class LineAlreadyAssigned(Conflict):
    code = "line_already_assigned"
    message = _("This line already has an interpreter. Cancel that assignment first.")


class LineClosed(Conflict):
    code = "line_closed"
    message = _("This line is cancelled or marked unfulfilled; reopen it first.")


class LineHasInterpreter(Conflict):
    code = "line_has_interpreter"
    message = _("This line has an interpreter; cancel the assignment before changing it.")


class AssignmentNotOpen(Conflict):
    code = "assignment_not_open"
    message = _("This assignment was declined or cancelled.")


class UserAlreadyInterpreter(Conflict):
    code = "user_already_interpreter"
    message = _("This user is already on the roster.")


class InvalidAvailability(DomainError):
    code = "invalid_availability"
    message = _("Each availability window must end after it starts.")
    status = status.HTTP_400_BAD_REQUEST
