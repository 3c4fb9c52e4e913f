"""Meetings, series and their exceptions, agendas, attendance, minutes and RSVPs."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from committees.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    Minutes,
    MinutesAmendment,
    RsvpResponse,
)
from events_api.core.serializers import (
    AwareDateTimeField,
    StrictFieldsMixin,
    TranslatedTextField,
    TranslationsField,
)
from events_api.events.models import EventStatus, Registration
from events_api.events.serializers import EventPlaceSchoolSerializer, NeedsSerializerMixin
from events_api.people.models import Language, School
from events_api.people.serializers import PhoneField


class AgendaItemSerializer(serializers.ModelSerializer):
    title = TranslatedTextField()
    title_translations = serializers.JSONField(source="title", read_only=True)

    class Meta:
        model = AgendaItem
        fields = ["id", "position", "title", "title_translations", "presenter", "minutes"]
        read_only_fields = fields


class AgendaItemWriteSerializer(StrictFieldsMixin, serializers.Serializer):
    title_translations = TranslationsField(max_length=300)
    position = serializers.IntegerField(min_value=0, max_value=1000, required=False)
    presenter = serializers.CharField(max_length=120, required=False, allow_blank=True)
    minutes = serializers.IntegerField(min_value=1, max_value=600, required=False, allow_null=True)


class QuorumSerializer(serializers.Serializer):
    rule_count = serializers.IntegerField(source="committee.quorum_count", allow_null=True)
    rule_fraction = serializers.DecimalField(
        source="committee.quorum_fraction", max_digits=4, decimal_places=3, allow_null=True
    )
    required = serializers.IntegerField(source="quorum_required", allow_null=True)
    present = serializers.IntegerField(source="quorum_present", allow_null=True)
    met = serializers.BooleanField(
        source="quorum_met",
        allow_null=True,
        help_text=_("Empty until attendance is recorded."),
    )


class MeetingSerializer(serializers.ModelSerializer):
    """A meeting with its event's time, place and status. The agenda shows once published
    (members of the committee always see it)."""

    title = TranslatedTextField(source="event.title")
    title_translations = serializers.JSONField(source="event.title", read_only=True)
    description = TranslatedTextField(source="event.description")
    description_translations = serializers.JSONField(source="event.description", read_only=True)
    starts_at = serializers.DateTimeField(source="event.starts_at", read_only=True)
    ends_at = serializers.DateTimeField(source="event.ends_at", read_only=True)
    timezone = serializers.CharField(source="event.timezone", read_only=True)
    school = EventPlaceSchoolSerializer(source="event.school", read_only=True)
    address = serializers.CharField(source="event.address", read_only=True)
    room = serializers.CharField(source="event.room", read_only=True)
    online_url = serializers.CharField(source="event.online_url", read_only=True)
    languages = serializers.SlugRelatedField(
        source="event.languages", slug_field="code", many=True, read_only=True
    )
    status = serializers.ChoiceField(
        source="event.status", choices=EventStatus.choices, read_only=True
    )
    capacity = serializers.IntegerField(source="event.capacity", read_only=True)
    seats_left = serializers.SerializerMethodField()
    version = serializers.IntegerField(source="event.version", read_only=True)
    agenda = serializers.SerializerMethodField()
    quorum = QuorumSerializer(source="*", read_only=True)
    has_approved_minutes = serializers.BooleanField(read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "committee",
            "event",
            "series",
            "original_start",
            "title",
            "title_translations",
            "description",
            "description_translations",
            "starts_at",
            "ends_at",
            "timezone",
            "school",
            "address",
            "room",
            "online_url",
            "languages",
            "status",
            "capacity",
            "seats_left",
            "version",
            "late_notice",
            "agenda_published",
            "agenda",
            "quorum",
            "guests",
            "has_approved_minutes",
        ]
        read_only_fields = fields

    def get_seats_left(self, meeting) -> int | None:
        if meeting.event.capacity is None:
            return None
        return max(meeting.event.capacity - meeting.event.seats_taken, 0)

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_agenda(self, meeting) -> list:
        if not (meeting.agenda_published or meeting.committee_id in self.context["member_of"]):
            return []
        return AgendaItemSerializer(meeting.agenda_items.all(), many=True).data


class PlaceFieldsMixin(serializers.Serializer):
    school = serializers.PrimaryKeyRelatedField(
        queryset=School.objects.all(), required=False, allow_null=True
    )
    address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    room = serializers.CharField(max_length=120, required=False, allow_blank=True)
    online_url = serializers.URLField(required=False, allow_blank=True)


class MeetingWriteSerializer(StrictFieldsMixin, PlaceFieldsMixin):
    title_translations = TranslationsField(source="title", max_length=300)
    description_translations = TranslationsField(
        source="description", required=False, require_english=False
    )
    starts_at = AwareDateTimeField()
    ends_at = AwareDateTimeField()
    capacity = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    languages = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=Language.objects.all()
    )
    status = serializers.ChoiceField(
        choices=[EventStatus.DRAFT, EventStatus.PUBLISHED], required=False
    )
    agenda_published = serializers.BooleanField(required=False)


class MeetingChangeSerializer(MeetingWriteSerializer):
    title_translations = TranslationsField(source="title", max_length=300, required=False)
    starts_at = AwareDateTimeField(required=False)
    ends_at = AwareDateTimeField(required=False)
    status = serializers.ChoiceField(choices=EventStatus.choices, required=False)


class AttendanceSerializer(serializers.ModelSerializer):
    member = serializers.IntegerField(source="membership_id", read_only=True)
    name = serializers.SerializerMethodField()
    role = serializers.CharField(source="membership.role", read_only=True)
    voting = serializers.BooleanField(source="membership.voting", read_only=True)

    class Meta:
        model = Attendance
        fields = ["id", "member", "name", "role", "voting", "status"]
        read_only_fields = fields

    def get_name(self, attendance) -> str:
        user = attendance.membership.user
        return user.display_name or user.email.split("@")[0]


class AttendanceRecordSerializer(StrictFieldsMixin, serializers.Serializer):
    member = serializers.IntegerField(min_value=1)
    status = serializers.ChoiceField(choices=AttendanceStatus.choices)


class AttendanceWriteSerializer(StrictFieldsMixin, serializers.Serializer):
    records = AttendanceRecordSerializer(many=True, required=False, max_length=500)
    guests = serializers.IntegerField(min_value=0, max_value=10000, required=False)

    def validate_records(self, value):
        members = [record["member"] for record in value]
        if len(members) != len(set(members)):
            raise serializers.ValidationError(_("Each member at most once."))
        return value


class AttendanceResultSerializer(serializers.Serializer):
    meeting = serializers.IntegerField(source="pk")
    guests = serializers.IntegerField()
    quorum = QuorumSerializer(source="*")


class AmendmentSerializer(serializers.ModelSerializer):
    text = TranslatedTextField()
    text_translations = serializers.JSONField(source="text", read_only=True)

    class Meta:
        model = MinutesAmendment
        fields = ["id", "text", "text_translations", "reason", "made_by", "created_at"]
        read_only_fields = fields


class MinutesSerializer(serializers.ModelSerializer):
    text = TranslatedTextField()
    text_translations = serializers.JSONField(source="text", read_only=True)
    amendments = AmendmentSerializer(many=True, read_only=True)

    class Meta:
        model = Minutes
        fields = [
            "id",
            "meeting",
            "status",
            "text",
            "text_translations",
            "approved_at",
            "approved_by",
            "approved_at_meeting",
            "amendments",
            "updated_at",
        ]
        read_only_fields = fields


class MinutesWriteSerializer(StrictFieldsMixin, serializers.Serializer):
    text_translations = TranslationsField(max_length=100000)


class ApproveSerializer(StrictFieldsMixin, serializers.Serializer):
    at_meeting = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        help_text=_("The later meeting at which the committee approved them (else: you, chair)."),
    )


class AmendmentWriteSerializer(StrictFieldsMixin, serializers.Serializer):
    text_translations = TranslationsField(max_length=20000)
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True)


class RsvpWriteSerializer(StrictFieldsMixin, NeedsSerializerMixin):
    response = serializers.ChoiceField(choices=RsvpResponse.choices)
    name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    phone = PhoneField(required=False, allow_blank=True, default="")
    adults = serializers.IntegerField(min_value=0, max_value=100, default=1)
    children = serializers.IntegerField(min_value=0, max_value=100, default=0)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        user = self.context["request"].user
        name = (attrs.get("name") or "").strip()
        if not name and user.is_authenticated:
            name = user.display_name or user.email.split("@")[0]
        if not name:
            raise serializers.ValidationError({"name": [_("Tell us your name.")]})
        attrs["name"] = name
        if not user.is_authenticated and not (attrs.get("email") or attrs.get("phone")):
            raise serializers.ValidationError(
                {"phone": [_("Give a phone number or an email address so we can reach you.")]}
            )
        return attrs


class RsvpSerializer(serializers.ModelSerializer):
    registration = serializers.IntegerField(source="pk", read_only=True)
    response = serializers.SerializerMethodField()
    interpreter_language = serializers.CharField(source="interpreter_language_id", allow_null=True)

    class Meta:
        model = Registration
        fields = [
            "registration",
            "name",
            "response",
            "status",
            "adults",
            "children",
            "interpreter_language",
            "childcare_ages",
            "accessibility",
            "accessibility_notes",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=RsvpResponse.choices))
    def get_response(self, registration) -> str:
        return registration.rsvp_response


class RsvpCreatedSerializer(RsvpSerializer):
    manage_token = serializers.SerializerMethodField()

    class Meta(RsvpSerializer.Meta):
        fields = [*RsvpSerializer.Meta.fields, "pass_code", "manage_token"]
        read_only_fields = fields

    def get_manage_token(self, registration) -> str | None:
        return self.context.get("manage_token")
