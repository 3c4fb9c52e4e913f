"""Feeds read by two independent parsers the way calendar apps read them: ical.js (the
JavaScript parser web calendar clients use) and icalendar + recurring-ical-events (Python,
dateutil's rrule expansion). Both must see a monthly 18:00 New York meeting at 18:00 local
all year: 23:00Z in winter, 22:00Z in summer. ical.js skips an observance's DTSTART onset
when the observance also has an RDATE (libical #156), which put such a meeting at 17:00
from November to March.

ical.js comes from frontend/node_modules (a devDependency of the frontend, installed by
``npm ci``; ``ICAL_JS`` may point at another copy); without it, or without node, these tests
fail rather than skip."""

import json
import os
import shutil
import subprocess
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar

from events_api.calendars.ical import build_calendar
from tests.calendars.factories import CalendarItemFactory

ROOT = Path(__file__).resolve().parents[2]
# ICAL_JS may name another build of it (to try a version before the frontend takes it).
ICAL_JS = Path(
    os.environ.get("ICAL_JS") or ROOT / "frontend" / "node_modules" / "ical.js" / "dist" / "ical.js"
)
EXPAND = Path(__file__).with_name("icaljs_expand.mjs")
NEW_YORK = ZoneInfo("America/New_York")
# Second Tuesday of each month, September 2026 to August 2027, 18:00 New York. Summer
# time ends on 1 November 2026 and starts again on 14 March 2027.
SERIES_START = datetime(2026, 9, 8, 18, tzinfo=NEW_YORK)
EXPECTED_UTC = [
    "2026-09-08T22:00:00Z",
    "2026-10-13T22:00:00Z",
    "2026-11-10T23:00:00Z",
    "2026-12-08T23:00:00Z",
    "2027-01-12T23:00:00Z",
    "2027-02-09T23:00:00Z",
    "2027-03-09T23:00:00Z",
    "2027-04-13T22:00:00Z",
    "2027-05-11T22:00:00Z",
    "2027-06-08T22:00:00Z",
    "2027-07-13T22:00:00Z",
    "2027-08-10T22:00:00Z",
]


def icaljs(data: bytes, until: str = "2028-01-01T00:00:00Z") -> list[dict]:
    node = shutil.which("node")
    assert node, "node is needed to check feeds with ical.js; install Node.js."
    assert ICAL_JS.exists(), (
        f"{ICAL_JS} is missing: ical.js is a devDependency of the frontend; run "
        "`npm ci` in frontend/ (make test does)."
    )
    result = subprocess.run(
        [node, str(EXPAND), str(ICAL_JS), until],
        input=data,
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def python_parser(data: bytes, start: datetime, end: datetime) -> list:
    """icalendar + recurring-ical-events, made to use the feed's own VTIMEZONE: the zone
    is renamed to one zoneinfo does not know, or icalendar would look the name up."""
    renamed = data.replace(b"America/New_York", b"Feed-Only/Zone")
    return list(recurring_ical_events.of(Calendar.from_ical(renamed)).between(start, end))


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def monthly_feed() -> bytes:
    series = CalendarItemFactory(
        uid="series@test.invalid",
        starts_at=SERIES_START,
        ends_at=SERIES_START + timedelta(hours=1, minutes=30),
        rrule="FREQ=MONTHLY;BYDAY=2TU;COUNT=12",
    )
    # A personal feed's range: 30 days back to a year ahead.
    window = (datetime(2026, 8, 9, tzinfo=UTC), datetime(2027, 8, 10, tzinfo=UTC))
    return build_calendar([series], name="Committee", window=window)


def test_icaljs_sees_a_monthly_18_00_meeting_at_18_00_all_winter():
    occurrences = icaljs(monthly_feed())

    assert [o["start"] for o in occurrences] == EXPECTED_UTC
    assert {o["end"][11:] for o in occurrences} == {"23:30:00Z", "00:30:00Z"}


def test_the_python_parser_reads_the_feeds_own_timezone_the_same():
    found = python_parser(
        monthly_feed(), datetime(2026, 9, 1, tzinfo=UTC), datetime(2027, 9, 1, tzinfo=UTC)
    )

    assert [utc(event["DTSTART"].dt) for event in found] == EXPECTED_UTC
    assert {event["DTSTART"].dt.tzinfo.tzname(event["DTSTART"].dt) for event in found} == {
        "EDT",
        "EST",
    }


def test_plain_events_in_winter_and_summer_read_alike():
    winter = datetime(2027, 1, 19, 18, tzinfo=NEW_YORK)
    summer = datetime(2027, 7, 20, 18, tzinfo=NEW_YORK)
    items = [
        CalendarItemFactory(uid=f"{name}@test.invalid", starts_at=start)
        for name, start in (("winter", winter), ("summer", summer))
    ]
    data = build_calendar(items, name="Events")

    assert {o["uid"]: o["start"] for o in icaljs(data)} == {
        "winter@test.invalid": "2027-01-19T23:00:00Z",
        "summer@test.invalid": "2027-07-20T22:00:00Z",
    }
    found = python_parser(data, datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))
    assert [utc(event["DTSTART"].dt) for event in found] == [
        "2027-01-19T23:00:00Z",
        "2027-07-20T22:00:00Z",
    ]


@pytest.mark.django_db
def test_a_committee_feed_reads_in_icaljs_as_its_meetings(api):
    """The whole path: a series across the winter, one meeting cancelled and one moved,
    served at /calendar/committees/{id}.ics and expanded by ical.js."""
    from committees.models import Meeting
    from committees.services import occurrences
    from committees.services import series as services
    from tests.committees.factories import chaired

    committee, _chair = chaired()
    series = services.create_series(
        committee=committee,
        title={"en": "Parent council"},
        rrule="FREQ=MONTHLY;BYDAY=2TU;COUNT=8",
        start_date=datetime(2026, 9, 1).date(),
        start_time=time(18),
    )
    meetings = list(Meeting.objects.filter(series=series).order_by("original_start"))
    occurrences.update_meeting(meeting=meetings[2], status="cancelled")
    moved = meetings[4].event.starts_at + timedelta(days=1)
    occurrences.update_meeting(
        meeting=meetings[4], starts_at=moved, ends_at=moved + timedelta(hours=1)
    )

    response = api.get(f"/calendar/committees/{committee.pk}.ics")

    assert response.status_code == 200
    seen = [(o["start"], o["status"]) for o in icaljs(response.content)]
    assert seen == [
        ("2026-09-08T22:00:00Z", "CONFIRMED"),
        ("2026-10-13T22:00:00Z", "CONFIRMED"),
        ("2026-11-10T23:00:00Z", "CANCELLED"),
        ("2026-12-08T23:00:00Z", "CONFIRMED"),
        ("2027-01-13T23:00:00Z", "CONFIRMED"),  # moved to the Wednesday
        ("2027-02-09T23:00:00Z", "CONFIRMED"),
        ("2027-03-09T23:00:00Z", "CONFIRMED"),
        ("2027-04-13T22:00:00Z", "CONFIRMED"),
    ]
