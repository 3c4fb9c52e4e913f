from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from events_api.audit import services as audit
from events_api.audit.models import AccessKind
from events_api.core.filtering import apply_filterset
from events_api.interpretation import queries, rules
from events_api.interpretation.filters import AssignmentFilter, InterpreterFilter
from events_api.interpretation.permissions import IsCoordinator
from events_api.interpretation.serializers import (
    AssignmentCreateSerializer,
    AssignmentSerializer,
    DeclineSerializer,
    InterpreterSerializer,
    InterpreterWriteSerializer,
)
from events_api.interpretation.services import assignments as services
from events_api.interpretation.services import roster as roster_services
from events_api.interpretation.views.common import ERRORS


def shown(request, assignments):
    """Logs the parents' names these jobs show (the access log: one row per event, counting
    names), and returns the jobs."""
    audit.record_rows(
        request,
        AccessKind.INTERPRETER_JOB,
        [job for job in assignments if job.line.share_names for _ in job.line.named_requests],
        event_of=lambda job: job.line.event_id,
    )
    return assignments


def _windows(data) -> list[tuple]:
    return [(w["starts_at"], w["ends_at"]) for w in data]


class InterpreterViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The interpreter roster. Coordinators see and change it; an interpreter sees their
    own entry and may change their own availability."""

    lookup_value_regex = r"\d+"
    serializer_class = InterpreterSerializer
    filterset_class = InterpreterFilter
    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return rules.interpreters_visible_to(self.request.user)

    def get_permissions(self):
        if self.action == "create":
            return [permissions.IsAuthenticated(), IsCoordinator()]
        return super().get_permissions()

    def _answer(self, interpreter, code=status.HTTP_200_OK):
        fresh = queries.interpreters_for_list().get(pk=interpreter.pk)
        return Response(InterpreterSerializer(fresh).data, status=code)

    @extend_schema(
        request=InterpreterWriteSerializer, responses={201: InterpreterSerializer, **ERRORS}
    )
    def create(self, request):
        serializer = InterpreterWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        interpreter = roster_services.create_interpreter(
            languages=data.pop("languages"),
            modes=data.pop("modes"),
            availability=_windows(data.pop("availability", [])),
            **data,
        )
        return self._answer(interpreter, status.HTTP_201_CREATED)

    @extend_schema(
        request=InterpreterWriteSerializer,
        responses={200: InterpreterSerializer, **ERRORS},
        summary="Change a roster entry (an interpreter: only their own availability)",
    )
    def partial_update(self, request, pk=None):
        interpreter = self.get_object()
        serializer = InterpreterWriteSerializer(interpreter, data=request.data, partial=True)
        # Asked before the input is checked, so a refusal never depends on its validity.
        asked = set(request.data) if isinstance(request.data, dict) else set()
        if not rules.may_change_interpreter(request.user, asked & serializer.fields.keys()):
            raise PermissionDenied()
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        availability = data.pop("availability", None)
        roster_services.update_interpreter(
            interpreter_id=interpreter.pk,
            availability=None if availability is None else _windows(availability),
            **data,
        )
        return self._answer(interpreter)

    @extend_schema(
        responses={200: AssignmentSerializer(many=True), 404: ERRORS[404]},
        summary="This interpreter's assignments",
    )
    @action(detail=True, methods=["get"], filter_backends=[], serializer_class=AssignmentSerializer)
    def assignments(self, request, pk=None):
        interpreter = self.get_object()
        rows = apply_filterset(
            AssignmentFilter,
            request,
            rules.assignments_shown_to(request.user)
            .filter(interpreter=interpreter)
            .order_by("line__event__starts_at", "pk"),
        )
        page = shown(request, self.paginate_queryset(rows))
        return self.get_paginated_response(AssignmentSerializer(page, many=True).data)


class AssignmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Assignments. Coordinators assign and withdraw; the interpreter (or a coordinator
    for them) confirms or declines. An interpreter sees only their own."""

    lookup_value_regex = r"\d+"
    serializer_class = AssignmentSerializer
    filterset_class = AssignmentFilter
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return rules.assignments_visible_to(self.request.user).order_by(
            "line__event__starts_at", "pk"
        )

    def get_permissions(self):
        if self.action in {"create", "withdraw"}:
            return [permissions.IsAuthenticated(), IsCoordinator()]
        return super().get_permissions()

    def list(self, request, *args, **kwargs):
        page = shown(request, self.paginate_queryset(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(AssignmentSerializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        [assignment] = shown(request, [self.get_object()])
        return Response(AssignmentSerializer(assignment).data)

    def _answer(self, assignment, code=status.HTTP_200_OK):
        fresh = rules.assignments_shown_to(self.request.user).get(pk=assignment.pk)
        [fresh] = shown(self.request, [fresh])
        return Response(AssignmentSerializer(fresh).data, status=code)

    @extend_schema(
        request=AssignmentCreateSerializer,
        responses={201: AssignmentSerializer, **ERRORS},
        summary="Assign an interpreter to a demand line (409 with the colliding job "
        "when double-booked)",
    )
    def create(self, request):
        serializer = AssignmentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        assignment = services.assign(
            line_id=serializer.validated_data["line"],
            interpreter_id=serializer.validated_data["interpreter"],
            by=request.user,
        )
        return self._answer(assignment, status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: AssignmentSerializer, **ERRORS})
    @action(detail=True, methods=["post"], filter_backends=[])
    def confirm(self, request, pk=None):
        assignment = self.get_object()
        return self._answer(services.confirm(assignment_id=assignment.pk))

    @extend_schema(request=DeclineSerializer, responses={200: AssignmentSerializer, **ERRORS})
    @action(detail=True, methods=["post"], filter_backends=[], serializer_class=DeclineSerializer)
    def decline(self, request, pk=None):
        assignment = self.get_object()
        serializer = DeclineSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        declined = services.decline(
            assignment_id=assignment.pk, reason=serializer.validated_data["reason"]
        )
        return self._answer(declined)

    @extend_schema(
        request=None,
        responses={200: AssignmentSerializer, **ERRORS},
        summary="Take the interpreter off the line (coordinators)",
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def withdraw(self, request, pk=None):
        assignment = self.get_object()
        return self._answer(services.withdraw(assignment_id=assignment.pk))
