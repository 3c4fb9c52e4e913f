"""What the organiser's dashboard adds to the per-session rows: interpreter demand against
coverage per language over a summit's sessions (with late requests), and the list of the
summits one organises."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from events_api.interpretation.services.assignments import assign, confirm
from events_api.interpretation.services.demand import cancel_request
from tests.conftest import client_for
from tests.factories import SessionFactory, SummitFactory, UserFactory
from tests.helpers import assert_flat_queries
from tests.interpretation.factories import InterpreterFactory, request_line

pytestmark = pytest.mark.django_db


def path(summit) -> str:
    return f"/api/v1/summits/{summit.pk}/dashboard/interpretation/"


@pytest.fixture
def summit_with_demand():
    """Two sessions: one in three days (every request late) with Bangla confirmed,
    Spanish assigned, Korean a gap and Arabic cancelled; one in a year (nothing late) with
    more Spanish and Bangla, both gaps. A session of another summit does not count."""
    organiser = UserFactory()
    summit = SummitFactory(organizers=[organiser])
    soon = SessionFactory(summit=summit, event__starts_at=timezone.now() + timedelta(days=3))
    later = SessionFactory(summit=summit, event__starts_at=timezone.now() + timedelta(days=365))
    bn = request_line(soon.event, language="bn", people=10)
    es = request_line(soon.event, language="es", people=4)
    request_line(soon.event, language="ko", people=2)
    ar = request_line(soon.event, language="ar", people=1)
    cancel_request(request_id=ar.requests.get().pk)
    confirm(
        assignment_id=assign(
            line_id=bn.pk, interpreter_id=InterpreterFactory(languages=["bn"]).pk, by=None
        ).pk
    )
    assign(line_id=es.pk, interpreter_id=InterpreterFactory().pk, by=None)
    request_line(later.event, language="es", people=3)
    request_line(later.event, language="bn", people=1)
    request_line(SessionFactory().event, language="es", people=50)
    return organiser, summit


def test_demand_and_coverage_per_language_over_the_summits_sessions(summit_with_demand):
    organiser, summit = summit_with_demand
    response = client_for(organiser).get(path(summit))
    assert response.status_code == 200
    assert response.json() == [
        {"language": "bn", "needed": 11, "covered": 10, "confirmed": 10, "gaps": 1,
         "late_requests": 1},
        {"language": "es", "needed": 7, "covered": 4, "confirmed": 0, "gaps": 1,
         "late_requests": 1},
        {"language": "ko", "needed": 2, "covered": 0, "confirmed": 0, "gaps": 1,
         "late_requests": 1},
    ]  # fmt: skip


def test_a_summit_without_demand_has_no_languages():
    organiser = UserFactory()
    summit = SummitFactory(organizers=[organiser])
    SessionFactory(summit=summit)
    response = client_for(organiser).get(path(summit))
    assert (response.status_code, response.json()) == (200, [])


def test_only_the_summits_organisers_see_its_interpretation(summit_with_demand, api):
    _, summit = summit_with_demand
    for client in (api, client_for(UserFactory())):
        response = client.get(path(summit))
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_interpretation_keeps_a_flat_query_count(summit_with_demand):
    organiser, summit = summit_with_demand
    client = client_for(organiser)

    def more(n):
        for session in SessionFactory.create_batch(n, summit=summit):
            request_line(session.event, language="uk", people=1)

    def fetch():
        response = client.get(path(summit))
        assert response.status_code == 200, response.json()

    assert_flat_queries(more, fetch, large=30)


def test_managed_lists_only_the_summits_one_organises():
    organiser = UserFactory()
    mine = SummitFactory(organizers=[organiser], year=2027)
    other = SummitFactory(organizers=[UserFactory()], year=2028, status="published")
    client = client_for(organiser)

    def ids(client, managed):
        response = client.get("/api/v1/summits/", {"managed": managed})
        assert response.status_code == 200, response.json()
        return [row["id"] for row in response.json()["results"]]

    assert ids(client, "true") == [mine.pk]
    assert other.pk in ids(client, "false") and mine.pk not in ids(client, "false")
    assert ids(client_for(UserFactory()), "true") == []
    assert set(ids(client_for(UserFactory(is_superuser=True)), "true")) == {mine.pk, other.pk}
    assert ids(APIClient(), "true") == []
    assert set(ids(APIClient(), "false")) >= {other.pk}
