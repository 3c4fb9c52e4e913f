"""The event list builds its rows without DRF's per-field machinery (event_list_rows); they
must be exactly what EventSerializer gives (the schema and the detail page use it), for
every kind of event and in every reader's language."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from rest_framework.renderers import JSONRenderer

from events_api.events import queries
from events_api.events.serializers import EventSerializer
from tests.factories import EventFactory, RegistrationFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied_events():
    start = timezone.now() + timedelta(days=3)
    school_event = EventFactory(
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        school=SchoolFactory(),
        address="",
        room="Cafeteria",
        title={"en": "Welcome night", "es": "Noche de bienvenida", "ar": "ليلة الترحيب"},
        description={"en": "Food & talk, 100% free?", "bn": "খাবার ও আলাপ"},
        registration_opens_at=start - timedelta(days=10),
        registration_closes_at=start - timedelta(hours=1),
        max_party_size=4,
        languages=["en", "es", "ar", "bn"],
    )
    RegistrationFactory(event=school_event, adults=2, children=1)
    online = EventFactory(
        starts_at=start + timedelta(hours=5),
        ends_at=start + timedelta(hours=6),
        capacity=None,
        address="",
        online_url="https://meet.example.org/abc?x=1&y=2",
        kind="workshop",
        languages=[],
    )
    RegistrationFactory(event=online)
    full = EventFactory(starts_at=start + timedelta(days=1), capacity=1, status="cancelled")
    RegistrationFactory(event=full, adults=3)  # more than the seats: seats_left stays 0
    RegistrationFactory(event=full, status="waitlisted", waitlist_position=1)
    return [school_event, online, full]


@pytest.mark.parametrize("language", ["en", "es", "ar", "bn", "zh-hans"])
def test_list_rows_equal_the_serializer_field_for_field(api, settings, varied_events, language):
    settings.PUBLIC_BASE_URL = "https://opendoors.example.org"
    response = api.get("/api/v1/events/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    listed = response.json()["results"]

    with translation.override(language):
        events = queries.events_for_list().filter(pk__in=[e.pk for e in varied_events])
        expected = json.loads(JSONRenderer().render(EventSerializer(events, many=True).data))

    assert [row["id"] for row in listed] == [e.pk for e in varied_events]
    assert listed == expected
    assert set(listed[0]) == set(EventSerializer().fields)
    # The rows carry real values, not defaults: the translated title, seats, a school.
    by_id = {row["id"]: row for row in listed}
    assert by_id[varied_events[0].pk]["seats_left"] == 7
    assert by_id[varied_events[0].pk]["school"]["name"] == varied_events[0].school.name
    assert by_id[varied_events[2].pk]["waitlist_length"] == 1


@pytest.mark.parametrize(
    ("filters", "at_most"),
    # The language and borough filters each read their catalogue row once.
    [("", 4), ("&has_seats=true&language=es&borough=K", 6)],
)
def test_the_list_costs_the_same_queries_for_5_and_100_events(
    api, django_assert_max_num_queries, filters, at_most
):
    """Filtered or not, every event matches (in Brooklyn, held in Spanish, seats left), so
    the large request really answers 100 rows and a query per row would show."""
    for _ in range(5):
        RegistrationFactory(event=EventFactory(school=SchoolFactory()))
    url = f"/api/v1/events/?page_size=100{filters}"
    with django_assert_max_num_queries(at_most) as few:
        assert len(api.get(url).json()["results"]) == 5
    for _ in range(95):
        EventFactory(school=SchoolFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(api.get(url).json()["results"]) == 100
