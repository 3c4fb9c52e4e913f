"""VTIMEZONEs on their own: read back from the block alone (never from the zone's name),
they give the offsets zoneinfo gives, in every kind of zone."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Timezone

from events_api.calendars.vtimezone import vtimezone_lines

ZONES = [
    "America/New_York",  # second Sunday of March, first of November
    "Europe/London",  # last Sundays
    "Europe/Dublin",  # "negative DST": GMT in winter is flagged as DST -1h
    "Australia/Sydney",  # southern hemisphere
    "Australia/Lord_Howe",  # a half-hour shift
    "America/Santiago",  # "first Sunday on or after the 2nd": no yearly BYDAY rule fits
    "Africa/Casablanca",  # changes with Ramadan
    "Asia/Kolkata",  # no changes, a half-hour offset
    "Asia/Dhaka",
]


def read(tzid: str, first_year: int, last_year: int):
    """The zone as a parser that only has the block sees it."""
    text = "\r\n".join(vtimezone_lines(tzid, first_year, last_year)) + "\r\n"
    return Timezone.from_ical(text).to_tz(lookup_tzid=False)


def moments(start: datetime, end: datetime, step=timedelta(hours=5)):
    while start < end:
        yield start
        start += step


@pytest.mark.parametrize("tzid", ZONES)
def test_the_block_gives_zoneinfos_offsets_over_its_range(tzid):
    zone, read_back = ZoneInfo(tzid), read(tzid, 2026, 2028)

    wrong = [
        moment
        for moment in moments(datetime(2026, 1, 1, tzinfo=UTC), datetime(2029, 1, 1, tzinfo=UTC))
        if moment.astimezone(read_back).utcoffset() != moment.astimezone(zone).utcoffset()
    ]

    assert wrong == []


@pytest.mark.parametrize("tzid", ["America/New_York", "Europe/London", "Australia/Sydney"])
def test_rules_in_force_are_open_ended_and_hold_for_decades(tzid):
    lines = vtimezone_lines(tzid, 2026, 2028)
    zone, read_back = ZoneInfo(tzid), read(tzid, 2026, 2028)

    assert len([line for line in lines if line.startswith("RRULE:")]) == 2
    assert not any("UNTIL" in line or line.startswith("RDATE") for line in lines)
    wrong = [
        moment
        for moment in moments(datetime(2029, 1, 1, tzinfo=UTC), datetime(2050, 1, 1, tzinfo=UTC))
        if moment.astimezone(read_back).utcoffset() != moment.astimezone(zone).utcoffset()
    ]
    assert wrong == []


def test_a_rule_the_zone_does_not_keep_is_written_change_by_change():
    # Chile changes on the first Sunday on or after 2 April / 2 September: in 2028 that is
    # 2 April, but in 2029 (1 April is a Sunday) it is the 8th, so no BYDAY rule fits.
    lines = vtimezone_lines("America/Santiago", 2026, 2028)

    assert not any(line.startswith(("RRULE", "RDATE")) for line in lines)
    assert "DTSTART:20280402T000000" in lines


def test_negative_dst_reads_as_summer_time():
    lines = vtimezone_lines("Europe/Dublin", 2026, 2028)

    assert lines[3:10] == (
        "BEGIN:DAYLIGHT",
        "DTSTART:20250330T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "TZNAME:IST",
        "END:DAYLIGHT",
    )
