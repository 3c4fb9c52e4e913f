"""Wrong passwords lock out an account only from the address they came from, a lockout
answers 429 with Retry-After, and allauth counts clients by the same address as every
throttle (X-Forwarded-For only through a trusted proxy)."""

import pytest
from django.conf import settings
from django.test import override_settings
from rest_framework.test import APIClient

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/_allauth/app/v1/auth/login"
STRANGER = "203.0.113.10"
PARENT = "198.51.100.20"
PROXY = "10.0.0.5"
LOCKED = {
    "status": 429,
    "errors": [
        {
            "message": "Too many failed login attempts. Try again later.",
            "code": "too_many_login_attempts",
        }
    ],
}


def sign_in(email: str, password: str, **extra):
    return APIClient().post(LOGIN, {"email": email, "password": password}, format="json", **extra)


def error_code(response) -> str:
    return response.json()["errors"][0]["code"]


def assert_locked(response, *, window: int) -> None:
    assert response.status_code == 429
    assert response.json() == LOCKED
    # the wait left until the oldest counted failure leaves the window
    assert window - 30 <= int(response["Retry-After"]) <= window


def test_a_strangers_failures_do_not_lock_the_parent_out():
    UserFactory(email="parent@example.org")
    failures = [sign_in("parent@example.org", f"wrong-{i}", REMOTE_ADDR=STRANGER) for i in range(5)]
    assert [(r.status_code, error_code(r)) for r in failures] == [
        (400, "email_password_mismatch")
    ] * 5
    # from the stranger's address the account is locked, even with the right password
    assert_locked(sign_in("parent@example.org", PASSWORD, REMOTE_ADDR=STRANGER), window=300)
    assert_locked(sign_in("parent@example.org", "wrong-5", REMOTE_ADDR=STRANGER), window=300)
    # the parent, on her own address, signs in
    response = sign_in("parent@example.org", PASSWORD, REMOTE_ADDR=PARENT)
    assert response.status_code == 200, response.content
    assert response.json()["data"]["user"]["email"] == "parent@example.org"


def test_a_made_up_forwarded_address_does_not_reset_the_count():
    UserFactory(email="parent@example.org")
    for i in range(5):
        sign_in("parent@example.org", f"wrong-{i}", HTTP_X_FORWARDED_FOR=f"10.7.0.{i}")
    assert_locked(
        sign_in("parent@example.org", PASSWORD, HTTP_X_FORWARDED_FOR="10.7.0.99"), window=300
    )


def test_one_address_cannot_spread_its_guesses_over_many_accounts():
    for n in range(3):
        UserFactory(email=f"member{n}@example.org")
    statuses = [
        sign_in(f"member{i % 2}@example.org", f"wrong-{i}", REMOTE_ADDR=STRANGER).status_code
        for i in range(10)
    ]
    assert statuses == [400] * 10
    # "10/m/ip": the eleventh failure in a minute is refused whatever the account
    assert_locked(sign_in("member2@example.org", "wrong", REMOTE_ADDR=STRANGER), window=60)
    assert sign_in("member2@example.org", PASSWORD, REMOTE_ADDR=PARENT).status_code == 200


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_behind_a_trusted_proxy_allauth_counts_the_real_client():
    UserFactory(email="parent@example.org")
    UserFactory(email="other@example.org")
    stranger = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": STRANGER}
    parent = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": PARENT}
    for i in range(5):
        sign_in("parent@example.org", f"wrong-{i}", **stranger)
        sign_in("other@example.org", f"wrong-{i}", **stranger)
    # ten failures fill the stranger's per-address limit, not the proxy's
    assert_locked(sign_in("parent@example.org", PASSWORD, **stranger), window=300)
    assert sign_in("parent@example.org", PASSWORD, **parent).status_code == 200


@override_settings(ACCOUNT_RATE_LIMITS={**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"})
def test_allauths_own_429s_carry_retry_after():
    UserFactory(email="parent@example.org")
    responses = [sign_in("parent@example.org", PASSWORD, REMOTE_ADDR=STRANGER) for _ in range(3)]
    assert [r.status_code for r in responses] == [200, 200, 429]
    assert responses[2].json() == {"status": 429}
    assert 30 <= int(responses[2]["Retry-After"]) <= 60
