from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from events_api.interpretation import queries, rules
from events_api.interpretation.errors import LineNotFound
from events_api.interpretation.filters import DemandLineFilter, InterpreterRequestFilter
from events_api.interpretation.models import DemandLine
from events_api.interpretation.permissions import IsCoordinator
from events_api.interpretation.serializers import (
    DemandLineSerializer,
    DemandLineUpdateSerializer,
    InterpreterRequestCreateSerializer,
    InterpreterRequestSerializer,
    SuggestionSerializer,
)
from events_api.interpretation.services import assignments as assignment_services
from events_api.interpretation.services import demand as services
from events_api.interpretation.views.common import ERRORS
from events_api.people.models import Language


class InterpreterRequestViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Interpreter requests. Coordinators see all; others see the requests they made, their
    organisation's, those of their own registrations and of events they organise.
    Registrations' requests are made and changed by the registration itself."""

    lookup_value_regex = r"\d+"
    serializer_class = InterpreterRequestSerializer
    filterset_class = InterpreterRequestFilter
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return rules.requests_visible_to(self.request.user)

    @extend_schema(
        request=InterpreterRequestCreateSerializer,
        responses={201: InterpreterRequestSerializer, **ERRORS},
        summary="Request an interpreter for an event (organisers, chairs, CBO staff)",
    )
    def create(self, request):
        serializer = InterpreterRequestCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        created = services.request_interpreter(
            event_id=data["event"],
            request=services.DirectRequest(
                language=Language.objects.get(pk=data["language"]),
                mode=data["mode"],
                people=data["people"],
                organization_id=data["organization"],
                note=data["note"],
            ),
            by=request.user,
        )
        fresh = queries.requests_for_list().get(pk=created.pk)
        return Response(InterpreterRequestSerializer(fresh).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        responses={200: InterpreterRequestSerializer, 404: ERRORS[404]},
        summary="Withdraw a direct request (its line shrinks)",
    )
    def destroy(self, request, pk=None):
        found = self.get_object()
        services.cancel_request(request_id=found.pk)
        return Response(InterpreterRequestSerializer(self.get_queryset().get(pk=found.pk)).data)


class DemandLineViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Demand lines: one per event, language and mode, with the people needing it.
    Coordinators see and manage all; organisers and chairs see those of their events."""

    lookup_value_regex = r"\d+"
    serializer_class = DemandLineSerializer
    filterset_class = DemandLineFilter
    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        return rules.lines_visible_to(self.request.user)

    def get_permissions(self):
        if self.action in {"partial_update", "suggestions"}:
            return [permissions.IsAuthenticated(), IsCoordinator()]
        return super().get_permissions()

    @extend_schema(
        request=DemandLineUpdateSerializer,
        responses={200: DemandLineSerializer, **ERRORS},
        summary="Mark a line unfulfilled or requested again; share parents' names",
    )
    def partial_update(self, request, pk=None):
        line = self.get_object()
        serializer = DemandLineUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.update_line(line_id=line.pk, **serializer.validated_data)
        return Response(DemandLineSerializer(self.get_queryset().get(pk=line.pk)).data)

    @extend_schema(
        responses={200: SuggestionSerializer(many=True), 404: ERRORS[404]},
        summary="Interpreters who could take this line",
        description="Active interpreters with the line's language and mode, available for "
        "the whole event, and with no colliding job (travel buffer included).",
    )
    @action(detail=True, methods=["get"], filter_backends=[], serializer_class=SuggestionSerializer)
    def suggestions(self, request, pk=None):
        line = DemandLine.objects.select_related("event").filter(pk=pk).first()
        if line is None:
            raise LineNotFound()
        event = line.event
        nearby = assignment_services.nearby_jobs(event)
        candidates = [
            interpreter
            for interpreter in queries.suggestion_candidates(line, nearby)
            if assignment_services.first_collision(interpreter.nearby_jobs, event, line.mode)
            is None
        ]
        page = self.paginate_queryset(candidates)
        return self.get_paginated_response(SuggestionSerializer(page, many=True).data)
