"""CalendarItems to RFC 5545 bytes. Pure: no database, no request, no clock unless asked.

icalendar builds the components and the VTIMEZONEs; this module only decides what goes in
them and folds the lines itself (icalendar folds character by character, which was most of
the time spent on a 1,000-event feed)."""

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vDuration, vRecur, vText

from events_api.calendars.items import CalendarItem

PRODID = "-//Open Doors//Calendars 1.0//EN"
STATUSES = frozenset({"CONFIRMED", "TENTATIVE", "CANCELLED"})
DEFAULT_REFRESH = timedelta(hours=6)
# How far past the last known date the VTIMEZONE rules reach when a series has no UNTIL.
OPEN_SERIES_REACH = timedelta(days=2 * 366)
UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu", "GMT", "Etc/GMT"})

# Control characters RFC 5545 TEXT cannot carry (TAB and LF can: LF is written as "\n").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
FOLD_LIMIT = 75


def normalise_text(text: str) -> str:
    """What a TEXT value can faithfully carry: CRLF and lone CR become LF (TEXT has only
    one line break), other control characters are dropped. Everything else (``;``, ``,``,
    ``\\``, emoji, any length) goes through exactly."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def _width(char: str) -> int:
    code = ord(char)
    return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4


def fold(line: str) -> str:
    """Fold one content line so no physical line passes 75 octets (RFC 5545 3.1), never
    inside a UTF-8 sequence and never inside a backslash escape (some clients mis-read an
    escape split across a fold)."""
    if len(line) <= FOLD_LIMIT and len(line.encode()) <= FOLD_LIMIT:
        return line
    ascii_only = line.isascii()
    parts: list[str] = []
    start, length = 0, len(line)
    # The first physical line holds 75 octets; a continuation line a space and 74.
    limit = FOLD_LIMIT
    while True:
        if ascii_only:
            end = start + limit
        else:
            end, size = start, 0
            while end < length and size + _width(line[end]) <= limit:
                size += _width(line[end])
                end += 1
        if end >= length:
            parts.append(line[start:])
            return "\r\n ".join(parts)
        backslashes = 0
        while end - backslashes - 1 >= start and line[end - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2 and end - 1 > start:
            end -= 1
        parts.append(line[start:end])
        start, limit = end, FOLD_LIMIT - 1


def _zone(tzid: str) -> ZoneInfo:
    return ZoneInfo("UTC") if tzid in UTC_NAMES else ZoneInfo(tzid)


def _local(value: datetime, zone: ZoneInfo) -> datetime:
    if value.tzinfo is None:
        raise ValueError("CalendarItem datetimes must be timezone-aware.")
    return value.astimezone(zone)


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


def _vevent(item: CalendarItem, dtstamp: datetime) -> tuple[Event, vRecur | None]:
    if item.status not in STATUSES:
        raise ValueError(f"Unknown status {item.status!r}.")
    zone = _zone(item.tzid)
    event = Event()
    event["UID"] = vText(item.uid)
    event.add("DTSTAMP", item.last_modified or dtstamp)
    event.add("DTSTART", _local(item.starts_at, zone))
    event.add("DTEND", _local(item.ends_at, zone))
    if item.recurrence_id is not None:
        event.add("RECURRENCE-ID", _local(item.recurrence_id, zone))
    recur = None
    if item.rrule:
        recur = _utc_until(item.rrule, zone)
        event["RRULE"] = recur
        if item.exdates:
            event.add("EXDATE", [_local(moment, zone) for moment in item.exdates])
    event["SEQUENCE"] = item.sequence
    event["STATUS"] = vText(item.status)
    event["SUMMARY"] = vText(normalise_text(item.summary))
    if item.description:
        event["DESCRIPTION"] = vText(normalise_text(item.description))
    if item.location:
        event["LOCATION"] = vText(normalise_text(item.location))
    if item.url:
        event.add("URL", item.url)
    if item.last_modified is not None:
        event.add("LAST-MODIFIED", item.last_modified)
    return event, recur


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

    ``window`` (the feed's date range) bounds the VTIMEZONE rules, together with the
    items' own dates, so a feed does not carry decades of transitions. ``now`` is the
    DTSTAMP of items that have no ``last_modified``. Raises ValueError for a naive
    datetime or an unknown status (a programming error, not user input)."""
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
    for item in items:
        event, recur = _vevent(item, now)
        calendar.add_component(event)
        starts = item.starts_at.date()
        ends = _last_date(item, recur)
        first = starts if first is None else min(first, starts)
        last = ends if last is None else max(last, ends)
    if first is not None:
        calendar.add_missing_timezones(
            first_date=first - timedelta(days=1), last_date=last + timedelta(days=1)
        )
    lines = calendar.content_lines()
    return ("\r\n".join(fold(line) for line in lines if line) + "\r\n").encode()
