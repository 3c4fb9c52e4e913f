"""Meetings: one-off scheduling, notice period, who sees what, agendas, attendance and
quorum, minutes, RSVPs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from committees.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Membership,
    Minutes,
    MinutesAmendment,
    Rsvp,
)
from events_api.events.models import Event, Registration
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
from tests.factories import UserFactory
from tests.helpers import assert_flat_queries

pytestmark = pytest.mark.django_db


def meeting_payload(days=30, **extra):
    starts = timezone.now().replace(microsecond=0) + timedelta(days=days)
    return {
        "title_translations": {"en": "Monthly meeting", "es": "Reunión mensual"},
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=1, minutes=30)).isoformat(),
        "languages": ["en", "es"],
        **extra,
    }


def test_chair_schedules_a_meeting_at_the_committees_school(api):
    committee, chair = chaired()
    response = client_for(chair).post(
        f"/api/v1/committees/{committee.pk}/meetings/", meeting_payload(room="Library")
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    event = Event.objects.get(pk=body["event"])
    assert (event.kind, event.status, event.school_id) == (
        "meeting",
        "published",
        committee.school_id,
    )
    assert body["room"] == "Library"
    assert body["late_notice"] is False
    assert body["quorum"] == {
        "rule_count": None,
        "rule_fraction": "0.500",
        "required": None,
        "present": None,
        "met": None,
    }
    # A committee meeting is an event of the core: it is listed there too.
    listed = api.get(f"/api/v1/events/?committee={committee.pk}").json()
    assert [e["id"] for e in listed["results"]] == [event.pk]


def test_a_meeting_ending_before_it_starts_is_refused():
    committee, chair = chaired()
    payload = meeting_payload()
    payload["ends_at"], payload["starts_at"] = payload["starts_at"], payload["ends_at"]
    response = client_for(chair).post(f"/api/v1/committees/{committee.pk}/meetings/", payload)
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["ends_at"]
    assert not Event.objects.exists()


def test_the_citywide_committee_needs_a_place_for_its_meetings():
    committee, chair = chaired(kind="citywide_advisory", school=None)
    client = client_for(chair)
    refused = client.post(f"/api/v1/committees/{committee.pk}/meetings/", meeting_payload())
    assert refused.status_code == 400
    assert refused.json()["code"] == "place_required"
    assert not Event.objects.exists()
    online = client.post(
        f"/api/v1/committees/{committee.pk}/meetings/",
        meeting_payload(online_url="https://meet.example.org/citywide"),
    )
    assert online.status_code == 201


def test_scheduling_or_moving_inside_the_notice_period_is_allowed_but_flagged():
    committee, chair = chaired(notice_days=7)
    client = client_for(chair)
    late = client.post(f"/api/v1/committees/{committee.pk}/meetings/", meeting_payload(days=3))
    assert late.status_code == 201
    assert late.json()["late_notice"] is True
    timely = client.post(f"/api/v1/committees/{committee.pk}/meetings/", meeting_payload(days=8))
    assert timely.json()["late_notice"] is False
    # Moving the timely meeting to five days from now flags it too.
    moved_start = timezone.now().replace(microsecond=0) + timedelta(days=5)
    moved = client.patch(
        f"/api/v1/meetings/{timely.json()['id']}/",
        {
            "starts_at": moved_start.isoformat(),
            "ends_at": (moved_start + timedelta(hours=1)).isoformat(),
        },
    )
    assert moved.status_code == 200, moved.json()
    assert moved.json()["late_notice"] is True
    assert moved.json()["version"] == 2
    # A change that is not a new time or place does not flag anything.
    agenda = client.patch(f"/api/v1/meetings/{late.json()['id']}/", {"agenda_published": True})
    assert agenda.json()["late_notice"] is True
    report = client.get(f"/api/v1/committees/{committee.pk}/late-notices/").json()
    assert sorted(m["id"] for m in report["results"]) == sorted(
        [late.json()["id"], timely.json()["id"]]
    )
    assert client.get(f"/api/v1/committees/{committee.pk}/").json()["late_notices"] == 2


def test_a_members_only_committee_has_no_public_notice_period():
    committee, chair = chaired(visibility="members")
    response = client_for(chair).post(
        f"/api/v1/committees/{committee.pk}/meetings/", meeting_payload(days=1)
    )
    assert response.json()["late_notice"] is False


def test_a_member_of_committee_a_cannot_read_committee_bs_members_only_meetings_or_minutes():
    committee_a = CommitteeFactory(visibility="members")
    committee_b = CommitteeFactory(visibility="members")
    member_a = MembershipFactory(committee=committee_a).user
    member_b = MembershipFactory(committee=committee_b).user
    meeting_b = MeetingFactory(committee=committee_b)
    MinutesFactory(meeting=meeting_b, status="approved")
    AgendaItemFactory(meeting=meeting_b)
    client_a = client_for(member_a)
    for path in (
        f"/api/v1/meetings/{meeting_b.pk}/",
        f"/api/v1/meetings/{meeting_b.pk}/minutes/",
        f"/api/v1/meetings/{meeting_b.pk}/agenda-items/",
        f"/api/v1/meetings/{meeting_b.pk}/attendance/",
        f"/api/v1/events/{meeting_b.event_id}/",
        f"/api/v1/committees/{committee_b.pk}/meetings/",
    ):
        assert client_a.get(path).status_code == 404, path
    assert client_a.get("/api/v1/meetings/").json()["count"] == 0
    assert client_a.get("/api/v1/events/").json()["count"] == 0
    rsvp = client_a.post(f"/api/v1/meetings/{meeting_b.pk}/rsvp/", {"response": "yes"})
    assert rsvp.status_code == 404
    assert not Registration.objects.exists()
    client_b = client_for(member_b)
    assert client_b.get(f"/api/v1/meetings/{meeting_b.pk}/").status_code == 200
    assert client_b.get(f"/api/v1/meetings/{meeting_b.pk}/minutes/").status_code == 200


def held(committee, **kwargs):
    """A meeting that took place last week."""
    return MeetingFactory(
        committee=committee, event__starts_at=timezone.now() - timedelta(days=7), **kwargs
    )


def test_the_public_sees_a_public_meeting_with_its_published_agenda_and_approved_minutes(api):
    committee, chair = chaired()
    meeting = held(committee)
    AgendaItemFactory(meeting=meeting, title={"en": "Welcome", "es": "Bienvenida"}, position=1)
    MinutesFactory(meeting=meeting)
    assert api.get(f"/api/v1/meetings/{meeting.pk}/").json()["agenda"] == []
    assert api.get(f"/api/v1/meetings/{meeting.pk}/minutes/").status_code == 404
    member = client_for(chair)
    assert len(member.get(f"/api/v1/meetings/{meeting.pk}/").json()["agenda"]) == 1
    assert member.get(f"/api/v1/meetings/{meeting.pk}/minutes/").json()["status"] == "draft"
    member.patch(f"/api/v1/meetings/{meeting.pk}/", {"agenda_published": True})
    member.post(f"/api/v1/meetings/{meeting.pk}/minutes/approve/", {})
    body = api.get(f"/api/v1/meetings/{meeting.pk}/", HTTP_ACCEPT_LANGUAGE="es").json()
    assert [item["title"] for item in body["agenda"]] == ["Bienvenida"]
    assert body["has_approved_minutes"] is True
    minutes = api.get(f"/api/v1/meetings/{meeting.pk}/minutes/?lang=es")
    assert minutes.json()["text"] == "Nos reunimos."


def test_agenda_items_in_order():
    committee, chair = chaired()
    meeting = MeetingFactory(committee=committee)
    client = client_for(chair)
    url = f"/api/v1/meetings/{meeting.pk}/agenda-items/"
    first = client.post(url, {"title_translations": {"en": "Welcome"}, "minutes": 5})
    second = client.post(
        url, {"title_translations": {"en": "Interpretation"}, "presenter": "Ana", "minutes": 20}
    )
    assert (first.json()["position"], second.json()["position"]) == (1, 2)
    client.patch(f"{url}{second.json()['id']}/", {"position": 0})
    titles = [i["title"] for i in client.get(url).json()["results"]]
    assert titles == ["Interpretation", "Welcome"]
    bad = client.post(url, {"title_translations": {"es": "Sin inglés"}})
    assert bad.status_code == 400
    assert AgendaItem.objects.count() == 2
    assert client.delete(f"{url}{first.json()['id']}/").status_code == 204
    outsider = client_for(UserFactory())
    assert outsider.post(url, {"title_translations": {"en": "x"}}).status_code == 403
    assert list(AgendaItem.objects.values_list("pk", flat=True)) == [second.json()["id"]]


@pytest.fixture
def ten_voting():
    """A committee with ten voting members (the chair and nine), one non-voting member,
    and a meeting that started an hour ago."""
    committee, chair = chaired()
    voting = list(Membership.objects.filter(committee=committee))
    voting += [MembershipFactory(committee=committee) for _ in range(9)]
    non_voting = MembershipFactory(committee=committee, voting=False)
    meeting = MeetingFactory(
        committee=committee, event__starts_at=timezone.now() - timedelta(hours=1)
    )
    return committee, chair, voting, non_voting, meeting


def mark(client, meeting, members, status="present", **extra):
    return client.post(
        f"/api/v1/meetings/{meeting.pk}/attendance/",
        {"records": [{"member": m.pk, "status": status} for m in members], **extra},
    )


def test_quorum_of_half_the_voting_members_is_met_at_five_of_ten(ten_voting):
    _committee, chair, voting, non_voting, meeting = ten_voting
    client = client_for(chair)
    four = mark(client, meeting, [*voting[:4], non_voting], guests=3)
    assert four.status_code == 200, four.json()
    assert four.json()["quorum"]["required"] == 5
    assert four.json()["quorum"]["present"] == 4
    assert four.json()["quorum"]["met"] is False
    assert four.json()["guests"] == 3
    five = mark(client, meeting, [voting[4]])
    assert five.json()["quorum"] == {
        "rule_count": None,
        "rule_fraction": "0.500",
        "required": 5,
        "present": 5,
        "met": True,
    }
    meeting.refresh_from_db()
    assert (meeting.quorum_met, meeting.quorum_present, meeting.guests) == (True, 5, 3)
    # Marking one of them absent drops below quorum again.
    back = mark(client, meeting, [voting[0]], status="excused")
    assert back.json()["quorum"]["met"] is False


def test_quorum_as_a_number_of_members(ten_voting):
    committee, chair, voting, _non_voting, meeting = ten_voting
    client = client_for(chair)
    assert (
        client.patch(f"/api/v1/committees/{committee.pk}/", {"quorum_count": 7}).status_code == 200
    )
    assert mark(client, meeting, voting[:6]).json()["quorum"]["met"] is False
    result = mark(client, meeting, voting[6:7]).json()["quorum"]
    assert (result["required"], result["present"], result["met"]) == (7, 7, True)


def test_attendance_of_someone_else_or_before_the_meeting_is_refused(ten_voting):
    committee, chair, voting, _non_voting, meeting = ten_voting
    client = client_for(chair)
    stranger = MembershipFactory()
    refused = mark(client, meeting, [voting[0], stranger])
    assert refused.status_code == 400
    assert refused.json()["code"] == "not_a_member"
    assert not Attendance.objects.exists()
    future = MeetingFactory(committee=committee)
    early = mark(client, future, [voting[0]])
    assert early.status_code == 409
    assert early.json()["code"] == "meeting_not_started"
    member = client_for(voting[1].user)
    assert mark(member, meeting, [voting[1]]).status_code == 403


def test_minutes_draft_approved_by_the_chair_then_only_amended():
    committee, chair = chaired()
    meeting = held(committee)
    client = client_for(chair)
    url = f"/api/v1/meetings/{meeting.pk}/minutes/"
    draft = client.put(url, {"text_translations": {"en": "Draft", "es": "Borrador"}})
    assert draft.status_code == 200, draft.json()
    assert draft.json()["status"] == "draft"
    client.put(url, {"text_translations": {"en": "Final text", "es": "Texto final"}})
    approved = client.post(f"{url}approve/", {})
    assert approved.status_code == 200
    assert approved.json()["status"] == "approved"
    edit = client.put(url, {"text_translations": {"en": "Changed"}})
    assert edit.status_code == 409
    assert edit.json()["code"] == "minutes_approved"
    minutes = Minutes.objects.get()
    assert minutes.text == {"en": "Final text", "es": "Texto final"}
    amended = client.post(
        f"{url}amendments/",
        {"text_translations": {"en": "Item 2: 12 parents, not 10."}, "reason": "Count"},
    )
    assert amended.status_code == 201
    body = client.get(url).json()
    assert body["text"] == "Final text"
    assert [a["text"] for a in body["amendments"]] == ["Item 2: 12 parents, not 10."]
    assert MinutesAmendment.objects.count() == 1


def test_a_secretary_records_minutes_approved_at_a_later_meeting_but_cannot_approve_alone():
    committee, _chair = chaired()
    secretary = MembershipFactory(committee=committee, role="secretary").user
    meeting = MeetingFactory(
        committee=committee, event__starts_at=timezone.now() - timedelta(days=60)
    )
    later = MeetingFactory(
        committee=committee, event__starts_at=meeting.event.starts_at + timedelta(days=30)
    )
    MinutesFactory(meeting=meeting)
    client = client_for(secretary)
    url = f"/api/v1/meetings/{meeting.pk}/minutes/approve/"
    alone = client.post(url, {})
    assert alone.status_code == 403
    assert alone.json()["code"] == "chair_only"
    earlier = client.post(
        f"/api/v1/meetings/{later.pk}/minutes/approve/", {"at_meeting": meeting.pk}
    )
    assert earlier.status_code == 400
    assert earlier.json()["code"] == "wrong_approval_meeting"
    other = MeetingFactory(event__starts_at=later.event.starts_at)
    wrong = client.post(url, {"at_meeting": other.pk})
    assert wrong.status_code == 400
    assert Minutes.objects.get().status == "draft"
    recorded = client.post(url, {"at_meeting": later.pk})
    assert recorded.status_code == 200, recorded.json()
    minutes = Minutes.objects.get()
    assert (minutes.status, minutes.approved_at_meeting_id) == ("approved", later.pk)


def test_minutes_of_a_meeting_that_has_not_started_are_refused_like_its_attendance():
    committee, chair = chaired()
    future = MeetingFactory(committee=committee)
    past = held(committee)
    MinutesFactory(meeting=past)
    client = client_for(chair)
    written = client.put(
        f"/api/v1/meetings/{future.pk}/minutes/", {"text_translations": {"en": "Tomorrow"}}
    )
    approved = client.post(f"/api/v1/meetings/{future.pk}/minutes/approve/", {})
    at_future = client.post(
        f"/api/v1/meetings/{past.pk}/minutes/approve/", {"at_meeting": future.pk}
    )
    for response in (written, approved, at_future):
        assert response.status_code == 409
        assert response.json() == {
            "code": "meeting_not_started",
            "message": "Minutes are written and approved once the meeting has started.",
            "fields": {},
        }
    assert list(Minutes.objects.values_list("meeting_id", "status")) == [(past.pk, "draft")]


def test_amending_draft_minutes_is_refused():
    committee, chair = chaired()
    meeting = MeetingFactory(committee=committee)
    MinutesFactory(meeting=meeting)
    response = client_for(chair).post(
        f"/api/v1/meetings/{meeting.pk}/minutes/amendments/", {"text_translations": {"en": "x"}}
    )
    assert response.status_code == 409
    assert not MinutesAmendment.objects.exists()


def test_member_rsvps_yes_then_no_then_maybe_with_interpreter_and_childcare():
    committee, chair = chaired()
    member = MembershipFactory(committee=committee).user
    meeting = MeetingFactory(committee=committee)
    client = client_for(member)
    url = f"/api/v1/meetings/{meeting.pk}/rsvp/"
    yes = client.post(
        url, {"response": "yes", "interpreter_language": "bn", "childcare_ages": [4], "children": 1}
    )
    assert yes.status_code == 201, yes.json()
    assert (yes.json()["response"], yes.json()["status"]) == ("yes", "confirmed")
    registration = Registration.objects.get(event=meeting.event)
    assert registration.interpreter_language_id == "bn"
    assert registration.childcare_ages == [4]
    no = client.post(url, {"response": "no"})
    assert no.status_code == 201
    assert (no.json()["response"], no.json()["status"]) == ("no", "declined")
    maybe = client.post(url, {"response": "maybe", "interpreter_language": "bn"})
    assert (maybe.json()["response"], maybe.json()["status"]) == ("maybe", "confirmed")
    statuses = sorted(
        Registration.objects.filter(event=meeting.event).values_list("status", flat=True)
    )
    assert statuses == ["cancelled", "cancelled", "confirmed"]
    assert Rsvp.objects.count() == 1
    assert client.get(url).json()["response"] == "maybe"
    answers = client_for(chair).get(f"/api/v1/meetings/{meeting.pk}/rsvps/").json()
    assert [(a["name"], a["response"]) for a in answers["results"]] == [
        (member.display_name, "maybe")
    ]
    assert client.get(f"/api/v1/meetings/{meeting.pk}/rsvps/").status_code == 403


def test_a_no_frees_the_seat_for_the_waitlist():
    committee, _chair = chaired()
    meeting = MeetingFactory(committee=committee, event__capacity=1)
    first, second = (client_for(MembershipFactory(committee=committee).user) for _ in range(2))
    url = f"/api/v1/meetings/{meeting.pk}/rsvp/"
    assert first.post(url, {"response": "yes"}).json()["status"] == "confirmed"
    assert second.post(url, {"response": "yes"}).json()["status"] == "waitlisted"
    first.post(url, {"response": "no"})
    assert second.get(url).json()["status"] == "confirmed"


def test_the_public_rsvps_once_to_a_public_meeting_as_a_guest(api):
    meeting = MeetingFactory()
    url = f"/api/v1/meetings/{meeting.pk}/rsvp/"
    guest = api.post(url, {"response": "yes", "name": "Carla", "phone": "+17185550142"})
    assert guest.status_code == 201, guest.json()
    assert guest.json()["manage_token"]
    again = api.post(url, {"response": "no", "name": "Carla", "phone": "+17185550142"})
    assert again.status_code == 409
    assert again.json()["code"] == "already_registered"
    assert Registration.objects.get(event=meeting.event).status == "confirmed"
    nameless = api.post(url, {"response": "yes"})
    assert nameless.status_code == 400


def test_meeting_lists_query_counts_are_flat(api):
    committee, chair = chaired()
    client = client_for(chair)

    def make(n):
        for _ in range(n):
            meeting = MeetingFactory(committee=committee)
            AgendaItemFactory(meeting=meeting)
            meeting.late_notice = True
            meeting.save()

    def fetch_public():
        assert (
            api.get(f"/api/v1/committees/{committee.pk}/meetings/?page_size=200").status_code == 200
        )

    def fetch_all():
        assert client.get("/api/v1/meetings/?page_size=200").status_code == 200

    def fetch_late():
        assert (
            client.get(f"/api/v1/committees/{committee.pk}/late-notices/?page_size=200").status_code
            == 200
        )

    assert_flat_queries(make, fetch_public)
    Meeting.objects.all().delete()
    assert_flat_queries(make, fetch_all, at_most=8)
    Meeting.objects.all().delete()
    assert_flat_queries(make, fetch_late, at_most=8)


def test_agenda_attendance_and_rsvp_lists_query_counts_are_flat():
    committee, chair = chaired()
    client = client_for(chair)
    meeting = MeetingFactory(
        committee=committee, event__starts_at=timezone.now() - timedelta(hours=1)
    )
    from tests.factories import RegistrationFactory

    def make_items(n):
        for _ in range(n):
            AgendaItemFactory(meeting=meeting)

    def make_attendance(n):
        for _ in range(n):
            AttendanceFactory(meeting=meeting, membership=MembershipFactory(committee=committee))

    def make_rsvps(n):
        for _ in range(n):
            RegistrationFactory(event=meeting.event)

    def fetch(path):
        def run():
            assert (
                client.get(f"/api/v1/meetings/{meeting.pk}/{path}/?page_size=200").status_code
                == 200
            )

        return run

    assert_flat_queries(make_items, fetch("agenda-items"), at_most=8)
    assert_flat_queries(make_attendance, fetch("attendance"), at_most=8)
    assert_flat_queries(make_rsvps, fetch("rsvps"), at_most=8)


def test_series_and_exception_lists_query_counts_are_flat():
    from datetime import time

    from committees.services import occurrences as occurrences_services
    from committees.services import series as series_services

    committee, chair = chaired()
    client = client_for(chair)
    start = timezone.localdate() + timedelta(days=10)

    def make_series(n):
        for _ in range(n):
            series_services.create_series(
                committee=committee,
                title={"en": "Weekly"},
                rrule="FREQ=WEEKLY;COUNT=1",
                start_date=start,
                start_time=time(18),
                languages=["en"],
            )

    def fetch_series():
        assert (
            client.get(f"/api/v1/committees/{committee.pk}/series/?page_size=200").status_code
            == 200
        )

    assert_flat_queries(make_series, fetch_series, at_most=8)
    series = series_services.create_series(
        committee=committee,
        title={"en": "Daily"},
        rrule="FREQ=DAILY;COUNT=120",
        start_date=start,
        start_time=time(18),
    )
    occurrences = iter(
        Meeting.objects.filter(series=series)
        .order_by("original_start")
        .values_list("original_start", flat=True)
    )

    def make_exceptions(n):
        for _ in range(n):
            occurrences_services.set_exception(
                series=series, original_start=next(occurrences), kind="cancel"
            )

    def fetch_exceptions():
        path = f"/api/v1/committees/{committee.pk}/series/{series.pk}/exceptions/?page_size=200"
        assert client.get(path).status_code == 200

    assert_flat_queries(make_exceptions, fetch_exceptions, at_most=8)
