"""Events: the list and detail anyone may see, and what organisers do with an event
(edit it, see and export its registrations, check people in, register walk-ins)."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from events_api.audit import services as audit
from events_api.audit.models import AccessKind
from events_api.core.errors import DomainError
from events_api.core.filtering import apply_filterset
from events_api.core.throttles import RegistrationThrottle
from events_api.events import queries, rules
from events_api.events.errors import (
    EventNotFound,
)
from events_api.events.exports import registrations_csv
from events_api.events.filters import RegistrationFilter, event_filterset
from events_api.events.models import Event
from events_api.events.permissions import CanCheckIn, ManagesEvent
from events_api.events.serializers import (
    CheckInResultSerializer,
    CheckInSerializer,
    EventSerializer,
    EventWriteSerializer,
    RegistrationCreatedSerializer,
    RegistrationCreateSerializer,
    RegistrationSerializer,
)
from events_api.events.serializers.events import event_list_rows
from events_api.events.services import events as event_services
from events_api.events.services import registration as services
from events_api.events.views.common import (
    ERRORS,
    IDEMPOTENCY_KEY,
    REGISTRATION_FILTER_PARAMETERS,
    contact_party_needs,
    idempotency_key,
)
from events_api.privacy.retention import ensure_personal_data_kept


class EventViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Events anyone may see (published and cancelled); drafts for those who manage them."""

    lookup_value_regex = r"\d+"

    serializer_class = EventSerializer

    @property
    def filterset_class(self):
        # Built at request time: apps built on the core add filters (summit, committee).
        return event_filterset()

    # Actions that only need the event row itself, not its seat counts and languages.
    ROW_ONLY_ACTIONS = frozenset({"registrations", "export", "check_in", "walk_ins"})

    def get_queryset(self):
        if self.action in self.ROW_ONLY_ACTIONS:
            return Event.objects.filter(rules.visible_events_q(self.request.user))
        return rules.visible_events(self.request.user)

    def list(self, request, *args, **kwargs):
        # The hot path: EventSerializer's output, built without its per-field cost.
        events = queries.event_list_values(self.filter_queryset(self.get_queryset()))
        page = self.paginate_queryset(events)
        languages = queries.languages_of([row["id"] for row in page])
        return self.get_paginated_response(event_list_rows(page, languages))

    @extend_schema(request=EventWriteSerializer, responses={200: EventSerializer, **ERRORS})
    def partial_update(self, request, pk=None):
        event = self.get_object()
        if not rules.can_manage_event(request.user, event):
            raise EventNotFound()
        serializer = EventWriteSerializer(event, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        languages = data.pop("languages", None)
        event_services.update_event(event_id=event.pk, languages=languages, **data)
        return Response(
            EventSerializer(
                self.get_queryset().get(pk=event.pk), context=self.get_serializer_context()
            ).data
        )

    @extend_schema(
        methods=["POST"],
        request=RegistrationCreateSerializer,
        responses={201: RegistrationCreatedSerializer, **ERRORS},
        parameters=[IDEMPOTENCY_KEY],
        summary="Register a party (no account or ID needed)",
    )
    @extend_schema(
        methods=["GET"],
        responses=RegistrationSerializer(many=True),
        parameters=REGISTRATION_FILTER_PARAMETERS,
        summary="Registrations of this event you may see",
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="registrations",
        serializer_class=RegistrationSerializer,
        filter_backends=[],
    )
    def registrations(self, request, pk=None):
        event = self.get_object()
        if request.method == "POST":
            return self._register(request, event)
        if not request.user.is_authenticated:
            self.permission_denied(request)
        rows = apply_filterset(
            RegistrationFilter,
            request,
            rules.registrations_visible_to(request.user).filter(event=event),
        )
        page = self.paginate_queryset(rows)
        audit.record_rows(request, AccessKind.REGISTRANT_LIST, page)
        return self.get_paginated_response(RegistrationSerializer(page, many=True).data)

    def get_throttles(self):
        throttles = super().get_throttles()
        if self.action == "registrations" and self.request.method == "POST":
            throttles.append(RegistrationThrottle())
        return throttles

    def _register(self, request, event):
        key = idempotency_key(request)
        serializer = RegistrationCreateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        contact, party, needs = contact_party_needs(data, request.user)
        proxy = None
        if data.get("organization") is not None:
            if not request.user.is_authenticated:
                self.permission_denied(request)
            proxy = services.Proxy(
                by=request.user,
                organization=data["organization"],
                consent=data["consent"],
                consent_version=data.get("consent_version", ""),
                consent_language=data.get("consent_language", ""),
            )
        registered = services.register(
            event_id=event.pk,
            contact=contact,
            party=party,
            needs=needs,
            proxy=proxy,
            idempotency_key=key,
        )
        body = RegistrationCreatedSerializer(
            registered.registration, context={"manage_token": registered.manage_token}
        ).data
        response = Response(body, status=status.HTTP_201_CREATED)
        if registered.replayed:
            response["Idempotent-Replayed"] = "true"
        return response

    @extend_schema(
        responses={(200, "text/csv"): OpenApiTypes.BINARY, 404: ERRORS[404], 409: ERRORS[409]},
        parameters=REGISTRATION_FILTER_PARAMETERS,
        summary="Attendee list as CSV (organisers; each export is logged; 409 "
        "personal_data_removed once the event's retention period is over)",
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="registrations/export",
        permission_classes=[ManagesEvent],
        serializer_class=RegistrationSerializer,
        filter_backends=[],
    )
    def export(self, request, pk=None):
        event = self.get_object()
        ensure_personal_data_kept(event)
        rows = list(
            apply_filterset(
                RegistrationFilter, request, queries.registrations_for_list().filter(event=event)
            )
        )
        audit.record(request, AccessKind.REGISTRANT_EXPORT, event_id=event.pk, count=len(rows))
        response = HttpResponse(registrations_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-attendees.csv"'
        return response

    @extend_schema(
        request=CheckInSerializer,
        responses={200: CheckInResultSerializer, **ERRORS},
        summary="Check a party in by pass code (idempotent)",
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="check-in",
        permission_classes=[CanCheckIn],
        serializer_class=CheckInSerializer,
        filter_backends=[],
    )
    def check_in(self, request, pk=None):
        event = self.get_object()
        serializer = CheckInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            registration, already = services.check_in(
                event_id=event.pk,
                code=serializer.validated_data["code"],
                by=request.user,
                key=serializer.validated_data["key"],
            )
        except DomainError:
            # A code that finds nobody (or a party that may not come in) shows no one's
            # data, but a run of them is someone guessing codes: logged too.
            audit.record(request, AccessKind.CHECK_IN_LOOKUP, event_id=event.pk, count=0)
            raise
        audit.record(
            request,
            AccessKind.CHECK_IN_LOOKUP,
            event_id=event.pk,
            count=1,
            registration_id=registration.pk,
        )
        return Response(CheckInResultSerializer(registration, context={"already": already}).data)

    @extend_schema(
        request=RegistrationCreateSerializer,
        responses={201: CheckInResultSerializer, **ERRORS},
        summary="Register and check in a walk-in while seats remain",
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="walk-ins",
        permission_classes=[CanCheckIn],
        serializer_class=RegistrationCreateSerializer,
        filter_backends=[],
    )
    def walk_ins(self, request, pk=None):
        event = self.get_object()
        # The walk-in is the person at the door, not the volunteer typing them in.
        serializer = RegistrationCreateSerializer(
            data=request.data, context={"request": request, "as_guest": True}
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        contact, party, needs = contact_party_needs(data, AnonymousUser())
        registered = services.walk_in(
            event_id=event.pk, contact=contact, party=party, needs=needs, by=request.user
        )
        return Response(
            CheckInResultSerializer(registered.registration).data, status=status.HTTP_201_CREATED
        )

    def get_permissions(self):
        if self.action in {"export", "check_in", "walk_ins", "partial_update"}:
            return [permissions.IsAuthenticated(), *super().get_permissions()]
        return super().get_permissions()
