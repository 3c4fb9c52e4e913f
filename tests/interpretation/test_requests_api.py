"""Direct interpreter requests over the API: who may make them, bad input (a clear 4xx
and nothing changed), who sees which, filters, withdrawal, and the parent's view through
their manage link."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events_api.interpretation.models import DemandLine, InterpreterRequest
from events_api.interpretation.services.demand import sync_demand
from events_api.people.roles import Role
from tests.conftest import client_for
from tests.factories import (
    EventFactory,
    OrganizationMembershipFactory,
    RegistrationFactory,
    SessionFactory,
    SummitFactory,
    UserFactory,
)
from tests.helpers import assert_flat_queries
from tests.interpretation.factories import request_line

pytestmark = pytest.mark.django_db
URL = "/api/v1/interpreter-requests/"


def body(event_, **changes):
    return {"event": event_.pk, "language": "bn", "mode": "in_person", "people": 3} | changes


def snapshot():
    return (
        list(InterpreterRequest.objects.values_list("pk", "people", "cancelled_at")),
        list(DemandLine.objects.values_list("pk", "people", "status")),
    )


def test_cbo_staff_request_for_their_organisation(cbo_api, cbo_membership):
    event = EventFactory()
    response = cbo_api.post(
        URL, body(event, organization=cbo_membership.organization.pk, note="Grade 3 parents")
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    line = DemandLine.objects.get(event=event)
    assert {k: data[k] for k in ("event", "language", "mode", "people", "source", "status")} == {
        "event": event.pk,
        "language": "bn",
        "mode": "in_person",
        "people": 3,
        "source": "direct",
        "status": "requested",
    }
    assert (data["line"], data["organization"], data["late"]) == (
        line.pk,
        cbo_membership.organization.pk,
        False,
    )
    assert (line.people, line.status) == (3, "requested")


def test_organiser_of_the_event_may_request(organiser):
    session = SessionFactory(summit__organizers=[organiser])
    response = client_for(organiser).post(URL, body(session.event, mode="phone"))
    assert response.status_code == 201
    assert response.json()["mode"] == "phone"


@pytest.mark.parametrize(
    ("changes", "status", "code"),
    [
        ({"language": "xx"}, 400, "invalid"),
        ({"mode": "telepathy"}, 400, "invalid"),
        ({"language": "ase", "mode": "in_person"}, 400, "sign_language_mismatch"),
        ({"language": "bn", "mode": "sign_language"}, 400, "sign_language_mismatch"),
        ({"people": 0}, 400, "invalid"),
        ({"surprise": 1}, 400, "invalid"),
        ({"event": 999999}, 404, "event_not_found"),
        ({"organization": 999999}, 403, "not_organization_staff"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(coordinator_api, changes, status, code):
    event = EventFactory()
    request_line(event, language="bn")
    before = snapshot()
    response = coordinator_api.post(URL, body(event, **changes))
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert snapshot() == before


def test_cancelled_and_past_events_are_refused(coordinator_api):
    cancelled = EventFactory(status="cancelled")
    started = EventFactory(starts_at=timezone.now() - timedelta(minutes=5))
    response = coordinator_api.post(URL, body(cancelled))
    assert (response.status_code, response.json()["code"]) == (409, "event_cancelled")
    response = coordinator_api.post(URL, body(started))
    assert (response.status_code, response.json()["code"]) == (409, "event_started")
    assert InterpreterRequest.objects.count() == 0
    assert DemandLine.objects.count() == 0


def test_a_plain_user_may_not_request_and_another_organisation_is_refused(user_api, cbo_api):
    event = EventFactory()
    request_line(event, language="bn")
    before = snapshot()
    response = user_api.post(URL, body(event))
    assert (response.status_code, response.json()["code"]) == (403, "not_allowed")
    other = OrganizationMembershipFactory().organization
    response = cbo_api.post(URL, body(event, organization=other.pk))
    assert (response.status_code, response.json()["code"]) == (403, "not_organization_staff")
    assert snapshot() == before


def test_a_draft_event_is_not_found_for_cbo_staff(cbo_api):
    draft = EventFactory(status="draft")
    request_line(draft, language="bn")
    before = snapshot()
    response = cbo_api.post(URL, body(draft))
    assert (response.status_code, response.json()["code"]) == (404, "event_not_found")
    assert snapshot() == before


def test_anonymous_cannot_list_or_create(api):
    event = EventFactory()
    request_line(event, language="bn")
    before = snapshot()
    assert api.get(URL).status_code in (401, 403)
    assert api.post(URL, body(event)).status_code in (401, 403)
    assert snapshot() == before


def ids(response):
    assert response.status_code == 200, response.json()
    return sorted(row["id"] for row in response.json()["results"])


def test_who_sees_which_requests(coordinator_api, cbo_api, cbo_membership):
    organiser = UserFactory(roles=[Role.ORGANISER])
    session = SessionFactory(summit__organizers=[organiser])
    other_event = EventFactory()
    parent = UserFactory()
    mine = InterpreterRequest.objects.get(pk=cbo_api.post(URL, body(other_event)).json()["id"])
    colleague = client_for(
        OrganizationMembershipFactory(organization=cbo_membership.organization).user
    )
    theirs = colleague.post(
        URL, body(other_event, organization=cbo_membership.organization.pk)
    ).json()["id"]
    at_session = request_line(session.event).requests.get().pk
    RegistrationFactory(event=other_event, user=parent, interpreter_language_id="ar")

    sync_demand(event_id=other_event.pk)
    parents = InterpreterRequest.objects.get(registration__user=parent).pk

    everything = sorted([mine.pk, theirs, at_session, parents])
    assert ids(coordinator_api.get(URL)) == everything
    assert ids(cbo_api.get(URL)) == sorted([mine.pk, theirs])
    assert ids(client_for(organiser).get(URL)) == [at_session]
    assert ids(client_for(parent).get(URL)) == [parents]
    assert ids(client_for(UserFactory()).get(URL)) == []
    assert client_for(UserFactory()).get(f"{URL}{mine.pk}/").status_code == 404


def test_filters(coordinator_api):
    summit = SummitFactory()
    session = SessionFactory(summit=summit)
    elsewhere = EventFactory(starts_at=timezone.now() + timedelta(days=2))
    a = request_line(session.event, language="bn").requests.get().pk
    b = request_line(elsewhere, language="es", mode="phone").requests.get().pk
    assert ids(coordinator_api.get(URL, {"summit": summit.pk})) == [a]
    assert ids(coordinator_api.get(URL, {"event": elsewhere.pk})) == [b]
    assert ids(coordinator_api.get(URL, {"language": "es"})) == [b]
    assert ids(coordinator_api.get(URL, {"late": "true"})) == [b]
    assert ids(coordinator_api.get(URL, {"status": "requested"})) == sorted([a, b])
    assert ids(coordinator_api.get(URL, {"status": "assigned"})) == []
    assert coordinator_api.get(URL, {"language": "xx"}).status_code == 400
    assert coordinator_api.get(URL, {"summit": "abc"}).status_code == 400


def test_withdrawing_a_request_shrinks_its_line(cbo_api):
    event = EventFactory()
    first = cbo_api.post(URL, body(event, people=2)).json()
    cbo_api.post(URL, body(event, people=5))
    response = cbo_api.delete(f"{URL}{first['id']}/")
    assert (response.status_code, response.json()["status"]) == (200, "cancelled")
    assert DemandLine.objects.get(event=event).people == 5
    assert cbo_api.delete(f"{URL}{first['id']}/").status_code == 200
    assert DemandLine.objects.get(event=event).people == 5


def test_a_registrations_request_is_withdrawn_through_the_registration(coordinator_api):
    event = EventFactory()
    RegistrationFactory(event=event, interpreter_language_id="ar")

    sync_demand(event_id=event.pk)
    request = InterpreterRequest.objects.get()
    before = snapshot()
    response = coordinator_api.delete(f"{URL}{request.pk}/")
    assert (response.status_code, response.json()["code"]) == (
        404,
        "interpreter_request_not_found",
    )
    assert snapshot() == before
    assert DemandLine.objects.get().people == 1


def test_list_query_count_is_flat(coordinator_api):
    def make(n):
        for _ in range(n):
            request_line(EventFactory(), language="bn")

    def fetch():
        assert coordinator_api.get(URL, {"page_size": 200}).status_code == 200

    assert_flat_queries(make, fetch)


def test_a_guest_sees_their_request_through_the_manage_link(api):
    event = EventFactory(starts_at=timezone.now() + timedelta(days=2))
    made = api.post(
        f"/api/v1/events/{event.pk}/registrations/",
        {"name": "Rahima", "phone": "+17185550101", "interpreter_language": "bn"},
    ).json()
    response = api.get(f"/api/v1/registrations/manage/{made['manage_token']}/interpretation/")
    assert response.status_code == 200
    data = response.json()
    assert {k: data[k] for k in ("requested", "language", "mode", "status", "late")} == {
        "requested": True,
        "language": "bn",
        "mode": "in_person",
        "status": "requested",
        "late": True,
    }
    assert "may not be able to find an interpreter" in data["message"]
    assert (
        api.get("/api/v1/registrations/manage/" + "x" * 43 + "/interpretation/").status_code == 404
    )


def test_a_guest_without_interpreter_need_sees_none(api):
    event = EventFactory()
    made = api.post(
        f"/api/v1/events/{event.pk}/registrations/", {"name": "Ana", "phone": "+17185550102"}
    ).json()
    data = api.get(f"/api/v1/registrations/manage/{made['manage_token']}/interpretation/").json()
    assert (data["requested"], data["status"], data["language"]) == (False, None, None)


def test_a_waitlisted_guest_is_told_their_request_counts_once_seated(api):
    event = EventFactory(capacity=1)
    api.post(f"/api/v1/events/{event.pk}/registrations/", {"name": "A", "phone": "+17185550103"})
    made = api.post(
        f"/api/v1/events/{event.pk}/registrations/",
        {"name": "Oksana", "phone": "+17185550104", "interpreter_language": "uk"},
    ).json()
    assert made["status"] == "waitlisted"
    data = api.get(f"/api/v1/registrations/manage/{made['manage_token']}/interpretation/").json()
    assert (data["requested"], data["language"]) == (False, "uk")
    assert "waitlist" in data["message"]
