"""CalendarItems to RFC 5545 bytes. Pure: no database, no request, no clock unless asked.

icalendar writes the calendar's own properties; the VEVENT lines, the VTIMEZONEs (see
vtimezone_lines) and the folding are done here: the VEVENTs because they are the hot path
of a 1,000-event feed (see build_calendar), the VTIMEZONEs so every common parser reads
them the same."""

import re
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, vDuration, vRecur, vText

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


def escape_text(text: str) -> str:
    """An RFC 5545 TEXT value (3.3.11) from normalised text."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


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


def _text(name: str, value: str) -> str:
    return f"{name}:{escape_text(normalise_text(value))}"


def _vevent(item: CalendarItem, dtstamp: datetime) -> tuple[list[str], vRecur | None]:
    """The content lines of one VEVENT (unfolded)."""
    if item.status not in STATUSES:
        raise ValueError(f"Unknown status {item.status!r}.")
    times = _Times(item.tzid)
    lines = [
        "BEGIN:VEVENT",
        _text("UID", item.uid),
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
        _text("SUMMARY", item.summary),
    ]
    if item.description:
        lines.append(_text("DESCRIPTION", item.description))
    if item.location:
        lines.append(_text("LOCATION", item.location))
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


# --- VTIMEZONE -------------------------------------------------------------------------
# Written from the zone's own transitions (zoneinfo), in the form most calendar servers
# use: an observance per rule, ``DTSTART`` + yearly ``RRULE`` (BYMONTH, BYDAY), open-ended
# for the rules still in force. Older changes in the range are single observances with
# DTSTART alone. No RDATE: parsers descended from libical's old expansion code (ical.js,
# used by web calendars, among them) skip an observance's DTSTART onset when it also has an
# RDATE, and would read months of a year in the wrong offset.

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_NONE = timedelta(0)


@dataclass(frozen=True)
class _Transition:
    at: datetime  # the UTC instant
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool

    @property
    def local(self) -> datetime:
        """The wall-clock onset, in the offset before the change (as DTSTART is written)."""
        return (self.at + self.offset_from).replace(tzinfo=None)

    @property
    def rule_key(self) -> tuple:
        local = self.local
        return (
            self.daylight,
            self.offset_from,
            self.offset_to,
            self.name,
            local.month,
            local.weekday(),
            local.time(),
        )

    def weeks(self) -> frozenset[int]:
        """Which BYDAY ordinals name this day: its week of the month, and -1 when it is
        the month's last such weekday."""
        day = self.local.day
        last = monthrange(self.local.year, self.local.month)[1]
        return frozenset({(day - 1) // 7 + 1} | ({-1} if day + 7 > last else set()))


def _at(timestamp: int) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


def _daylight(before: tuple, after: tuple) -> bool:
    """Whether a change starts summer time. Zones with "negative DST" (Europe/Dublin: GMT
    in winter flagged as DST -1h) are read as the rest of the world writes them: their
    winter time is STANDARD, the time after it DAYLIGHT."""
    return after[1] > _NONE or (after[1] == _NONE and before[1] < _NONE)


def _state(zone: ZoneInfo, moment: datetime) -> tuple:
    local = moment.astimezone(zone)
    return (local.utcoffset(), local.dst(), local.tzname())


def _transitions(zone: ZoneInfo, start: datetime, end: datetime) -> list[_Transition]:
    """Every change of offset, DST flag or name in [start, end), to the second: a day's
    step finds it, halving finds its instant."""
    found = []
    moment, last = int(start.timestamp()), int(end.timestamp())
    state = _state(zone, start)
    while moment < last:
        step = moment + 86400
        if _state(zone, _at(step)) == state:
            moment = step
            continue
        low, high = moment, step
        while high - low > 1:
            middle = (low + high) // 2
            if _state(zone, _at(middle)) == state:
                low = middle
            else:
                high = middle
        changed = _state(zone, _at(high))
        found.append(
            _Transition(
                _at(high), state[0], changed[0], changed[2] or "", _daylight(state, changed)
            )
        )
        moment, state = high, changed
    return found


def _offset(value: timedelta) -> str:
    seconds = int(value.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


def _open_rules(
    zone: ZoneInfo, changes: list[_Transition], last_year: int
) -> tuple[int, list[tuple[_Transition, int]]]:
    """The yearly rules still in force at the end of the range, and the index of the first
    change they cover. Walking back from the last change: a change of ``last_year`` starts
    a rule, an earlier one extends the rule with its key when it falls the year before that
    rule's earliest change on a day the same BYDAY ordinal names; the first change that
    does neither ends the walk. Each rule is [changes (earliest first), ordinals that fit
    them all]. A rule seen in fewer than two years, or that the zone does not keep for the
    28 years after, is no rule: then there are none. Returns each rule's first change and
    its BYDAY ordinal."""
    rules: dict[tuple, list] = {}
    index = len(changes)
    for change in reversed(changes):
        rule = rules.get(change.rule_key)
        if rule is None:
            if change.local.year != last_year:
                break
            rules[change.rule_key] = [[change], change.weeks()]
        else:
            members, weeks = rule
            fits = weeks & change.weeks()
            if change.local.year != members[0].local.year - 1 or not fits:
                break
            members.insert(0, change)
            rule[1] = fits
        index -= 1
    if not rules or any(len(members) < 2 for members, _weeks in rules.values()):
        return len(changes), []
    found = []
    for members, weeks in sorted(rules.values(), key=lambda rule: rule[0][0].at):
        # "Last" first: rules name the last Sunday far more often than the fourth.
        fitting = [n for n in sorted(weeks) if _holds(zone, members[-1], n)]
        if not fitting:
            return len(changes), []
        found.append((members[0], fitting[0]))
    return index, found


def _day(year: int, month: int, weekday: int, ordinal: int) -> int:
    """The day of the month an RRULE's BYDAY=<ordinal><weekday> names."""
    first_weekday, days = monthrange(year, month)
    if ordinal < 0:
        return days - (first_weekday + days - 1 - weekday) % 7
    return 1 + (weekday - first_weekday) % 7 + 7 * (ordinal - 1)


def _holds(zone: ZoneInfo, last: _Transition, ordinal: int) -> bool:
    """Whether the zone changes as the rule of ``last`` says, on the day ``ordinal`` names,
    every year of a full 28-year cycle of weekdays after ``last``: an open-ended RRULE
    speaks for every year to come, and a few years seen cannot tell "the first Sunday"
    from "the first Sunday on or after the 2nd"."""
    local = last.local
    for year in range(local.year + 1, local.year + 29):
        day = _day(year, local.month, local.weekday(), ordinal)
        if not 1 <= day <= monthrange(year, local.month)[1]:
            return False
        onset = datetime.combine(date(year, local.month, day), local.time(), UTC)
        onset -= last.offset_from
        before, after = _state(zone, onset - timedelta(seconds=1)), _state(zone, onset)
        if (before[0], after[0], after[2] or "", _daylight(before, after)) != (
            last.offset_from,
            last.offset_to,
            last.name,
            last.daylight,
        ):
            return False
    return True


def _observance(change: _Transition, extra: list[str]) -> list[str]:
    kind = "DAYLIGHT" if change.daylight else "STANDARD"
    lines = [
        f"BEGIN:{kind}",
        f"DTSTART:{change.local.strftime('%Y%m%dT%H%M%S')}",
        *extra,
        f"TZOFFSETFROM:{_offset(change.offset_from)}",
        f"TZOFFSETTO:{_offset(change.offset_to)}",
    ]
    if change.name:
        lines.append(_text("TZNAME", change.name))
    lines.append(f"END:{kind}")
    return lines


@lru_cache(maxsize=256)
def vtimezone_lines(tzid: str, first_year: int, last_year: int) -> tuple[str, ...]:
    """A VTIMEZONE for ``tzid``, right from 1 January of ``first_year`` to the end of
    ``last_year`` and, through its open-ended rules, for as long as those rules hold.

    The changes are read from a year earlier, so that where the rules in force at the end
    already held then, their first onsets come before the range and they are all there is
    (the usual two observances). Otherwise the offset in force at the start comes first,
    and a change that belongs to no rule in force at the end is an observance of its own."""
    zone = ZoneInfo(tzid)
    start = datetime(first_year - 1, 1, 1, tzinfo=zone).astimezone(UTC)
    changes = _transitions(zone, start, datetime(last_year + 1, 1, 1, tzinfo=zone))
    first_open, rules = _open_rules(zone, changes, last_year)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}", f"X-LIC-LOCATION:{tzid}"]
    if first_open > 0 or not rules or changes[0].local.year >= first_year:
        offset, dst, name = _state(zone, start)
        lines += _observance(_Transition(start, offset, offset, name or "", dst > _NONE), [])
    for change in changes[:first_open]:
        lines += _observance(change, [])
    for first, ordinal in rules:
        local = first.local
        byday = f"{ordinal}{_WEEKDAYS[local.weekday()]}"
        lines += _observance(first, [f"RRULE:FREQ=YEARLY;BYMONTH={local.month};BYDAY={byday}"])
    lines.append("END:VTIMEZONE")
    return tuple(lines)
