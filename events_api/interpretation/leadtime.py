"""The interpretation lead time in business days: pure functions of dates.

A request is on time when it is made on or before the day that lies ``days`` business
days before the event's day (both in the event's time zone); weekends and US federal
holidays are not business days. With 10 days, an event on Monday 15 March 2027 must be
asked for by Monday 1 March; a request on 2 March is accepted but late."""

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings


@lru_cache(maxsize=32)
def _federal_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("US", years=[year]))


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _federal_holidays(day.year)


def business_days_before(day: date, days: int) -> date:
    """The date ``days`` business days before ``day`` (``day`` itself when 0)."""
    counted = 0
    while counted < days:
        day -= timedelta(days=1)
        if is_business_day(day):
            counted += 1
    return day


def lead_days_for(event) -> int:
    if event.interpretation_lead_days is not None:
        return event.interpretation_lead_days
    return settings.INTERPRETATION_LEAD_BUSINESS_DAYS


def request_deadline(event) -> date:
    """The last day (in the event's zone) a request is on time."""
    local_day = event.starts_at.astimezone(ZoneInfo(event.timezone)).date()
    return business_days_before(local_day, lead_days_for(event))


def is_late(event, requested_at: datetime) -> bool:
    requested_day = requested_at.astimezone(ZoneInfo(event.timezone)).date()
    return requested_day > request_deadline(event)
