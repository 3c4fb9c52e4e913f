"""Sign-in through allauth headless: the browser client (session cookie + CSRF) and the
app client (X-Session-Token), by password and by emailed code; DRF accepts both."""

import re

import pytest
from django.core import mail
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

APP = "/_allauth/app/v1"
BROWSER = "/_allauth/browser/v1"


def test_app_client_password_login_gives_a_session_token_drf_accepts():
    user = UserFactory(email="chair@example.org")
    client = APIClient()
    response = client.post(
        f"{APP}/auth/login", {"email": "chair@example.org", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200, response.content
    token = response.json()["meta"]["session_token"]
    me = APIClient().get("/api/v1/me/", HTTP_X_SESSION_TOKEN=token)
    assert me.status_code == 200
    assert me.json()["id"] == user.pk


def test_bad_session_token_is_rejected():
    response = APIClient().get("/api/v1/me/", HTTP_X_SESSION_TOKEN="not-a-token")
    assert response.status_code in (401, 403)


def test_login_by_emailed_code_needs_no_password():
    user = UserFactory(email="parent@example.org", password=None)
    client = APIClient()
    response = client.post(
        f"{APP}/auth/code/request", {"email": "parent@example.org"}, format="json"
    )
    assert response.status_code == 401  # a pending flow: enter the code
    token = response.json()["meta"]["session_token"]
    assert len(mail.outbox) == 1
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[0].body, re.MULTILINE).group(1)
    confirmed = client.post(
        f"{APP}/auth/code/confirm", {"code": code}, format="json", HTTP_X_SESSION_TOKEN=token
    )
    assert confirmed.status_code == 200, confirmed.content
    session_token = confirmed.json()["meta"]["session_token"]
    me = APIClient().get("/api/v1/me/", HTTP_X_SESSION_TOKEN=session_token)
    assert me.json()["id"] == user.pk


def test_browser_client_needs_csrf_and_then_uses_the_session_cookie():
    UserFactory(email="member@example.org")
    client = Client(enforce_csrf_checks=True)
    refused = client.post(
        f"{BROWSER}/auth/login",
        {"email": "member@example.org", "password": PASSWORD},
        content_type="application/json",
    )
    assert refused.status_code == 403

    client.get(f"{BROWSER}/auth/session")
    csrf = client.cookies["csrftoken"].value
    response = client.post(
        f"{BROWSER}/auth/login",
        {"email": "member@example.org", "password": PASSWORD},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=csrf,
    )
    assert response.status_code == 200, response.content
    assert client.get("/api/v1/me/").status_code == 200

    # unsafe API calls from the browser session still need the CSRF token
    csrf = client.cookies["csrftoken"].value
    no_token = client.patch("/api/v1/me/", {"display_name": "X"}, content_type="application/json")
    assert no_token.status_code == 403
    with_token = client.patch(
        "/api/v1/me/", {"display_name": "X"}, content_type="application/json", HTTP_X_CSRFTOKEN=csrf
    )
    assert with_token.status_code == 200


def test_failed_logins_are_rate_limited():
    UserFactory(email="target@example.org")
    client = APIClient()
    codes = [
        client.post(
            f"{APP}/auth/login",
            {"email": "target@example.org", "password": f"wrong-{i}"},
            format="json",
        ).json()["errors"][0]["code"]
        for i in range(7)
    ]
    assert codes[:5] == ["email_password_mismatch"] * 5
    assert codes[5:] == ["too_many_login_attempts"] * 2
    # even the right password is refused while the limit holds
    right = client.post(
        f"{APP}/auth/login", {"email": "target@example.org", "password": PASSWORD}, format="json"
    )
    assert right.json()["errors"][0]["code"] == "too_many_login_attempts"
