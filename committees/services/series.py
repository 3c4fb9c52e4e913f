"""Recurring meetings: a series (an RRULE from a local start), its occurrences
materialised as meetings up to a horizon, per-occurrence exceptions, and "this and
following" splits.

Occurrences are keyed by their original start (UTC). An exception (cancelled, or moved to
another time or place) is stored under that key, so expanding the series again — after the
series changes, or as the horizon moves on — re-applies it instead of undoing it. Past
meetings are records and are never rewritten by a change to the series."""

from datetime import UTC, timedelta

from django.db import transaction
from django.utils import timezone

from committees import messages, recurrence
from committees.errors import NotAnOccurrence
from committees.models import (
    Committee,
    ExceptionKind,
    MeetingSeries,
)
from committees.services.meetings import apply_event_changes, create_meeting, default_place
from events_api.events.models import EventStatus
from events_api.people.models import School

HORIZON = timedelta(days=365)
SERIES_FIELDS = frozenset(
    {
        "title",
        "description",
        "start_date",
        "start_time",
        "duration_minutes",
        "timezone",
        "school",
        "address",
        "room",
        "online_url",
        "capacity",
        "status",
    }
)
PLACE_KEYS = ("school", "address", "room", "online_url")
PLACE_IDS = ("school_id", "address", "room", "online_url")
BOUNDS = ("COUNT", "UNTIL")
# Changes calendars must see (the series' SEQUENCE).
VERSIONED = ("rrule", "start_date", "start_time", "duration_minutes", "timezone", "status")


def series_start(series: MeetingSeries):
    return recurrence.local_start(series.start_date, series.start_time, series.timezone)


def occurrence_map(series: MeetingSeries) -> dict:
    """Original start (UTC) → local start, for every occurrence of the series."""
    return {
        moment.astimezone(UTC): moment
        for moment in recurrence.occurrences(series.rrule, start=series_start(series))
    }


def _place_defaults(committee: Committee, fields: dict) -> dict:
    place = {k: fields.get(k) for k in ("school", "address", "online_url")}
    filled = default_place(committee, place)
    return {**fields, **{k: v for k, v in filled.items() if v is not None}}


def occurrence_fields(series: MeetingSeries, start, exception, schools: dict) -> dict:
    """The event fields an occurrence should have: the series', then its exception."""
    fields = {
        "title": series.title,
        "description": series.description,
        "capacity": series.capacity,
        "timezone": series.timezone,
        "school": series.school,
        "address": series.address,
        "room": series.room,
        "online_url": series.online_url,
        "starts_at": start,
        "ends_at": recurrence.ends_at(start, series.duration_minutes),
        "status": series.status,
    }
    if exception is None:
        return fields
    if exception.starts_at is not None:
        fields["starts_at"] = exception.starts_at
        fields["ends_at"] = exception.ends_at
    for name in ("address", "room", "online_url"):
        if name in exception.place:
            fields[name] = exception.place[name]
    if "school" in exception.place:
        fields["school"] = schools.get(exception.place["school"])
    if exception.kind == ExceptionKind.CANCEL:
        fields["status"] = EventStatus.CANCELLED
    return fields


def event_changes(event, fields: dict) -> dict:
    changes = {}
    for name, value in fields.items():
        if name == "school":
            if event.school_id != (value.pk if value is not None else None):
                changes[name] = value
        elif getattr(event, name) != value:
            changes[name] = value
    return changes


def schools_of(exceptions) -> dict:
    ids = {e.place["school"] for e in exceptions if e.place.get("school")}
    return School.objects.in_bulk(ids) if ids else {}


def _rekey_by_date(series, keys: dict, meetings: dict, exceptions: dict, now) -> None:
    """After the series' start time or zone changed, future meetings (and exceptions)
    whose original start is no longer an occurrence move to the occurrence on the same
    local day, so their RSVPs, agendas and exceptions follow them."""
    zone = series_start(series).tzinfo
    by_day = {start.date(): key for key, start in keys.items()}
    for old_key in sorted(set(meetings) - set(keys)):
        if old_key < now:
            continue
        new_key = by_day.get(old_key.astimezone(zone).date())
        if new_key is None or new_key in meetings:
            continue
        meeting = meetings.pop(old_key)
        meeting.original_start = new_key
        meeting.save(update_fields=["original_start", "updated_at"])
        meetings[new_key] = meeting
        exception = exceptions.pop(old_key, None)
        if exception is not None and new_key not in exceptions:
            exception.original_start = new_key
            exception.save(update_fields=["original_start", "updated_at"])
            exceptions[new_key] = exception


def sync_series(
    *, series: MeetingSeries, now=None, include_past: bool = False, rekey: bool = False
) -> dict:
    """Bring the series' meetings in step with its rule, fields and exceptions, up to
    HORIZON ahead: create missing occurrences, update future ones, cancel future meetings
    that are no longer occurrences. Past meetings are created only with
    ``include_past`` (a new series) and never changed. Returns counts."""
    now = now or timezone.now()
    keys = occurrence_map(series)
    exceptions = {e.original_start: e for e in series.exceptions.all()}
    meetings = {
        m.original_start: m
        for m in series.meetings.select_related("event", "committee").prefetch_related(
            "event__languages"
        )
    }
    if rekey:
        _rekey_by_date(series, keys, meetings, exceptions, now)
    schools = schools_of(exceptions.values())
    languages = sorted(language.code for language in series.languages.all())
    counts = {"created": 0, "updated": 0, "cancelled": 0}
    for key, start in sorted(keys.items()):
        if key > now + HORIZON:
            break
        fields = occurrence_fields(series, start, exceptions.get(key), schools)
        meeting = meetings.get(key)
        if meeting is None:
            if key >= now or include_past:
                create_meeting(
                    committee=series.committee,
                    series=series,
                    original_start=key,
                    languages=languages,
                    now=now,
                    **fields,
                )
                counts["created"] += 1
            continue
        if key < now:
            continue
        changes = event_changes(meeting.event, fields)
        new_languages = sorted(language.code for language in meeting.event.languages.all())
        if changes or new_languages != languages:
            apply_event_changes(
                meeting,
                languages=languages if new_languages != languages else None,
                now=now,
                **changes,
            )
            counts["updated"] += 1
    for key, meeting in meetings.items():
        if key not in keys and key >= now and meeting.event.status != EventStatus.CANCELLED:
            apply_event_changes(meeting, status=EventStatus.CANCELLED)
            counts["cancelled"] += 1
    return counts


def create_series(
    *, committee: Committee, rrule: str, languages=(), now=None, **fields
) -> MeetingSeries:
    """Create a series and materialise its occurrences (past ones too, as records) up to
    HORIZON ahead; a published one is news for the committee's members, once for the
    series. Raises InvalidRRule, UnboundedRRule, TooManyOccurrences, NoOccurrences,
    PlaceRequired, ValidationError."""
    fields = _place_defaults(committee, fields)
    series = MeetingSeries(
        committee=committee, **{k: v for k, v in fields.items() if k in SERIES_FIELDS}
    )
    if "timezone" not in fields:
        series.timezone = committee.timezone
    series.full_clean(exclude=["rrule"])
    series.rrule = recurrence.normalise(rrule, start=series_start(series))
    with transaction.atomic():
        series.save()
        series.languages.set(languages)
        sync_series(series=series, now=now, include_past=True)
        messages.series_scheduled(series, now=now)
    return series


def update_series(
    *, series: MeetingSeries, rrule=None, languages=None, now=None, **changes
) -> MeetingSeries:
    """Change the whole series; future meetings follow (a new time keeps each meeting
    and its RSVPs on its day), past ones stay as they were. A new rule, time, place or
    status is news for the members, once for the series (those who answered a meeting
    also hear of its move through their registration). Raises the rule errors of
    create_series."""
    with transaction.atomic():
        series = MeetingSeries.objects.select_for_update().get(pk=series.pk)
        before = _versioned_state(series)
        was_published = series.status == EventStatus.PUBLISHED
        for name, value in changes.items():
            if name in SERIES_FIELDS:
                setattr(series, name, value)
        filled = _place_defaults(series.committee, {k: getattr(series, k) for k in PLACE_KEYS})
        for name in PLACE_KEYS:
            setattr(series, name, filled[name])
        series.full_clean(exclude=["rrule"])
        series.rrule = recurrence.normalise(rrule or series.rrule, start=series_start(series))
        if _versioned_state(series) != before:
            series.version += 1
        series.save()
        if languages is not None:
            series.languages.set(languages)
        sync_series(series=series, now=now, rekey=True)
        if _versioned_state(series) != before:
            messages.series_scheduled(series, changed=was_published, now=now)
    return series


def _versioned_state(series: MeetingSeries) -> tuple:
    names = (*VERSIONED, "school_id", "address", "room", "online_url")
    return tuple(getattr(series, name) for name in names)


def _schedule(series: MeetingSeries) -> tuple:
    """What members are told of a series: its rule (where it ends aside), time, place."""
    rule = ";".join(p for p in series.rrule.split(";") if p.split("=")[0] not in BOUNDS)
    names = ("start_time", "duration_minutes", "timezone", "status", *PLACE_IDS)
    return (rule, *(getattr(series, name) for name in names))


def occurrence_key(series: MeetingSeries, original_start):
    key = original_start.astimezone(UTC)
    if key not in occurrence_map(series):
        raise NotAnOccurrence(extra={"original_start": original_start.isoformat()})
    return key


def split_series(
    *, series: MeetingSeries, at, rrule=None, languages=None, now=None, **changes
) -> MeetingSeries:
    """ "This and following": the series ends before the occurrence ``at`` and a new
    series (with ``changes``) carries on from it, taking over the meetings and exceptions
    from ``at`` on. A split at the first occurrence changes the whole series. Raises
    NotAnOccurrence and the rule errors of create_series."""
    with transaction.atomic():
        series = MeetingSeries.objects.select_for_update().get(pk=series.pk)
        key = occurrence_key(series, at)
        keys = sorted(occurrence_map(series))
        if key == keys[0]:
            return update_series(
                series=series, rrule=rrule, languages=languages, now=now, **changes
            )
        before = len([k for k in keys if k < key])
        if rrule is None:
            count = recurrence.has_count(series.rrule)
            rrule = recurrence.with_count(series.rrule, count - before) if count else series.rrule
        local = occurrence_map(series)[key]
        new = MeetingSeries(
            committee=series.committee,
            split_from=series,
            **{name: getattr(series, name) for name in SERIES_FIELDS},
        )
        new.start_date = local.date()
        for name, value in changes.items():
            if name in SERIES_FIELDS:
                setattr(new, name, value)
        filled = _place_defaults(series.committee, {k: getattr(new, k) for k in PLACE_KEYS})
        for name in PLACE_KEYS:
            setattr(new, name, filled[name])
        new.full_clean(exclude=["rrule"])
        new.rrule = recurrence.normalise(rrule, start=series_start(new))
        new.save()
        new.languages.set(languages if languages is not None else series.languages.all())
        series.rrule = recurrence.ending_before(series.rrule, key)
        series.version += 1
        series.save(update_fields=["rrule", "version", "updated_at"])
        series.meetings.filter(original_start__gte=key).update(series=new)
        series.exceptions.filter(original_start__gte=key).update(series=new)
        sync_series(series=new, now=now, rekey=True)
        if _schedule(new) != _schedule(series):
            messages.series_scheduled(new, changed=True, now=now)
    return new


def extend_horizons(*, now=None) -> int:
    """Materialise occurrences that came within the horizon since the last run (run
    daily). Returns the number of meetings created."""
    created = 0
    for series in MeetingSeries.objects.select_related("committee").prefetch_related("languages"):
        created += sync_series(series=series, now=now)["created"]
    return created
