"""/api/v1/me/calendar-feed/: make, rotate and revoke one's own feed; the secret is shown
once and only its SHA-256 is kept."""

import hashlib

import pytest

from events_api.calendars.models import FeedToken
from tests.calendars.factories import FeedTokenFactory
from tests.conftest import client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ENDPOINT = "/api/v1/me/calendar-feed/"


def token_of(url: str) -> str:
    return url.rsplit("/", 1)[1].removesuffix(".ics")


def test_signed_out_people_have_no_feed_to_manage(api):
    for method in (api.get, api.post, api.delete):
        response = method(ENDPOINT)
        assert response.status_code in (401, 403)
        assert response.json()["code"] == "not_authenticated"
    assert FeedToken.objects.count() == 0


def test_no_feed_yet(user_api):
    assert user_api.get(ENDPOINT).json() == {"active": False, "created_at": None}


def test_make_a_feed_shows_its_urls_once_and_stores_only_a_hash(user, user_api, api, settings):
    settings.PUBLIC_BASE_URL = "https://opendoors.example.org"

    response = user_api.post(ENDPOINT)

    assert response.status_code == 201
    body = response.json()
    token = token_of(body["ics_url"])
    assert body["ics_url"] == f"https://opendoors.example.org/calendar/feeds/{token}.ics"
    assert body["webcal_url"] == f"webcal://opendoors.example.org/calendar/feeds/{token}.ics"
    assert body["google_calendar_url"].startswith("https://calendar.google.com/calendar/r?cid=")
    assert body["outlook_calendar_url"].startswith(
        "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fopendoors"
    )
    assert len(token) >= 43  # 256 random bits, URL-safe base64
    row = FeedToken.objects.get(user=user)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(FeedToken.objects.values_list()))
    status = user_api.get(ENDPOINT).json()
    assert status["active"] is True
    assert token not in str(status)
    assert api.get(f"/calendar/feeds/{token}.ics").status_code == 200


def test_making_it_again_rotates_and_the_old_url_stops_working(user, user_api, api):
    old = token_of(user_api.post(ENDPOINT).json()["ics_url"])

    new = token_of(user_api.post(ENDPOINT).json()["ics_url"])

    assert new != old
    assert FeedToken.objects.filter(user=user).count() == 1
    assert api.get(f"/calendar/feeds/{old}.ics").status_code == 404
    assert api.get(f"/calendar/feeds/{new}.ics").status_code == 200


def test_revoke_then_the_url_is_not_found(user, user_api, api):
    token = token_of(user_api.post(ENDPOINT).json()["ics_url"])

    assert user_api.delete(ENDPOINT).status_code == 204

    assert api.get(f"/calendar/feeds/{token}.ics").status_code == 404
    assert user_api.get(ENDPOINT).json() == {"active": False, "created_at": None}
    again = user_api.delete(ENDPOINT)
    assert again.status_code == 404
    assert again.json()["code"] == "feed_not_found"


def test_unknown_fields_are_refused_and_the_feed_is_unchanged(user, user_api):
    user_api.post(ENDPOINT)
    before = list(FeedToken.objects.values_list("pk", "token_hash"))

    response = user_api.post(ENDPOINT, {"token": "mine-please"}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert response.json()["fields"] == {"token": ["Unknown field."]}
    assert list(FeedToken.objects.values_list("pk", "token_hash")) == before


def test_each_person_manages_only_their_own_feed():
    mine = FeedTokenFactory()
    theirs = FeedTokenFactory()

    response = client_for(mine.user).delete(ENDPOINT)

    assert response.status_code == 204
    assert not FeedToken.objects.filter(pk=mine.pk).exists()
    assert FeedToken.objects.filter(pk=theirs.pk, token_hash=theirs.token_hash).exists()
    assert client_for(UserFactory()).get(ENDPOINT).json()["active"] is False
