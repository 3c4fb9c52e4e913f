"""CSV exports (attendees, interpretation coverage): UTF-8 with a byte-order mark so
Excel reads non-Latin names, served as text/csv; charset=utf-8, times in the event's own
zone with their offset, as the rest of the API gives them."""

import csv
import io
from datetime import UTC, datetime

import pytest

from events_api.events.exports import registrations_csv
from events_api.events.models import Registration
from events_api.interpretation.reports import coverage_csv
from tests.conftest import client_for
from tests.factories import EventFactory, RegistrationFactory, SessionFactory, UserFactory
from tests.interpretation.factories import coordinator

pytestmark = pytest.mark.django_db


def rows(data: bytes) -> list[dict]:
    assert data.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_attendee_times_are_in_the_events_zone_and_names_survive():
    event = EventFactory(timezone="America/Los_Angeles")
    registration = RegistrationFactory(event=event, name="আমিনা রহমান")
    Registration.objects.filter(pk=registration.pk).update(
        created_at=datetime(2027, 1, 5, 17, 30, 15, 123456, tzinfo=UTC),
        checked_in_at=datetime(2027, 7, 6, 1, 0, tzinfo=UTC),
    )

    data = registrations_csv(Registration.objects.select_related("event"))

    (row,) = rows(data)
    assert row["name"] == "আমিনা রহমান"
    assert row["created_at"] == "2027-01-05T09:30:15-08:00"
    assert row["checked_in_at"] == "2027-07-05T18:00:00-07:00"


def test_coverage_starts_are_in_the_events_zone():
    row = {
        "event": 7,
        "title": {"en": "Family night", "bn": "পারিবারিক সন্ধ্যা"},
        "starts_at": datetime(2027, 3, 6, 15, tzinfo=UTC),
        "timezone": "America/New_York",
        "event_status": "published",
        "lines": [
            {
                "id": 3,
                "language": "bn",
                "mode": "consecutive",
                "people": 4,
                "status": "requested",
                "late": False,
                "interpreter_name": "রহিম",
                "reconfirm": False,
            }
        ],
    }

    (line,) = rows(coverage_csv([row]))

    assert line["starts_at"] == "2027-03-06T10:00:00-05:00"
    assert line["interpreter"] == "রহিম"


def test_csv_responses_say_their_charset():
    organiser = UserFactory()
    event = SessionFactory(summit__organizers=[organiser]).event
    RegistrationFactory(event=event, name="Ковальчук Олена")

    attendees = client_for(organiser).get(f"/api/v1/events/{event.pk}/registrations/export/")
    coverage = client_for(coordinator()).get("/api/v1/interpretation/coverage/", {"format": "csv"})

    for response in (attendees, coverage):
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response.content.startswith("\ufeff".encode())
    assert [row["name"] for row in rows(attendees.content)] == ["Ковальчук Олена"]
