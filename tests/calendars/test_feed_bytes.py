"""The feeds' bytes for a fixed set of events, written down in full: loading the events as
plain rows (not model instances) must not change a byte of what the feeds said before."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from events_api.events.models import Event
from tests.calendars.factories import FeedTokenFactory
from tests.factories import (
    NEW_YORK,
    EventFactory,
    RegistrationFactory,
    SchoolFactory,
    SessionFactory,
    SummitFactory,
)

pytestmark = pytest.mark.django_db

MADRID = ZoneInfo("Europe/Madrid")
EDITED = datetime(2031, 1, 15, 9, 30, 15, 123456, tzinfo=UTC)
TOKEN = "golden-feed-token-0123456789abcdefghijklmnop"


def event(pk: int, **fields) -> Event:
    starts_at = fields.pop("starts_at")
    return EventFactory(
        id=pk, starts_at=starts_at, ends_at=starts_at + timedelta(minutes=90), **fields
    )


@pytest.fixture
def golden():
    """Five events of a 2031 summit, each a different case of place, language and text;
    the person of TOKEN registered for all, waitlisted for one."""
    school = SchoolFactory(name="P.S. 24 Dual Language", address="427 38th Street, Brooklyn")
    summit = SummitFactory(year=2031, title={"en": "Summit 2031", "es": "Cumbre 2031"})
    events = [
        event(
            101,
            title={"en": "Know your rights", "es": "Conozca sus derechos"},
            description={
                "en": "Bring: ID, proof of address; questions.\nInterpreters in the room, "
                "and a long line that has to be folded across several physical lines.",
                "es": "Traiga: identificación; preguntas. Intérpretes en la sala — "
                "y una línea larga con acentos (ñ, é, ü) y emoji 🎒 para doblar.",
            },
            school=school,
            address="",
            room="Library",
            online_url="https://meet.example.org/rights",
            starts_at=datetime(2031, 3, 6, 10, tzinfo=NEW_YORK),
        ),
        event(
            102,
            title={"en": "Enrollment clinic"},
            description={"en": ""},
            address="4004 4th Avenue, Brooklyn, NY 11232",
            room="  ",
            starts_at=datetime(2031, 3, 6, 12, tzinfo=NEW_YORK),
        ),
        event(
            103,
            title={"en": "Online Q&A", "es": "Preguntas en línea"},
            description={"en": "Ask anything"},
            address="",
            online_url="https://meet.example.org/qa",
            starts_at=datetime(2031, 3, 7, 18, tzinfo=MADRID),
            timezone="Europe/Madrid",
        ),
        event(
            104,
            title={"en": "Cancelled workshop", "es": "Taller cancelado"},
            description={"es": "Solo en español"},
            school=school,
            address="29 Fort Greene Place",
            room="Gym",
            status="cancelled",
            version=3,
            starts_at=datetime(2031, 3, 7, 15, tzinfo=UTC),
            timezone="UTC",
        ),
        event(
            105,
            title={"en": "Closing, with; specials \\ chars"},
            description={"en": "Line one\r\nLine two"},
            school=school,
            address="",
            room="",
            starts_at=datetime(2031, 3, 7, 16, tzinfo=NEW_YORK),
        ),
    ]
    for item in events:
        SessionFactory(summit=summit, event=item)
    feed = FeedTokenFactory(token=TOKEN)
    for item in events:
        status = "waitlisted" if item.pk == 102 else "confirmed"
        RegistrationFactory(user=feed.user, event=item, status=status)
    Event.objects.filter(pk__in=[e.pk for e in events]).update(updated_at=EDITED)
    return summit


# What the instance-based feeds gave for the fixture above (folded lines begin with a space).
NEW_YORK_TZ = (
    "BEGIN:VTIMEZONE",
    "TZID:America/New_York",
    "X-LIC-LOCATION:America/New_York",
    "BEGIN:DAYLIGHT",
    "DTSTART:20300310T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
    "TZOFFSETFROM:-0500",
    "TZOFFSETTO:-0400",
    "TZNAME:EDT",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "DTSTART:20301103T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
    "TZOFFSETFROM:-0400",
    "TZOFFSETTO:-0500",
    "TZNAME:EST",
    "END:STANDARD",
    "END:VTIMEZONE",
)
MADRID_TZ = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Madrid",
    "X-LIC-LOCATION:Europe/Madrid",
    "BEGIN:DAYLIGHT",
    "DTSTART:20300331T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "DTSTART:20301027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "END:STANDARD",
    "END:VTIMEZONE",
)
EVENT_101_EN = (
    "BEGIN:VEVENT",
    "UID:event-101@opendoors.invalid",
    "DTSTAMP:20310115T093015Z",
    "DTSTART;TZID=America/New_York:20310306T100000",
    "DTEND;TZID=America/New_York:20310306T113000",
    "SEQUENCE:1",
    "STATUS:CONFIRMED",
    "SUMMARY:Know your rights",
    "DESCRIPTION:Bring: ID\\, proof of address\\; questions.\\nInterpreters in the ",
    " room\\, and a long line that has to be folded across several physical lines",
    " .\\n\\nhttps://meet.example.org/rights",
    "LOCATION:Library\\, P.S. 24 Dual Language\\, 427 38th Street\\, Brooklyn",
    "URL:http://testserver/events/101",
    "LAST-MODIFIED:20310115T093015Z",
    "END:VEVENT",
)
EVENT_102_EN = (
    "BEGIN:VEVENT",
    "UID:event-102@opendoors.invalid",
    "DTSTAMP:20310115T093015Z",
    "DTSTART;TZID=America/New_York:20310306T120000",
    "DTEND;TZID=America/New_York:20310306T133000",
    "SEQUENCE:1",
    "STATUS:CONFIRMED",
    "SUMMARY:Enrollment clinic",
    "LOCATION:4004 4th Avenue\\, Brooklyn\\, NY 11232",
    "URL:http://testserver/events/102",
    "LAST-MODIFIED:20310115T093015Z",
    "END:VEVENT",
)
EVENT_104_EN = (
    "BEGIN:VEVENT",
    "UID:event-104@opendoors.invalid",
    "DTSTAMP:20310115T093015Z",
    "DTSTART:20310307T150000Z",
    "DTEND:20310307T163000Z",
    "SEQUENCE:3",
    "STATUS:CANCELLED",
    "SUMMARY:Cancelled workshop",
    "DESCRIPTION:Solo en español",
    "LOCATION:Gym\\, P.S. 24 Dual Language\\, 29 Fort Greene Place",
    "URL:http://testserver/events/104",
    "LAST-MODIFIED:20310115T093015Z",
    "END:VEVENT",
)
EVENT_103_EN = (
    "BEGIN:VEVENT",
    "UID:event-103@opendoors.invalid",
    "DTSTAMP:20310115T093015Z",
    "DTSTART;TZID=Europe/Madrid:20310307T180000",
    "DTEND;TZID=Europe/Madrid:20310307T193000",
    "SEQUENCE:1",
    "STATUS:CONFIRMED",
    "SUMMARY:Online Q&A",
    "DESCRIPTION:Ask anything",
    "LOCATION:https://meet.example.org/qa",
    "URL:http://testserver/events/103",
    "LAST-MODIFIED:20310115T093015Z",
    "END:VEVENT",
)
EVENT_105_EN = (
    "BEGIN:VEVENT",
    "UID:event-105@opendoors.invalid",
    "DTSTAMP:20310115T093015Z",
    "DTSTART;TZID=America/New_York:20310307T160000",
    "DTEND;TZID=America/New_York:20310307T173000",
    "SEQUENCE:1",
    "STATUS:CONFIRMED",
    "SUMMARY:Closing\\, with\\; specials \\\\ chars",
    "DESCRIPTION:Line one\\nLine two",
    "LOCATION:P.S. 24 Dual Language\\, 427 38th Street\\, Brooklyn",
    "URL:http://testserver/events/105",
    "LAST-MODIFIED:20310115T093015Z",
    "END:VEVENT",
)
EVENT_101_ES = (
    "BEGIN:VEVENT",
    "UID:event-101@opendoors.invalid",
    "DTSTAMP:20310115T093015Z",
    "DTSTART;TZID=America/New_York:20310306T100000",
    "DTEND;TZID=America/New_York:20310306T113000",
    "SEQUENCE:1",
    "STATUS:CONFIRMED",
    "SUMMARY:Conozca sus derechos",
    "DESCRIPTION:Traiga: identificación\\; preguntas. Intérpretes en la sala ",
    " — y una línea larga con acentos (ñ\\, é\\, ü) y emoji 🎒 para doblar",
    " .\\n\\nhttps://meet.example.org/rights",
    "LOCATION:Library\\, P.S. 24 Dual Language\\, 427 38th Street\\, Brooklyn",
    "URL:http://testserver/events/101",
    "LAST-MODIFIED:20310115T093015Z",
    "END:VEVENT",
)
EVENT_104_ES = (
    "BEGIN:VEVENT",
    "UID:event-104@opendoors.invalid",
    "DTSTAMP:20310115T093015Z",
    "DTSTART:20310307T150000Z",
    "DTEND:20310307T163000Z",
    "SEQUENCE:3",
    "STATUS:CANCELLED",
    "SUMMARY:Taller cancelado",
    "DESCRIPTION:Solo en español",
    "LOCATION:Gym\\, P.S. 24 Dual Language\\, 29 Fort Greene Place",
    "URL:http://testserver/events/104",
    "LAST-MODIFIED:20310115T093015Z",
    "END:VEVENT",
)
EVENT_103_ES = (
    "BEGIN:VEVENT",
    "UID:event-103@opendoors.invalid",
    "DTSTAMP:20310115T093015Z",
    "DTSTART;TZID=Europe/Madrid:20310307T180000",
    "DTEND;TZID=Europe/Madrid:20310307T193000",
    "SEQUENCE:1",
    "STATUS:CONFIRMED",
    "SUMMARY:Preguntas en línea",
    "DESCRIPTION:Ask anything",
    "LOCATION:https://meet.example.org/qa",
    "URL:http://testserver/events/103",
    "LAST-MODIFIED:20310115T093015Z",
    "END:VEVENT",
)


def calendar(name: str, *blocks: tuple[str, ...]) -> bytes:
    head = (
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Open Doors//Calendars 1.0//EN",
        "CALSCALE:GREGORIAN",
        f"NAME:{name}",
        f"X-WR-CALNAME:{name}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
    )
    lines = [*head, *(line for block in blocks for line in block), "END:VCALENDAR", ""]
    return "\r\n".join(lines).encode()


def waitlisted(block: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("STATUS:TENTATIVE" if line == "STATUS:CONFIRMED" else line for line in block)


def test_summit_feed_bytes_are_unchanged(api, golden):
    url = f"/calendar/summits/{golden.pk}.ics"

    english = api.get(url).content
    spanish = api.get(url, {"lang": "es"}).content

    zones = (NEW_YORK_TZ, MADRID_TZ)
    assert english == calendar(
        "Summit 2031", *zones, EVENT_101_EN, EVENT_102_EN, EVENT_104_EN, EVENT_103_EN, EVENT_105_EN
    )
    assert spanish == calendar(
        "Cumbre 2031", *zones, EVENT_101_ES, EVENT_102_EN, EVENT_104_ES, EVENT_103_ES, EVENT_105_EN
    )


def test_personal_feed_bytes_are_unchanged(api, golden):
    response = api.get(f"/calendar/feeds/{TOKEN}.ics", {"from": "2031-01-01", "to": "2031-12-31"})

    assert response.content == calendar(
        "Open Doors: my calendar",
        NEW_YORK_TZ,
        MADRID_TZ,
        EVENT_101_EN,
        waitlisted(EVENT_102_EN),
        EVENT_104_EN,
        EVENT_103_EN,
        EVENT_105_EN,
    )


def test_event_file_bytes_are_unchanged(api, golden):
    response = api.get("/calendar/events/101.ics", {"lang": "es"})

    assert response.content == calendar("Conozca sus derechos", NEW_YORK_TZ, EVENT_101_ES)
