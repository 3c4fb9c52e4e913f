from django.utils.translation import gettext_lazy as _
from rest_framework import status

from events_api.core.errors import Conflict, DomainError, NotFound


class BadRequest(DomainError):
    status = status.HTTP_400_BAD_REQUEST


class CommitteeNotFound(NotFound):
    code = "committee_not_found"
    message = _("This committee does not exist or is not open to you.")


class MeetingNotFound(NotFound):
    code = "meeting_not_found"
    message = _("This meeting does not exist or is not open to you.")


class InvalidRRule(BadRequest):
    code = "invalid_rrule"
    message = _("The recurrence rule is not a valid RFC 5545 RRULE.")


class UnboundedRRule(BadRequest):
    code = "unbounded_rrule"
    message = _("The recurrence rule must end: give UNTIL or COUNT, within ten years of its start.")


class TooManyOccurrences(BadRequest):
    code = "too_many_occurrences"
    message = _("The recurrence rule yields more meetings than a series may have.")


class NoOccurrences(BadRequest):
    code = "no_occurrences"
    message = _("The recurrence rule yields no meeting at all.")


class NotAnOccurrence(BadRequest):
    code = "not_an_occurrence"
    message = _("No meeting of this series starts at that time.")


class QuorumTooHigh(BadRequest):
    code = "quorum_above_voting_members"
    message = _("The quorum is larger than the number of voting members.")


class InvalidQuorum(BadRequest):
    code = "invalid_quorum"
    message = _("Give the quorum as a number of members or as a fraction, not both.")


class PlaceRequired(BadRequest):
    code = "place_required"
    message = _("A meeting needs a place: a school, an address or an online link.")


class NotAMember(BadRequest):
    code = "not_a_member"
    message = _("This person is not a member of the committee.")


class InvitationRequired(DomainError):
    code = "invitation_required"
    message = _(
        "Invite people by email or phone through the committee's invitations; they join "
        "when they accept."
    )
    status = status.HTTP_403_FORBIDDEN


class UnknownAccount(BadRequest):
    code = "unknown_account"
    message = _("No active account has this id.")


class AlreadyMember(Conflict):
    code = "already_member"
    message = _("This person is already a member of the committee.")


class LastChair(Conflict):
    code = "last_chair"
    message = _("A committee must keep at least one chair.")


class InvitationNotFound(NotFound):
    code = "invitation_not_found"
    message = _("This invitation does not exist, has expired or was already used.")


class MinutesApproved(Conflict):
    code = "minutes_approved"
    message = _("Approved minutes cannot be edited; add an amendment instead.")


class MinutesNotApproved(Conflict):
    code = "minutes_not_approved"
    message = _("Only approved minutes are amended; edit the draft instead.")


class MinutesMissing(NotFound):
    code = "minutes_not_found"
    message = _("This meeting has no minutes yet.")


class ChairOnly(DomainError):
    code = "chair_only"
    message = _("Only the committee's chair or co-chair may do this.")
    status = status.HTTP_403_FORBIDDEN


class WrongApprovalMeeting(BadRequest):
    code = "wrong_approval_meeting"
    message = _("Minutes are approved at a later meeting of the same committee.")


class MeetingNotStarted(Conflict):
    code = "meeting_not_started"
    message = _("Attendance is recorded once the meeting has started.")


class MinutesBeforeMeeting(MeetingNotStarted):
    message = _("Minutes are written and approved once the meeting has started.")


class MeetingCancelled(Conflict):
    code = "meeting_cancelled"
    message = _("This meeting has been cancelled.")


class SeriesOccurrenceEdit(BadRequest):
    code = "series_field"
    message = _("Change the title, description, capacity or languages on the series instead.")


class InvitationAlreadyAccepted(Conflict):
    code = "invitation_accepted"
    message = _(
        "This invitation was accepted: the person is a member now. Remove the membership instead."
    )
