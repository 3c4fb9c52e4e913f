from collections.abc import Iterable

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events_api.core.i18n import FALLBACK_LANGUAGE, pick
from events_api.core.serializers import (
    AwareDateTimeField,
    LanguageCodeField,
    StrictFieldsMixin,
    TranslatedTextField,
)
from events_api.events.models import EventKind
from events_api.interpretation.filters import MAX_ID
from events_api.interpretation.models import (
    Assignment,
    AvailabilityWindow,
    DemandLine,
    Interpreter,
    InterpreterRequest,
    LineStatus,
    Mode,
)
from events_api.people.language_names import language_name
from events_api.people.models import Language, User
from events_api.people.serializers import PhoneField


def private_title(event) -> dict:
    """What stands for the title of an event the reader may not see (a members-only
    meeting, another organiser's draft): its kind, "Committee meeting", as translations
    (English for the CSV, and the reader's language)."""
    label = EventKind(event.kind).label
    with translation.override(FALLBACK_LANGUAGE):
        english = str(label)
    return {FALLBACK_LANGUAGE: english, translation.get_language() or FALLBACK_LANGUAGE: str(label)}


def shown_title(event, shown: bool) -> str:
    """The event's title in the reader's language, or its kind when they may not see it
    (``shown`` from interpretation.rules.title_shown)."""
    return pick(event.title if shown else private_title(event))


def hide_private_titles(events: Iterable) -> list:
    """Events (annotated ``title_shown``) with the titles their reader may not see
    replaced by the event's kind, for the coverage reports. The rows are not saved."""
    events = list(events)
    for event in events:
        if not getattr(event, "title_shown", False):
            event.title = private_title(event)
    return events


class BriefAssignmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    interpreter = serializers.IntegerField(source="interpreter_id")
    interpreter_name = serializers.CharField(source="interpreter.display_name")
    status = serializers.CharField()
    reconfirm = serializers.BooleanField()


class InterpreterRequestSerializer(serializers.ModelSerializer):
    """A request and where it stands: its line's status, or cancelled."""

    language = serializers.CharField(source="language_id", read_only=True)
    status = serializers.SerializerMethodField()

    class Meta:
        model = InterpreterRequest
        fields = [
            "id",
            "event",
            "line",
            "language",
            "mode",
            "people",
            "source",
            "registration",
            "organization",
            "requested_by",
            "note",
            "late",
            "status",
            "created_at",
            "cancelled_at",
        ]

    @extend_schema_field(serializers.ChoiceField(choices=LineStatus.choices))
    def get_status(self, request) -> str:
        return LineStatus.CANCELLED if request.cancelled_at else request.line.status


class InterpreterRequestCreateSerializer(StrictFieldsMixin, serializers.Serializer):
    event = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    language = LanguageCodeField()
    mode = serializers.ChoiceField(choices=Mode.choices)
    people = serializers.IntegerField(min_value=1, max_value=1000)
    organization = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=1,
        max_value=MAX_ID,
        help_text=_("CBO staff: the organisation asking on behalf of its parents."),
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")


class DemandLineSerializer(serializers.ModelSerializer):
    language = serializers.CharField(source="language_id", read_only=True)
    language_name = serializers.SerializerMethodField(
        help_text=_("The language's name in the reader's language.")
    )
    event_title = serializers.SerializerMethodField(
        help_text=_("The event's kind instead when you may not see the event itself.")
    )
    starts_at = serializers.DateTimeField(source="event.starts_at", read_only=True)
    ends_at = serializers.DateTimeField(source="event.ends_at", read_only=True)
    timezone = serializers.CharField(source="event.timezone", read_only=True)
    assignment = serializers.SerializerMethodField()

    class Meta:
        model = DemandLine
        fields = [
            "id",
            "event",
            "event_title",
            "starts_at",
            "ends_at",
            "timezone",
            "language",
            "language_name",
            "mode",
            "people",
            "status",
            "late",
            "first_requested_at",
            "share_names",
            "assignment",
        ]

    def get_language_name(self, line) -> str:
        return language_name(line.language)

    def get_event_title(self, line) -> str:
        return shown_title(line.event, getattr(line, "event_title_shown", False))

    @extend_schema_field(BriefAssignmentSerializer(allow_null=True))
    def get_assignment(self, line):
        active = line.active_assignments
        return BriefAssignmentSerializer(active[0]).data if active else None


class DemandLineUpdateSerializer(StrictFieldsMixin, serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[
            (LineStatus.REQUESTED, LineStatus.REQUESTED.label),
            (LineStatus.UNFULFILLED, LineStatus.UNFULFILLED.label),
        ],
        required=False,
    )
    share_names = serializers.BooleanField(required=False)


class AvailabilityWindowSerializer(serializers.ModelSerializer):
    starts_at = AwareDateTimeField()
    ends_at = AwareDateTimeField()

    class Meta:
        model = AvailabilityWindow
        fields = ["starts_at", "ends_at"]

    def validate(self, attrs):
        if attrs["ends_at"] <= attrs["starts_at"]:
            raise serializers.ValidationError({"ends_at": [_("The end must be after the start.")]})
        return attrs


class InterpreterSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)
    languages = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    modes = serializers.SlugRelatedField(slug_field="mode", many=True, read_only=True)
    availability = AvailabilityWindowSerializer(many=True, read_only=True)

    class Meta:
        model = Interpreter
        fields = [
            "id",
            "user",
            "name",
            "email",
            "phone",
            "agency",
            "languages",
            "modes",
            "availability",
            "active",
            "notes",
            "updated_at",
        ]


class InterpreterWriteSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    user = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), required=False, allow_null=True
    )
    phone = PhoneField(required=False, allow_blank=True)
    languages = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=Language.objects.all(), allow_empty=False
    )
    modes = serializers.ListField(
        child=serializers.ChoiceField(choices=Mode.choices), allow_empty=False, max_length=4
    )
    availability = AvailabilityWindowSerializer(many=True, required=False, max_length=200)

    class Meta:
        model = Interpreter
        fields = [
            "user",
            "name",
            "email",
            "phone",
            "agency",
            "languages",
            "modes",
            "availability",
            "active",
            "notes",
        ]

    def validate(self, attrs):
        user = attrs.get("user", getattr(self.instance, "user", None))
        name = attrs.get("name", getattr(self.instance, "name", ""))
        if user is None and not (name or "").strip():
            raise serializers.ValidationError(
                {"name": [_("A vendor interpreter needs a name (or link a user).")]}
            )
        return attrs


class EventBriefSerializer(serializers.Serializer):
    """Where and when the job is; no personal data."""

    id = serializers.IntegerField()
    title = TranslatedTextField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    timezone = serializers.CharField()
    status = serializers.CharField()
    school = serializers.CharField(source="school.name", default=None)
    address = serializers.CharField()
    room = serializers.CharField()
    online_url = serializers.CharField()


class AssignmentSerializer(serializers.ModelSerializer):
    """A job. Parents' names only when the coordinator marked the line as needing them."""

    event = EventBriefSerializer(source="line.event", read_only=True)
    language = serializers.CharField(source="line.language_id", read_only=True)
    mode = serializers.CharField(source="line.mode", read_only=True)
    people = serializers.IntegerField(source="line.people", read_only=True)
    interpreter_name = serializers.CharField(source="interpreter.display_name", read_only=True)
    attendees = serializers.SerializerMethodField()

    class Meta:
        model = Assignment
        fields = [
            "id",
            "line",
            "event",
            "language",
            "mode",
            "people",
            "interpreter",
            "interpreter_name",
            "status",
            "reconfirm",
            "decline_reason",
            "created_at",
            "responded_at",
            "cancelled_at",
            "attendees",
        ]

    def to_representation(self, assignment):
        data = super().to_representation(assignment)
        shown = getattr(assignment, "event_title_shown", False)
        data["event"]["title"] = shown_title(assignment.line.event, shown)
        return data

    @extend_schema_field(serializers.ListField(child=serializers.CharField(), allow_null=True))
    def get_attendees(self, assignment):
        if not assignment.line.share_names:
            return None
        return [request.registration.name for request in assignment.line.named_requests]


class AssignmentCreateSerializer(StrictFieldsMixin, serializers.Serializer):
    line = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    interpreter = serializers.IntegerField(min_value=1, max_value=MAX_ID)


class DeclineSerializer(StrictFieldsMixin, serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")


class SuggestionSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)
    languages = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    modes = serializers.SlugRelatedField(slug_field="mode", many=True, read_only=True)

    class Meta:
        model = Interpreter
        fields = ["id", "name", "agency", "email", "phone", "languages", "modes"]


class CoverageLineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    language = serializers.CharField()
    language_name = serializers.CharField()
    mode = serializers.ChoiceField(choices=Mode.choices)
    people = serializers.IntegerField()
    status = serializers.ChoiceField(choices=LineStatus.choices)
    late = serializers.BooleanField()
    interpreter = serializers.IntegerField(allow_null=True)
    interpreter_name = serializers.CharField(allow_null=True)
    reconfirm = serializers.BooleanField()


class CoverageSerializer(serializers.Serializer):
    event = serializers.IntegerField()
    title = TranslatedTextField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    timezone = serializers.CharField()
    event_status = serializers.CharField()
    languages = serializers.IntegerField(help_text=_("Languages with people needing them."))
    people = serializers.IntegerField(help_text=_("People needing an interpreter."))
    assigned = serializers.IntegerField(help_text=_("Lines with an interpreter (or confirmed)."))
    confirmed = serializers.IntegerField()
    gaps = serializers.IntegerField(help_text=_("Lines still without an interpreter."))
    late_requests = serializers.IntegerField()
    lines = CoverageLineSerializer(many=True)


class RegistrationInterpretationSerializer(serializers.Serializer):
    """What a parent sees of their own interpreter request."""

    requested = serializers.BooleanField()
    language = serializers.CharField(allow_null=True)
    mode = serializers.ChoiceField(choices=Mode.choices, allow_null=True)
    status = serializers.ChoiceField(choices=LineStatus.choices, allow_null=True)
    late = serializers.BooleanField()
    message = serializers.CharField()
