"""Recurring meetings: occurrences become meetings (events) up to the horizon, in the
series' zone; exceptions survive re-expansion; "this and following" splits the series."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from committees.models import Meeting, MeetingSeries, SeriesException
from committees.services import series as services
from events_api.events.models import Event, Registration
from tests.committees.factories import chaired
from tests.conftest import client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def test_series_across_both_dst_changes_materialises_meetings_at_six_pm_local():
    committee, _chair = chaired()
    series = services.create_series(
        committee=committee,
        title={"en": "Monthly meeting", "es": "Reunión mensual"},
        rrule="FREQ=MONTHLY;BYDAY=2TU;COUNT=12",
        start_date=date(2027, 1, 12),
        start_time=time(18, 0),
        duration_minutes=90,
        timezone="America/New_York",
        languages=["en", "es"],
        now=datetime(2027, 1, 1, tzinfo=UTC),
    )
    events = list(Event.objects.filter(meeting__series=series).order_by("starts_at"))
    assert len(events) == 12
    assert {e.starts_at.astimezone(NEW_YORK).time() for e in events} == {time(18)}
    assert {(e.ends_at - e.starts_at) for e in events} == {timedelta(minutes=90)}
    offsets = [e.starts_at.astimezone(NEW_YORK).utcoffset() for e in events]
    assert offsets[2] == timedelta(hours=-5)  # 9 March, before DST starts on the 14th
    assert offsets[3] == timedelta(hours=-4)  # 13 April
    assert offsets[9] == timedelta(hours=-4)  # 12 October
    assert offsets[10] == timedelta(hours=-5)  # 9 November, after DST ends on the 7th
    assert {e.kind for e in events} == {"meeting"}
    assert {e.school_id for e in events} == {committee.school_id}
    assert sorted(events[0].languages.values_list("code", flat=True)) == ["en", "es"]


@pytest.mark.parametrize(
    ("start_time", "on", "local"),
    [
        # 02:30 does not exist on 14 March 2027: read before the gap, it is 03:30 EDT.
        (time(2, 30), date(2027, 3, 14), ("03:30-04:00", "05:00-04:00")),
        # 01:30 happens twice on 7 November 2027: the first (EDT); 90 minutes later is
        # 02:00 EST.
        (time(1, 30), date(2027, 11, 7), ("01:30-04:00", "02:00-05:00")),
    ],
)
def test_a_meeting_on_a_dst_change_day_keeps_its_duration(start_time, on, local):
    committee, _chair = chaired()
    series = services.create_series(
        committee=committee,
        title={"en": "Night shift parents"},
        rrule="FREQ=WEEKLY;COUNT=3",
        start_date=on - timedelta(days=7),
        start_time=start_time,
        duration_minutes=90,
        timezone="America/New_York",
        now=datetime(2027, 1, 1, tzinfo=UTC),
    )
    events = list(Event.objects.filter(meeting__series=series).order_by("starts_at"))
    assert {e.ends_at - e.starts_at for e in events} == {timedelta(minutes=90)}
    changed = events[1]
    assert changed.starts_at.astimezone(NEW_YORK).date() == on
    shown = tuple(
        moment.astimezone(NEW_YORK).isoformat(timespec="minutes")[11:]
        for moment in (changed.starts_at, changed.ends_at)
    )
    assert shown == local


def test_only_occurrences_within_the_horizon_become_meetings_until_it_moves_on():
    committee, _chair = chaired()
    start = timezone.localdate() + timedelta(days=1)
    series = services.create_series(
        committee=committee,
        title={"en": "Weekly"},
        rrule="FREQ=WEEKLY;COUNT=60",
        start_date=start,
        start_time=time(18),
    )
    within = Meeting.objects.filter(series=series).count()
    assert 52 <= within <= 53
    later = timezone.now() + timedelta(days=100)
    assert services.extend_horizons(now=later) == 60 - within
    assert Meeting.objects.filter(series=series).count() == 60


@pytest.fixture
def weekly(db):
    """A public committee's weekly series starting in ten days, six meetings."""
    committee, chair = chaired()
    start = timezone.localdate() + timedelta(days=10)
    response = client_for(chair).post(
        f"/api/v1/committees/{committee.pk}/series/",
        {
            "title_translations": {"en": "Weekly meeting", "es": "Reunión semanal"},
            "rrule": "FREQ=WEEKLY;COUNT=6",
            "start_date": start.isoformat(),
            "start_time": "18:00",
            "duration_minutes": 60,
            "languages": ["en", "es"],
            "room": "Library",
        },
    )
    assert response.status_code == 201, response.json()
    series = MeetingSeries.objects.get(pk=response.json()["id"])
    return committee, chair, series


def starts(series):
    return [
        m.event.starts_at.astimezone(NEW_YORK)
        for m in Meeting.objects.filter(series=series).select_related("event")
    ]


def test_api_creates_a_series_and_its_meetings(weekly, api):
    committee, _chair, series = weekly
    assert series.rrule == "FREQ=WEEKLY;COUNT=6"
    assert len(starts(series)) == 6
    listed = api.get(f"/api/v1/committees/{committee.pk}/meetings/")
    assert listed.status_code == 200
    body = listed.json()
    assert body["count"] == 6
    first = body["results"][0]
    assert first["series"] == series.pk
    assert first["room"] == "Library"
    assert first["late_notice"] is False
    assert Event.objects.filter(pk=first["event"], kind="meeting").exists()


def test_moving_one_occurrence_leaves_the_others_alone(weekly):
    _committee, chair, series = weekly
    before = starts(series)
    meetings = list(Meeting.objects.filter(series=series).order_by("original_start"))
    target = meetings[2]
    versions = {m.pk: m.event.version for m in meetings}
    new_start = before[2] + timedelta(days=1, hours=1)
    response = client_for(chair).patch(
        f"/api/v1/meetings/{target.pk}/",
        {
            "starts_at": new_start.isoformat(),
            "ends_at": (new_start + timedelta(hours=1)).isoformat(),
            "room": "Gym",
        },
    )
    assert response.status_code == 200, response.json()
    assert response.json()["room"] == "Gym"
    after = starts(series)
    assert after[:2] == before[:2] and after[3:] == before[3:]
    assert after[2] == new_start
    exception = SeriesException.objects.get(series=series)
    assert exception.kind == "move"
    assert exception.original_start == target.original_start
    assert exception.place == {"room": "Gym"}
    for meeting in Meeting.objects.filter(series=series).select_related("event"):
        expected = versions[meeting.pk] + (1 if meeting.pk == target.pk else 0)
        assert meeting.event.version == expected


def test_exceptions_survive_a_change_to_the_whole_series(weekly):
    committee, chair, series = weekly
    client = client_for(chair)
    meetings = list(Meeting.objects.filter(series=series).order_by("original_start"))
    moved_to = meetings[1].event.starts_at + timedelta(hours=2)
    assert (
        client.post(
            f"/api/v1/committees/{committee.pk}/series/{series.pk}/exceptions/",
            {
                "original_start": meetings[1].original_start.isoformat(),
                "kind": "move",
                "starts_at": moved_to.isoformat(),
            },
        ).status_code
        == 201
    )
    assert (
        client.post(
            f"/api/v1/committees/{committee.pk}/series/{series.pk}/exceptions/",
            {"original_start": meetings[4].original_start.isoformat(), "kind": "cancel"},
        ).status_code
        == 201
    )
    member = client_for(UserFactory())
    assert (
        member.post(f"/api/v1/meetings/{meetings[3].pk}/rsvp/", {"response": "yes"}).status_code
        == 201
    )
    # The whole series moves to 18:30 and gets a new title.
    response = client.patch(
        f"/api/v1/committees/{committee.pk}/series/{series.pk}/",
        {"start_time": "18:30", "title_translations": {"en": "Weekly parents meeting"}},
    )
    assert response.status_code == 200, response.json()
    assert len(response.json()["exceptions"]) == 2
    rows = {m.pk: m for m in Meeting.objects.filter(series=series).select_related("event")}
    assert len(rows) == 6
    local = {pk: m.event.starts_at.astimezone(NEW_YORK) for pk, m in rows.items()}
    assert local[meetings[1].pk] == moved_to.astimezone(NEW_YORK)
    assert rows[meetings[4].pk].event.status == "cancelled"
    for index in (0, 2, 3, 5):
        assert local[meetings[index].pk].time() == time(18, 30)
        assert rows[meetings[index].pk].event.title == {"en": "Weekly parents meeting"}
    # The RSVP stayed with its meeting (same day, new time).
    assert (
        Registration.objects.filter(event=rows[meetings[3].pk].event, status="confirmed").count()
        == 1
    )


def test_an_exception_for_a_date_that_is_not_an_occurrence_is_refused(weekly):
    committee, chair, series = weekly
    meeting = Meeting.objects.filter(series=series).order_by("original_start").first()
    response = client_for(chair).post(
        f"/api/v1/committees/{committee.pk}/series/{series.pk}/exceptions/",
        {
            "original_start": (meeting.original_start + timedelta(days=1)).isoformat(),
            "kind": "cancel",
        },
    )
    assert response.status_code == 400
    assert response.json()["code"] == "not_an_occurrence"
    assert not SeriesException.objects.exists()
    assert not Event.objects.filter(status="cancelled").exists()


def test_restoring_an_occurrence_removes_its_exception(weekly):
    committee, chair, series = weekly
    client = client_for(chair)
    meeting = Meeting.objects.filter(series=series).order_by("original_start").first()
    created = client.post(
        f"/api/v1/committees/{committee.pk}/series/{series.pk}/exceptions/",
        {"original_start": meeting.original_start.isoformat(), "kind": "cancel"},
    )
    meeting.event.refresh_from_db()
    assert meeting.event.status == "cancelled"
    deleted = client.delete(
        f"/api/v1/committees/{committee.pk}/series/{series.pk}/exceptions/{created.json()['id']}/"
    )
    assert deleted.status_code == 204
    meeting.event.refresh_from_db()
    assert meeting.event.status == "published"


def test_this_and_following_splits_the_series(weekly):
    committee, chair, series = weekly
    meetings = list(Meeting.objects.filter(series=series).order_by("original_start"))
    at = meetings[3].original_start
    response = client_for(chair).post(
        f"/api/v1/committees/{committee.pk}/series/{series.pk}/split/",
        {"at": at.isoformat(), "start_time": "19:00", "room": "Auditorium"},
    )
    assert response.status_code == 201, response.json()
    new = MeetingSeries.objects.get(pk=response.json()["id"])
    series.refresh_from_db()
    assert new.split_from == series
    assert new.rrule == "FREQ=WEEKLY;COUNT=3"
    assert series.rrule == "FREQ=WEEKLY;UNTIL={}".format(
        (at - timedelta(seconds=1)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    )
    old_rows = list(Meeting.objects.filter(series=series).select_related("event"))
    new_rows = list(Meeting.objects.filter(series=new).select_related("event"))
    assert sorted(m.pk for m in old_rows) == sorted(m.pk for m in meetings[:3])
    # The same meetings (and their RSVPs) carried on, now at 19:00 in the auditorium.
    assert sorted(m.pk for m in new_rows) == sorted(m.pk for m in meetings[3:])
    assert {m.event.starts_at.astimezone(NEW_YORK).time() for m in old_rows} == {time(18)}
    assert {m.event.starts_at.astimezone(NEW_YORK).time() for m in new_rows} == {time(19)}
    assert {m.event.room for m in new_rows} == {"Auditorium"}
    assert {m.event.status for m in old_rows + new_rows} == {"published"}


@pytest.mark.parametrize(
    ("rrule", "code"),
    [
        ("FREQ=WEEKLY", "unbounded_rrule"),
        ("FREQ=DAILY;COUNT=5000", "too_many_occurrences"),
        ("FREQ=SECONDLY;COUNT=2", "invalid_rrule"),
        ("FREQ=WEEKLY;BYDAY=XX;COUNT=2", "invalid_rrule"),
    ],
)
def test_bad_rules_change_nothing(rrule, code):
    committee, chair = chaired()
    response = client_for(chair).post(
        f"/api/v1/committees/{committee.pk}/series/",
        {
            "title_translations": {"en": "Meeting"},
            "rrule": rrule,
            "start_date": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "start_time": "18:00",
        },
    )
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not MeetingSeries.objects.exists()
    assert not Event.objects.exists()


def test_series_of_a_committee_you_do_not_chair_cannot_be_changed(weekly):
    committee, _chair, series = weekly
    outsider = client_for(UserFactory())
    response = outsider.patch(
        f"/api/v1/committees/{committee.pk}/series/{series.pk}/", {"start_time": "07:00"}
    )
    assert response.status_code == 403
    series.refresh_from_db()
    assert series.start_time == time(18)


def test_the_daily_command_materialises_nothing_twice():
    import io

    from django.core.management import call_command

    committee, _chair = chaired()
    services.create_series(
        committee=committee,
        title={"en": "Weekly"},
        rrule="FREQ=WEEKLY;COUNT=3",
        start_date=timezone.localdate() + timedelta(days=2),
        start_time=time(18),
    )
    out = io.StringIO()
    call_command("extend_meeting_series", stdout=out)
    assert out.getvalue().strip() == "0 meetings created"
    assert Meeting.objects.count() == 3
