"""A committee's meetings as a subscribable calendar.

A series is one VEVENT with its RRULE; a cancelled occurrence is an override of it (same
UID, RECURRENCE-ID = the original start) with STATUS:CANCELLED, a moved one an override
with its new time and place. One-off meetings are plain events. Only public committees
have a public feed: members see members-only meetings in their personal feed."""

from datetime import datetime, timedelta

from django.db.models import Count, Max
from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema, extend_schema_view

from committees.messages import committee_page
from committees.models import (
    Committee,
    ExceptionKind,
    Meeting,
    MeetingSeries,
    SeriesException,
    Visibility,
)
from committees.rules import public_committees
from committees.services.series import occurrence_map, series_start
from events_api.calendars.event_items import event_details, event_item, event_location
from events_api.calendars.feeds import (
    error_response,
    feed_language,
    feed_response,
    interface_language,
)
from events_api.calendars.ical import build_calendar
from events_api.calendars.items import CalendarItem
from events_api.calendars.links import absolute, feed_links, uid_host
from events_api.calendars.queries import Stamp
from events_api.calendars.views import (
    FILE_RESPONSES,
    LANG_PARAMETER,
    MAX_ID,
    EventFeedView,
    FeedNotFound,
)
from events_api.core.errors import DomainError
from events_api.core.i18n import pick
from events_api.events.models import Event, EventStatus
from events_api.events.rules import PUBLIC_STATUSES


def series_uid(series_id: int) -> str:
    """Stable for the life of the series: every occurrence and override shares it."""
    return f"committee-series-{series_id}@{uid_host()}"


def committee_ics_url(committee_id: int) -> str:
    return absolute(reverse("calendar-committee", args=[committee_id]))


def committee_calendar_links(committee: Committee) -> dict[str, str] | None:
    """Subscribe links for a public committee's meetings (no queries). A members-only
    committee has no public feed: its members find its meetings in their own feed."""
    if committee.visibility != Visibility.PUBLIC:
        return None
    return feed_links(committee_ics_url(committee.pk), name=pick(committee.name))


def _in(window, starts_at: datetime, ends_at: datetime) -> bool:
    return window is None or (ends_at > window[0] and starts_at < window[1])


def series_items(
    series: MeetingSeries, meetings: dict, *, lang: str, window=None
) -> list[CalendarItem]:
    """The series as one recurring item plus an override per exception. ``meetings``
    maps original starts to the series' materialised meetings (with their events)."""
    # DTSTART is always an instance in iCalendar, so the rule's first occurrence (the
    # series may be dated from a day the rule skips); from there the rule's set is the same.
    start = min(occurrence_map(series).values(), default=series_start(series))
    duration = timedelta(minutes=series.duration_minutes)
    place = series.place()
    summary = pick(series.title, lang)
    master = CalendarItem(
        uid=series_uid(series.pk),
        summary=summary,
        description=event_details(place, lang),
        starts_at=start,
        ends_at=start + duration,
        tzid=series.timezone,
        location=event_location(place),
        url=committee_page(series.committee_id),
        sequence=series.version,
        last_modified=series.updated_at,
        rrule=series.rrule,
    )
    items = [master]
    for exception in series.exceptions.all():
        meeting = meetings.get(exception.original_start)
        event = meeting.event if meeting is not None else None
        original = exception.original_start
        starts_at = event.starts_at if event else exception.starts_at or original
        ends_at = event.ends_at if event else exception.ends_at or original + duration
        if not _in(window, min(starts_at, original), max(ends_at, original + duration)):
            continue
        cancelled = exception.kind == ExceptionKind.CANCEL
        items.append(
            CalendarItem(
                uid=master.uid,
                summary=summary,
                description=event_details(event, lang) if event else master.description,
                starts_at=starts_at,
                ends_at=ends_at,
                tzid=series.timezone,
                location=event_location(event) if event else master.location,
                url=master.url,
                status="CANCELLED" if cancelled else "CONFIRMED",
                sequence=event.version if event else series.version,
                last_modified=max(
                    exception.updated_at, event.updated_at if event else exception.updated_at
                ),
                recurrence_id=original,
            )
        )
    return items


def committee_items(committee: Committee, *, lang: str = "en", window=None) -> list[CalendarItem]:
    """Every published series of the committee and every public one-off meeting (cancelled
    ones kept as STATUS:CANCELLED). Four queries."""
    meetings = list(
        Meeting.objects.filter(committee=committee, event__status__in=PUBLIC_STATUSES)
        .select_related("event__school")
        .order_by("event__starts_at", "id")
    )
    by_series: dict[int, dict] = {}
    for meeting in meetings:
        if meeting.series_id is not None:
            by_series.setdefault(meeting.series_id, {})[meeting.original_start] = meeting
    items = []
    all_series = (
        MeetingSeries.objects.filter(committee=committee, status=EventStatus.PUBLISHED)
        .select_related("school")
        .prefetch_related("exceptions")
        .order_by("start_date", "id")
    )
    for series in all_series:
        items.extend(series_items(series, by_series.get(series.pk, {}), lang=lang, window=window))
    for meeting in meetings:
        event = meeting.event
        if meeting.series_id is None and _in(window, event.starts_at, event.ends_at):
            items.append(event_item(event, lang=lang))
    return items


def committee_stamp(committee: Committee) -> Stamp:
    """Changes to the committee, its meetings' events, series and exceptions. Three
    queries."""
    events = Event.objects.filter(meeting__committee=committee).aggregate(
        n=Count("pk"), last=Max("updated_at")
    )
    series = MeetingSeries.objects.filter(committee=committee).aggregate(
        n=Count("pk"), last=Max("updated_at")
    )
    exceptions = SeriesException.objects.filter(series__committee=committee).aggregate(
        n=Count("pk"), last=Max("updated_at")
    )
    rows = (events, series, exceptions)
    return Stamp(sum(row["n"] for row in rows), None).touched(
        committee.updated_at, *(row["last"] for row in rows)
    )


@extend_schema_view(
    get=extend_schema(
        operation_id="calendar_committee_ics",
        summary="A public committee's meetings as an iCalendar feed",
        description="All of the committee's meetings: series as recurring events (RRULE) "
        "with their cancelled and moved occurrences as overrides (RECURRENCE-ID), and every "
        "public one-off meeting. Members-only committees have no public feed.",
        parameters=[LANG_PARAMETER],
        responses=FILE_RESPONSES,
    )
)
class CommitteeCalendarView(EventFeedView):
    def get(self, request, pk: int):
        try:
            committee = public_committees().filter(pk=pk).first() if pk <= MAX_ID else None
            if committee is None:
                raise FeedNotFound()
        except DomainError as exc:
            return error_response(exc)
        lang = feed_language(request)

        # The whole series, past and future: a subscriber sees every meeting of it (the
        # bounded date range is for personal feeds).
        def build() -> bytes:
            items = committee_items(committee, lang=lang)
            with translation.override(interface_language(lang)):
                return build_calendar(items, name=pick(committee.name, lang))

        return feed_response(
            request,
            stamp=committee_stamp(committee),
            variant=(f"committee-{committee.pk}", lang),
            build=build,
            filename=f"committee-{committee.pk}.ics",
        )
