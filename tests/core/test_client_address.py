"""Who the client is: X-Forwarded-For counts only through a trusted proxy, for every
throttle, and wrong secret tokens are throttled per address."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings

from events_api.core.client_ip import client_address, rate_limit_address
from events_api.events.models import Registration
from events_api.events.passes import hash_token, new_manage_token
from tests.factories import EventFactory, RegistrationFactory

RATES = {"anon": "100000/min", "user": "100000/min", "registration": "100000/min"}
PROXY = "10.0.0.5"


def address(remote: str, forwarded: str | None = None) -> str:
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **extra))


def test_without_trusted_proxies_the_forwarded_header_is_ignored():
    assert address("198.51.100.1", "10.7.0.1") == "198.51.100.1"
    assert address("198.51.100.1", "10.7.0.1, 10.7.0.2") == "198.51.100.1"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_an_untrusted_peer_cannot_use_the_forwarded_header():
    assert address("198.51.100.1", "203.0.113.9") == "198.51.100.1"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8", "2001:db8:ffff::/48"])
def test_behind_trusted_proxies_the_rightmost_untrusted_address_is_the_client():
    # what the client wrote itself (left of the address our proxy appended) is ignored
    assert address(PROXY, "1.2.3.4, 203.0.113.9") == "203.0.113.9"
    # a chain of trusted proxies is skipped
    assert address(PROXY, "203.0.113.9, 10.1.2.3, 10.4.5.6") == "203.0.113.9"
    assert address("2001:db8:ffff::1", "203.0.113.9") == "203.0.113.9"
    # ports as some proxies write them, IPv4-mapped IPv6
    assert address(PROXY, "203.0.113.9:4711") == "203.0.113.9"
    assert address(PROXY, "[2001:db8::5]:443") == "2001:db8::5"
    assert address("::ffff:10.0.0.5", "203.0.113.9") == "203.0.113.9"
    # no usable forwarded address: the last proxy that spoke is what we know
    assert address(PROXY) == PROXY
    assert address(PROXY, "") == PROXY
    assert address(PROXY, "unknown") == PROXY
    assert address(PROXY, "203.0.113.9, garbage") == PROXY
    assert address(PROXY, "10.9.9.9") == "10.9.9.9"


def test_ipv6_clients_are_counted_by_their_64():
    request = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:aaaa:bbbb:cccc:dddd")
    assert client_address(request) == "2001:db8:1:2:aaaa:bbbb:cccc:dddd"
    assert rate_limit_address(request) == "2001:db8:1:2::"
    assert rate_limit_address(RequestFactory().get("/", REMOTE_ADDR="198.51.100.7")) == (
        "198.51.100.7"
    )


@override_settings(TRUSTED_PROXIES=["10.0.0.0/33"])
def test_a_misconfigured_proxy_list_fails_loudly():
    with pytest.raises(ImproperlyConfigured) as error:
        address(PROXY)
    assert str(error.value) == "TRUSTED_PROXIES: '10.0.0.0/33' is not an IP address or network."


def register(api, event, i: int, **extra):
    return api.post(
        f"/api/v1/events/{event.pk}/registrations/",
        {"name": f"Parent {i}", "phone": f"+1718555{i:04d}"},
        **extra,
    )


@pytest.mark.django_db
@override_settings(THROTTLE_RATES={**RATES, "registration": "3/min"})
def test_a_direct_client_making_up_forwarded_addresses_is_still_throttled(api):
    event = EventFactory(capacity=None)
    statuses = [
        register(api, event, i, HTTP_X_FORWARDED_FOR=f"10.7.0.{i}").status_code for i in range(10)
    ]
    assert statuses == [201, 201, 201] + [429] * 7
    assert Registration.objects.count() == 3


@pytest.mark.django_db
@override_settings(THROTTLE_RATES={**RATES, "anon": "2/min"}, TRUSTED_PROXIES=[PROXY])
def test_the_anonymous_throttle_ignores_made_up_forwarded_addresses_too(api):
    statuses = [
        api.get("/api/v1/languages/", HTTP_X_FORWARDED_FOR=f"10.7.0.{i}").status_code
        for i in range(4)
    ]
    assert statuses == [200, 200, 429, 429]


@pytest.mark.django_db
@override_settings(THROTTLE_RATES={**RATES, "registration": "2/min"}, TRUSTED_PROXIES=[PROXY])
def test_behind_a_trusted_proxy_each_real_client_has_its_own_bucket(api):
    event = EventFactory(capacity=None)

    def via_proxy(i: int, forwarded: str) -> int:
        return register(
            api, event, i, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded
        ).status_code

    first = [via_proxy(i, "203.0.113.1") for i in range(3)]
    # the first client making up an address in front of the proxy's changes nothing
    spoofed = via_proxy(3, "10.7.0.1, 203.0.113.1")
    second = [via_proxy(i, "203.0.113.2") for i in range(4, 7)]
    assert first == [201, 201, 429]
    assert spoofed == 429
    assert second == [201, 201, 429]
    assert Registration.objects.count() == 4


def manage_url(token: str) -> str:
    return f"/api/v1/registrations/manage/{token}/"


def wrong_token(i: int) -> str:
    return f"wrong-token-{i:02d}-" + "x" * 30


def assert_throttled(response) -> None:
    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    assert 0 < seconds <= 60
    assert response.json() == {
        "code": "throttled",
        "message": f"Too many requests. Please wait {seconds} seconds.",
        "fields": {},
    }


@pytest.mark.django_db
@override_settings(THROTTLE_RATES={**RATES, "token_guess": "3/min"})
def test_guessing_manage_tokens_is_throttled_per_address(api):
    token = new_manage_token()
    RegistrationFactory(manage_token_hash=hash_token(token))
    # opening one's own link again and again never counts
    assert [api.get(manage_url(token)).status_code for _ in range(5)] == [200] * 5
    misses = [
        api.get(manage_url(wrong_token(0))).status_code,
        api.patch(manage_url(wrong_token(1)), {"adults": 2}).status_code,
        api.get(f"/calendar/feeds/{wrong_token(2)}.ics").status_code,
    ]
    assert misses == [404, 404, 404]
    # past the limit every token lookup from that address is refused, right or wrong,
    # whatever X-Forwarded-For it makes up
    assert_throttled(api.get(manage_url(wrong_token(3))))
    assert_throttled(api.delete(manage_url(token)))
    assert_throttled(api.get(f"{manage_url(token)}pass.svg"))
    assert_throttled(api.get(f"{manage_url(token)}interpretation/"))
    assert_throttled(api.get(f"/calendar/feeds/{wrong_token(4)}.ics"))
    assert_throttled(api.get(manage_url(token), HTTP_X_FORWARDED_FOR="10.7.0.9"))
    assert Registration.objects.get().status == "confirmed"
    # another address is not affected, and other endpoints are not either
    assert api.get(manage_url(token), REMOTE_ADDR="198.51.100.2").status_code == 200
    assert api.get("/api/v1/languages/").status_code == 200


@pytest.mark.django_db
@override_settings(THROTTLE_RATES={**RATES, "token_guess": "2/min"}, TRUSTED_PROXIES=[PROXY])
def test_token_guesses_behind_a_trusted_proxy_count_per_real_client(api):
    token = new_manage_token()
    RegistrationFactory(manage_token_hash=hash_token(token))
    guesser = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.1"}
    family = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.2"}
    assert [api.get(manage_url(wrong_token(i)), **guesser).status_code for i in range(2)] == [
        404,
        404,
    ]
    assert_throttled(api.get(manage_url(wrong_token(2)), **guesser))
    assert api.get(manage_url(token), **family).status_code == 200


@pytest.mark.django_db
@override_settings(THROTTLE_RATES={**RATES, "token_guess": "2/min"})
def test_guessing_committee_invitation_tokens_is_throttled(user_api):
    accept = "/api/v1/committee-invitations/accept/"
    misses = [user_api.post(accept, {"token": wrong_token(i)}).status_code for i in range(2)]
    assert misses == [404, 404]
    assert_throttled(user_api.post(accept, {"token": wrong_token(2)}))
