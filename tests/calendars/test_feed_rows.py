"""Feeds are built from plain rows (queries.feed_event_rows), not model instances: a fixed
number of queries whatever their size, no Event made per row, the same ETag whichever way
the stamp was found; and the attribute-based helpers still serve any object with an
event's attribute names."""

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from django.db.models import Q

from events_api.calendars import queries
from events_api.calendars.event_items import (
    EventRows,
    event_details,
    event_item,
    event_links,
    event_location,
)
from events_api.events.models import Event
from tests.factories import NEW_YORK, EventFactory, SchoolFactory, SessionFactory, SummitFactory
from tests.helpers import assert_flat_queries, query_count

pytestmark = pytest.mark.django_db

STARTS = datetime(2031, 3, 6, 10, tzinfo=NEW_YORK)


def url(summit_id: int) -> str:
    return f"/calendar/summits/{summit_id}.ics"


@pytest.fixture
def summit():
    return SummitFactory(year=2031)


def add_sessions(summit, count: int) -> None:
    school = SchoolFactory()
    events = Event.objects.bulk_create(
        Event(
            title={"en": f"Session {i}"},
            starts_at=STARTS + timedelta(minutes=i),
            ends_at=STARTS + timedelta(minutes=i + 30),
            school=school if i % 2 else None,
            status="published",
        )
        for i in range(count)
    )
    for event in events:
        SessionFactory(summit=summit, event=event)


def test_a_summit_feed_takes_two_queries_however_many_sessions(api, summit):
    def fetch():
        response = api.get(url(summit.pk))
        assert response.status_code == 200

    # The summit, then the sessions' rows (which also give the stamp).
    assert assert_flat_queries(lambda n: add_sessions(summit, n), fetch, at_most=2) == 2


def test_a_changed_feed_asked_conditionally_takes_three_queries(api, summit):
    add_sessions(summit, 20)

    def changed():
        response = api.get(url(summit.pk), HTTP_IF_NONE_MATCH='"stale"')
        assert response.status_code == 200

    # The summit, the cheap stamp (which could have answered 304), then the rows.
    assert query_count(changed) == 3


def test_no_event_instance_is_made_for_a_feed(api, summit, monkeypatch):
    add_sessions(summit, 30)

    def refuse(*args, **kwargs):
        raise AssertionError("a feed made an Event instance")

    monkeypatch.setattr(Event, "from_db", classmethod(refuse))
    response = api.get(url(summit.pk))

    assert response.status_code == 200
    assert response.content.count(b"BEGIN:VEVENT") == 30


def test_the_etag_is_the_same_whether_the_rows_or_the_stamp_query_gave_it(api, summit):
    add_sessions(summit, 5)

    plain = api.get(url(summit.pk))
    asked = api.get(url(summit.pk), HTTP_IF_NONE_MATCH='"stale"')
    again = api.get(url(summit.pk), HTTP_IF_NONE_MATCH=plain["ETag"])

    assert asked.status_code == 200
    assert asked["ETag"] == plain["ETag"]
    assert asked["Last-Modified"] == plain["Last-Modified"]
    assert again.status_code == 304


def test_an_empty_feed_has_the_stamp_of_nothing(api, summit):
    plain = api.get(url(summit.pk))
    again = api.get(url(summit.pk), HTTP_IF_NONE_MATCH=plain["ETag"])

    assert queries.rows_stamp([]) == queries.event_stamp(Q(pk__in=[]))
    assert plain.status_code == 200
    assert again.status_code == 304


def test_an_item_from_a_row_equals_the_item_from_the_instance():
    school = SchoolFactory(name="P.S. 24", address="427 38th Street")
    event = EventFactory(
        title={"en": "Family night", "es": "Noche familiar"},
        description={"en": "Food"},
        school=school,
        address="",
        room="Library",
        online_url="https://meet.example.org/x",
        starts_at=STARTS,
    )
    instance = Event.objects.select_related("school").get(pk=event.pk)
    (row,) = queries.feed_event_rows(Q(pk=event.pk))

    for lang in ("en", "es", "fr"):
        expected = event_item(instance, lang=lang, tentative=True)
        assert EventRows(lang).item(row, tentative=True) == expected
    assert EventRows("es").item(row).summary == "Noche familiar"


def namespace_event(**changes) -> SimpleNamespace:
    fields = {
        "pk": 7,
        "title": {"en": "Family night", "es": "Noche familiar"},
        "description": {"en": "Food, games"},
        "starts_at": STARTS,
        "ends_at": STARTS + timedelta(hours=2),
        "timezone": "America/New_York",
        "address": "",
        "room": "Library",
        "online_url": "https://meet.example.org/x",
        "school_id": 3,
        "school": SimpleNamespace(name="P.S. 24", address="427 38th Street"),
    }
    return SimpleNamespace(**{**fields, **changes})


def test_the_attribute_helpers_take_any_object_with_an_events_attributes():
    event = namespace_event()

    assert event_location(event) == "Library, P.S. 24, 427 38th Street"
    assert event_details(event, "es") == "Food, games\n\nhttps://meet.example.org/x"
    links = event_links(event, "es")
    assert links["ics_url"].endswith("/calendar/events/7.ics")
    assert "text=Noche%20familiar" in links["google_calendar_url"]
    assert (
        "location=Library%2C%20P.S.%2024%2C%20427%2038th%20Street" in links["outlook_calendar_url"]
    )


def test_the_attribute_helpers_ignore_a_school_that_is_not_set():
    online = namespace_event(school_id=None, school=None, room="")

    assert event_location(online) == "https://meet.example.org/x"
    assert event_details(online) == "Food, games"
    assert event_location(namespace_event(address="1 Main St", school_id=None)) == (
        "Library, 1 Main St"
    )
