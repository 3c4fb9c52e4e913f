from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events_api.calendars.serializers import CalendarLinksSerializer
from events_api.core.serializers import (
    AwareDateTimeField,
    LanguageCodeField,
    StrictFieldsMixin,
    TranslatedTextField,
    TranslationsField,
)
from events_api.events.models import EventStatus
from events_api.events.serializers import EventSerializer
from events_api.people.models import Organization, School, User
from summits.calendar import summit_calendar_links
from summits.models import Room, Session, Summit, Track


class SummitSerializer(serializers.ModelSerializer):
    title = TranslatedTextField()
    title_translations = serializers.JSONField(source="title", read_only=True)
    theme = TranslatedTextField()
    theme_translations = serializers.JSONField(source="theme", read_only=True)
    description = TranslatedTextField()
    description_translations = serializers.JSONField(source="description", read_only=True)
    partners = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    venue_school = serializers.PrimaryKeyRelatedField(read_only=True)
    calendar = serializers.SerializerMethodField()

    class Meta:
        model = Summit
        fields = [
            "id",
            "year",
            "title",
            "title_translations",
            "theme",
            "theme_translations",
            "description",
            "description_translations",
            "starts_on",
            "ends_on",
            "timezone",
            "venue_school",
            "venue_address",
            "registration_opens_at",
            "registration_closes_at",
            "partners",
            "status",
            "personal_data_retention_days",
            "updated_at",
            "calendar",
        ]

    @extend_schema_field(CalendarLinksSerializer)
    def get_calendar(self, summit) -> dict:
        """Subscribe links for the summit's sessions (no queries)."""
        return summit_calendar_links(summit)


class SummitWriteSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    title_translations = TranslationsField(source="title", max_length=300)
    theme_translations = TranslationsField(
        source="theme", max_length=300, required=False, require_english=False
    )
    description_translations = TranslationsField(
        source="description", required=False, require_english=False
    )
    registration_opens_at = AwareDateTimeField(required=False, allow_null=True)
    registration_closes_at = AwareDateTimeField(required=False, allow_null=True)
    venue_school = serializers.PrimaryKeyRelatedField(
        queryset=School.objects.all(), required=False, allow_null=True
    )
    partners = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), many=True, required=False
    )
    organizers = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), many=True, required=False
    )
    status = serializers.ChoiceField(choices=EventStatus.choices, required=False)
    year = serializers.IntegerField(min_value=2000, max_value=2100)

    class Meta:
        model = Summit
        fields = [
            "year",
            "title_translations",
            "theme_translations",
            "description_translations",
            "starts_on",
            "ends_on",
            "timezone",
            "venue_school",
            "venue_address",
            "registration_opens_at",
            "registration_closes_at",
            "partners",
            "organizers",
            "status",
            "personal_data_retention_days",
        ]


class TrackSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    name = TranslatedTextField()
    name_translations = TranslationsField(source="name", max_length=120)

    class Meta:
        model = Track
        fields = ["id", "name", "name_translations", "color", "position"]
        extra_kwargs = {"color": {"required": False}, "position": {"required": False}}

    def validate_color(self, value):
        import re

        if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
            raise serializers.ValidationError(_("A colour is # and six hex digits."))
        return value


class RoomSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = Room
        fields = ["id", "name", "capacity", "step_free"]
        extra_kwargs = {"capacity": {"min_value": 0}}


class SessionSerializer(serializers.ModelSerializer):
    event = serializers.SerializerMethodField()
    hosts = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Session
        fields = ["id", "summit", "event", "track", "room", "hosts", "presenters"]

    @extend_schema_field(EventSerializer)
    def get_event(self, session) -> dict:
        return EventSerializer(session.event, context=self.context).data


class SessionCreateSerializer(StrictFieldsMixin, serializers.Serializer):
    title_translations = TranslationsField(max_length=300)
    description_translations = TranslationsField(required=False, require_english=False)
    starts_at = AwareDateTimeField()
    ends_at = AwareDateTimeField()
    capacity = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    languages = serializers.ListField(child=LanguageCodeField(), min_length=1, max_length=20)
    track = serializers.PrimaryKeyRelatedField(
        queryset=Track.objects.all(), required=False, allow_null=True
    )
    room = serializers.PrimaryKeyRelatedField(
        queryset=Room.objects.all(), required=False, allow_null=True
    )
    hosts = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), many=True, required=False
    )
    presenters = serializers.ListField(
        child=serializers.CharField(max_length=120), required=False, max_length=20
    )
    status = serializers.ChoiceField(
        choices=[EventStatus.DRAFT, EventStatus.PUBLISHED], required=False
    )
    max_party_size = serializers.IntegerField(
        min_value=1, max_value=50, required=False, allow_null=True
    )


class SessionUpdateSerializer(StrictFieldsMixin, serializers.Serializer):
    track = serializers.PrimaryKeyRelatedField(
        queryset=Track.objects.all(), required=False, allow_null=True
    )
    room = serializers.PrimaryKeyRelatedField(
        queryset=Room.objects.all(), required=False, allow_null=True
    )
    hosts = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), many=True, required=False
    )
    presenters = serializers.ListField(
        child=serializers.CharField(max_length=120), required=False, max_length=20
    )


class DashboardRowSerializer(serializers.Serializer):
    session = serializers.IntegerField()
    event = serializers.IntegerField()
    title = TranslatedTextField()
    starts_at = serializers.DateTimeField()
    status = serializers.CharField()
    capacity = serializers.IntegerField(allow_null=True)
    confirmed_parties = serializers.IntegerField()
    confirmed_people = serializers.IntegerField()
    waitlisted_parties = serializers.IntegerField()
    seats_left = serializers.IntegerField(allow_null=True)
    interpreter_needs = serializers.DictField(child=serializers.IntegerField())
    childcare_children = serializers.IntegerField()


class DashboardLanguageSerializer(serializers.Serializer):
    language = serializers.CharField()
    needed = serializers.IntegerField(help_text=_("People needing an interpreter."))
    covered = serializers.IntegerField(
        help_text=_("Of them, people whose interpreter is assigned or confirmed.")
    )
    confirmed = serializers.IntegerField(
        help_text=_("Of them, people whose interpreter confirmed.")
    )
    gaps = serializers.IntegerField(help_text=_("Lines still without an interpreter."))
    late_requests = serializers.IntegerField(help_text=_("Requests made inside the lead time."))
