"""Committee meetings are events too: their interpreter demand is filtered by committee
through the filter the committees app registers, and chairs see their meetings' coverage
and may request interpreters for them."""

import pytest

from tests.committees.factories import MeetingFactory, MembershipFactory
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.interpretation.factories import request_line

pytestmark = pytest.mark.django_db


def test_filter_by_committee_and_chairs_see_their_meetings(coordinator_api):
    meeting = MeetingFactory()
    other = MeetingFactory()
    line = request_line(meeting.event, language="bn")
    request_line(other.event, language="es")
    rows = coordinator_api.get(
        "/api/v1/interpretation/coverage/", {"committee": meeting.committee_id}
    ).json()["results"]
    assert [row["event"] for row in rows] == [meeting.event_id]
    requests = coordinator_api.get(
        "/api/v1/interpreter-requests/", {"committee": meeting.committee_id}
    ).json()["results"]
    assert [row["line"] for row in requests] == [line.pk]

    chair = MembershipFactory(committee=meeting.committee, user=UserFactory(), role="chair").user
    client = client_for(chair)
    assert client.get(f"/api/v1/events/{meeting.event_id}/interpretation/").status_code == 200
    assert client.get(f"/api/v1/events/{other.event_id}/interpretation/").status_code == 404
    response = client.post(
        "/api/v1/interpreter-requests/",
        {"event": meeting.event_id, "language": "ase", "mode": "sign_language", "people": 1},
    )
    assert response.status_code == 201, response.json()
