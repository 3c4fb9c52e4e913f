"""Meeting series and their exceptions as the API shows and takes them."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from committees.models import ExceptionKind, MeetingSeries, SeriesException
from committees.serializers.meetings import PlaceFieldsMixin
from events_api.core.serializers import (
    AwareDateTimeField,
    StrictFieldsMixin,
    TranslatedTextField,
    TranslationsField,
)
from events_api.events.models import EventStatus
from events_api.people.models import Language


class ExceptionSerializer(serializers.ModelSerializer):
    class Meta:
        model = SeriesException
        fields = ["id", "original_start", "kind", "starts_at", "ends_at", "place"]
        read_only_fields = fields


class ExceptionWriteSerializer(StrictFieldsMixin, PlaceFieldsMixin):
    original_start = AwareDateTimeField(
        help_text=_("The start of the occurrence as the series gives it.")
    )
    kind = serializers.ChoiceField(choices=ExceptionKind.choices)
    starts_at = AwareDateTimeField(required=False, allow_null=True)
    ends_at = AwareDateTimeField(required=False, allow_null=True)

    def validate(self, attrs):
        starts, ends = attrs.get("starts_at"), attrs.get("ends_at")
        if ends and not starts:
            raise serializers.ValidationError({"starts_at": [_("Give the new start too.")]})
        place = {k: attrs[k] for k in ("school", "address", "room", "online_url") if k in attrs}
        if attrs["kind"] == ExceptionKind.MOVE and not (starts or place):
            raise serializers.ValidationError(
                {"starts_at": [_("A move needs a new time or a new place.")]}
            )
        return attrs


class SeriesSerializer(serializers.ModelSerializer):
    title = TranslatedTextField()
    title_translations = serializers.JSONField(source="title", read_only=True)
    description_translations = serializers.JSONField(source="description", read_only=True)
    languages = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    exceptions = ExceptionSerializer(many=True, read_only=True)

    class Meta:
        model = MeetingSeries
        fields = [
            "id",
            "committee",
            "title",
            "title_translations",
            "description_translations",
            "rrule",
            "start_date",
            "start_time",
            "duration_minutes",
            "timezone",
            "school",
            "address",
            "room",
            "online_url",
            "capacity",
            "languages",
            "status",
            "split_from",
            "exceptions",
        ]
        read_only_fields = fields


class SeriesWriteSerializer(StrictFieldsMixin, PlaceFieldsMixin):
    title_translations = TranslationsField(source="title", max_length=300)
    description_translations = TranslationsField(
        source="description", required=False, require_english=False
    )
    rrule = serializers.CharField(
        max_length=300,
        help_text=_("An RFC 5545 RRULE with UNTIL or COUNT, e.g. FREQ=MONTHLY;BYDAY=2TU;COUNT=10"),
    )
    start_date = serializers.DateField(help_text=_("The first meeting's date."))
    start_time = serializers.TimeField(help_text=_("Local wall-clock time, e.g. 18:00."))
    duration_minutes = serializers.IntegerField(min_value=1, max_value=720, required=False)
    timezone = serializers.CharField(max_length=64, required=False)
    capacity = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    languages = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=Language.objects.all()
    )
    status = serializers.ChoiceField(
        choices=[EventStatus.DRAFT, EventStatus.PUBLISHED], required=False
    )


class SeriesChangeSerializer(SeriesWriteSerializer):
    title_translations = TranslationsField(source="title", max_length=300, required=False)
    rrule = serializers.CharField(max_length=300, required=False)
    start_date = serializers.DateField(required=False)
    start_time = serializers.TimeField(required=False)


class SplitSerializer(SeriesChangeSerializer):
    at = AwareDateTimeField(
        help_text=_("The original start of the first occurrence to change (this and following).")
    )
