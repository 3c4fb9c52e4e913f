from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from committees import rules
from committees.errors import CommitteeNotFound, MeetingNotFound

MEETING_FILTERS = [
    OpenApiParameter("from", str, description="On or after this day (YYYY-MM-DD)"),
    OpenApiParameter("to", str, description="On or before this day (YYYY-MM-DD)"),
    OpenApiParameter("status", str, enum=["draft", "published", "cancelled"]),
    OpenApiParameter("series", int),
    OpenApiParameter("late_notice", bool),
]

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {code, message, fields}"),
    403: OpenApiResponse(description="Not allowed: {code, message}"),
    404: OpenApiResponse(description="Not found: {code, message}"),
    409: OpenApiResponse(description="Conflicts with the current state: {code, message}"),
}


def visible_committee(user, pk):
    committee = rules.visible_committees(user).filter(pk=pk).first()
    if committee is None:
        raise CommitteeNotFound()
    return committee


def visible_meeting(user, pk):
    meeting = rules.visible_meetings(user).filter(pk=pk).first()
    if meeting is None:
        raise MeetingNotFound()
    return meeting


def serializer_context(view) -> dict:
    return {**view.get_serializer_context(), "member_of": rules.member_of(view.request.user)}
