"""Recurrence rules: expanded in the series' own zone, always bounded, refused with clear
codes when they are not."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from committees import recurrence
from committees.errors import InvalidRRule, NoOccurrences, TooManyOccurrences, UnboundedRRule

NEW_YORK = ZoneInfo("America/New_York")
START = recurrence.local_start(date(2027, 1, 12), time(18, 0), "America/New_York")


def test_monthly_second_tuesday_keeps_six_pm_across_both_dst_changes():
    rule = recurrence.normalise("FREQ=MONTHLY;BYDAY=2TU;COUNT=12", start=START)
    found = recurrence.occurrences(rule, start=START)
    assert [m.date() for m in found] == [
        date(2027, 1, 12),
        date(2027, 2, 9),
        date(2027, 3, 9),
        date(2027, 4, 13),
        date(2027, 5, 11),
        date(2027, 6, 8),
        date(2027, 7, 13),
        date(2027, 8, 10),
        date(2027, 9, 14),
        date(2027, 10, 12),
        date(2027, 11, 9),
        date(2027, 12, 14),
    ]
    assert {m.astimezone(NEW_YORK).time() for m in found} == {time(18, 0)}
    # In UTC the meeting moves: 23:00 in winter, 22:00 in summer (DST on 14 March, off
    # on 7 November 2027).
    utc_hours = [m.astimezone(UTC).hour for m in found]
    assert utc_hours == [23, 23, 23, 22, 22, 22, 22, 22, 22, 22, 23, 23]


def test_until_as_a_local_date_means_the_end_of_that_day_and_is_stored_in_utc():
    rule = recurrence.normalise("RRULE:freq=monthly;byday=2TU;until=20270309", start=START)
    assert rule == "FREQ=MONTHLY;UNTIL=20270310T045959Z;BYDAY=2TU"
    assert len(recurrence.occurrences(rule, start=START)) == 3


@pytest.mark.parametrize(
    ("rule", "error"),
    [
        ("FREQ=MONTHLY;BYDAY=2TU", UnboundedRRule),
        ("FREQ=WEEKLY;UNTIL=20500101T000000Z", UnboundedRRule),
        ("FREQ=DAILY;COUNT=1000", TooManyOccurrences),
        ("FREQ=DAILY;UNTIL=20281231", TooManyOccurrences),
        ("FREQ=HOURLY;COUNT=3", InvalidRRule),
        ("FREQ=MONTHLY;COUNT=3;UNTIL=20271231", InvalidRRule),
        ("FREQ=MONTHLY;BYDAY=2TU;COUNT=3\nRDATE:20270101", InvalidRRule),
        ("DTSTART:20270101T000000\nRRULE:FREQ=DAILY;COUNT=2", InvalidRRule),
        ("FREQ=MONTHLY;BYDAY=9XX;COUNT=3", InvalidRRule),
        ("FREQ=MONTHLY;COUNT=0", InvalidRRule),
        ("FREQ=MONTHLY;UNTIL=20271340", InvalidRRule),
        ("not a rule", InvalidRRule),
        ("", InvalidRRule),
        ("FREQ=MONTHLY;UNTIL=20261231", NoOccurrences),
    ],
)
def test_bad_rules_are_refused_with_their_own_code(rule, error):
    with pytest.raises(error):
        recurrence.normalise(rule, start=START)


def test_a_rule_that_never_matches_is_refused_quickly():
    # 30 February never happens: the bounded expansion gives up after ten years.
    with pytest.raises(UnboundedRRule):
        recurrence.normalise("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=2", start=START)
    with pytest.raises(NoOccurrences):
        recurrence.normalise("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;UNTIL=20300101", start=START)


def test_cutting_a_rule_before_an_occurrence():
    rule = recurrence.normalise("FREQ=MONTHLY;BYDAY=2TU;COUNT=12", start=START)
    cut = recurrence.ending_before(rule, datetime(2027, 5, 11, 18, tzinfo=NEW_YORK))
    assert cut == "FREQ=MONTHLY;UNTIL=20270511T215959Z;BYDAY=2TU"
    assert [m.month for m in recurrence.occurrences(cut, start=START)] == [1, 2, 3, 4]
