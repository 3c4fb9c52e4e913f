from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from events_api.core.errors import NotFound
from events_api.core.filtering import apply_filterset
from summits import queries, rules, services
from summits.filters import SessionFilter, SummitFilter
from summits.models import Session
from summits.permissions import SummitPermission
from summits.serializers import (
    DashboardLanguageSerializer,
    DashboardRowSerializer,
    RoomSerializer,
    SessionCreateSerializer,
    SessionSerializer,
    SessionUpdateSerializer,
    SummitSerializer,
    SummitWriteSerializer,
    TrackSerializer,
)

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {code, message, fields}"),
    404: OpenApiResponse(description="Not found"),
    409: OpenApiResponse(description="Conflict: {code, message}"),
}


class SummitViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Annual summits. The public sees published ones; organisers also their drafts."""

    lookup_value_regex = r"\d+"

    permission_classes = [SummitPermission]
    serializer_class = SummitSerializer
    filterset_class = SummitFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return rules.visible_summits(self.request.user)

    def _answer(self, summit, code=status.HTTP_200_OK):
        fresh = self.get_queryset().get(pk=summit.pk)
        return Response(
            SummitSerializer(fresh, context=self.get_serializer_context()).data, status=code
        )

    @extend_schema(request=SummitWriteSerializer, responses={201: SummitSerializer, **ERRORS})
    def create(self, request):
        self.check_permissions(request)
        serializer = SummitWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("organizers", None)
        data.pop("status", None)
        summit = services.create_summit(by=request.user, **data)
        return self._answer(summit, status.HTTP_201_CREATED)

    @extend_schema(request=SummitWriteSerializer, responses={200: SummitSerializer, **ERRORS})
    def partial_update(self, request, pk=None):
        summit = self.get_object()
        serializer = SummitWriteSerializer(summit, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.update_summit(summit=summit, **serializer.validated_data)
        return self._answer(summit)

    def _managed_summit(self):
        summit = rules.managed_summit(self.request.user, self.kwargs["pk"])
        if summit is None:
            raise NotFound()
        return summit

    @extend_schema(
        methods=["GET"],
        responses=SessionSerializer(many=True),
        parameters=[OpenApiParameter("track", int), OpenApiParameter("room", int)],
    )
    @extend_schema(
        methods=["POST"],
        request=SessionCreateSerializer,
        responses={201: SessionSerializer, **ERRORS},
    )
    @action(
        detail=True, methods=["get", "post"], serializer_class=SessionSerializer, filter_backends=[]
    )
    def sessions(self, request, pk=None):
        if request.method == "GET":
            summit = self.get_object()
            rows = apply_filterset(
                SessionFilter, request, rules.sessions_visible_to(summit, request.user)
            )
            page = self.paginate_queryset(rows)
            data = SessionSerializer(page, many=True, context=self.get_serializer_context()).data
            return self.get_paginated_response(data)
        summit = self._managed_summit()
        serializer = SessionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        session = services.create_session(
            summit=summit,
            title=data.pop("title_translations"),
            description=data.pop("description_translations", {}),
            **data,
        )
        fresh = rules.sessions_visible_to(summit, request.user).get(pk=session.pk)
        return Response(
            SessionSerializer(fresh, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(methods=["GET"], responses=TrackSerializer(many=True))
    @extend_schema(
        methods=["POST"], request=TrackSerializer, responses={201: TrackSerializer, **ERRORS}
    )
    @action(
        detail=True, methods=["get", "post"], serializer_class=TrackSerializer, filter_backends=[]
    )
    def tracks(self, request, pk=None):
        if request.method == "GET":
            summit = self.get_object()
            return self.get_paginated_response(
                TrackSerializer(self.paginate_queryset(queries.tracks_of(summit)), many=True).data
            )
        summit = self._managed_summit()
        serializer = TrackSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        track = services.add_track(summit=summit, **serializer.validated_data)
        return Response(TrackSerializer(track).data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], responses=RoomSerializer(many=True))
    @extend_schema(
        methods=["POST"], request=RoomSerializer, responses={201: RoomSerializer, **ERRORS}
    )
    @action(
        detail=True, methods=["get", "post"], serializer_class=RoomSerializer, filter_backends=[]
    )
    def rooms(self, request, pk=None):
        if request.method == "GET":
            summit = self.get_object()
            return self.get_paginated_response(
                RoomSerializer(self.paginate_queryset(queries.rooms_of(summit)), many=True).data
            )
        summit = self._managed_summit()
        serializer = RoomSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        room = services.add_room(summit=summit, **serializer.validated_data)
        return Response(RoomSerializer(room).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        responses={200: DashboardRowSerializer(many=True), 404: ERRORS[404]},
        summary="Per-session registrations, seats, interpreter and childcare needs",
    )
    @action(
        detail=True,
        methods=["get"],
        serializer_class=DashboardRowSerializer,
        filter_backends=[],
        pagination_class=None,
    )
    def dashboard(self, request, pk=None):
        summit = self._managed_summit()
        return Response(DashboardRowSerializer(queries.dashboard(summit), many=True).data)

    @extend_schema(
        responses={200: DashboardLanguageSerializer(many=True), 404: ERRORS[404]},
        summary="Interpreter demand, coverage and late requests per language",
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="dashboard/interpretation",
        url_name="dashboard-interpretation",
        serializer_class=DashboardLanguageSerializer,
        filter_backends=[],
        pagination_class=None,
    )
    def dashboard_interpretation(self, request, pk=None):
        summit = self._managed_summit()
        rows = queries.interpretation_by_language(summit)
        return Response(DashboardLanguageSerializer(rows, many=True).data)


class SessionViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """One session; its organisers change track, room, hosts and presenters here (time,
    place, capacity and status through /api/v1/events/{id}/)."""

    lookup_value_regex = r"\d+"

    serializer_class = SessionSerializer
    permission_classes = [permissions.AllowAny]
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        visible = rules.visible_summits(self.request.user)
        return Session.objects.filter(summit__in=visible.values("pk"))

    def get_object(self):
        session = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        rows = rules.sessions_visible_to(session.summit, self.request.user)
        return get_object_or_404(rows, pk=session.pk)

    @extend_schema(request=SessionUpdateSerializer, responses={200: SessionSerializer, **ERRORS})
    def partial_update(self, request, pk=None):
        session = self.get_object()
        if not rules.can_manage_summit(request.user, session.summit):
            raise NotFound()
        serializer = SessionUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.update_session(session=session, **serializer.validated_data)
        return Response(
            SessionSerializer(self.get_object(), context=self.get_serializer_context()).data
        )
