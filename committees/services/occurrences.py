"""Changing a meeting (update_meeting), and one occurrence of a series changed on its own:
cancelled, moved (time and/or place) or restored. Stored as an exception under the
occurrence's original start, so expanding the series again re-applies it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from committees import messages, recurrence
from committees.errors import SeriesOccurrenceEdit
from committees.models import ExceptionKind, Meeting, MeetingSeries, SeriesException
from committees.services.meetings import SERIES_OWNED, apply_event_changes
from committees.services.series import (
    PLACE_KEYS,
    event_changes,
    occurrence_fields,
    occurrence_key,
    occurrence_map,
    schools_of,
)
from events_api.events.models import EventStatus
from events_api.notifications.models import Kind
from events_api.people.models import School


def _resync_one(series: MeetingSeries, key, now=None) -> None:
    meeting = (
        series.meetings.select_related("event", "committee").filter(original_start=key).first()
    )
    if meeting is None:
        return
    exception = series.exceptions.filter(original_start=key).first()
    schools = schools_of([exception] if exception else [])
    fields = occurrence_fields(series, occurrence_map(series)[key], exception, schools)
    changes = event_changes(meeting.event, fields)
    if changes:
        apply_event_changes(meeting, now=now, **changes)


def set_exception(
    *,
    series: MeetingSeries,
    original_start,
    kind: str,
    starts_at=None,
    ends_at=None,
    place: dict | None = None,
    now=None,
) -> SeriesException:
    """Cancel or move one occurrence (``original_start`` must be one: NotAnOccurrence).
    A move gives a new start (the end follows at the series' duration unless given)
    and/or place overrides. The meeting, if already materialised, changes at once."""
    with transaction.atomic():
        key = occurrence_key(series, original_start)
        if starts_at is not None and ends_at is None:
            ends_at = recurrence.ends_at(starts_at, series.duration_minutes)
        if starts_at is not None and ends_at <= starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        exception, _created = SeriesException.objects.update_or_create(
            series=series,
            original_start=key,
            defaults={
                "kind": kind,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "place": _place_json(place or {}),
            },
        )
        _resync_one(series, key, now=now)
    return exception


def _place_json(place: dict) -> dict:
    out = {}
    for name in PLACE_KEYS:
        if name in place:
            value = place[name]
            out[name] = value.pk if isinstance(value, School) else value
    return out


def remove_exception(*, exception: SeriesException, now=None) -> None:
    """Restore an occurrence to what the series says."""
    with transaction.atomic():
        series, key = exception.series, exception.original_start
        exception.delete()
        _resync_one(series, key, now=now)


def change_occurrence(*, meeting: Meeting, now=None, **changes) -> Meeting:
    """A change made to one meeting of a series, recorded as its exception: cancelling
    it, restoring it, or moving it (time and/or place). Raises SeriesOccurrenceEdit for
    other statuses."""
    series = meeting.series
    existing = series.exceptions.filter(original_start=meeting.original_start).first()
    status = changes.pop("status", None)
    if status not in (None, EventStatus.CANCELLED, EventStatus.PUBLISHED):
        raise SeriesOccurrenceEdit()
    starts_at = changes.get("starts_at", existing.starts_at if existing else None)
    ends_at = changes.get("ends_at", existing.ends_at if existing else None)
    if "starts_at" in changes and "ends_at" not in changes:
        ends_at = None
    if "ends_at" in changes and starts_at is None:
        starts_at = meeting.event.starts_at
    place = dict(existing.place) if existing else {}
    place.update(_place_json({k: v for k, v in changes.items() if k in PLACE_KEYS}))
    moved = starts_at is not None or bool(place)
    if status == EventStatus.CANCELLED:
        kind = ExceptionKind.CANCEL
    elif status == EventStatus.PUBLISHED or existing is None or existing.kind == "move":
        kind = ExceptionKind.MOVE
    else:
        kind = existing.kind
    if kind == ExceptionKind.MOVE and not moved:
        if existing is not None:
            remove_exception(exception=existing, now=now)
    else:
        set_exception(
            series=series,
            original_start=meeting.original_start,
            kind=kind,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            now=now,
        )
    return Meeting.objects.select_related("event", "committee", "series").get(pk=meeting.pk)


def update_meeting(
    *, meeting: Meeting, agenda_published=None, languages=None, now=None, **changes
) -> Meeting:
    """Change a meeting. An occurrence of a series keeps its title, description, capacity
    and languages from the series (SeriesOccurrenceEdit); a new time or place becomes a
    "moved" exception and cancelling it a "cancelled" one, so re-expanding the series
    keeps them. Raises SeriesOccurrenceEdit, ValidationError."""
    with transaction.atomic():
        was = messages.before(meeting)
        if meeting.series_id is not None and changes:
            if SERIES_OWNED & set(changes) or languages is not None:
                raise SeriesOccurrenceEdit()
            meeting = change_occurrence(meeting=meeting, now=now, **changes)
        elif changes or languages is not None:
            meeting = apply_event_changes(meeting, languages=languages, now=now, **changes)
        if changes:
            messages.changed(meeting, was)
        if agenda_published is not None and agenda_published != meeting.agenda_published:
            meeting.agenda_published = agenda_published
            meeting.save(update_fields=["agenda_published", "updated_at"])
            if agenda_published:
                messages.tell(meeting, Kind.AGENDA_PUBLISHED)
    return meeting
