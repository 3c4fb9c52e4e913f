"""/calendar/summits/{id}.ics: a published summit's public sessions within the range."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from events_api.events.services.events import cancel_event
from tests.calendars.helpers import parse, vevents
from tests.factories import NEW_YORK, EventFactory, SessionFactory, SummitFactory
from tests.helpers import assert_flat_queries

pytestmark = pytest.mark.django_db


def url(summit_id: int) -> str:
    return f"/calendar/summits/{summit_id}.ics"


@pytest.fixture
def summit():
    """A published summit 60 days from now, so its sessions fall in the default range."""
    day = (timezone.now() + timedelta(days=60)).date()
    return SummitFactory(year=day.year, starts_on=day, ends_on=day)


def test_summit_feed_has_public_sessions_and_cancelled_ones_marked(api, summit):
    keynote = SessionFactory(summit=summit, event__title={"en": "Keynote"})
    cancelled = SessionFactory(summit=summit, event__title={"en": "Workshop"})
    cancel_event(event_id=cancelled.event_id)
    SessionFactory(summit=summit, event__status="draft", event__title={"en": "Draft"})
    SessionFactory(event__title={"en": "Another summit's session"})
    EventFactory(title={"en": "Not a session"})

    response = api.get(url(summit.pk))

    assert response.status_code == 200
    calendar = parse(response.content)
    assert str(calendar["X-WR-CALNAME"]) == summit.title["en"]
    rows = {str(e["SUMMARY"]): str(e["STATUS"]) for e in calendar.walk("VEVENT")}
    assert rows == {"Keynote": "CONFIRMED", "Workshop": "CANCELLED"}
    assert {str(e["UID"]) for e in calendar.walk("VEVENT")} == {
        f"event-{keynote.event_id}@opendoors.invalid",
        f"event-{cancelled.event_id}@opendoors.invalid",
    }


def test_draft_and_unknown_summits_are_not_found(api):
    draft = SummitFactory(status="draft")
    SessionFactory(summit=draft)

    assert api.get(url(draft.pk)).status_code == 404
    assert api.get(url(draft.pk + 100)).json()["code"] == "feed_not_found"


def test_the_feed_is_the_whole_summit_however_far_ahead(api):
    """A summit planned more than a year ahead is not an empty calendar: the date range is
    for personal feeds, a summit's feed is all of it."""
    summit = SummitFactory(year=2029)
    starts = datetime(2029, 3, 10, 10, tzinfo=NEW_YORK)
    SessionFactory(
        summit=summit,
        event__title={"en": "Far away"},
        event__starts_at=starts,
        event__ends_at=starts + timedelta(hours=1),
    )

    default = api.get(url(summit.pk))
    ranged = api.get(url(summit.pk), {"from": "2026-01-01", "to": "2026-02-01"})

    assert [str(e["SUMMARY"]) for e in vevents(default.content)] == ["Far away"]
    assert ranged.content == default.content


def test_summit_api_carries_its_calendar_links(api, summit):
    body = api.get(f"/api/v1/summits/{summit.pk}/").json()

    ics = f"http://testserver/calendar/summits/{summit.pk}.ics"
    assert body["calendar"]["ics_url"] == ics
    assert body["calendar"]["webcal_url"] == f"webcal://testserver/calendar/summits/{summit.pk}.ics"
    assert body["calendar"]["google_calendar_url"] == (
        "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Ftestserver%2Fcalendar%2F"
        f"summits%2F{summit.pk}.ics"
    )
    assert "addfromweb?url=http%3A%2F%2Ftestserver%2F" in body["calendar"]["outlook_calendar_url"]


def test_renaming_the_summit_changes_the_etag(api, summit):
    SessionFactory(summit=summit)
    before = api.get(url(summit.pk))

    summit.title = {"en": "Renamed summit"}
    summit.save()
    after = api.get(url(summit.pk), HTTP_IF_NONE_MATCH=before["ETag"])

    assert after.status_code == 200
    assert str(parse(after.content)["X-WR-CALNAME"]) == "Renamed summit"


def test_summit_feed_queries_do_not_grow_with_sessions(api, summit):
    start = datetime.combine(summit.starts_on, datetime.min.time(), tzinfo=NEW_YORK)

    def make_rows(n):
        for i in range(n):
            SessionFactory(summit=summit, event__starts_at=start + timedelta(minutes=i))

    def fetch():
        response = api.get(url(summit.pk))
        assert response.status_code == 200

    assert_flat_queries(make_rows, fetch, at_most=3)
