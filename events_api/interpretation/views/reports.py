from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions, renderers
from rest_framework.response import Response
from rest_framework.views import APIView

from events_api.events.errors import EventNotFound, RegistrationNotFound
from events_api.events.models import RegistrationStatus
from events_api.events.passes import hash_token
from events_api.events.queries import registration_by_token_hash
from events_api.interpretation import queries, rules
from events_api.interpretation.filters import CoverageFilter
from events_api.interpretation.models import LineStatus
from events_api.interpretation.reports import coverage_csv, coverage_row
from events_api.interpretation.serializers import (
    CoverageSerializer,
    RegistrationInterpretationSerializer,
    hide_private_titles,
)
from events_api.interpretation.views.common import ERRORS


class CSVRenderer(renderers.BaseRenderer):
    """Coverage as CSV (``?format=csv`` or ``Accept: text/csv``); the view hands it bytes."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class CoverageView(generics.GenericAPIView):
    """Interpretation coverage per event: languages, people needing each, interpreters
    assigned and confirmed, gaps, late requests. Coordinators see every event with
    demand; organisers and chairs the events they manage."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = CoverageSerializer
    filterset_class = CoverageFilter
    renderer_classes = [renderers.JSONRenderer, CSVRenderer]

    def get_queryset(self):
        return rules.coverage_events(self.request.user)

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors are JSON whatever format was asked for.
        if response.status_code >= 400 and isinstance(
            getattr(request, "accepted_renderer", None), CSVRenderer
        ):
            request.accepted_renderer = renderers.JSONRenderer()
            request.accepted_media_type = "application/json"
        return super().finalize_response(request, response, *args, **kwargs)

    @extend_schema(
        parameters=[
            OpenApiParameter("summit", int, description="Events of this summit"),
            OpenApiParameter("committee", int, description="Meetings of this committee"),
            OpenApiParameter(
                "from", OpenApiTypes.DATE, description="Events starting on or after this day"
            ),
            OpenApiParameter(
                "to", OpenApiTypes.DATE, description="Events starting on or before this day"
            ),
            OpenApiParameter("format", str, enum=["json", "csv"]),
        ],
        responses={
            200: CoverageSerializer(many=True),
            (200, "text/csv"): OpenApiTypes.BINARY,
            400: ERRORS[400],
        },
        summary="Interpretation coverage of events (JSON pages or a CSV of every line)",
    )
    def get(self, request, *args, **kwargs):
        events = self.filter_queryset(self.get_queryset())
        if isinstance(request.accepted_renderer, CSVRenderer):
            response = Response(
                coverage_csv(coverage_row(event) for event in hide_private_titles(events)),
                content_type="text/csv; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="interpretation-coverage.csv"'
            return response
        page = self.paginate_queryset(events)
        rows = [coverage_row(event) for event in hide_private_titles(page)]
        return self.get_paginated_response(CoverageSerializer(rows, many=True).data)


class EventInterpretationView(APIView):
    """One event's interpretation coverage (coordinators; the event's organisers and
    chairs). Anyone else: 404."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: CoverageSerializer, 404: ERRORS[404]})
    def get(self, request, event_id):
        event = rules.coverage_of(request.user, event_id)
        if event is None:
            raise EventNotFound()
        [event] = hide_private_titles([event])
        return Response(CoverageSerializer(coverage_row(event)).data)


MESSAGES = {
    LineStatus.REQUESTED: _("We have your request and are looking for an interpreter."),
    LineStatus.ASSIGNED: _("An interpreter has been asked to come."),
    LineStatus.CONFIRMED: _("An interpreter will be there."),
    LineStatus.UNFULFILLED: _(
        "We are sorry: we could not find an interpreter for this event. Please contact the "
        "organisers."
    ),
    LineStatus.CANCELLED: _("There is no interpreter request for this registration."),
}
WAITLISTED_MESSAGE = _(
    "You are on the waitlist. Your interpreter request will count as soon as you have a seat."
)
LATE_MESSAGE = _(
    "Your request came in close to the event, so we may not be able to find an interpreter "
    "in time. We will try."
)


class RegistrationInterpretationView(APIView):
    """A guest's own interpreter request, through their registration's secret link."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(responses={200: RegistrationInterpretationSerializer, 404: ERRORS[404]})
    def get(self, request, token):
        registration = registration_by_token_hash(hash_token(token))
        if registration is None:
            raise RegistrationNotFound()
        found = queries.active_request_of_registration(registration)
        if found is None:
            waiting = registration.status == RegistrationStatus.WAITLISTED
            message = MESSAGES[LineStatus.CANCELLED]
            if waiting and registration.interpreter_language_id:
                message = WAITLISTED_MESSAGE
            body = {
                "requested": False,
                "language": registration.interpreter_language_id,
                "mode": None,
                "status": None,
                "late": False,
                "message": str(message),
            }
        else:
            status = found.line.status
            message = MESSAGES[status]
            if found.late and status in (LineStatus.REQUESTED, LineStatus.ASSIGNED):
                message = LATE_MESSAGE
            body = {
                "requested": True,
                "language": found.language_id,
                "mode": found.mode,
                "status": status,
                "late": found.late,
                "message": str(message),
            }
        return Response(RegistrationInterpretationSerializer(body).data)
