import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_malformed_json_is_400_parse_error(user_api):
    response = user_api.generic(
        "PATCH", "/api/v1/me/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "code": "parse_error",
        "message": "The request body is not valid JSON.",
        "fields": {},
    }


def test_non_json_content_type_is_415(user_api):
    response = user_api.generic(
        "PATCH", "/api/v1/me/", "display_name=x", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"


def test_messages_are_translated_per_request(user_api):
    response = user_api.patch("/api/v1/me/", {"phone": "12"}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["fields"]["phone"] == ["Introduzca un número de teléfono válido."]


def test_lang_query_parameter_beats_accept_language(api):
    response = api.get("/api/v1/languages/xx/?lang=fr", HTTP_ACCEPT_LANGUAGE="es")
    assert response["Content-Language"] == "fr"


def test_unknown_lang_falls_back_to_english(api):
    response = api.get("/api/v1/languages/xx/?lang=klingon")
    assert response["Content-Language"] == "en"
    assert response.json()["message"] == "Not found."


@override_settings(THROTTLE_RATES={"anon": "3/min", "user": "1000/min", "registration": "1/min"})
def test_anonymous_clients_are_throttled_with_retry_after(api):
    statuses = [api.get("/api/v1/languages/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/v1/languages/")
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


@override_settings(THROTTLE_RATES={"anon": "1000/min", "user": "2/min", "registration": "1/min"})
def test_signed_in_clients_have_their_own_throttle(user_api, api):
    assert [user_api.get("/api/v1/me/").status_code for _ in range(3)] == [200, 200, 429]
    # another client is not affected
    assert api.get("/api/v1/languages/").status_code == 200


def test_browsable_api_is_off_outside_debug(api):
    response = api.get("/api/v1/languages/", HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    assert response.json()["code"] == "not_acceptable"


@override_settings(THROTTLE_RATES={"anon": "1000/min", "user": "1000/min", "registration": "1/min"})
def test_a_throttled_registration_says_when_to_retry_in_the_error_format(api):
    from tests.factories import EventFactory

    event = EventFactory(capacity=10)
    url = f"/api/v1/events/{event.pk}/registrations/"
    assert api.post(url, {"name": "Ana", "phone": "+17185550100"}).status_code == 201

    response = api.post(url, {"name": "Bo", "phone": "+17185550101"})

    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    assert 1 <= seconds <= 60
    assert response.json() == {
        "code": "throttled",
        "message": f"Too many requests. Please wait {seconds} seconds.",
        "fields": {},
    }


def test_a_lock_timeout_stays_busy_and_a_lost_connection_is_unavailable():
    from django.db import InterfaceError, OperationalError

    from events_api.core.errors import exception_handler

    busy = exception_handler(OperationalError("canceling statement due to lock timeout"), {})
    assert (busy.status_code, busy["Retry-After"], busy.data["code"]) == (503, "2", "busy")
    for exc in (
        OperationalError("terminating connection due to administrator command"),
        OperationalError('connection failed: connection to server at "127.0.0.1" refused'),
        InterfaceError("connection already closed"),
    ):
        response = exception_handler(exc, {})
        assert (response.status_code, response["Retry-After"]) == (503, "5")
        assert response.data == {
            "code": "database_unavailable",
            "message": "The service is briefly unavailable. Please try again in a moment.",
            "fields": {},
        }


def test_a_request_django_refuses_before_any_view_is_a_json_400_under_the_api(api):
    response = api.get("/api/v1/languages/", HTTP_HOST="evil.example.com")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "code": "bad_request",
        "message": "The request could not be understood.",
        "fields": {},
    }


def test_a_request_django_refuses_outside_the_api_keeps_djangos_page(api):
    response = api.get("/events/1", HTTP_HOST="evil.example.com")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
