"""A meeting and what hangs off it: agenda, attendance and quorum, minutes, RSVPs."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from committees import queries, rules
from committees.errors import MinutesMissing, WrongApprovalMeeting
from committees.filters import AgendaItemFilter, AttendanceFilter, MeetingFilter, RsvpFilter
from committees.models import AgendaItem, Meeting
from committees.serializers.meetings import (
    AgendaItemSerializer,
    AgendaItemWriteSerializer,
    AmendmentSerializer,
    AmendmentWriteSerializer,
    ApproveSerializer,
    AttendanceResultSerializer,
    AttendanceSerializer,
    AttendanceWriteSerializer,
    MeetingChangeSerializer,
    MeetingSerializer,
    MinutesSerializer,
    MinutesWriteSerializer,
    RsvpCreatedSerializer,
    RsvpSerializer,
    RsvpWriteSerializer,
)
from committees.services import meetings as services
from committees.services import occurrences
from committees.services import rsvp as rsvp_services
from committees.views.common import (
    ERRORS,
    MEETING_FILTERS,
    serializer_context,
    visible_meeting,
)
from events_api.core.errors import NotFound
from events_api.core.filtering import apply_filterset
from events_api.events.services.registration import Contact, Party, needs_from


class MeetingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Meetings you may see: public committees' published meetings for everyone,
    members-only ones for members, drafts for the chairs and secretaries."""

    lookup_value_regex = r"\d+"
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return rules.visible_meetings(self.request.user)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["member_of"] = rules.member_of(self.request.user)
        return context

    @extend_schema(parameters=MEETING_FILTERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def _meeting(self) -> Meeting:
        return visible_meeting(self.request.user, self.kwargs["pk"])

    def _managed(self) -> Meeting:
        meeting = self._meeting()
        if not rules.is_manager(self.request.user, meeting.committee):
            raise PermissionDenied()
        return meeting

    def _answer(self, meeting):
        fresh = queries.meetings_for_list().get(pk=meeting.pk)
        return Response(MeetingSerializer(fresh, context=serializer_context(self)).data)

    @extend_schema(request=MeetingChangeSerializer, responses={200: MeetingSerializer, **ERRORS})
    def partial_update(self, request, pk=None):
        meeting = self._managed()
        serializer = MeetingChangeSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        occurrences.update_meeting(
            meeting=meeting,
            agenda_published=data.pop("agenda_published", None),
            languages=data.pop("languages", None),
            **data,
        )
        return self._answer(meeting)

    # --- agenda ----------------------------------------------------------------------------

    @extend_schema(
        methods=["GET"],
        responses=AgendaItemSerializer(many=True),
        parameters=[OpenApiParameter("presenter", str)],
    )
    @extend_schema(
        methods=["POST"],
        request=AgendaItemWriteSerializer,
        responses={201: AgendaItemSerializer, **ERRORS},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="agenda-items",
        filter_backends=[],
        serializer_class=AgendaItemSerializer,
    )
    def agenda_items(self, request, pk=None):
        if request.method == "POST":
            meeting = self._managed()
            serializer = AgendaItemWriteSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = dict(serializer.validated_data)
            item = services.add_agenda_item(
                meeting=meeting, title=data.pop("title_translations"), **data
            )
            return Response(AgendaItemSerializer(item).data, status=status.HTTP_201_CREATED)
        meeting = self._meeting()
        rows = queries.agenda_of(meeting)
        if not rules.can_see_agenda(request.user, meeting):
            rows = rows.none()
        page = self.paginate_queryset(apply_filterset(AgendaItemFilter, request, rows))
        return self.get_paginated_response(AgendaItemSerializer(page, many=True).data)

    @extend_schema(
        methods=["PATCH"],
        request=AgendaItemWriteSerializer,
        responses={200: AgendaItemSerializer, **ERRORS},
    )
    @extend_schema(methods=["DELETE"], responses={204: None, **ERRORS})
    @action(
        detail=True,
        methods=["patch", "delete"],
        url_path=r"agenda-items/(?P<item_id>\d+)",
        filter_backends=[],
        serializer_class=AgendaItemSerializer,
    )
    def agenda_item(self, request, pk=None, item_id=None):
        meeting = self._managed()
        item = AgendaItem.objects.filter(meeting=meeting, pk=item_id).first()
        if item is None:
            raise NotFound()
        if request.method == "DELETE":
            services.remove_agenda_item(item=item)
            return Response(status=status.HTTP_204_NO_CONTENT)
        serializer = AgendaItemWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "title_translations" in data:
            data["title"] = data.pop("title_translations")
        item = services.change_agenda_item(item=item, **data)
        return Response(AgendaItemSerializer(item).data)

    # --- attendance ------------------------------------------------------------------------

    @extend_schema(
        methods=["GET"],
        responses=AttendanceSerializer(many=True),
        parameters=[OpenApiParameter("status", str, enum=["present", "absent", "excused"])],
    )
    @extend_schema(
        methods=["POST"],
        request=AttendanceWriteSerializer,
        responses={200: AttendanceResultSerializer, **ERRORS},
        description="Mark members present / absent / excused and count guests; the quorum is "
        "recomputed from the voting members present and stored with the meeting.",
    )
    @action(
        detail=True,
        methods=["get", "post"],
        filter_backends=[],
        serializer_class=AttendanceSerializer,
    )
    def attendance(self, request, pk=None):
        if request.method == "POST":
            meeting = self._managed()
            serializer = AttendanceWriteSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
            meeting = services.record_attendance(
                meeting=meeting,
                records=[(r["member"], r["status"]) for r in data.get("records", [])],
                guests=data.get("guests"),
            )
            return Response(AttendanceResultSerializer(meeting).data)
        meeting = self._meeting()
        if not rules.is_member(request.user, meeting.committee):
            raise NotFound()
        rows = apply_filterset(AttendanceFilter, request, queries.attendance_of(meeting))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(AttendanceSerializer(page, many=True).data)

    # --- minutes ---------------------------------------------------------------------------

    @extend_schema(methods=["GET"], responses={200: MinutesSerializer, 404: ERRORS[404]})
    @extend_schema(
        methods=["PUT"],
        request=MinutesWriteSerializer,
        responses={200: MinutesSerializer, **ERRORS},
        description="Write or rewrite the draft. Approved minutes answer 409.",
    )
    @action(
        detail=True,
        methods=["get", "put"],
        filter_backends=[],
        pagination_class=None,
        serializer_class=MinutesSerializer,
    )
    def minutes(self, request, pk=None):
        if request.method == "PUT":
            meeting = self._managed()
            serializer = MinutesWriteSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            services.save_minutes(
                meeting=meeting, text=serializer.validated_data["text_translations"]
            )
            return Response(MinutesSerializer(rules.minutes_of(meeting, request.user)).data)
        minutes = rules.minutes_of(self._meeting(), request.user)
        if minutes is None:
            raise MinutesMissing()
        return Response(MinutesSerializer(minutes).data)

    @extend_schema(
        request=ApproveSerializer,
        responses={200: MinutesSerializer, **ERRORS},
        summary="Approve the minutes (the chair, or as approved at a later meeting)",
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="minutes/approve",
        filter_backends=[],
        serializer_class=MinutesSerializer,
    )
    def approve_minutes(self, request, pk=None):
        meeting = self._managed()
        serializer = ApproveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        at_id = serializer.validated_data.get("at_meeting")
        at_meeting = None
        if at_id is not None:
            at_meeting = Meeting.objects.select_related("event").filter(pk=at_id).first()
            if at_meeting is None:
                raise WrongApprovalMeeting()
        services.approve_minutes(meeting=meeting, by=request.user, at_meeting=at_meeting)
        return Response(MinutesSerializer(rules.minutes_of(meeting, request.user)).data)

    @extend_schema(
        request=AmendmentWriteSerializer,
        responses={201: AmendmentSerializer, **ERRORS},
        summary="Amend approved minutes (appends to the trail)",
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="minutes/amendments",
        filter_backends=[],
        serializer_class=AmendmentSerializer,
    )
    def amend_minutes(self, request, pk=None):
        meeting = self._managed()
        serializer = AmendmentWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        amendment = services.amend_minutes(
            meeting=meeting,
            by=request.user,
            text=data["text_translations"],
            reason=data.get("reason", ""),
        )
        return Response(AmendmentSerializer(amendment).data, status=status.HTTP_201_CREATED)

    # --- RSVPs -----------------------------------------------------------------------------

    @extend_schema(methods=["GET"], responses={200: RsvpSerializer, 404: ERRORS[404]})
    @extend_schema(
        methods=["POST"],
        request=RsvpWriteSerializer,
        responses={201: RsvpCreatedSerializer, 200: RsvpCreatedSerializer, **ERRORS},
        description="Answer yes / maybe / no, with an interpreter language and childcare "
        "needs. Members answer and change their answer signed in; the public may answer a "
        "public committee's meeting once as a guest (changes through the manage link).",
    )
    @action(
        detail=True,
        methods=["get", "post"],
        filter_backends=[],
        pagination_class=None,
        serializer_class=RsvpSerializer,
    )
    def rsvp(self, request, pk=None):
        meeting = self._meeting()
        if request.method == "GET":
            own = queries.rsvp_of(meeting, request.user)
            if own is None:
                raise NotFound()
            return Response(RsvpSerializer(own).data)
        serializer = RsvpWriteSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = request.user if request.user.is_authenticated else None
        answered = rsvp_services.answer(
            meeting=meeting,
            response=data["response"],
            contact=Contact(
                name=data["name"],
                email=data.get("email", ""),
                phone=data.get("phone", ""),
                user=user,
            ),
            party=Party(adults=data["adults"], children=data["children"]),
            needs=needs_from(data),
        )
        fresh = queries.rsvps_of(meeting).get(pk=answered.registration.pk)
        body = RsvpCreatedSerializer(fresh, context={"manage_token": answered.manage_token}).data
        code = status.HTTP_201_CREATED if answered.manage_token else status.HTTP_200_OK
        return Response(body, status=code)

    @extend_schema(
        responses=RsvpSerializer(many=True),
        parameters=[OpenApiParameter("response", str, enum=["yes", "maybe", "no"])],
        summary="Everyone's answers (chairs and secretaries)",
    )
    @action(detail=True, methods=["get"], filter_backends=[], serializer_class=RsvpSerializer)
    def rsvps(self, request, pk=None):
        meeting = self._managed()
        rows = apply_filterset(RsvpFilter, request, queries.rsvps_of(meeting))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(RsvpSerializer(page, many=True).data)
