"""Every event in the API carries its .ics URL, a webcal:// subscription and
add-to-Google / Outlook links, at no extra query."""

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import NEW_YORK, EventFactory, SchoolFactory
from tests.helpers import query_count

pytestmark = pytest.mark.django_db


def test_event_carries_its_calendar_links(api):
    starts = datetime(2027, 3, 6, 10, tzinfo=NEW_YORK)
    event = EventFactory(
        title={"en": "Family night", "es": "Noche familiar"},
        description={"en": "Food and friends"},
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        school=SchoolFactory(name="P.S. 24"),
        room="Library",
        address="427 38th Street",
    )

    body = api.get(f"/api/v1/events/{event.pk}/", {"lang": "es"}).json()

    assert body["ics_url"] == f"http://testserver/calendar/events/{event.pk}.ics"
    assert body["webcal_url"] == f"webcal://testserver/calendar/events/{event.pk}.ics"
    google = urlsplit(body["google_calendar_url"])
    assert google.netloc == "calendar.google.com"
    assert parse_qs(google.query) == {
        "action": ["TEMPLATE"],
        "text": ["Noche familiar"],
        "dates": ["20270306T150000Z/20270306T170000Z"],
        "ctz": ["America/New_York"],
        "details": ["Food and friends"],
        "location": ["Library, P.S. 24, 427 38th Street"],
    }
    outlook = parse_qs(urlsplit(body["outlook_calendar_url"]).query)
    assert outlook["subject"] == ["Noche familiar"]
    assert outlook["startdt"] == ["2027-03-06T15:00:00Z"]
    assert outlook["enddt"] == ["2027-03-06T17:00:00Z"]
    assert outlook["location"] == ["Library, P.S. 24, 427 38th Street"]


def test_the_ics_url_serves_the_event(api):
    event = EventFactory()
    ics_url = api.get(f"/api/v1/events/{event.pk}/").json()["ics_url"]

    response = api.get(urlsplit(ics_url).path)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")


def test_links_add_no_queries_to_the_event_list(api):
    EventFactory(school=SchoolFactory())

    def fetch():
        assert api.get("/api/v1/events/").status_code == 200

    one = query_count(fetch)
    EventFactory.create_batch(20, school=SchoolFactory())
    assert query_count(fetch) == one


def test_hand_built_query_strings_are_what_urlencode_gives():
    """event_calendar_links builds its query strings by hand (a list makes 50 of them);
    they must be byte for byte the standard encoding, for text that needs every kind of
    escaping."""
    from datetime import UTC, datetime
    from urllib.parse import quote, urlencode

    from events_api.calendars.links import event_calendar_links

    starts = datetime(2027, 3, 6, 15, 0, tzinfo=UTC)
    ends = datetime(2027, 3, 6, 16, 30, tzinfo=UTC)
    title = "Padres & escuelas: ¿qué/cómo? 100% + más #1 — বাংলা"
    details = "Línea uno\nLínea dos; a=b&c=d " + "x" * 1200
    location = "P.S. 24, 427 38th Street, Brooklyn, NY 11232"
    links = event_calendar_links(
        7,
        title=title,
        starts_at=starts,
        ends_at=ends,
        tzid="America/New_York",
        details=details,
        location=location,
    )
    google = {
        "action": "TEMPLATE",
        "text": title,
        "dates": "20270306T150000Z/20270306T163000Z",
        "ctz": "America/New_York",
        "details": details[:1000],
        "location": location,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "startdt": "2027-03-06T15:00:00Z",
        "enddt": "2027-03-06T16:30:00Z",
        "body": details[:1000],
        "location": location,
    }
    assert links["google_calendar_url"] == (
        "https://calendar.google.com/calendar/render?" + urlencode(google, quote_via=quote)
    )
    assert links["outlook_calendar_url"] == (
        "https://outlook.live.com/calendar/0/action/compose?" + urlencode(outlook, quote_via=quote)
    )
    assert links["ics_url"].endswith("/calendar/events/7.ics")
    assert links["webcal_url"] == "webcal://" + links["ics_url"].split("://", 1)[1]
