"""Committees, members and invitations as the API shows and takes them."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from committees import rules
from committees.models import Committee, Invitation, MemberRole, Membership
from events_api.calendars.serializers import CalendarLinksSerializer
from events_api.core.serializers import (
    LanguageCodeField,
    StrictFieldsMixin,
    TranslatedTextField,
    TranslationsField,
)
from events_api.events.serializers import EventPlaceSchoolSerializer
from events_api.people.models import Language, Organization, School, User
from events_api.people.serializers import PhoneField


class CommitteeSerializer(serializers.ModelSerializer):
    name = TranslatedTextField()
    name_translations = serializers.JSONField(source="name", read_only=True)
    description = TranslatedTextField()
    description_translations = serializers.JSONField(source="description", read_only=True)
    school = EventPlaceSchoolSerializer(read_only=True)
    languages = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    voting_members = serializers.IntegerField(read_only=True)
    late_notices = serializers.IntegerField(
        read_only=True, help_text=_("Meetings scheduled or changed inside the notice period.")
    )
    calendar = serializers.SerializerMethodField(
        help_text=_("Subscribe links for a public committee's meetings; empty when members-only.")
    )
    can_manage = serializers.SerializerMethodField(
        help_text=_("Whether you may change the committee, its members and its meetings.")
    )
    can_approve_minutes = serializers.SerializerMethodField(
        help_text=_("Whether you may approve minutes (chairs and co-chairs).")
    )

    class Meta:
        model = Committee
        fields = [
            "id",
            "kind",
            "school",
            "name",
            "name_translations",
            "description",
            "description_translations",
            "languages",
            "visibility",
            "quorum_count",
            "quorum_fraction",
            "notice_days",
            "timezone",
            "voting_members",
            "late_notices",
            "calendar",
            "can_manage",
            "can_approve_minutes",
        ]
        read_only_fields = fields

    @extend_schema_field(CalendarLinksSerializer(allow_null=True))
    def get_calendar(self, committee) -> dict | None:
        from committees.calendar import committee_calendar_links

        return committee_calendar_links(committee)

    def _user(self):
        request = self.context.get("request")
        return getattr(request, "user", None)

    def get_can_manage(self, committee) -> bool:
        return rules.is_manager(self._user(), committee)

    def get_can_approve_minutes(self, committee) -> bool:
        return rules.is_chair(self._user(), committee)


class CommitteeWriteSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    name_translations = TranslationsField(source="name", max_length=200)
    description_translations = TranslationsField(
        source="description", required=False, require_english=False
    )
    school = serializers.PrimaryKeyRelatedField(
        queryset=School.objects.all(), required=False, allow_null=True
    )
    languages = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=Language.objects.all()
    )
    quorum_count = serializers.IntegerField(
        min_value=1, max_value=500, required=False, allow_null=True
    )
    quorum_fraction = serializers.DecimalField(
        max_digits=4,
        decimal_places=3,
        min_value=Decimal("0.001"),
        max_value=Decimal(1),
        required=False,
        allow_null=True,
        help_text=_("A share of the voting members, rounded up: 0.5 is half."),
    )
    notice_days = serializers.IntegerField(min_value=0, max_value=60, required=False)
    chair = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True),
        required=False,
        help_text=_("The first chair (default: you). Only when creating."),
    )

    class Meta:
        model = Committee
        fields = [
            "kind",
            "school",
            "name_translations",
            "description_translations",
            "languages",
            "visibility",
            "quorum_count",
            "quorum_fraction",
            "notice_days",
            "timezone",
            "chair",
        ]
        extra_kwargs = {"timezone": {"required": False}, "visibility": {"required": False}}

    def validate(self, attrs):
        if self.instance is not None and "chair" in attrs:
            raise serializers.ValidationError(
                {"chair": [_("Change chairs through the members list.")]}
            )
        return attrs


class MemberNameMixin:
    def get_name(self, membership) -> str:
        user = membership.user
        return user.display_name or user.email.split("@")[0]


class MemberPublicSerializer(MemberNameMixin, serializers.ModelSerializer):
    """What the public sees of a member who opted in: name and role."""

    name = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = ["id", "name", "role"]
        read_only_fields = fields


class MemberSerializer(MemberNameMixin, serializers.ModelSerializer):
    name = serializers.SerializerMethodField()
    organization_name = serializers.CharField(
        source="organization.name", default=None, read_only=True
    )

    class Meta:
        model = Membership
        fields = [
            "id",
            "user",
            "name",
            "role",
            "voting",
            "organization",
            "organization_name",
            "term_start",
            "term_end",
            "show_publicly",
        ]
        read_only_fields = fields


class MemberWriteSerializer(StrictFieldsMixin, serializers.Serializer):
    user = serializers.IntegerField(
        min_value=1,
        help_text=_(
            "An account id: organisers only (or yourself). Everyone else invites people by "
            "email or phone through the invitations."
        ),
    )
    role = serializers.ChoiceField(choices=MemberRole.choices)
    voting = serializers.BooleanField(required=False)
    organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), required=False, allow_null=True
    )
    term_start = serializers.DateField(required=False)
    term_end = serializers.DateField(required=False, allow_null=True)


class MemberChangeSerializer(MemberWriteSerializer):
    user = None
    role = serializers.ChoiceField(choices=MemberRole.choices, required=False)
    show_publicly = serializers.BooleanField(
        required=False, help_text=_("The member's own choice: show my name and role publicly.")
    )


class InvitationSerializer(serializers.ModelSerializer):
    language = serializers.CharField(
        source="language_id", read_only=True, help_text=_("The language it was sent in.")
    )

    class Meta:
        model = Invitation
        fields = [
            "id",
            "email",
            "phone",
            "role",
            "voting",
            "term_start",
            "term_end",
            "language",
            "expires_at",
            "accepted_at",
            "created_at",
        ]
        read_only_fields = fields


class InvitationCreatedSerializer(InvitationSerializer):
    """The answer to a new invitation: the only time the API shows its secret token (the
    invitee gets it in the message with the accept link)."""

    token = serializers.SerializerMethodField()

    class Meta(InvitationSerializer.Meta):
        fields = [*InvitationSerializer.Meta.fields, "token"]
        read_only_fields = fields

    def get_token(self, invitation) -> str:
        return self.context["token"]


class InvitationWriteSerializer(StrictFieldsMixin, serializers.Serializer):
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    phone = PhoneField(required=False, allow_blank=True, default="")
    role = serializers.ChoiceField(choices=MemberRole.choices)
    voting = serializers.BooleanField(required=False, default=True)
    term_start = serializers.DateField(required=False, allow_null=True)
    term_end = serializers.DateField(required=False, allow_null=True)
    language = LanguageCodeField(
        ui_only=True,
        required=False,
        help_text=_(
            "The language the invitation is written in, one of the interface languages. "
            "Left out: your own language, else English."
        ),
    )

    def validate(self, attrs):
        if not attrs.get("email") and not attrs.get("phone"):
            raise serializers.ValidationError(
                {"email": [_("Give an email address or a phone number.")]}
            )
        return attrs


class InvitationAcceptSerializer(StrictFieldsMixin, serializers.Serializer):
    token = serializers.CharField(max_length=100)


class InvitationAcceptedSerializer(MemberSerializer):
    """The new membership, with the committee it is of (for a link to its page)."""

    committee_name = TranslatedTextField(source="committee.name", read_only=True)

    class Meta(MemberSerializer.Meta):
        fields = ["committee", "committee_name", *MemberSerializer.Meta.fields]
        read_only_fields = fields
