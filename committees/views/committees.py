"""Committees, their members, invitations, meetings, series and late-notice report."""

from django.db import transaction
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from committees import queries, rules
from committees.filters import (
    CommitteeFilter,
    InvitationFilter,
    MeetingFilter,
    MembershipFilter,
)
from committees.models import Invitation, Membership
from committees.serializers.committees import (
    CommitteeSerializer,
    CommitteeWriteSerializer,
    InvitationAcceptedSerializer,
    InvitationAcceptSerializer,
    InvitationCreatedSerializer,
    InvitationSerializer,
    InvitationWriteSerializer,
    MemberChangeSerializer,
    MemberPublicSerializer,
    MemberSerializer,
    MemberWriteSerializer,
)
from committees.serializers.meetings import MeetingSerializer, MeetingWriteSerializer
from committees.services import committees as services
from committees.services import meetings as meeting_services
from committees.views.common import (
    ERRORS,
    MEETING_FILTERS,
    serializer_context,
    visible_committee,
)
from committees.views.series import SeriesActions
from events_api.core.errors import NotFound
from events_api.core.filtering import apply_filterset

SERIES_PATH = r"series/(?P<series_id>\d+)"


class CommitteeViewSet(
    SeriesActions,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Committees: public ones for everyone, members-only ones for their members. Chairs,
    co-chairs and secretaries change them; organisers create them."""

    lookup_value_regex = r"\d+"
    serializer_class = CommitteeSerializer
    filterset_class = CommitteeFilter
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return rules.visible_committees(self.request.user)

    def _committee(self):
        return visible_committee(self.request.user, self.kwargs["pk"])

    def _managed(self):
        """The committee, if the user may change it: 404 when they cannot see it, 403
        when they can but do not chair it."""
        committee = self._committee()
        if not rules.is_manager(self.request.user, committee):
            raise PermissionDenied()
        return committee

    def _answer(self, committee, code=status.HTTP_200_OK):
        fresh = queries.committees_for_list().get(pk=committee.pk)
        return Response(
            CommitteeSerializer(fresh, context=self.get_serializer_context()).data, code
        )

    @extend_schema(request=CommitteeWriteSerializer, responses={201: CommitteeSerializer, **ERRORS})
    def create(self, request):
        if not rules.can_create_committees(request.user):
            raise PermissionDenied()
        serializer = CommitteeWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        committee = services.create_committee(
            by=request.user, languages=data.pop("languages", []), **data
        )
        return self._answer(committee, status.HTTP_201_CREATED)

    @extend_schema(request=CommitteeWriteSerializer, responses={200: CommitteeSerializer, **ERRORS})
    def partial_update(self, request, pk=None):
        committee = self._managed()
        serializer = CommitteeWriteSerializer(committee, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        services.update_committee(
            committee=committee, languages=data.pop("languages", None), **data
        )
        return self._answer(committee)

    # --- members ---------------------------------------------------------------------------

    @extend_schema(
        methods=["GET"],
        responses=MemberSerializer(many=True),
        parameters=[OpenApiParameter("role", str), OpenApiParameter("voting", bool)],
        description="Members see every member; anyone else the name and role of current "
        "members who chose to be shown publicly (the same shape, other fields empty).",
    )
    @extend_schema(
        methods=["POST"], request=MemberWriteSerializer, responses={201: MemberSerializer, **ERRORS}
    )
    @action(
        detail=True, methods=["get", "post"], filter_backends=[], serializer_class=MemberSerializer
    )
    def members(self, request, pk=None):
        if request.method == "POST":
            committee = self._managed()
            serializer = MemberWriteSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = dict(serializer.validated_data)
            membership = services.add_account(
                committee=committee, by=request.user, user_id=data.pop("user"), **data
            )
            return Response(MemberSerializer(membership).data, status=status.HTTP_201_CREATED)
        committee = self._committee()
        rows = apply_filterset(MembershipFilter, request, rules.members_of(committee, request.user))
        page = self.paginate_queryset(rows)
        serializer_class = (
            MemberSerializer if rules.is_member(request.user, committee) else MemberPublicSerializer
        )
        return self.get_paginated_response(serializer_class(page, many=True).data)

    @extend_schema(
        methods=["PATCH"],
        request=MemberChangeSerializer,
        responses={200: MemberSerializer, **ERRORS},
        description="Chairs and secretaries change role, voting, term and organisation; a "
        "member changes their own public opt-in.",
    )
    @extend_schema(methods=["DELETE"], responses={204: None, **ERRORS})
    @action(
        detail=True,
        methods=["patch", "delete"],
        url_path=r"members/(?P<member_id>\d+)",
        filter_backends=[],
        serializer_class=MemberSerializer,
    )
    def member(self, request, pk=None, member_id=None):
        committee = self._committee()
        membership = Membership.objects.filter(committee=committee, pk=member_id).first()
        if membership is None or not rules.is_member(request.user, committee):
            raise NotFound()
        if request.method == "DELETE":
            if not rules.may_remove_member(request.user, committee, membership):
                raise PermissionDenied()
            services.remove_member(membership=membership)
            return Response(status=status.HTTP_204_NO_CONTENT)
        serializer = MemberChangeSerializer(data=request.data)
        # Asked before the input is checked, so a refusal never depends on its validity.
        asked = set(request.data) if isinstance(request.data, dict) else set()
        if not rules.may_change_member(
            request.user, committee, membership, asked & serializer.fields.keys()
        ):
            raise PermissionDenied()
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        membership = services.change_member(membership=membership, **data)
        return Response(MemberSerializer(membership).data)

    # --- invitations -----------------------------------------------------------------------

    @extend_schema(
        methods=["GET"],
        responses=InvitationSerializer(many=True),
        parameters=[OpenApiParameter("pending", bool), OpenApiParameter("role", str)],
    )
    @extend_schema(
        methods=["POST"],
        request=InvitationWriteSerializer,
        responses={201: InvitationCreatedSerializer, **ERRORS},
        description="Invite someone by email or phone: the invitation is sent to them (by "
        "email if an address is given, else by text message, in `language`) with the accept "
        "link, the page /invitations/accept#<token>. The API shows the secret token in this "
        "answer only; they accept it signed in at /api/v1/committee-invitations/accept/.",
    )
    @action(
        detail=True,
        methods=["get", "post"],
        filter_backends=[],
        serializer_class=InvitationSerializer,
    )
    def invitations(self, request, pk=None):
        committee = self._managed()
        if request.method == "POST":
            serializer = InvitationWriteSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            invitation, token = services.invite(
                committee=committee, by=request.user, **serializer.validated_data
            )
            body = InvitationCreatedSerializer(invitation, context={"token": token}).data
            return Response(body, status=status.HTTP_201_CREATED)
        rows = apply_filterset(InvitationFilter, request, queries.invitations_of(committee))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(InvitationSerializer(page, many=True).data)

    @extend_schema(
        methods=["DELETE"],
        request=None,
        responses={204: None, **ERRORS},
        description="Withdraw an invitation nobody has accepted yet: its link stops working. "
        "An accepted one answers 409 `invitation_accepted` (remove the membership instead).",
    )
    @action(
        detail=True,
        methods=["delete"],
        url_path=r"invitations/(?P<invitation_id>\d+)",
        filter_backends=[],
        serializer_class=InvitationSerializer,
    )
    def invitation(self, request, pk=None, invitation_id=None):
        committee = self._managed()
        invitation = Invitation.objects.filter(committee=committee, pk=invitation_id).first()
        if invitation is None:
            raise NotFound()
        services.withdraw_invitation(invitation=invitation)
        return Response(status=status.HTTP_204_NO_CONTENT)

    # --- meetings --------------------------------------------------------------------------

    @extend_schema(
        methods=["GET"], responses=MeetingSerializer(many=True), parameters=MEETING_FILTERS
    )
    @extend_schema(
        methods=["POST"],
        request=MeetingWriteSerializer,
        responses={201: MeetingSerializer, **ERRORS},
    )
    @action(
        detail=True, methods=["get", "post"], filter_backends=[], serializer_class=MeetingSerializer
    )
    def meetings(self, request, pk=None):
        if request.method == "POST":
            committee = self._managed()
            serializer = MeetingWriteSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            meeting = meeting_services.create_meeting(
                committee=committee, **serializer.validated_data
            )
            fresh = queries.meetings_for_list().get(pk=meeting.pk)
            return Response(
                MeetingSerializer(fresh, context=serializer_context(self)).data,
                status=status.HTTP_201_CREATED,
            )
        return self._meeting_list(rules.meetings_of(self._committee(), request.user))

    def _meeting_list(self, rows):
        rows = apply_filterset(MeetingFilter, self.request, rows)
        page = self.paginate_queryset(rows)
        data = MeetingSerializer(page, many=True, context=serializer_context(self)).data
        return self.get_paginated_response(data)

    @extend_schema(
        responses=MeetingSerializer(many=True),
        parameters=MEETING_FILTERS,
        summary="Meetings scheduled or changed inside the public notice period",
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="late-notices",
        filter_backends=[],
        serializer_class=MeetingSerializer,
    )
    def late_notices(self, request, pk=None):
        return self._meeting_list(rules.late_notices_of(self._committee(), request.user))


class InvitationAcceptView(APIView):
    """Accept an invitation (signed in, by code or password): it becomes a membership."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=InvitationAcceptSerializer,
        responses={201: InvitationAcceptedSerializer, **ERRORS},
        description="A token that is unknown, expired or already used answers 404 "
        "`invitation_not_found` with `reason` (`unknown`, `expired`, `used`); a member "
        "already (or the one who accepted it before) 409 `already_member` with `committee`.",
    )
    def post(self, request):
        serializer = InvitationAcceptSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            membership = services.accept_invitation(
                token=serializer.validated_data["token"], user=request.user
            )
        body = InvitationAcceptedSerializer(membership).data
        return Response(body, status=status.HTTP_201_CREATED)
