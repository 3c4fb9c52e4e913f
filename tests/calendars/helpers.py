from datetime import datetime

import icalendar
import recurring_ical_events


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def vevents(data: bytes) -> list:
    return parse(data).walk("VEVENT")


def expand(data: bytes, start: datetime, end: datetime) -> list:
    """Occurrences between ``start`` and ``end`` as a calendar app would show them."""
    return list(recurring_ical_events.of(parse(data)).between(start, end))
