"""Hostile text in titles, descriptions and places never breaks the file: one VEVENT, the
text back exactly (CR and CRLF become the one line break TEXT has), lines of at most 75
octets ending in CRLF. Through the same event → item → bytes path the feeds use."""

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events_api.calendars.event_items import event_item
from events_api.calendars.ical import build_calendar
from events_api.calendars.text import normalise_text
from events_api.events.models import Event
from tests.calendars.helpers import vevents
from tests.factories import NEW_YORK

HOSTILE = [
    "\r",
    "\n",
    "\r\n",
    "\n\r",
    ";",
    ",",
    "\\",
    "\\n",
    "\\,",
    ":",
    '"',
    "😀",
    "👨‍👩‍👧",
    "é",
    "\t",
    " ",
]
# Any printable text (no control characters but TAB, CR and LF), mixed with the pieces
# that break naive writers.
text_pieces = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=30),
)
hostile_text = st.lists(text_pieces, max_size=40).map("".join).map(lambda s: s[:500])


def expected(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def an_event(title: str, description: str, room: str, address: str) -> Event:
    starts = datetime(2027, 3, 6, 10, tzinfo=NEW_YORK)
    return Event(
        id=41,
        title={"en": title},
        description={"en": description},
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        timezone="America/New_York",
        room=room,
        address=address,
        status="published",
        version=2,
        updated_at=datetime(2026, 12, 1, tzinfo=UTC),
    )


def assert_well_formed(data: bytes) -> None:
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    for line in lines:
        assert b"\r" not in line and b"\n" not in line
        assert len(line) <= 75, line
        line.decode()  # every physical line is whole UTF-8: no character split by a fold


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile_text, description=hostile_text, room=hostile_text, address=hostile_text)
def test_hostile_text_round_trips_in_one_well_formed_vevent(title, description, room, address):
    event = an_event(title, description, room, address)
    item = event_item(event)

    data = build_calendar([item], name=title or "x")

    assert_well_formed(data)
    (parsed,) = vevents(data)
    assert str(parsed.get("SUMMARY", "")) == expected(title)
    assert str(parsed.get("DESCRIPTION", "")) == expected(description)
    assert str(parsed.get("LOCATION", "")) == expected(item.location)
    assert str(parsed["UID"]) == item.uid


def test_a_500_character_title_of_emoji_and_escapes_round_trips():
    title = ("😀;,\\\r\n" * 100)[:500]

    data = build_calendar([event_item(an_event(title, title, title, ""))], name=title)

    assert_well_formed(data)
    (parsed,) = vevents(data)
    assert str(parsed["SUMMARY"]) == expected(title)
    assert str(parsed["DESCRIPTION"]) == expected(title)


def test_control_characters_text_cannot_carry_are_dropped():
    assert normalise_text("a\x00b\x07c\x1bd\x7fe\tf\r\ng\rh") == "abcde\tf\ng\nh"

    data = build_calendar([event_item(an_event("Bell\x07 night\x00", "", "", ""))], name="x")

    (parsed,) = vevents(data)
    assert str(parsed["SUMMARY"]) == "Bell night"
