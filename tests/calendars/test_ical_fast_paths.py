"""The builder's shortcuts write exactly what the general path writes."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from events_api.calendars.ical import _compact, _text_line, _utc
from events_api.calendars.text import content_line, fold

MOMENTS = [
    datetime(2031, 3, 6, 10, 0, 0, tzinfo=UTC),
    datetime(1970, 1, 1, 0, 0, 0, 999999, tzinfo=UTC),
    datetime(2199, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-5))),
    datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC),
    datetime(5, 6, 7, 8, 9, 10, tzinfo=UTC),
]


@pytest.mark.parametrize("moment", MOMENTS)
def test_compact_times_are_what_strftime_writes(moment):
    assert _compact(moment) == moment.strftime("%Y%m%dT%H%M%S")
    if moment.year > 1:
        assert _utc(moment) == moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


@pytest.mark.parametrize(
    "text",
    [
        "Plain",
        "Commas, semicolons; back\\slash",
        "Line one\nLine two\r\nthree\rfour",
        "Tab\there, bell\x07, escape\x1b, delete\x7f",
        "Non-breaking\u00a0space, line\u2028separator, émoji 🎒 " * 4,
        "x" * 200,
        "",
    ],
)
def test_text_lines_are_what_content_line_writes(text):
    assert _text_line("DESCRIPTION", text) == fold(content_line("DESCRIPTION", text))
