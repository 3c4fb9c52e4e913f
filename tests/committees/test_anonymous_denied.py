"""Nobody signed in sees anything of a members-only committee: every route that shows the
committee or what hangs off it (meetings, their events, agenda, minutes, attendance, RSVPs,
series, call lists, feeds) refuses, says nothing of it, and lists leave it out."""

from datetime import UTC, date, datetime, time

import pytest

from committees.services import series as series_services
from events_api.events.models import Registration
from tests.committees.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    CommitteeFactory,
    MeetingFactory,
    MembershipFactory,
    MinutesFactory,
    chaired,
)
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# Words that appear only in the members-only committee's rows: none may reach the public.
SECRET_WORDS = (
    "Hushed council",
    "Consejo secreto",
    "Closed-door budget talk",
    "Hidden agenda item",
    "Confidential minutes",
    "Quiet monthly session",
    "Private Room 9",
)


@pytest.fixture
def private():
    """A members-only committee with a member, a published meeting (agenda, approved
    minutes, attendance, an RSVP), a published series, and a public committee beside it."""
    committee, chair = chaired(
        visibility="members",
        name={"en": "Hushed council", "es": "Consejo secreto"},
        description={"en": "Nobody outside may know"},
    )
    member = MembershipFactory(committee=committee)
    meeting = MeetingFactory(
        committee=committee,
        event__title={"en": "Closed-door budget talk"},
        event__room="Private Room 9",
    )
    AgendaItemFactory(meeting=meeting, title={"en": "Hidden agenda item"}, position=1)
    MinutesFactory(meeting=meeting, text={"en": "Confidential minutes"}, status="approved")
    AttendanceFactory(meeting=meeting, membership=member)
    series = series_services.create_series(
        committee=committee,
        title={"en": "Quiet monthly session"},
        rrule="FREQ=MONTHLY;BYDAY=2TU;COUNT=3",
        start_date=date(2027, 1, 12),
        start_time=time(18, 0),
        duration_minutes=60,
        timezone="America/New_York",
        languages=["en"],
        now=datetime(2027, 1, 1, tzinfo=UTC),
    )
    public = CommitteeFactory(name={"en": "Open welcoming committee"})
    public_meeting = MeetingFactory(committee=public, event__title={"en": "Open house"})
    return {
        "committee": committee,
        "chair": chair,
        "meeting": meeting,
        "series": series,
        "public": public,
        "public_meeting": public_meeting,
    }


def refusals(p):
    """Every route under the committee, with the status and error code it answers the
    public: 404 (as if it did not exist: a 403 would confirm it does) for what anyone may
    ask about a committee, 403 for what needs an account whatever the committee."""
    committee, meeting, series = p["committee"], p["meeting"], p["series"]
    c, m, e = committee.pk, meeting.pk, meeting.event_id
    return [
        (f"/api/v1/committees/{c}/", 404, "not_found"),
        (f"/api/v1/committees/{c}/members/", 404, "committee_not_found"),
        (f"/api/v1/committees/{c}/meetings/", 404, "committee_not_found"),
        (f"/api/v1/committees/{c}/late-notices/", 404, "committee_not_found"),
        (f"/api/v1/committees/{c}/series/", 404, "committee_not_found"),
        (f"/api/v1/committees/{c}/series/{series.pk}/", 404, "committee_not_found"),
        (f"/api/v1/committees/{c}/invitations/", 404, "committee_not_found"),
        (f"/api/v1/committees/{c}/call-list/", 403, "not_authenticated"),
        (f"/api/v1/committees/{c}/call-list.csv", 403, "not_authenticated"),
        (f"/print/committees/{c}/calls/", 403, None),
        (f"/api/v1/meetings/{m}/", 404, "not_found"),
        (f"/api/v1/meetings/{m}/agenda-items/", 404, "meeting_not_found"),
        (f"/api/v1/meetings/{m}/minutes/", 404, "meeting_not_found"),
        (f"/api/v1/meetings/{m}/attendance/", 404, "meeting_not_found"),
        (f"/api/v1/meetings/{m}/rsvp/", 404, "meeting_not_found"),
        (f"/api/v1/meetings/{m}/rsvps/", 404, "meeting_not_found"),
        (f"/api/v1/events/{e}/", 404, "not_found"),
        (f"/api/v1/events/{e}/registrations/", 404, "not_found"),
        (f"/api/v1/events/{e}/call-list/", 403, "not_authenticated"),
        (f"/api/v1/events/{e}/flyer.pdf", 403, "not_authenticated"),
        (f"/calendar/committees/{c}.ics", 404, "feed_not_found"),
        (f"/calendar/events/{e}.ics", 404, "feed_not_found"),
    ]


def assert_says_nothing(response, path):
    text = response.content.decode(errors="replace")
    for word in SECRET_WORDS:
        assert word not in text, f"{path} shows {word!r}"


def test_every_route_of_a_members_only_committee_refuses_the_public(api, private):
    for path, status, code in refusals(private):
        response = api.get(path)
        assert response.status_code == status, (path, response.status_code)
        if code is not None:
            assert response.json()["code"] == code, (path, response.json())
        assert_says_nothing(response, path)


def test_lists_and_feeds_leave_the_committee_out(api, private):
    public, public_meeting = private["public"], private["public_meeting"]
    committees = api.get("/api/v1/committees/?page_size=100")
    assert [c["id"] for c in committees.json()["results"]] == [public.pk]
    meetings = api.get("/api/v1/meetings/?page_size=100")
    assert [m["id"] for m in meetings.json()["results"]] == [public_meeting.pk]
    events = api.get("/api/v1/events/?page_size=100")
    assert [e["id"] for e in events.json()["results"]] == [public_meeting.event_id]
    # Filters that would single the committee out find nothing either.
    committee = private["committee"]
    assert api.get(f"/api/v1/meetings/?committee={committee.pk}").json()["count"] == 0
    assert api.get(f"/api/v1/committees/?school={committee.school_id}").json()["count"] == 0
    public_feed = api.get(f"/calendar/committees/{public.pk}.ics")
    assert public_feed.status_code == 200
    for response, path in (
        (committees, "committees"),
        (meetings, "meetings"),
        (events, "events"),
        (public_feed, "public feed"),
    ):
        assert_says_nothing(response, path)


def test_the_public_cannot_answer_a_members_only_meeting(api, private):
    meeting = private["meeting"]
    before = Registration.objects.count()
    response = api.post(
        f"/api/v1/meetings/{meeting.pk}/rsvp/",
        {"response": "yes", "name": "Guest", "email": "guest@example.org"},
        format="json",
    )
    assert response.status_code == 404
    assert_says_nothing(response, "rsvp")
    assert Registration.objects.count() == before


def test_a_member_sees_what_the_public_does_not(private):
    """The control: the same routes answer the committee's own members, so the refusals
    above are about who asks, not broken routes."""
    client = client_for(private["chair"])
    c, m = private["committee"].pk, private["meeting"].pk
    for path in (
        f"/api/v1/committees/{c}/",
        f"/api/v1/committees/{c}/members/",
        f"/api/v1/committees/{c}/meetings/",
        f"/api/v1/committees/{c}/series/",
        f"/api/v1/meetings/{m}/",
        f"/api/v1/meetings/{m}/minutes/",
        f"/api/v1/meetings/{m}/agenda-items/",
        f"/api/v1/meetings/{m}/attendance/",
        f"/api/v1/meetings/{m}/rsvps/",
        f"/api/v1/events/{private['meeting'].event_id}/",
    ):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    assert "Hushed council" in client.get(f"/api/v1/committees/{c}/").content.decode()
