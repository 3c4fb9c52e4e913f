"""Events as anyone sees them, and the changes their organisers make."""

from django.conf import settings
from django.utils import timezone
from rest_framework import serializers

from events_api.calendars import links as calendar_links
from events_api.calendars.event_items import details_text, event_links, place_text
from events_api.calendars.links import event_calendar_links
from events_api.core.i18n import pick
from events_api.core.serializers import (
    AwareDateTimeField,
    StrictFieldsMixin,
    TranslatedTextField,
    TranslationsField,
)
from events_api.events.models import Event, EventStatus
from events_api.people.models import Language, School


class EventPlaceSchoolSerializer(serializers.ModelSerializer):
    borough = serializers.CharField(source="borough_id", read_only=True)

    class Meta:
        model = School
        fields = ["id", "dbn", "name", "borough", "address"]


class EventSerializer(serializers.ModelSerializer):
    """What anyone may see of an event: no personal data."""

    title = TranslatedTextField()
    title_translations = serializers.JSONField(source="title", read_only=True)
    description = TranslatedTextField()
    description_translations = serializers.JSONField(source="description", read_only=True)
    school = EventPlaceSchoolSerializer(read_only=True)
    languages = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    seats_left = serializers.SerializerMethodField()
    waitlist_length = serializers.IntegerField(read_only=True)
    max_party_size = serializers.IntegerField(source="party_limit", read_only=True)
    ics_url = serializers.SerializerMethodField()
    webcal_url = serializers.SerializerMethodField()
    google_calendar_url = serializers.SerializerMethodField()
    outlook_calendar_url = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id",
            "kind",
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
            "capacity",
            "seats_left",
            "waitlist_length",
            "languages",
            "status",
            "registration_opens_at",
            "registration_closes_at",
            "max_party_size",
            "version",
            "updated_at",
            "ics_url",
            "webcal_url",
            "google_calendar_url",
            "outlook_calendar_url",
        ]

    def get_seats_left(self, event) -> int | None:
        if event.capacity is None:
            return None
        return max(event.capacity - event.seats_taken, 0)

    # Calendar links: built from the row already loaded, no queries.
    def get_ics_url(self, event) -> str:
        return calendar_links.event_ics_url(event.pk)

    def get_webcal_url(self, event) -> str:
        return calendar_links.webcal(calendar_links.event_ics_url(event.pk))

    def get_google_calendar_url(self, event) -> str:
        return event_links(event)["google_calendar_url"]

    def get_outlook_calendar_url(self, event) -> str:
        return event_links(event)["outlook_calendar_url"]


def _moment(value, zone) -> str | None:
    """What DRF's DateTimeField gives (ISO 8601 in the current time zone, UTC as Z),
    with the zone looked up once per list, not once per value."""
    if value is None:
        return None
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _school(row: dict) -> dict | None:
    if row["school_id"] is None:
        return None
    return {
        "id": row["school_id"],
        "dbn": row["school__dbn"],
        "name": row["school__name"],
        "borough": row["school__borough_id"],
        "address": row["school__address"],
    }


def event_list_rows(rows: list[dict], languages: dict[int, list[str]]) -> list[dict]:
    """The event list's rows: exactly what EventSerializer gives for each event (a test
    compares the two field by field), built from ``queries.event_list_values`` rows and
    ``queries.languages_of`` without model instances or DRF's per-field machinery, each
    event's calendar links built once. The list serves 50 of these per request; the
    schema stays EventSerializer's."""
    default_party = settings.REGISTRATION_MAX_PARTY_SIZE
    zone = timezone.get_current_timezone()
    out = []
    for row in rows:
        capacity = row["capacity"]
        title, description = pick(row["title"]), pick(row["description"])
        location = place_text(
            row["room"],
            row["school__name"],
            row["school__address"],
            row["address"],
            row["online_url"],
        )
        out.append(
            {
                "id": row["id"],
                "kind": row["kind"],
                "title": title,
                "title_translations": row["title"],
                "description": description,
                "description_translations": row["description"],
                "starts_at": _moment(row["starts_at"], zone),
                "ends_at": _moment(row["ends_at"], zone),
                "timezone": row["timezone"],
                "school": _school(row),
                "address": row["address"],
                "room": row["room"],
                "online_url": row["online_url"],
                "capacity": capacity,
                "seats_left": None if capacity is None else max(capacity - row["seats_taken"], 0),
                "waitlist_length": row["waitlist_length"],
                "languages": languages.get(row["id"], []),
                "status": row["status"],
                "registration_opens_at": _moment(row["registration_opens_at"], zone),
                "registration_closes_at": _moment(row["registration_closes_at"], zone),
                "max_party_size": row["max_party_size"] or default_party,
                "version": row["version"],
                "updated_at": _moment(row["updated_at"], zone),
                **event_calendar_links(
                    row["id"],
                    title=title,
                    starts_at=row["starts_at"],
                    ends_at=row["ends_at"],
                    tzid=row["timezone"],
                    details=details_text(description, row["online_url"], location),
                    location=location,
                ),
            }
        )
    return out


class EventWriteSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    """Changes an organiser or chair may make to an event they manage."""

    title_translations = TranslationsField(source="title", max_length=300, required=False)
    description_translations = TranslationsField(
        source="description", required=False, require_english=False
    )
    starts_at = AwareDateTimeField(required=False)
    ends_at = AwareDateTimeField(required=False)
    registration_opens_at = AwareDateTimeField(required=False, allow_null=True)
    registration_closes_at = AwareDateTimeField(required=False, allow_null=True)
    school = serializers.PrimaryKeyRelatedField(
        queryset=School.objects.all(), required=False, allow_null=True
    )
    languages = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=Language.objects.all()
    )
    status = serializers.ChoiceField(choices=EventStatus.choices, required=False)

    class Meta:
        model = Event
        fields = [
            "title_translations",
            "description_translations",
            "starts_at",
            "ends_at",
            "timezone",
            "school",
            "address",
            "room",
            "online_url",
            "capacity",
            "languages",
            "status",
            "registration_opens_at",
            "registration_closes_at",
            "max_party_size",
            "interpretation_lead_days",
            "remind_days_before",
            "remind_morning_of",
        ]
        extra_kwargs = {
            "capacity": {"min_value": 0},
            "max_party_size": {"min_value": 1},
            "remind_days_before": {"max_value": 14},
        }
