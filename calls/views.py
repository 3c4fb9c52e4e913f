"""The call lists over the API (JSON, CSV, recording a call) and as a printable page.

Every view first finds the event or committee the user may see (404 otherwise), then asks
``calls.rules`` whether they may see its list (403 otherwise), and only then reads a body.
"""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from calls import lists
from calls.errors import NoUpcomingMeeting
from calls.exports import call_list_csv
from calls.serializers import CallListSerializer, CallPersonSerializer, CallRecordSerializer
from calls.subjects import committee_subject, event_subject
from events_api.audit.models import AccessKind

READ_ERRORS = {
    403: OpenApiResponse(description="Signed out, or not one who makes these calls"),
    404: OpenApiResponse(description="No such event or committee (or not one you may see)"),
}
ERRORS = {
    400: OpenApiResponse(description="Invalid input: {code, message, fields}"),
    **READ_ERRORS,
}
CONFLICT = {409: OpenApiResponse(description="No meeting coming up: {code, message}")}
CSV = {(200, "text/csv"): OpenApiTypes.BINARY}


# --- the API ----------------------------------------------------------------------------------


class _Base(APIView):
    permission_classes = [permissions.IsAuthenticated]
    subject = staticmethod(event_subject)


class _CallListView(_Base):
    def get(self, request, pk):
        subject = self.subject(request.user, pk)
        call_list = subject.build()
        subject.log(request, AccessKind.CALL_LIST, len(call_list.everyone))
        return Response(CallListSerializer(call_list).data)


class _CallListCsvView(_Base):
    def get(self, request, pk):
        subject = self.subject(request.user, pk)
        if subject.event is None:
            raise NoUpcomingMeeting()
        data, rows = call_list_csv(subject.build())
        subject.log(request, AccessKind.CALL_LIST_EXPORT, rows)
        response = HttpResponse(data, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{subject.filename}"'
        return response


class _CallRecordView(_Base):
    def post(self, request, pk):
        subject = self.subject(request.user, pk)
        serializer = CallRecordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        person = lists.PersonRef(registration=data.get("registration"), member=data.get("member"))
        listed = subject.record(person, data, request.user)
        return Response(CallPersonSerializer(listed).data, status=status.HTTP_201_CREATED)


EVENT_LIST = (
    "The event's phone-call list: the people whose chosen channel is a call, grouped by "
    "language, each group with what to say in that language; those with no number and "
    "those who asked us to stop, apart; progress per outcome, per language and overall. "
    "The event's organisers see all of it, CBO staff the families their organisation "
    "registered."
)
COMMITTEE_LIST = (
    "The committee's current members who chose phone calls, about its next published "
    "meeting (event null when none is coming up), for its chair, co-chairs and secretary."
)
RECORD = (
    "Record one call to someone on the list: a registration or a member (by account id), "
    "and its outcome. Several calls per person are kept; the latest counts for progress; "
    "asked_to_stop keeps the person off the list from then on."
)


@extend_schema(
    tags=["calls"],
    responses={200: CallListSerializer, **READ_ERRORS},
    summary="An event's phone-call list",
    description=EVENT_LIST,
)
class EventCallListView(_CallListView):
    pass


@extend_schema_view(
    get=extend_schema(
        tags=["calls"],
        responses={**CSV, **READ_ERRORS},
        summary="The event's phone-call list as CSV (every export is logged)",
        operation_id="api_v1_events_call_list_csv",
    )
)
class EventCallListCsvView(_CallListCsvView):
    pass


@extend_schema(
    tags=["calls"],
    request=CallRecordSerializer,
    responses={201: CallPersonSerializer, **ERRORS},
    summary="Record a call to someone on the event's list",
    description=RECORD,
)
class EventCallRecordView(_CallRecordView):
    pass


@extend_schema(
    tags=["calls"],
    responses={200: CallListSerializer, **READ_ERRORS},
    summary="A committee's phone-call list",
    description=COMMITTEE_LIST,
)
class CommitteeCallListView(_CallListView):
    subject = staticmethod(committee_subject)


@extend_schema_view(
    get=extend_schema(
        tags=["calls"],
        responses={**CSV, **READ_ERRORS, **CONFLICT},
        summary="The committee's phone-call list as CSV (every export is logged)",
        operation_id="api_v1_committees_call_list_csv",
    )
)
class CommitteeCallListCsvView(_CallListCsvView):
    subject = staticmethod(committee_subject)


@extend_schema(
    tags=["calls"],
    request=CallRecordSerializer,
    responses={201: CallPersonSerializer, **ERRORS, **CONFLICT},
    summary="Record a call to a member on the committee's list",
    description=RECORD,
)
class CommitteeCallRecordView(_CallRecordView):
    subject = staticmethod(committee_subject)
