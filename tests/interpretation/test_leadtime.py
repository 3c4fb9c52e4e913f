"""The lead-time rule at its exact boundary, in business days (weekends and US federal
holidays skipped), in the event's time zone, with the per-event override."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events_api.events.models import Event
from events_api.interpretation.leadtime import business_days_before, is_late, request_deadline
from events_api.interpretation.models import InterpreterRequest
from tests.factories import EventFactory

NY = ZoneInfo("America/New_York")


def event_on(day: date, lead_days=None, tz="America/New_York") -> Event:
    """An unsaved event at 10:00 local time on ``day`` (the rule needs no database)."""
    starts = datetime(day.year, day.month, day.day, 10, tzinfo=ZoneInfo(tz))
    return Event(
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        timezone=tz,
        interpretation_lead_days=lead_days,
    )


def test_ten_business_days_skip_weekends():
    # Monday 15 March 2027: ten business days back is Monday 1 March.
    assert business_days_before(date(2027, 3, 15), 10) == date(2027, 3, 1)


def test_federal_holidays_are_not_business_days():
    # Presidents' Day (Monday 15 February 2027) does not count, so the deadline for
    # Tuesday 23 February is Monday 8 February, not Tuesday 9 February.
    assert business_days_before(date(2027, 2, 23), 10) == date(2027, 2, 8)


def test_zero_days_means_the_event_day_itself():
    assert business_days_before(date(2027, 3, 15), 0) == date(2027, 3, 15)


@pytest.mark.parametrize(
    ("requested_at", "late"),
    [
        (datetime(2027, 3, 1, 0, 0, tzinfo=NY), False),
        (datetime(2027, 3, 1, 23, 59, 59, tzinfo=NY), False),
        (datetime(2027, 3, 2, 0, 0, tzinfo=NY), True),
        # 03:30 UTC on 2 March is still 1 March in New York: on time.
        (datetime(2027, 3, 2, 3, 30, tzinfo=ZoneInfo("UTC")), False),
        (datetime(2027, 3, 2, 5, 0, 1, tzinfo=ZoneInfo("UTC")), True),
        (datetime(2027, 2, 26, 12, 0, tzinfo=NY), False),
    ],
)
def test_boundary_with_the_default_of_ten_business_days(requested_at, late):
    assert is_late(event_on(date(2027, 3, 15)), requested_at) is late


@pytest.mark.parametrize(
    ("requested_day", "late"), [(date(2027, 2, 8), False), (date(2027, 2, 9), True)]
)
def test_boundary_across_a_federal_holiday(requested_day, late):
    requested_at = datetime(
        requested_day.year, requested_day.month, requested_day.day, 17, tzinfo=NY
    )
    assert is_late(event_on(date(2027, 2, 23)), requested_at) is late


def test_an_event_overrides_the_deployment_lead_time():
    event = event_on(date(2027, 3, 15), lead_days=3)
    assert request_deadline(event) == date(2027, 3, 10)
    assert is_late(event, datetime(2027, 3, 10, 18, tzinfo=NY)) is False
    assert is_late(event, datetime(2027, 3, 11, 9, tzinfo=NY)) is True


def test_the_deployment_setting_is_the_default(settings):
    settings.INTERPRETATION_LEAD_BUSINESS_DAYS = 2
    event = event_on(date(2027, 3, 15))
    assert request_deadline(event) == date(2027, 3, 11)


@pytest.mark.django_db
def test_api_accepts_a_late_request_and_flags_it(coordinator_api):
    soon = EventFactory(starts_at=timezone.now() + timedelta(days=3))
    later = EventFactory(starts_at=timezone.now() + timedelta(days=60))
    override = EventFactory(
        starts_at=timezone.now() + timedelta(days=3), interpretation_lead_days=0
    )
    answers = {
        event.pk: coordinator_api.post(
            "/api/v1/interpreter-requests/",
            {"event": event.pk, "language": "bn", "mode": "in_person", "people": 2},
        )
        for event in (soon, later, override)
    }
    assert {pk: (r.status_code, r.json()["late"]) for pk, r in answers.items()} == {
        soon.pk: (201, True),
        later.pk: (201, False),
        override.pk: (201, False),
    }
    assert InterpreterRequest.objects.filter(late=True).count() == 1
