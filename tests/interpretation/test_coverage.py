"""Coverage reports: one event, and many by summit / date range, as JSON or CSV; who
may see them; flat query counts."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from events_api.interpretation.services.assignments import assign, confirm
from events_api.interpretation.services.demand import cancel_request
from tests.conftest import client_for
from tests.factories import EventFactory, SessionFactory, SummitFactory, UserFactory
from tests.helpers import assert_flat_queries
from tests.interpretation.factories import InterpreterFactory, request_line

pytestmark = pytest.mark.django_db
COVERAGE = "/api/v1/interpretation/coverage/"


@pytest.fixture
def covered():
    """A summit session with Bangla (confirmed), Spanish (assigned), Korean (a gap, late)
    and a cancelled Arabic line."""
    organiser = UserFactory()
    session = SessionFactory(
        summit__organizers=[organiser],
        event__starts_at=timezone.now() + timedelta(days=3),
    )
    event = session.event
    bn = request_line(event, language="bn", people=10)
    es = request_line(event, language="es", people=4)
    request_line(event, language="ko", people=2)
    ar = request_line(event, language="ar", people=1)

    cancel_request(request_id=ar.requests.get().pk)
    confirm(
        assignment_id=assign(
            line_id=bn.pk,
            interpreter_id=InterpreterFactory(name="Rahim", languages=["bn"]).pk,
            by=None,
        ).pk
    )
    assign(line_id=es.pk, interpreter_id=InterpreterFactory(name="Lucia").pk, by=None)
    return organiser, session


def test_coverage_of_one_event(coordinator_api, covered):
    _, session = covered
    response = coordinator_api.get(f"/api/v1/events/{session.event_id}/interpretation/")
    assert response.status_code == 200
    data = response.json()
    assert {
        k: data[k]
        for k in ("languages", "people", "assigned", "confirmed", "gaps", "late_requests")
    } == {
        "languages": 3,
        "people": 16,
        "assigned": 2,
        "confirmed": 1,
        "gaps": 1,
        "late_requests": 3,
    }
    assert [
        (line["language"], line["people"], line["status"], line["interpreter_name"])
        for line in data["lines"]
    ] == [
        ("ar", 0, "cancelled", None),
        ("bn", 10, "confirmed", "Rahim"),
        ("es", 4, "assigned", "Lucia"),
        ("ko", 2, "requested", None),
    ]


def test_organisers_see_their_own_events_coverage_only(covered):
    organiser, session = covered
    assert (
        client_for(organiser).get(f"/api/v1/events/{session.event_id}/interpretation/").status_code
        == 200
    )
    stranger = client_for(UserFactory())
    assert stranger.get(f"/api/v1/events/{session.event_id}/interpretation/").status_code == 404
    assert stranger.get(COVERAGE).json()["results"] == []
    other = EventFactory()
    request_line(other, language="bn")
    events = [row["event"] for row in client_for(organiser).get(COVERAGE).json()["results"]]
    assert events == [session.event_id]


def test_coverage_filters_by_summit_and_dates(coordinator_api, covered):
    _, session = covered
    far = EventFactory(starts_at=timezone.now() + timedelta(days=90))
    request_line(far, language="uk")
    all_events = [r["event"] for r in coordinator_api.get(COVERAGE).json()["results"]]
    assert all_events == [session.event_id, far.pk]
    by_summit = coordinator_api.get(COVERAGE, {"summit": session.summit_id}).json()["results"]
    assert [r["event"] for r in by_summit] == [session.event_id]
    assert coordinator_api.get(COVERAGE, {"summit": SummitFactory().pk}).json()["results"] == []
    day = (timezone.localtime(far.starts_at)).date().isoformat()
    assert [r["event"] for r in coordinator_api.get(COVERAGE, {"from": day}).json()["results"]] == [
        far.pk
    ]
    assert [
        r["event"]
        for r in coordinator_api.get(COVERAGE, {"to": day, "from": day}).json()["results"]
    ] == [far.pk]
    before = (timezone.localtime(far.starts_at) - timedelta(days=1)).date().isoformat()
    assert [
        r["event"] for r in coordinator_api.get(COVERAGE, {"to": before}).json()["results"]
    ] == [session.event_id]
    bad = coordinator_api.get(COVERAGE, {"from": "next tuesday"})
    assert (bad.status_code, bad.json()["code"]) == (400, "invalid")


@pytest.mark.parametrize("how", ["query", "accept"])
def test_coverage_as_csv(coordinator_api, covered, how):
    _, session = covered
    if how == "query":
        response = coordinator_api.get(COVERAGE, {"format": "csv"})
    else:
        response = coordinator_api.get(COVERAGE, HTTP_ACCEPT="text/csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [
        (r["event"], r["language"], r["people"], r["status"], r["interpreter"]) for r in rows
    ] == [
        (str(session.event_id), "ar", "0", "cancelled", ""),
        (str(session.event_id), "bn", "10", "confirmed", "Rahim"),
        (str(session.event_id), "es", "4", "assigned", "Lucia"),
        (str(session.event_id), "ko", "2", "requested", ""),
    ]
    assert {r["late"] for r in rows if r["status"] != "cancelled"} == {"yes"}


def test_csv_errors_are_json(coordinator_api):
    response = coordinator_api.get(COVERAGE, {"format": "csv", "from": "nope"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_coverage_query_count_is_flat(coordinator_api, fmt):
    def make(n):
        for _ in range(n):
            event = EventFactory()
            line = request_line(event, language="bn")
            request_line(event, language="es", mode="phone")
            assign(line_id=line.pk, interpreter_id=InterpreterFactory(languages=["bn"]).pk, by=None)

    def fetch():
        response = coordinator_api.get(COVERAGE, {"page_size": 200, "format": fmt})
        assert response.status_code == 200

    assert_flat_queries(make, fetch)


def test_coverage_names_languages_in_the_readers_language(coordinator_api, covered):
    _, session = covered
    url = f"/api/v1/events/{session.event_id}/interpretation/"

    names = {
        lang: [line["language_name"] for line in coordinator_api.get(url, query).json()["lines"]]
        for lang, query in (("en", {}), ("es", {"lang": "es"}), ("bn", {"lang": "bn"}))
    }

    assert names == {
        "en": ["Arabic", "Bangla", "Spanish", "Korean"],
        "es": ["Árabe", "Bengalí", "Español", "Coreano"],
        "bn": ["আরবি", "বাংলা", "স্প্যানিশ", "কোরীয়"],
    }
