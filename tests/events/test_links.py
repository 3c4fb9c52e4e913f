"""Absolute links (manage links, the pass, calendar links, feeds' URL:) start with
PUBLIC_BASE_URL when it is set, else with the origin the request came to: never a default
host the server does not answer at."""

from urllib.parse import urlsplit

import pytest

from events_api import settings as project_settings
from events_api.calendars import links
from tests.calendars.helpers import REQUEST_ORIGIN, parse, with_request_origin
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _request_origin(settings):
    with_request_origin(settings)


def register(api, event, **extra):
    body = {"name": "Amina Rahman", "phone": "+17185550123", "adults": 1, "children": 0}
    return api.post(
        f"/api/v1/events/{event.pk}/registrations/", body, format="json", **extra
    ).json()


def test_settings_install_the_request_origin_middleware():
    # The project's own settings module: the fixtures here change only the live settings.
    assert REQUEST_ORIGIN in project_settings.MIDDLEWARE


def test_public_base_url_is_unset_by_default():
    assert project_settings.PUBLIC_BASE_URL == ""


def test_links_follow_the_host_and_scheme_the_request_came_to(api):
    event = EventFactory()

    body = register(api, event, HTTP_HOST="localhost:8000", secure=True)

    token = body["manage_token"]
    assert body["manage_url"] == f"https://localhost:8000/api/v1/registrations/manage/{token}/"
    assert body["manage_page_url"] == f"https://localhost:8000/manage#{token}"
    assert body["pass_qr_url"] == (
        f"https://localhost:8000/api/v1/registrations/manage/{token}/pass.svg"
    )
    shown = api.get(f"/api/v1/events/{event.pk}/", HTTP_HOST="localhost:8000").json()
    assert shown["ics_url"] == f"http://localhost:8000/calendar/events/{event.pk}.ics"
    assert shown["webcal_url"] == f"webcal://localhost:8000/calendar/events/{event.pk}.ics"


def test_public_base_url_wins_when_set(api, settings):
    settings.PUBLIC_BASE_URL = "https://opendoors.example.org"
    event = EventFactory()

    body = register(api, event, HTTP_HOST="localhost:8000")

    token = body["manage_token"]
    assert body["manage_page_url"] == f"https://opendoors.example.org/manage#{token}"
    assert body["pass_qr_url"].startswith("https://opendoors.example.org/api/v1/")


def test_the_links_work_where_they_point(api):
    event = EventFactory()
    body = register(api, event)

    assert api.get(body["pass_qr_url"]).status_code == 200
    assert api.get(body["manage_url"]).json()["id"] == body["id"]
    page = urlsplit(body["manage_page_url"])
    assert (page.path, page.fragment) == ("/manage", body["manage_token"])
    assert api.get(page.path).status_code == 200


def test_a_feeds_url_is_the_events_page_and_its_uid_keeps_to_no_host(api):
    event = EventFactory()

    response = api.get(f"/calendar/events/{event.pk}.ics", HTTP_HOST="localhost:8000")

    (vevent,) = parse(response.content).walk("VEVENT")
    assert str(vevent["URL"]) == f"http://localhost:8000/events/{event.pk}"
    # A UID may not change with the address a feed was fetched at.
    assert str(vevent["UID"]) == f"event-{event.pk}@opendoors.invalid"


def test_outside_a_request_links_use_the_local_address():
    assert links.absolute("/events/1") == "http://127.0.0.1:8000/events/1"
