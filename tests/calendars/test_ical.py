"""The builder on its own: CalendarItems in, RFC 5545 bytes out, no database, no HTTP."""

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from events_api.calendars.ical import build_calendar
from events_api.calendars.text import fold
from tests.calendars.factories import CalendarItemFactory
from tests.calendars.helpers import expand, parse, vevents
from tests.factories import NEW_YORK

WINDOW = (datetime(2026, 12, 1, tzinfo=UTC), datetime(2027, 12, 31, tzinfo=UTC))


def build(items, **kwargs):
    kwargs.setdefault("name", "Test calendar")
    kwargs.setdefault("window", WINDOW)
    return build_calendar(items, **kwargs)


def weekly_series(**kwargs):
    """Tuesdays 19:00 New York from 5 January to 28 December 2027 (local UNTIL)."""
    return CalendarItemFactory(
        uid="series-1@test.invalid",
        summary="Welcoming committee",
        rrule="FREQ=WEEKLY;BYDAY=TU;UNTIL=20271228T190000",
        **kwargs,
    )


def test_calendar_properties_name_refresh_and_ttl():
    calendar = parse(build([CalendarItemFactory()], name="Summit 2027"))

    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Open Doors//Calendars 1.0//EN"
    assert str(calendar["X-WR-CALNAME"]) == "Summit 2027"
    assert str(calendar["NAME"]) == "Summit 2027"
    assert calendar["REFRESH-INTERVAL"].dt == timedelta(hours=6)
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert calendar["X-PUBLISHED-TTL"].to_ical() == b"PT6H"


def test_one_item_has_every_required_property():
    item = CalendarItemFactory(
        uid="event-7@example.org",
        summary="Family night",
        description="Food and friends",
        location="Room 101, P.S. 1",
        url="https://example.org/events/7",
        sequence=3,
    )

    (event,) = vevents(build([item]))

    assert str(event["UID"]) == "event-7@example.org"
    assert event["DTSTAMP"].dt == datetime(2026, 12, 1, 12, tzinfo=UTC)
    assert event["LAST-MODIFIED"].dt == datetime(2026, 12, 1, 12, tzinfo=UTC)
    assert event["SEQUENCE"] == 3
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event["DTSTART"].dt == datetime(2027, 1, 5, 19, tzinfo=NEW_YORK)
    assert event["DTEND"].dt == datetime(2027, 1, 5, 20, tzinfo=NEW_YORK)
    assert str(event["SUMMARY"]) == "Family night"
    assert str(event["DESCRIPTION"]) == "Food and friends"
    assert str(event["LOCATION"]) == "Room 101, P.S. 1"
    assert str(event["URL"]) == "https://example.org/events/7"


def test_dtstamp_is_the_build_time_when_an_item_has_no_last_modified():
    now = datetime(2026, 11, 1, 8, 30, tzinfo=UTC)

    (event,) = vevents(build([CalendarItemFactory(last_modified=None)], now=now))

    assert event["DTSTAMP"].dt == now
    assert "LAST-MODIFIED" not in event


def test_times_are_written_in_the_items_zone_even_when_given_in_utc():
    starts = datetime(2027, 7, 1, 23, tzinfo=UTC)  # 19:00 in New York (EDT)
    item = CalendarItemFactory(starts_at=starts, ends_at=starts + timedelta(hours=2))

    data = build([item])

    assert b"DTSTART;TZID=America/New_York:20270701T190000\r\n" in data
    assert b"DTEND;TZID=America/New_York:20270701T210000\r\n" in data


def test_utc_items_are_written_in_utc_without_a_vtimezone():
    starts = datetime(2027, 2, 1, 15, tzinfo=UTC)
    item = CalendarItemFactory(tzid="UTC", starts_at=starts, ends_at=starts + timedelta(hours=1))

    data = build([item])

    assert b"DTSTART:20270201T150000Z\r\n" in data
    assert parse(data).walk("VTIMEZONE") == []


def test_one_vtimezone_per_zone_with_yearly_rules_and_no_rdate():
    tokyo = ZoneInfo("Asia/Tokyo")
    items = [
        CalendarItemFactory(),
        CalendarItemFactory(),
        CalendarItemFactory(
            tzid="Asia/Tokyo",
            starts_at=datetime(2027, 5, 1, 10, tzinfo=tokyo),
            ends_at=datetime(2027, 5, 1, 11, tzinfo=tokyo),
        ),
    ]

    data = build(items)

    # The form most servers write and every common parser reads alike: one observance per
    # rule, DTSTART + yearly RRULE, from a year before the range (2026-12-01 to 2027-12-31).
    assert (
        b"BEGIN:VTIMEZONE\r\n"
        b"TZID:America/New_York\r\n"
        b"X-LIC-LOCATION:America/New_York\r\n"
        b"BEGIN:DAYLIGHT\r\n"
        b"DTSTART:20250309T020000\r\n"
        b"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
        b"TZOFFSETFROM:-0500\r\n"
        b"TZOFFSETTO:-0400\r\n"
        b"TZNAME:EDT\r\n"
        b"END:DAYLIGHT\r\n"
        b"BEGIN:STANDARD\r\n"
        b"DTSTART:20251102T020000\r\n"
        b"RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"
        b"TZOFFSETFROM:-0400\r\n"
        b"TZOFFSETTO:-0500\r\n"
        b"TZNAME:EST\r\n"
        b"END:STANDARD\r\n"
        b"END:VTIMEZONE\r\n"
    ) in data
    assert (
        b"BEGIN:VTIMEZONE\r\n"
        b"TZID:Asia/Tokyo\r\n"
        b"X-LIC-LOCATION:Asia/Tokyo\r\n"
        b"BEGIN:STANDARD\r\n"
        b"DTSTART:20250101T000000\r\n"
        b"TZOFFSETFROM:+0900\r\n"
        b"TZOFFSETTO:+0900\r\n"
        b"TZNAME:JST\r\n"
        b"END:STANDARD\r\n"
        b"END:VTIMEZONE\r\n"
    ) in data
    assert data.count(b"BEGIN:VTIMEZONE") == 2
    assert b"RDATE" not in data


def test_a_file_with_no_items_is_still_a_valid_calendar():
    calendar = parse(build([]))

    assert calendar.walk("VEVENT") == []
    assert str(calendar["X-WR-CALNAME"]) == "Test calendar"


def test_cancelled_items_stay_in_the_feed_marked_cancelled():
    (event,) = vevents(build([CalendarItemFactory(status="CANCELLED", sequence=4)]))

    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 4


def test_naive_datetimes_and_unknown_statuses_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        build([CalendarItemFactory(starts_at=datetime(2027, 1, 5, 19))])
    with pytest.raises(ValueError, match="status"):
        build([CalendarItemFactory(status="MAYBE")])


# --- Series -----------------------------------------------------------------------------


def test_until_is_written_in_utc_when_dtstart_has_a_tzid():
    (event,) = vevents(build([weekly_series()]))

    until = event["RRULE"]["UNTIL"][0]
    # 19:00 EST on 28 December is 00:00 UTC on the 29th.
    assert until == datetime(2027, 12, 29, 0, 0, tzinfo=UTC)
    assert b"UNTIL=20271229T000000Z" in build([weekly_series()])


def test_a_date_until_means_the_end_of_that_local_day():
    item = replace(weekly_series(), rrule="FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126")

    data = build([item])

    assert b"UNTIL=20270127T045959Z" in data
    occurrences = expand(data, datetime(2027, 1, 1), datetime(2027, 3, 1))
    assert [o["DTSTART"].dt.day for o in occurrences] == [5, 12, 19, 26]


def test_weekly_series_keeps_19_00_local_across_both_2027_dst_changes():
    data = build([weekly_series()])

    occurrences = expand(data, datetime(2027, 1, 1), datetime(2028, 1, 1))

    assert len(occurrences) == 52
    local_times = {o["DTSTART"].dt.astimezone(NEW_YORK).time() for o in occurrences}
    assert local_times == {time(19, 0)}
    offsets = {o["DTSTART"].dt.astimezone(NEW_YORK).utcoffset() for o in occurrences}
    assert offsets == {timedelta(hours=-5), timedelta(hours=-4)}
    by_day = {o["DTSTART"].dt.date(): o["DTSTART"].dt for o in occurrences}
    # The Tuesdays either side of each change, at 19:00 local: the UTC hour moves instead.
    assert by_day[date(2027, 3, 9)].astimezone(UTC).hour == 0  # EST: 00:00 UTC next day
    assert by_day[date(2027, 3, 16)].astimezone(UTC).hour == 23  # EDT
    assert by_day[date(2027, 11, 2)].astimezone(UTC).hour == 23  # EDT
    assert by_day[date(2027, 11, 9)].astimezone(UTC).hour == 0  # EST


def test_series_with_exdates_moved_and_cancelled_occurrences():
    first = datetime(2027, 1, 5, 19, tzinfo=NEW_YORK)
    series = weekly_series(exdates=(first + timedelta(weeks=1),), sequence=2)
    moved = CalendarItemFactory(
        uid=series.uid,
        summary="Welcoming committee (moved to 20:00)",
        recurrence_id=first + timedelta(weeks=2),
        starts_at=first + timedelta(weeks=2, hours=1),
        ends_at=first + timedelta(weeks=2, hours=2),
        sequence=2,
    )
    cancelled = CalendarItemFactory(
        uid=series.uid,
        summary="Welcoming committee",
        recurrence_id=first + timedelta(weeks=3),
        starts_at=first + timedelta(weeks=3),
        ends_at=first + timedelta(weeks=3, hours=1),
        status="CANCELLED",
        sequence=2,
    )

    data = build([series, moved, cancelled])

    raw = vevents(data)
    assert [str(e["UID"]) for e in raw] == [series.uid] * 3
    assert b"EXDATE;TZID=America/New_York:20270112T190000\r\n" in data
    assert b"RECURRENCE-ID;TZID=America/New_York:20270119T190000\r\n" in data
    occurrences = expand(data, datetime(2027, 1, 1), datetime(2027, 2, 10))
    seen = [
        (o["DTSTART"].dt.astimezone(NEW_YORK).strftime("%m-%d %H:%M"), str(o["STATUS"]))
        for o in occurrences
    ]
    assert seen == [
        ("01-05 19:00", "CONFIRMED"),  # 12 January is excluded
        ("01-19 20:00", "CONFIRMED"),  # moved an hour later
        ("01-26 19:00", "CANCELLED"),  # shown, as cancelled
        ("02-02 19:00", "CONFIRMED"),
        ("02-09 19:00", "CONFIRMED"),
    ]


def test_a_one_off_item_beside_a_series_is_a_plain_vevent():
    one_off = CalendarItemFactory(uid="meeting-9@test.invalid", summary="Special meeting")

    (series_event, plain) = vevents(build([weekly_series(), one_off]))

    assert "RRULE" in series_event
    assert "RRULE" not in plain
    assert "RECURRENCE-ID" not in plain


# --- Lines ------------------------------------------------------------------------------


def test_every_line_is_at_most_75_octets_and_ends_in_crlf():
    long_text = "Reunión de bienvenida 😀 " * 40 + "\\" * 101 + ";," * 50
    item = CalendarItemFactory(summary=long_text, description=long_text, location=long_text)

    data = build([item])

    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    (event,) = vevents(data)
    assert str(event["SUMMARY"]) == long_text


@pytest.mark.parametrize(
    "line",
    [
        "X" * 74,
        "X" * 75,
        "X" * 76,
        "SUMMARY:" + "é" * 100,
        "SUMMARY:" + "😀" * 100,
        "SUMMARY:" + "a\\n" * 60,
        "SUMMARY:" + "\\\\" * 80,
    ],
)
def test_fold_keeps_characters_and_escapes_whole(line):
    folded = fold(line)

    physical = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert "".join([physical[0], *(part[1:] for part in physical[1:])]) == line
    for part in physical[:-1]:
        # No physical line ends inside a backslash escape.
        trailing = len(part) - len(part.rstrip("\\"))
        assert trailing % 2 == 0


@pytest.mark.parametrize("tzid", ["US/Eastern", "Europe/Kyiv", "America/Port-au-Prince"])
def test_every_tzid_used_has_its_vtimezone(tzid):
    zone = ZoneInfo(tzid)
    starts = datetime(2027, 6, 1, 18, tzinfo=zone)
    item = CalendarItemFactory(tzid=tzid, starts_at=starts, ends_at=starts + timedelta(hours=1))

    calendar = parse(build([item]))

    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [tzid]
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == tzid
    assert event["DTSTART"].dt == starts
    assert calendar.get_missing_tzids() == set()
