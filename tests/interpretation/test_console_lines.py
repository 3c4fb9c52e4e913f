"""What the coordinator's console shows of a line and of an event's coverage: the event's
end and zone beside its start, so times read as the event's own."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories import EventFactory
from tests.interpretation.factories import request_line

pytestmark = pytest.mark.django_db
parse = datetime.fromisoformat


@pytest.fixture
def event():
    starts = timezone.now() + timedelta(days=10)
    return EventFactory(
        starts_at=starts, ends_at=starts + timedelta(hours=2), timezone="America/Chicago"
    )


def test_a_line_carries_its_events_times_and_zone(coordinator_api, event):
    request_line(event, language="es")
    [row] = coordinator_api.get("/api/v1/interpretation/lines/").json()["results"]
    assert (row["event"], row["timezone"]) == (event.pk, "America/Chicago")
    assert (parse(row["starts_at"]), parse(row["ends_at"])) == (event.starts_at, event.ends_at)


def test_a_line_names_its_language_in_the_readers_language(coordinator_api, event):
    request_line(event, language="ase", mode="sign_language")
    [row] = coordinator_api.get("/api/v1/interpretation/lines/", HTTP_ACCEPT_LANGUAGE="en").json()[
        "results"
    ]
    assert (row["language"], row["language_name"]) == ("ase", "American Sign Language")


def test_coverage_carries_the_events_zone(coordinator_api, event):
    request_line(event, language="es")
    [row] = coordinator_api.get("/api/v1/interpretation/coverage/").json()["results"]
    assert (row["event"], row["timezone"]) == (event.pk, "America/Chicago")
