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


REQUEST_ORIGIN = "events_api.calendars.middleware.RequestOriginMiddleware"


def with_request_origin(settings) -> None:
    """Links follow the request's origin only through RequestOriginMiddleware: make sure it
    is installed (tests/events/test_links.py checks that settings install it)."""
    if REQUEST_ORIGIN not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [settings.MIDDLEWARE[0], REQUEST_ORIGIN, *settings.MIDDLEWARE[1:]]
