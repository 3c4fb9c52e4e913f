"""VTIMEZONE blocks, written from the zone's own transitions (zoneinfo) in the form most
calendar servers use: an observance per rule, ``DTSTART`` + yearly ``RRULE`` (BYMONTH,
BYDAY), open-ended for the rules still in force. Older changes in the range are single
observances with DTSTART alone. No RDATE: parsers descended from libical's old expansion
code (ical.js, used by web calendars, among them) skip an observance's DTSTART onset when
it also has an RDATE, and would read months of a year in the wrong offset."""

from calendar import monthrange
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from events_api.calendars.text import content_line

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
        lines.append(content_line("TZNAME", change.name))
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
