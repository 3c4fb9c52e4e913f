"""CalendarItems to RFC 5545 bytes. Pure: no database, no request, no clock unless asked.

icalendar writes the calendar's own properties; the VEVENT lines, the VTIMEZONEs (see
vtimezone_lines) and the folding are done here: the VEVENTs because they are the hot path
of a 1,000-event feed (see build_calendar), the VTIMEZONEs so every common parser reads
them the same."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, vDuration, vRecur, vText

from events_api.calendars.items import CalendarItem
from events_api.calendars.text import content_line, fold, normalise_text
from events_api.calendars.vtimezone import vtimezone_lines

PRODID = "-//Open Doors//Calendars 1.0//EN"
STATUSES = frozenset({"CONFIRMED", "TENTATIVE", "CANCELLED"})
DEFAULT_REFRESH = timedelta(hours=6)
# How far past the last known date the VTIMEZONE rules reach when a series has no UNTIL.
OPEN_SERIES_REACH = timedelta(days=2 * 366)
UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu", "GMT", "Etc/GMT"})


def _zone(tzid: str) -> ZoneInfo:
    return ZoneInfo("UTC") if tzid in UTC_NAMES else ZoneInfo(tzid)


def _param(value: str) -> str:
    """A parameter value, quoted when it holds characters a bare one may not."""
    return f'"{value}"' if any(c in value for c in ';:,"') else value


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


class _Times:
    """Writes an item's times in its zone: ``NAME;TZID=zone:local`` or ``NAME:...Z``."""

    def __init__(self, tzid: str):
        self.zone = _zone(tzid)
        self.is_utc = tzid in UTC_NAMES
        self.prefix = "" if self.is_utc else f";TZID={_param(tzid)}"

    def value(self, moment: datetime) -> str:
        if moment.tzinfo is None:
            raise ValueError("CalendarItem datetimes must be timezone-aware.")
        if self.is_utc:
            return _utc(moment)
        return moment.astimezone(self.zone).strftime("%Y%m%dT%H%M%S")

    def line(self, name: str, *moments: datetime) -> str:
        return f"{name}{self.prefix}:{','.join(self.value(m) for m in moments)}"


def _utc_until(rrule: str, zone: ZoneInfo) -> vRecur:
    """The RRULE with UNTIL in UTC, as RFC 5545 requires when DTSTART carries a TZID. A
    floating UNTIL is read in the series' zone; a date UNTIL means the end of that day."""
    recur = vRecur.from_ical(rrule)
    untils = recur.get("UNTIL")
    if untils:
        until = untils[0]
        if not isinstance(until, datetime):
            until = datetime.combine(until, time(23, 59, 59))
        if until.tzinfo is None:
            until = until.replace(tzinfo=zone)
        recur["UNTIL"] = [until.astimezone(UTC)]
    return recur


def _last_date(item: CalendarItem, recur: vRecur | None) -> date:
    if recur is None:
        return item.ends_at.date()
    untils = recur.get("UNTIL")
    if untils:
        return untils[0].date() + timedelta(days=1)
    return (item.ends_at + OPEN_SERIES_REACH).date()


def _vevent(item: CalendarItem, dtstamp: datetime) -> tuple[list[str], vRecur | None]:
    """The content lines of one VEVENT (unfolded)."""
    if item.status not in STATUSES:
        raise ValueError(f"Unknown status {item.status!r}.")
    times = _Times(item.tzid)
    lines = [
        "BEGIN:VEVENT",
        content_line("UID", item.uid),
        f"DTSTAMP:{_utc(item.last_modified or dtstamp)}",
        times.line("DTSTART", item.starts_at),
        times.line("DTEND", item.ends_at),
    ]
    if item.recurrence_id is not None:
        lines.append(times.line("RECURRENCE-ID", item.recurrence_id))
    recur = None
    if item.rrule:
        recur = _utc_until(item.rrule, times.zone)
        lines.append(f"RRULE:{recur.to_ical().decode()}")
        if item.exdates:
            lines.append(times.line("EXDATE", *item.exdates))
    lines += [
        f"SEQUENCE:{int(item.sequence)}",
        f"STATUS:{item.status}",
        content_line("SUMMARY", item.summary),
    ]
    if item.description:
        lines.append(content_line("DESCRIPTION", item.description))
    if item.location:
        lines.append(content_line("LOCATION", item.location))
    if item.url:
        lines.append("URL:" + "".join(normalise_text(item.url).split()))
    if item.last_modified is not None:
        lines.append(f"LAST-MODIFIED:{_utc(item.last_modified)}")
    lines.append("END:VEVENT")
    return lines, recur


def build_calendar(
    items: Iterable[CalendarItem],
    *,
    name: str,
    description: str = "",
    refresh_interval: timedelta = DEFAULT_REFRESH,
    window: tuple[datetime, datetime] | None = None,
    now: datetime | None = None,
) -> bytes:
    """One VCALENDAR with a VEVENT per item and a VTIMEZONE per zone used.

    ``window`` (the feed's date range) bounds the VTIMEZONE's changes, together with the
    items' own dates, so a feed does not carry decades of transitions. ``now`` is the
    DTSTAMP of items that have no ``last_modified``. Raises ValueError for a naive
    datetime or an unknown status (a programming error, not user input).

    icalendar writes the calendar's own properties. The VEVENT lines are written here:
    icalendar's general property machinery took ~190 ms for 1,000 events, these take a
    fraction of that, and every test parses the result back with icalendar. So are the
    VTIMEZONEs (vtimezone_lines), in the RRULE form every common parser reads alike."""
    now = now or datetime.now(UTC)
    calendar = Calendar()
    calendar["PRODID"] = vText(PRODID)
    calendar["VERSION"] = vText("2.0")
    calendar["CALSCALE"] = vText("GREGORIAN")
    calendar_name = normalise_text(str(name))
    calendar["NAME"] = vText(calendar_name)
    calendar["X-WR-CALNAME"] = vText(calendar_name)
    if description:
        calendar["X-WR-CALDESC"] = vText(normalise_text(str(description)))
    calendar.add("REFRESH-INTERVAL", vDuration(refresh_interval), parameters={"VALUE": "DURATION"})
    calendar["X-PUBLISHED-TTL"] = vDuration(refresh_interval)

    first = last = None
    if window is not None:
        first, last = window[0].date(), window[1].date()
    event_lines: list[str] = []
    zones: dict[str, None] = {}
    for item in items:
        lines, recur = _vevent(item, now)
        event_lines += lines
        if item.tzid not in UTC_NAMES:
            zones[item.tzid] = None
        starts = item.starts_at.date()
        ends = _last_date(item, recur)
        first = starts if first is None else min(first, starts)
        last = ends if last is None else max(last, ends)
    timezone_lines: list[str] = []
    for tzid in zones:
        # From the first item's year to a year past the last (rules go on after that).
        timezone_lines += vtimezone_lines(tzid, first.year, last.year + 1)
    head = [line for line in calendar.content_lines() if line]
    lines = [*head[:-1], *timezone_lines, *event_lines, head[-1]]
    return ("\r\n".join(map(fold, lines)) + "\r\n").encode()
