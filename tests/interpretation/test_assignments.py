"""Assigning interpreters: every double-booking case (overlap, touching, the travel
buffer for in-person jobs at different places only), skills, closed events, confirm and
decline, and who sees which jobs."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events_api.interpretation.models import Assignment, DemandLine
from events_api.interpretation.services.demand import sync_demand
from tests.conftest import client_for
from tests.factories import EventFactory, RegistrationFactory, SchoolFactory, UserFactory
from tests.helpers import assert_flat_queries
from tests.interpretation.factories import InterpreterFactory, request_line

pytestmark = pytest.mark.django_db
URL = "/api/v1/assignments/"
NY = ZoneInfo("America/New_York")


def at(hour: int, minute: int = 0, hours: float = 1, **kwargs):
    """A published event in a month, from hour:minute New York time."""
    day = (timezone.now() + timedelta(days=40)).astimezone(NY).date()
    starts = datetime(day.year, day.month, day.day, hour, minute, tzinfo=NY)
    return EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=hours), **kwargs)


def assign(client, line, interpreter):
    return client.post(URL, {"line": line.pk, "interpreter": interpreter.pk})


@pytest.fixture
def interpreter():
    return InterpreterFactory(languages=["es", "bn"], modes=["in_person", "phone", "video"])


def test_assign_then_confirm(coordinator_api, interpreter):
    line = request_line(at(10), language="es", people=4)
    response = assign(coordinator_api, line, interpreter)
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["status"], data["interpreter"], data["language"], data["people"]) == (
        "assigned",
        interpreter.pk,
        "es",
        4,
    )
    line.refresh_from_db()
    assert line.status == "assigned"
    confirmed = coordinator_api.post(f"{URL}{data['id']}/confirm/")
    assert confirmed.json()["status"] == "confirmed"
    line.refresh_from_db()
    assert line.status == "confirmed"


def test_overlapping_events_conflict_with_the_job_in_the_body(coordinator_api, interpreter):
    first = request_line(at(10, hours=2), language="es")
    second = request_line(at(11), language="bn", mode="phone")
    held = assign(coordinator_api, first, interpreter).json()
    response = assign(coordinator_api, second, interpreter)
    assert response.status_code == 409
    data = response.json()
    assert data["code"] == "double_booked"
    assert data["conflicting_assignment"]["id"] == held["id"]
    assert data["conflicting_assignment"]["event"] == first.event_id
    assert Assignment.objects.count() == 1
    second.refresh_from_db()
    assert second.status == "requested"


def test_touching_events_do_not_conflict(coordinator_api, interpreter):
    school = SchoolFactory()
    first = request_line(at(10, school=school), language="es")
    second = request_line(at(11, school=school), language="es")
    assert assign(coordinator_api, first, interpreter).status_code == 201
    assert assign(coordinator_api, second, interpreter).status_code == 201


def test_travel_buffer_between_in_person_jobs_at_different_places(coordinator_api, interpreter):
    first = request_line(at(10, address="1 Main St, Queens"), language="es")
    too_soon = request_line(at(11, 20, address="99 Other Ave, Bronx"), language="es")
    in_time = request_line(at(11, 30, hours=0.5, address="99 Other Ave, Bronx"), language="bn")
    assert assign(coordinator_api, first, interpreter).status_code == 201
    response = assign(coordinator_api, too_soon, interpreter)
    assert (response.status_code, response.json()["code"]) == (409, "double_booked")
    assert not Assignment.objects.filter(line=too_soon).exists()
    assert assign(coordinator_api, in_time, interpreter).status_code == 201


def test_no_buffer_at_the_same_place(coordinator_api, interpreter):
    school = SchoolFactory()
    assert (
        assign(coordinator_api, request_line(at(10, school=school)), interpreter).status_code == 201
    )
    next_door = request_line(at(11, 5, school=school, room="Room 102"), language="bn")
    assert assign(coordinator_api, next_door, interpreter).status_code == 201


@pytest.mark.parametrize("mode", ["phone", "video"])
def test_no_buffer_for_phone_and_video_jobs(coordinator_api, interpreter, mode):
    first = request_line(at(10, address="1 Main St, Queens"), language="es")
    remote = request_line(at(11, 5, address="99 Other Ave, Bronx"), language="es", mode=mode)
    assert assign(coordinator_api, first, interpreter).status_code == 201
    assert assign(coordinator_api, remote, interpreter).status_code == 201


def test_buffer_follows_the_setting(coordinator_api, interpreter, settings):
    settings.INTERPRETATION_TRAVEL_BUFFER_MINUTES = 90
    first = request_line(at(10, address="1 Main St, Queens"), language="es")
    later = request_line(at(12, address="99 Other Ave, Bronx"), language="es")
    assert assign(coordinator_api, first, interpreter).status_code == 201
    assert assign(coordinator_api, later, interpreter).status_code == 409
    assert Assignment.objects.count() == 1
    later.refresh_from_db()
    assert later.status == "requested"


@pytest.mark.parametrize(("action", "status"), [("decline", "declined"), ("withdraw", "cancelled")])
def test_declined_and_cancelled_jobs_do_not_block(coordinator_api, interpreter, action, status):
    first = request_line(at(10), language="es")
    job = assign(coordinator_api, first, interpreter).json()
    second = request_line(at(10), language="bn")
    # The control: while the job is active it holds the interpreter's time.
    blocked = assign(coordinator_api, second, interpreter)
    assert (blocked.status_code, blocked.json()["code"]) == (409, "double_booked")
    ended = coordinator_api.post(f"{URL}{job['id']}/{action}/", {"reason": "ill"})
    assert (ended.status_code, ended.json()["status"]) == (200, status)
    assert Assignment.objects.get(pk=job["id"]).status == status
    assert assign(coordinator_api, second, interpreter).status_code == 201
    second.refresh_from_db()
    assert second.status == "assigned"


@pytest.mark.parametrize(
    ("make", "status", "code"),
    [
        (lambda: InterpreterFactory(languages=["ko"]), 400, "interpreter_lacks_language"),
        (lambda: InterpreterFactory(modes=["phone"]), 400, "interpreter_lacks_mode"),
        (lambda: InterpreterFactory(active=False), 400, "interpreter_inactive"),
    ],
)
def test_interpreter_without_the_skill_is_refused(coordinator_api, make, status, code):
    line = request_line(at(10), language="es")
    response = assign(coordinator_api, line, make())
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert Assignment.objects.count() == 0
    line.refresh_from_db()
    assert line.status == "requested"


def test_cancelled_past_and_closed_lines_are_refused(coordinator_api, interpreter):
    cancelled = at(10)
    cancelled_line = request_line(cancelled, language="es")
    from events_api.events.services.events import cancel_event, update_event

    cancel_event(event_id=cancelled.pk)
    response = assign(coordinator_api, cancelled_line, interpreter)
    assert (response.status_code, response.json()["code"]) == (409, "event_cancelled")

    past = at(14)
    past_line = request_line(past, language="es")
    update_event(
        event_id=past.pk,
        starts_at=timezone.now() - timedelta(hours=3),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    response = assign(coordinator_api, past_line, interpreter)
    assert (response.status_code, response.json()["code"]) == (409, "event_started")

    unfulfilled = request_line(at(16), language="es")
    coordinator_api.patch(
        f"/api/v1/interpretation/lines/{unfulfilled.pk}/", {"status": "unfulfilled"}
    )
    response = assign(coordinator_api, unfulfilled, interpreter)
    assert (response.status_code, response.json()["code"]) == (409, "line_closed")
    assert Assignment.objects.count() == 0
    lines = [cancelled_line, past_line, unfulfilled]
    for line in lines:
        line.refresh_from_db()
    assert [line.status for line in lines] == ["cancelled", "requested", "unfulfilled"]

    assert (
        coordinator_api.post(URL, {"line": 999999, "interpreter": interpreter.pk}).status_code
        == 404
    )
    assert (
        coordinator_api.post(URL, {"line": unfulfilled.pk, "interpreter": 999999}).status_code
        == 404
    )
    assert Assignment.objects.count() == 0


def test_a_line_takes_one_interpreter_at_a_time(coordinator_api, interpreter):
    line = request_line(at(10), language="es")
    assign(coordinator_api, line, interpreter)
    response = assign(coordinator_api, line, InterpreterFactory())
    assert (response.status_code, response.json()["code"]) == (409, "line_already_assigned")
    assert list(Assignment.objects.values_list("interpreter", "status")) == [
        (interpreter.pk, "assigned")
    ]


def test_decline_puts_the_line_back_to_requested(coordinator, interpreter):
    interpreter.user = UserFactory()
    interpreter.save()
    line = request_line(at(10), language="es")
    job = assign(client_for(coordinator), line, interpreter).json()
    own = client_for(interpreter.user)
    response = own.post(f"{URL}{job['id']}/decline/", {"reason": "Another job that day"})
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["decline_reason"]) == (
        "declined",
        "Another job that day",
    )
    line.refresh_from_db()
    assert line.status == "requested"
    again = own.post(f"{URL}{job['id']}/confirm/")
    assert (again.status_code, again.json()["code"]) == (409, "assignment_not_open")
    other = InterpreterFactory()
    assert assign(client_for(coordinator), line, other).status_code == 201


def test_withdraw_by_coordinator(coordinator_api, interpreter):
    line = request_line(at(10), language="es")
    job = assign(coordinator_api, line, interpreter).json()
    assert coordinator_api.post(f"{URL}{job['id']}/withdraw/").json()["status"] == "cancelled"
    line.refresh_from_db()
    assert line.status == "requested"


def test_who_sees_which_jobs_and_who_may_assign(coordinator_api, user_api):
    mine = InterpreterFactory(user=UserFactory())
    theirs = InterpreterFactory(user=UserFactory())
    a = assign(coordinator_api, request_line(at(10), language="es"), mine).json()["id"]
    b = assign(coordinator_api, request_line(at(14), language="es"), theirs).json()["id"]
    me = client_for(mine.user)
    assert [row["id"] for row in me.get(URL).json()["results"]] == [a]
    assert me.get(f"{URL}{b}/").status_code == 404
    assert me.post(f"{URL}{b}/confirm/").status_code == 404
    assert [
        row["id"]
        for row in me.get(f"/api/v1/interpreters/{mine.pk}/assignments/").json()["results"]
    ] == [a]
    assert me.get(f"/api/v1/interpreters/{theirs.pk}/assignments/").status_code == 404
    assert sorted(row["id"] for row in coordinator_api.get(URL).json()["results"]) == [a, b]
    assert user_api.get(URL).json()["results"] == []
    line = request_line(at(18), language="es")
    assert me.post(URL, {"line": line.pk, "interpreter": mine.pk}).status_code == 403
    assert user_api.post(URL, {"line": line.pk, "interpreter": mine.pk}).status_code == 403
    assert me.post(f"{URL}{a}/withdraw/").status_code == 403
    # Nothing was confirmed, assigned or withdrawn by the refused calls.
    assert dict(Assignment.objects.values_list("pk", "status")) == {a: "assigned", b: "assigned"}
    line.refresh_from_db()
    assert line.status == "requested"


def test_parents_names_only_when_the_coordinator_shares_them(coordinator_api):
    event = at(10)
    RegistrationFactory(event=event, name="Nasrin Akter", interpreter_language_id="bn")
    RegistrationFactory(event=event, name="Abdul Karim", interpreter_language_id="bn")
    sync_demand(event_id=event.pk)
    line = DemandLine.objects.get(event=event)
    interpreter = InterpreterFactory(user=UserFactory(), languages=["bn"], modes=["in_person"])
    job = assign(coordinator_api, line, interpreter).json()
    me = client_for(interpreter.user)
    hidden = me.get(f"{URL}{job['id']}/").json()
    assert hidden["attendees"] is None
    assert "Nasrin" not in str(hidden)
    coordinator_api.patch(f"/api/v1/interpretation/lines/{line.pk}/", {"share_names": True})
    assert me.get(f"{URL}{job['id']}/").json()["attendees"] == ["Abdul Karim", "Nasrin Akter"]


def test_personal_calendar_includes_the_interpreters_jobs(coordinator_api):
    from events_api.events.hooks import personal_events_q
    from events_api.events.models import Event

    interpreter = InterpreterFactory(user=UserFactory())
    event = at(10)
    job = assign(coordinator_api, request_line(event, language="es"), interpreter).json()
    assert list(Event.objects.filter(personal_events_q(interpreter.user))) == [event]
    coordinator_api.post(f"{URL}{job['id']}/decline/")
    assert list(Event.objects.filter(personal_events_q(interpreter.user))) == []


def test_assignment_list_query_count_is_flat(coordinator_api):
    def make(n):
        for _ in range(n):
            event = EventFactory()
            RegistrationFactory(event=event, interpreter_language_id="es")
            sync_demand(event_id=event.pk)
            line = DemandLine.objects.get(event=event)
            line.share_names = True
            line.save()
            assert assign(coordinator_api, line, InterpreterFactory()).status_code == 201

    def fetch():
        assert coordinator_api.get(URL, {"page_size": 200}).status_code == 200

    assert_flat_queries(make, fetch)
