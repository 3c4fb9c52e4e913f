"""A committee's calendar: the series as one RRULE event whose cancelled and moved
occurrences are overrides, one-off meetings as plain events; checked by expanding the feed
the way a calendar app does."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from django.utils import timezone
from icalendar import Calendar

from committees.calendar import committee_items
from committees.models import Meeting
from committees.services import meetings as meeting_services
from committees.services import occurrences
from committees.services import series as services
from tests.committees.factories import chaired

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def committee_with_series():
    committee, _chair = chaired()
    year = timezone.now().year + 1
    series = services.create_series(
        committee=committee,
        title={"en": "Monthly meeting", "es": "Reunión mensual"},
        rrule="FREQ=MONTHLY;BYDAY=2TU;COUNT=12",
        start_date=date(year, 1, 1),
        start_time=time(18),
        room="Library",
    )
    meetings = list(Meeting.objects.filter(series=series).order_by("original_start"))
    # Cancel the second, move the fourth a day later to the gym.
    occurrences.update_meeting(meeting=meetings[1], status="cancelled")
    moved_to = meetings[3].event.starts_at + timedelta(days=1)
    occurrences.update_meeting(
        meeting=meetings[3],
        starts_at=moved_to,
        ends_at=moved_to + timedelta(minutes=90),
        room="Gym",
    )
    one_off = meeting_services.create_meeting(
        committee=committee,
        title={"en": "Open house"},
        starts_at=timezone.now() + timedelta(days=20),
        ends_at=timezone.now() + timedelta(days=20, hours=2),
    )
    return committee, series, meetings, moved_to, one_off, year


def test_series_is_one_recurring_item_with_overrides(committee_with_series):
    committee, _series, meetings, moved_to, one_off, _year = committee_with_series
    items = committee_items(committee, lang="es")
    masters = [i for i in items if i.rrule]
    assert len(masters) == 1
    master = masters[0]
    assert master.rrule == "FREQ=MONTHLY;COUNT=12;BYDAY=2TU"
    assert master.summary == "Reunión mensual"
    # The series was dated 1 January; its first meeting is the second Tuesday.
    assert master.starts_at == meetings[0].original_start
    assert master.starts_at.astimezone(NEW_YORK).time() == time(18)
    overrides = sorted(
        (i for i in items if i.recurrence_id is not None), key=lambda i: i.recurrence_id
    )
    assert [(o.uid, o.recurrence_id, o.status) for o in overrides] == [
        (master.uid, meetings[1].original_start, "CANCELLED"),
        (master.uid, meetings[3].original_start, "CONFIRMED"),
    ]
    assert overrides[1].starts_at == moved_to
    assert overrides[1].location.startswith("Gym")
    plain = [i for i in items if not i.rrule and i.recurrence_id is None]
    assert [(i.uid.split("@")[0], i.summary) for i in plain] == [
        (f"event-{one_off.event_id}", "Open house")
    ]


def test_feed_expands_to_six_pm_local_with_the_cancelled_and_moved_occurrences(
    committee_with_series, api
):
    committee, _series, _meetings, moved_to, _one_off, year = committee_with_series
    response = api.get(f"/calendar/committees/{committee.pk}.ics?from={year}-01-01&to={year}-12-31")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert "BEGIN:VTIMEZONE" in response.content.decode()
    expanded = recurring_ical_events.of(calendar).between(
        datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    )
    series_events = sorted(
        (e for e in expanded if e.get("RRULE") or e.get("RECURRENCE-ID")),
        key=lambda e: e["DTSTART"].dt,
    )
    assert len(series_events) == 12
    statuses = [str(e.get("STATUS")) for e in series_events]
    assert statuses.count("CANCELLED") == 1
    starts = [e["DTSTART"].dt.astimezone(NEW_YORK) for e in series_events]
    assert moved_to.astimezone(NEW_YORK) in starts
    assert {s.time() for s in starts} == {time(18)}
    # Both DST changes pass and the meetings stay at 18:00 local; in UTC they move.
    assert {s.utcoffset() for s in starts} == {timedelta(hours=-5), timedelta(hours=-4)}
    # Conditional GET: nothing changed, 304.
    again = api.get(
        f"/calendar/committees/{committee.pk}.ics?from={year}-01-01&to={year}-12-31",
        HTTP_IF_NONE_MATCH=response["ETag"],
    )
    assert again.status_code == 304


def test_a_series_change_bumps_its_sequence(committee_with_series):
    committee, series, *_ = committee_with_series
    before = series.version
    services.update_series(series=series, start_time=time(18, 30))
    series.refresh_from_db()
    assert series.version == before + 1
    master = next(i for i in committee_items(committee) if i.rrule)
    assert master.sequence == before + 1
    assert master.starts_at.astimezone(NEW_YORK).time() == time(18, 30)


def test_members_only_committees_have_no_public_feed(api):
    committee, _chair = chaired(visibility="members")
    response = api.get(f"/calendar/committees/{committee.pk}.ics")
    assert response.status_code == 404
    assert response.json()["code"] == "feed_not_found"


def test_committees_carry_their_subscribe_links_when_public(api, settings):
    from tests.calendars.helpers import with_request_origin
    from tests.committees.factories import CommitteeFactory

    with_request_origin(settings)
    committee = CommitteeFactory(name={"en": "Welcoming committee"})
    body = api.get(f"/api/v1/committees/{committee.pk}/").json()
    ics = f"http://testserver/calendar/committees/{committee.pk}.ics"
    assert body["calendar"]["ics_url"] == ics
    assert body["calendar"]["webcal_url"] == ics.replace("http://", "webcal://")
    assert body["calendar"]["google_calendar_url"].startswith("https://calendar.google.com/")
    assert body["calendar"]["outlook_calendar_url"].startswith("https://outlook.live.com/")
    assert api.get(body["calendar"]["ics_url"]).status_code == 200

    private, chair = chaired(visibility="members")
    from tests.conftest import client_for

    assert client_for(chair).get(f"/api/v1/committees/{private.pk}/").json()["calendar"] is None


def test_the_feed_is_the_whole_series_however_far_ahead(committee_with_series, api):
    """The date range is for personal feeds: a committee's feed carries every meeting, here
    a one-off more than a year ahead, whatever range is asked for."""
    committee, _series, meetings, _moved_to, _one_off, _year = committee_with_series
    far = timezone.now() + timedelta(days=500)
    meeting_services.create_meeting(
        committee=committee,
        title={"en": "Far-off open house"},
        starts_at=far,
        ends_at=far + timedelta(hours=2),
    )

    response = api.get(f"/calendar/committees/{committee.pk}.ics")
    narrow = api.get(f"/calendar/committees/{committee.pk}.ics?from=2026-01-01&to=2026-02-01")

    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events if not e.get("RRULE")][-1] == "Far-off open house"
    cancelled = [e["RECURRENCE-ID"].dt for e in events if str(e.get("STATUS")) == "CANCELLED"]
    assert cancelled == [meetings[1].original_start]
    assert narrow.content == response.content
