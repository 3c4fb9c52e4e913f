"""What interpretation work shows of events its reader may not see: the time, the place,
the language and the mode, not the title of a members-only meeting or of another
organiser's draft session (those read as their kind: "Committee meeting", "Summit
session"). Whoever may see the event itself sees its title."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from events_api.interpretation.services.assignments import assign
from tests.committees.factories import CommitteeFactory, MeetingFactory, MembershipFactory
from tests.conftest import client_for
from tests.factories import EventFactory, SessionFactory, UserFactory
from tests.interpretation.factories import InterpreterFactory, request_line

pytestmark = pytest.mark.django_db


@pytest.fixture
def three():
    """A public event, a members-only committee's meeting and a draft summit session,
    each with a Spanish line, a day apart."""
    soon = timezone.now() + timedelta(days=20)
    public = EventFactory(title={"en": "Open house"}, starts_at=soon)
    private = MeetingFactory(
        committee=CommitteeFactory(visibility="members"),
        event__title={"en": "Discipline case of a named student"},
        event__starts_at=soon + timedelta(days=1),
    )
    draft = SessionFactory(
        summit__organizers=[UserFactory()],
        event__title={"en": "Unannounced: raid response planning"},
        event__status="draft",
        event__starts_at=soon + timedelta(days=2),
    )
    lines = [request_line(event) for event in (public, private.event, draft.event)]
    return public, private, draft, lines


EXPECTED = ["Open house", "Committee meeting", "Summit session"]


def test_the_coordinator_sees_lines_without_private_titles(coordinator_api, three):
    public, private, draft, _lines = three
    rows = coordinator_api.get("/api/v1/interpretation/lines/").json()["results"]
    assert [(row["event"], row["event_title"]) for row in rows] == [
        (public.pk, "Open house"),
        (private.event_id, "Committee meeting"),
        (draft.event_id, "Summit session"),
    ]
    # Time, language and mode are what the work needs, and stay.
    assert {(row["language"], row["mode"]) for row in rows} == {("es", "in_person")}
    assert datetime.fromisoformat(rows[1]["starts_at"]) == private.event.starts_at


def test_the_coordinator_sees_coverage_without_private_titles(coordinator_api, three):
    _public, private, draft, _lines = three
    rows = coordinator_api.get("/api/v1/interpretation/coverage/").json()["results"]
    assert [row["title"] for row in rows] == EXPECTED
    one = coordinator_api.get(f"/api/v1/events/{private.event_id}/interpretation/")
    assert one.json()["title"] == "Committee meeting"
    spanish = coordinator_api.get(
        f"/api/v1/events/{draft.event_id}/interpretation/", HTTP_ACCEPT_LANGUAGE="es"
    )
    assert spanish.json()["title"] == "Sesión de la cumbre"
    exported = coordinator_api.get("/api/v1/interpretation/coverage/?format=csv")
    table = list(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert [row["title"] for row in table] == EXPECTED
    assert b"Discipline" not in exported.content
    assert b"raid" not in exported.content


def test_assignments_show_the_job_without_a_private_title(coordinator_api, three):
    _public, private, _draft, lines = three
    assign(line_id=lines[1].pk, interpreter_id=InterpreterFactory().pk, by=None)
    rows = coordinator_api.get("/api/v1/assignments/").json()["results"]
    assert [(row["event"]["id"], row["event"]["title"]) for row in rows] == [
        (private.event_id, "Committee meeting")
    ]
    assert rows[0]["event"]["starts_at"] is not None


def test_those_who_may_see_the_event_see_its_title(three):
    _public, private, draft, _lines = three
    chair = MembershipFactory(committee=private.committee, role="chair").user
    rows = client_for(chair).get("/api/v1/interpretation/coverage/").json()["results"]
    assert [row["title"] for row in rows] == ["Discipline case of a named student"]
    one = client_for(chair).get(f"/api/v1/events/{private.event_id}/interpretation/")
    assert one.json()["title"] == "Discipline case of a named student"
    organiser = draft.summit.organizers.get()
    lines = client_for(organiser).get("/api/v1/interpretation/lines/").json()["results"]
    assert [row["event_title"] for row in lines] == ["Unannounced: raid response planning"]
