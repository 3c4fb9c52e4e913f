"""Recurrence rules (RFC 5545 RRULE values) for meeting series. Pure functions.

A series starts at a local wall-clock time in an IANA zone; occurrences are expanded in that
zone, so a meeting at 18:00 stays at 18:00 when daylight saving time starts or ends.

A wall-clock start that does not exist on a day (02:30 on the spring-forward Sunday in New
York) is read with the offset from before the gap, as RFC 5545 says for DTSTART: the
meeting starts at 03:30. A start that happens twice (01:30 on the fall-back Sunday) is the
first one. Either way a meeting lasts its full duration in real time (``ends_at``): a
90-minute meeting at 02:30 on the spring-forward day runs 03:30 to 05:00, one at 01:30 on the
fall-back day 01:30 EDT to 02:00 EST.

Expansion never iterates an open-ended rule: it always runs a copy bounded by UNTIL at most
``MAX_SPAN`` after the start, so a rule that can never match (February 30th) costs a few
thousand steps, not a search to the year 9999."""

import re
import warnings
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.utils.translation import gettext_lazy as _

from committees.errors import (
    InvalidRRule,
    NoOccurrences,
    TooManyOccurrences,
    UnboundedRRule,
)

MAX_OCCURRENCES = 260  # weekly for five years
MAX_SPAN = timedelta(days=3653)  # ten years
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
KEYS = (
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "BYWEEKNO",
    "BYYEARDAY",
    "WKST",
)
UNTIL_RE = re.compile(r"^(\d{8})(?:T(\d{6})(Z?))?$")
VALUE_RE = re.compile(r"^[A-Z0-9,+-]{1,100}$")


def local_start(start_date: date, start_time: time, tzid: str) -> datetime:
    return datetime.combine(start_date, start_time, tzinfo=ZoneInfo(tzid))


def ends_at(start: datetime, minutes: int) -> datetime:
    """The end of a meeting starting at ``start`` (aware) and lasting ``minutes`` of real
    time, in ``start``'s zone. Adding a timedelta to an aware datetime adds wall-clock
    time, which is wrong across a daylight-saving change: 02:30 + 90 minutes on the
    spring-forward day would end at 04:00, half an hour after the real start at 03:30."""
    return (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(start.tzinfo)


def _parts(text: str) -> dict[str, str]:
    text = (text or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    if not text or "\n" in text or ":" in text:
        raise InvalidRRule()
    parts: dict[str, str] = {}
    for chunk in text.split(";"):
        key, sep, value = chunk.partition("=")
        key = key.strip().upper()
        value = value.strip().upper()
        if not sep or key not in KEYS or key in parts or not VALUE_RE.match(value):
            raise InvalidRRule(
                _("The recurrence rule has an unknown, repeated or malformed part: %(part)s.")
                % {"part": chunk[:40]}
            )
        parts[key] = value
    if parts.get("FREQ") not in FREQUENCIES:
        raise InvalidRRule(_("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY."))
    return parts


def _until_utc(value: str, zone: ZoneInfo) -> datetime:
    """UNTIL as given (a date, a local date-time, or UTC with Z) as a UTC datetime. A date
    means the end of that day in the series' zone."""
    match = UNTIL_RE.match(value)
    if not match:
        raise InvalidRRule(_("UNTIL must look like 20271231 or 20271231T235959Z."))
    day, clock, utc = match.groups()
    clock = clock or "235959"
    numbers = (day[:4], day[4:6], day[6:], clock[:2], clock[2:4], clock[4:])
    try:
        moment = datetime(*(int(n) for n in numbers), tzinfo=UTC if utc else zone)
    except ValueError as exc:
        raise InvalidRRule(_("UNTIL is not a real date.")) from exc
    return moment.astimezone(UTC)


def _format(parts: dict[str, str]) -> str:
    return ";".join(f"{key}={parts[key]}" for key in KEYS if key in parts)


def _expand(parts: dict[str, str], start: datetime) -> list[datetime]:
    """Occurrences of ``parts`` from ``start`` (aware, local), at most one more than
    MAX_OCCURRENCES, never beyond MAX_SPAN."""
    bound = start.astimezone(UTC) + MAX_SPAN
    until = _until_utc(parts["UNTIL"], start.tzinfo) if "UNTIL" in parts else bound
    bounded = {k: v for k, v in parts.items() if k not in ("COUNT", "UNTIL")}
    bounded["UNTIL"] = min(until, bound).strftime("%Y%m%dT%H%M%SZ")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            rule = rrulestr(_format(bounded), dtstart=start)
            found = []
            for moment in rule:
                found.append(moment)
                if len(found) > MAX_OCCURRENCES:
                    break
    except (ValueError, TypeError, OverflowError, IndexError, Warning) as exc:
        raise InvalidRRule() from exc
    if "COUNT" in parts:
        count = int(parts["COUNT"])
        if count > MAX_OCCURRENCES:
            raise TooManyOccurrences(extra={"max_occurrences": MAX_OCCURRENCES})
        if len(found) < count and until == bound:
            # COUNT reaches beyond the span we are willing to expand.
            raise UnboundedRRule()
        found = found[:count]
    return found


def normalise(text: str, *, start: datetime) -> str:
    """Check an RRULE value for a series starting at ``start`` (aware, local) and return
    it in a canonical form with UNTIL in UTC (as RFC 5545 requires with a TZID start).

    Raises InvalidRRule (syntax, FREQ finer than daily, DTSTART or other lines inside),
    UnboundedRRule (no UNTIL or COUNT, or past ten years), TooManyOccurrences,
    NoOccurrences."""
    parts = _parts(text)
    if "COUNT" in parts and "UNTIL" in parts:
        raise InvalidRRule(_("Give UNTIL or COUNT, not both."))
    if "COUNT" not in parts and "UNTIL" not in parts:
        raise UnboundedRRule()
    if "COUNT" in parts:
        if not parts["COUNT"].isdigit() or int(parts["COUNT"]) < 1:
            raise InvalidRRule(_("COUNT must be a positive whole number."))
    else:
        until = _until_utc(parts["UNTIL"], start.tzinfo)
        if until - start.astimezone(UTC) > MAX_SPAN:
            raise UnboundedRRule()
        parts["UNTIL"] = until.strftime("%Y%m%dT%H%M%SZ")
    if "INTERVAL" in parts and not (parts["INTERVAL"].isdigit() and 1 <= int(parts["INTERVAL"])):
        raise InvalidRRule(_("INTERVAL must be a positive whole number."))
    found = _expand(parts, start)
    if len(found) > MAX_OCCURRENCES:
        raise TooManyOccurrences(extra={"max_occurrences": MAX_OCCURRENCES})
    if not found:
        raise NoOccurrences()
    return _format(parts)


def occurrences(rrule: str, *, start: datetime) -> list[datetime]:
    """Every occurrence (aware, in the series' zone, as wall-clock times: one inside a
    spring-forward gap names the instant after the gap) of a normalised rule."""
    return _expand(_parts(rrule), start)[:MAX_OCCURRENCES]


def ending_before(rrule: str, moment: datetime) -> str:
    """The rule cut so that its last occurrence is before ``moment`` (UNTIL one second
    earlier, replacing COUNT)."""
    parts = _parts(rrule)
    parts.pop("COUNT", None)
    parts["UNTIL"] = (moment.astimezone(UTC) - timedelta(seconds=1)).strftime("%Y%m%dT%H%M%SZ")
    return _format(parts)


def with_count(rrule: str, count: int) -> str:
    parts = _parts(rrule)
    parts.pop("UNTIL", None)
    parts["COUNT"] = str(count)
    return _format(parts)


def has_count(rrule: str) -> int | None:
    value = _parts(rrule).get("COUNT")
    return int(value) if value else None
