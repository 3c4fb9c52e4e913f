"""The 409 of a refused double-booking carries what the coordinator's console needs to say
it in words ("already at P.S. 20 from 5 to 7 pm"): the other job's place and times in its
event's zone, and a title only when the coordinator may see that event."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.committees.factories import CommitteeFactory, MeetingFactory
from tests.factories import EventFactory, SchoolFactory
from tests.interpretation.factories import InterpreterFactory, request_line

pytestmark = pytest.mark.django_db
URL = "/api/v1/assignments/"
NY = ZoneInfo("America/New_York")


def evening(hour: int, hours: float = 2):
    day = (timezone.now() + timedelta(days=30)).astimezone(NY).date()
    starts = datetime(day.year, day.month, day.day, hour, tzinfo=NY)
    return starts, starts + timedelta(hours=hours)


def test_double_booking_says_where_and_when_the_other_job_is(coordinator_api):
    interpreter = InterpreterFactory(languages=["es"], modes=["in_person"])
    starts, ends = evening(17)
    held = EventFactory(
        title={"en": "Budget night", "es": "Noche del presupuesto"},
        starts_at=starts,
        ends_at=ends,
        school=SchoolFactory(name="P.S. 20"),
        room="Library",
    )
    first = request_line(held)
    later = request_line(EventFactory(starts_at=starts + timedelta(hours=1), ends_at=ends))
    assert (
        coordinator_api.post(URL, {"line": first.pk, "interpreter": interpreter.pk}).status_code
        == 201
    )

    response = coordinator_api.post(
        URL, {"line": later.pk, "interpreter": interpreter.pk}, HTTP_ACCEPT_LANGUAGE="es"
    )

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "double_booked"
    job = body["conflicting_assignment"]
    assert (job["event"], job["event_title"], job["school"], job["room"], job["timezone"]) == (
        held.pk,
        "Noche del presupuesto",
        "P.S. 20",
        "Library",
        "America/New_York",
    )
    assert datetime.fromisoformat(job["starts_at"]) == starts
    assert datetime.fromisoformat(job["ends_at"]) == ends


def test_double_booking_at_a_members_only_meeting_hides_its_title(coordinator_api):
    interpreter = InterpreterFactory(languages=["es"], modes=["in_person"])
    starts, ends = evening(18)
    meeting = MeetingFactory(
        committee=CommitteeFactory(visibility="members"),
        event__title={"en": "Discipline case of a named student"},
        event__starts_at=starts,
        event__ends_at=ends,
        event__address="52 Chambers St",
    )
    first = request_line(meeting.event)
    later = request_line(EventFactory(starts_at=starts, ends_at=ends))
    assert (
        coordinator_api.post(URL, {"line": first.pk, "interpreter": interpreter.pk}).status_code
        == 201
    )

    job = coordinator_api.post(URL, {"line": later.pk, "interpreter": interpreter.pk}).json()[
        "conflicting_assignment"
    ]

    assert (job["event_title"], job["school"], job["address"]) == (
        "Committee meeting",
        None,
        "52 Chambers St",
    )
