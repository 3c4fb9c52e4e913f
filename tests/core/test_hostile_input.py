"""Input a client should never send, answered with a 400 (or 413) in the error format, never
a 500: offsets the database cannot store, NUL characters, JSON nested past the recursion
limit, bodies over the upload limit, nonsense page sizes, unknown API URLs."""

from datetime import UTC, datetime, timedelta

import django_filters
import pytest
from rest_framework.exceptions import ValidationError

from committees.models import Minutes
from events_api.core.filtering import AwareDateTimeFilter, apply_filterset
from events_api.events.models import Event
from events_api.people.roles import Role
from summits.models import Session
from tests.calendars.factories import FeedTokenFactory
from tests.calendars.helpers import vevents
from tests.committees.factories import MeetingFactory, chaired
from tests.conftest import client_for
from tests.factories import EventFactory, RegistrationFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db

NUL = "Null characters are not allowed."


def assert_error(response, status: int, code: str, message: str, fields: dict | None = None):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"code": code, "message": message, "fields": fields or {}}


# Offsets: ISO 8601 allows up to ±23:59, PostgreSQL stores at most ±15:59.


class StartsFilter(django_filters.FilterSet):
    starts_before = AwareDateTimeFilter(field_name="starts_at", lookup_expr="lt")

    class Meta:
        model = Event
        fields = ["starts_before"]


class _Request:
    def __init__(self, **params):
        self.query_params = params


@pytest.mark.parametrize(
    ("value", "instant"),
    [
        ("2027-01-01T10:00:00+16:00", datetime(2026, 12, 31, 18, tzinfo=UTC)),
        ("2027-01-01T10:00:00-23:59", datetime(2027, 1, 2, 9, 59, tzinfo=UTC)),
    ],
)
def test_a_datetime_filter_takes_any_iso_offset_as_its_utc_instant(value, instant):
    before = EventFactory(starts_at=instant - timedelta(minutes=1))
    EventFactory(starts_at=instant)

    rows = apply_filterset(StartsFilter, _Request(starts_before=value), Event.objects.all())

    assert list(rows) == [before]


@pytest.mark.parametrize("value", ["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00"])
def test_a_datetime_filter_refuses_an_instant_utc_cannot_hold(value):
    with pytest.raises(ValidationError) as caught:
        apply_filterset(StartsFilter, _Request(starts_before=value), Event.objects.all())

    assert caught.value.detail == {"starts_before": ["Enter a valid date/time."]}


@pytest.mark.parametrize("param", ["starts_before", "starts_after"])
def test_event_list_takes_an_offset_the_database_cannot_store(api, param):
    event = EventFactory(starts_at=datetime(2027, 1, 1, 12, tzinfo=UTC))
    # 2027-01-02T04:00+16:00 is 2027-01-01T12:00Z: the event starts exactly then.
    response = api.get("/api/v1/events/", {param: "2027-01-02T04:00:00+16:00"})

    assert response.status_code == 200, response.content
    ids = [row["id"] for row in response.json()["results"]]
    assert ids == ([event.pk] if param == "starts_after" else [])


def test_event_list_refuses_a_year_utc_cannot_hold(api):
    response = api.get("/api/v1/events/", {"starts_before": "9999-12-31T23:59:59-05:00"})

    assert_error(
        response,
        400,
        "invalid",
        "Enter a valid date/time.",
        {"starts_before": ["Enter a valid date/time."]},
    )


@pytest.mark.parametrize(
    ("start", "count"),
    [
        # 2027-03-06T07:00+16:00 is 2027-03-05T15:00Z, a day before the event.
        ("2027-03-06T07:00:00+16:00", 1),
        # 2027-03-07T08:00+16:00 is 2027-03-06T16:00Z, as the event ends.
        ("2027-03-07T08:00:00+16:00", 0),
        # 2027-03-05T16:00-23:59 is 2027-03-06T15:59Z, while the event runs.
        ("2027-03-05T16:00:00-23:59", 1),
    ],
)
def test_personal_feed_takes_any_iso_offset(api, start, count):
    """The summit and committee feeds are whole (no range); the personal feed's is."""
    feed = FeedTokenFactory()
    RegistrationFactory(
        user=feed.user,
        event=EventFactory(
            starts_at=datetime(2027, 3, 6, 15, tzinfo=UTC),
            ends_at=datetime(2027, 3, 6, 16, tzinfo=UTC),
        ),
    )

    response = api.get(f"/calendar/feeds/{feed.token}.ics", {"from": start})

    assert response.status_code == 200, response.content
    assert len(vevents(response.content)) == count


# NUL characters: no text column takes them (PostgreSQL refuses them in text and jsonb).


def _session_payload(**extra):
    return {
        "title_translations": {"en": "Know your rights"},
        "starts_at": "2027-03-06T10:00:00-05:00",
        "ends_at": "2027-03-06T11:30:00-05:00",
        "languages": ["en"],
        **extra,
    }


@pytest.fixture
def summit_organiser():
    organiser = UserFactory(roles=[Role.ORGANISER])
    session = SessionFactory(summit__organizers=[organiser])
    return session.summit, client_for(organiser)


@pytest.mark.parametrize(
    ("extra", "fields"),
    [
        ({"title_translations": {"en": "Know\x00"}}, {"title_translations": {"en": [NUL]}}),
        ({"languages": ["en", "\x00"]}, {"languages": {"1": [NUL]}}),
        ({"presenters": ["Ana\x00"]}, {"presenters": {"0": [NUL]}}),
        (
            {"title_translations": {"en": "Know", "e\x00s": "x"}},
            {"title_translations": {"es": [NUL]}},
        ),
    ],
)
def test_nul_characters_in_a_session_are_refused(summit_organiser, extra, fields):
    summit, client = summit_organiser
    before = Session.objects.count()

    response = client.post(f"/api/v1/summits/{summit.pk}/sessions/", _session_payload(**extra))

    assert_error(response, 400, "invalid", NUL, fields)
    assert Session.objects.count() == before


def test_nul_characters_in_minutes_are_refused():
    committee, chair = chaired()
    meeting = MeetingFactory(committee=committee)

    response = client_for(chair).put(
        f"/api/v1/meetings/{meeting.pk}/minutes/",
        {"text_translations": {"en": "Minutes", "es": "Acta\x00"}},
    )

    assert_error(
        response,
        400,
        "invalid",
        NUL,
        {"text_translations": {"es": [NUL]}},
    )
    assert not Minutes.objects.exists()


def test_a_nul_in_a_top_level_string_body_is_refused(user_api):
    response = user_api.generic(
        "PATCH", "/api/v1/me/", '"\\u0000"', content_type="application/json"
    )

    assert_error(response, 400, "invalid", NUL)


# Bodies


def test_json_nested_100000_levels_is_a_parse_error(api):
    event = EventFactory()
    body = "[" * 100_000 + "]" * 100_000

    response = api.generic(
        "POST", f"/api/v1/events/{event.pk}/registrations/", body, content_type="application/json"
    )

    assert_error(response, 400, "parse_error", "The request body is not valid JSON.")
    assert not event.registrations.exists()


def test_a_body_over_the_upload_limit_is_413_in_the_error_format(api):
    event = EventFactory()
    body = '{"name": "' + "x" * 5_000_000 + '", "phone": "+17185550100"}'

    response = api.generic(
        "POST", f"/api/v1/events/{event.pk}/registrations/", body, content_type="application/json"
    )

    assert_error(response, 413, "body_too_large", "The request body is too large.")
    assert not event.registrations.exists()


# Page size


@pytest.mark.parametrize("value", ["abc", "-1", "0", "1.5", "9" * 5000])
def test_a_page_size_that_is_not_a_whole_number_from_1_is_400(api, value):
    response = api.get("/api/v1/languages/", {"page_size": value})

    message = "Give a whole number from 1 to 200."
    assert_error(response, 400, "invalid", message, {"page_size": [message]})


def test_page_size_above_200_is_cut_to_200_and_empty_is_the_default(api):
    EventFactory.create_batch(3)

    assert api.get("/api/v1/events/", {"page_size": "2"}).json()["next"] is not None
    assert len(api.get("/api/v1/events/", {"page_size": "500"}).json()["results"]) == 3
    assert len(api.get("/api/v1/events/", {"page_size": ""}).json()["results"]) == 3


# Unknown URLs


@pytest.mark.parametrize(
    "path", ["/api/v1/nope/", "/api/nope", "/api/v1/events/abc/", "/calendar/nope.ics"]
)
def test_unknown_api_and_calendar_urls_are_404_in_the_error_format(api, path):
    response = api.get(path)

    assert_error(response, 404, "not_found", "Not found.")


def test_unknown_api_url_message_is_translated(api):
    response = api.get("/api/v1/nope/", HTTP_ACCEPT_LANGUAGE="es")

    assert response.status_code == 404
    assert response.json()["message"] == "No se encontró."


def test_non_api_paths_stay_the_frontends(api):
    response = api.get("/events/12345")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
