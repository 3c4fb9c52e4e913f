from django.utils.translation import gettext_lazy as _
from rest_framework import status

from events_api.core.errors import Conflict, DomainError


class SummitYearTaken(Conflict):
    code = "summit_year_taken"
    message = _("There is already a summit for this year.")


class SummitNotPublished(Conflict):
    code = "summit_not_published"
    message = _("Publish the summit before publishing its sessions.")


class SessionOutsideSummit(DomainError):
    code = "session_outside_summit"
    message = _("A session must take place during the summit's days.")
    status = status.HTTP_400_BAD_REQUEST


class RoomTooSmall(DomainError):
    code = "room_too_small"
    message = _("The session's capacity is larger than the room holds.")
    status = status.HTTP_400_BAD_REQUEST


class WrongSummit(DomainError):
    code = "wrong_summit"
    message = _("The track or room belongs to another summit.")
    status = status.HTTP_400_BAD_REQUEST


class RoomNameTaken(Conflict):
    code = "room_name_taken"
    message = _("This summit already has a room with that name.")
