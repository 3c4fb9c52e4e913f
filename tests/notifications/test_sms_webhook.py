"""POST /api/v1/sms/inbound/: the provider's post of a reply, signed as Twilio signs it.

The signatures here are computed in the test from Twilio's documented algorithm, and the
algorithm itself is pinned to Twilio's published example."""

import base64
import hashlib
import hmac
from urllib.parse import urlencode

import pytest

from events_api.notifications.models import SmsOptOut
from events_api.notifications.webhooks import twilio_signature

pytestmark = pytest.mark.django_db

PATH = "/api/v1/sms/inbound/"
TOKEN = "webhook-test-auth-token"
PHONE = "+17185550123"


@pytest.fixture(autouse=True)
def _auth_token(settings):
    settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, "TWILIO_AUTH_TOKEN": TOKEN}


def sign(url: str, params: dict[str, str], token: str = TOKEN) -> str:
    payload = url + "".join(name + params[name] for name in sorted(params))
    return base64.b64encode(
        hmac.new(token.encode(), payload.encode(), hashlib.sha1).digest()
    ).decode()


def reply(body: str, *, sender: str = PHONE) -> dict[str, str]:
    return {
        "MessageSid": "SM" + "a" * 32,
        "AccountSid": "AC" + "b" * 32,
        "From": sender,
        "To": "+12125550100",
        "Body": body,
        "NumMedia": "0",
    }


def post(api, params: dict[str, str], signature: str | None = "sign", **extra):
    if signature == "sign":
        signature = sign(f"http://testserver{PATH}", params)
    headers = {"HTTP_X_TWILIO_SIGNATURE": signature} if signature is not None else {}
    return api.post(
        PATH,
        urlencode(params),
        content_type="application/x-www-form-urlencoded",
        **headers,
        **extra,
    )


def opted_out() -> list[str]:
    return list(SmsOptOut.objects.values_list("phone", flat=True))


def assert_empty_twiml(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    assert response.content == b'<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


# --- the signature ------------------------------------------------------------------------


def test_the_signature_matches_twilios_published_example():
    params = {
        "CallSid": ["CA1234567890ABCDE"],
        "Caller": ["+14158675309"],
        "Digits": ["1234"],
        "From": ["+14158675309"],
        "To": ["+18005551212"],
    }
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"

    assert twilio_signature(url=url, params=params, token="12345") == (
        "RSOYDt4T1cUTdK1PDd93/VVr8B8="
    )


def test_repeated_parameters_are_signed_as_twilio_does():
    params = {"Sid": ["CA123"], "SidAccount": ["AC123"], "Digits": ["5678", "1234", "1234"]}
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"

    assert twilio_signature(url=url, params=params, token="12345") == (
        "IK+Dwps556ElfBT0I3Rgjkr1wJU="
    )


# --- STOP and START -----------------------------------------------------------------------


def test_stop_opts_the_number_out(api):
    response = post(api, reply("STOP"))

    assert_empty_twiml(response)
    assert opted_out() == [PHONE]


def test_a_second_stop_changes_nothing(api):
    post(api, reply("STOP"))
    first = SmsOptOut.objects.get()

    response = post(api, reply("stop"))

    assert_empty_twiml(response)
    assert list(SmsOptOut.objects.values_list("pk", "phone")) == [(first.pk, PHONE)]


def test_start_removes_the_opt_out(api):
    SmsOptOut.objects.create(phone=PHONE)
    SmsOptOut.objects.create(phone="+17185550199")

    response = post(api, reply("Start"))

    assert_empty_twiml(response)
    assert opted_out() == ["+17185550199"]


def test_start_without_an_opt_out_is_fine(api):
    assert_empty_twiml(post(api, reply("START")))
    assert opted_out() == []


@pytest.mark.parametrize(
    "word",
    ["PARAR", "Arrêt", "kanpe", "СТОП", "退订", "수신거부", "إيقاف", "روکیں", "বন্ধ", "Ndalo"],
)
def test_stop_in_our_languages(api, word):
    assert_empty_twiml(post(api, reply(word)))
    assert opted_out() == [PHONE]


@pytest.mark.parametrize("word", ["INICIAR", "Démarrer", "старт", "开始", "시작", "শুরু"])
def test_start_in_our_languages(api, word):
    SmsOptOut.objects.create(phone=PHONE)

    assert_empty_twiml(post(api, reply(word)))
    assert opted_out() == []


@pytest.mark.parametrize("body", ["Thank you!", "Please stop texting me", "", "What time?"])
def test_other_replies_change_nothing(api, body):
    SmsOptOut.objects.create(phone="+17185550199")

    assert_empty_twiml(post(api, reply(body)))
    assert opted_out() == ["+17185550199"]


def test_the_sender_number_is_stored_normalised(api):
    assert_empty_twiml(post(api, reply("STOP", sender="(718) 555-0123")))
    assert opted_out() == [PHONE]


def test_a_sender_that_is_not_a_phone_number_is_ignored(api):
    assert_empty_twiml(post(api, reply("STOP", sender="OpenDoors")))
    assert opted_out() == []


# --- refused posts ------------------------------------------------------------------------


def assert_invalid_signature(response):
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "code": "invalid_signature",
        "message": "The request is not signed by the SMS provider.",
        "fields": {},
    }


def test_a_missing_signature_is_refused_and_changes_nothing(api):
    assert_invalid_signature(post(api, reply("STOP"), signature=None))
    assert opted_out() == []


def test_a_wrong_signature_is_refused_and_changes_nothing(api):
    SmsOptOut.objects.create(phone=PHONE)

    assert_invalid_signature(post(api, reply("START"), signature="bm90IHRoZSBzaWduYXR1cmU="))
    assert opted_out() == [PHONE]


def test_a_signature_made_with_another_token_is_refused(api):
    params = reply("STOP")
    signature = sign(f"http://testserver{PATH}", params, token="someone-elses-token")

    assert_invalid_signature(post(api, params, signature=signature))
    assert opted_out() == []


def test_a_signature_for_other_parameters_is_refused(api):
    signature = sign(f"http://testserver{PATH}", reply("Hello"))

    assert_invalid_signature(post(api, reply("STOP"), signature=signature))
    assert opted_out() == []


def test_without_an_auth_token_every_post_is_refused(api, settings):
    settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, "TWILIO_AUTH_TOKEN": ""}
    params = reply("STOP")

    assert_invalid_signature(
        post(api, params, signature=sign(f"http://testserver{PATH}", params, ""))
    )
    assert opted_out() == []


def test_a_refusal_is_json_whatever_the_provider_accepts(api):
    assert_invalid_signature(post(api, reply("STOP"), signature=None, HTTP_ACCEPT="text/xml"))


def test_a_signed_post_is_answered_whatever_the_provider_accepts(api):
    assert_empty_twiml(post(api, reply("STOP"), HTTP_ACCEPT="text/xml, */*"))


def test_a_signed_json_post_is_refused_as_unsupported(api):
    response = api.post(
        PATH, {"From": PHONE, "Body": "STOP"}, format="json", HTTP_X_TWILIO_SIGNATURE="x"
    )

    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"
    assert opted_out() == []


# --- the URL the provider signed ------------------------------------------------------------


def test_the_public_base_url_is_the_signed_url_when_set(api, settings):
    settings.PUBLIC_BASE_URL = "https://opendoors.example.org"
    params = reply("STOP")

    signed_for_request_host = sign(f"http://testserver{PATH}", params)
    assert_invalid_signature(post(api, params, signature=signed_for_request_host))

    signed_for_public_url = sign(f"https://opendoors.example.org{PATH}", params)
    assert_empty_twiml(post(api, params, signature=signed_for_public_url))
    assert opted_out() == [PHONE]


def test_the_query_string_is_part_of_the_signed_url(api):
    params = reply("STOP")
    signature = sign(f"http://testserver{PATH}?source=twilio", params)

    response = api.post(
        f"{PATH}?source=twilio",
        urlencode(params),
        content_type="application/x-www-form-urlencoded",
        HTTP_X_TWILIO_SIGNATURE=signature,
    )

    assert_empty_twiml(response)
    assert opted_out() == [PHONE]


def test_the_request_url_is_the_signed_url_when_no_public_base_url_is_set(api):
    params = reply("STOP")
    signature = sign(f"https://localhost:8443{PATH}", params)

    response = post(api, params, signature=signature, HTTP_HOST="localhost:8443", secure=True)

    assert_empty_twiml(response)
    assert opted_out() == [PHONE]


# --- the schema -----------------------------------------------------------------------------


def test_the_schema_documents_the_form_post_and_its_answers(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"][PATH]["post"]

    assert list(operation["requestBody"]["content"]) == ["application/x-www-form-urlencoded"]
    assert {"200", "403", "415"} <= set(operation["responses"])
    assert list(operation["responses"]["200"]["content"]) == ["text/xml"]
    assert operation.get("security", [{}]) == [{}]
