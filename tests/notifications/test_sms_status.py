"""Delivery reports: with a public address the provider is asked to report on each text
(StatusCallback), and its signed reports land in the message's delivery log."""

from urllib.parse import urlencode

import pytest

from events_api.notifications import services
from events_api.notifications.models import Delivery, Kind, Message, SmsOptOut
from tests.factories import EventFactory
from tests.notifications.test_sms_webhook import TOKEN, sign

pytestmark = pytest.mark.django_db
PATH = "/api/v1/sms/status/"


@pytest.fixture
def sent_text(api, settings):
    settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, "TWILIO_AUTH_TOKEN": TOKEN}
    event = EventFactory()
    response = api.post(
        f"/api/v1/events/{event.pk}/registrations/", {"name": "A", "phone": "(718) 555-0160"}
    )
    assert response.status_code == 201
    services.deliver_due()
    return Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED)


def report(api, params, signature="sign"):
    if signature == "sign":
        signature = sign(f"http://testserver{PATH}", params)
    return api.post(
        PATH,
        urlencode(params),
        content_type="application/x-www-form-urlencoded",
        HTTP_X_TWILIO_SIGNATURE=signature,
    )


def test_a_delivered_report_goes_into_the_log_once(api, sent_text):
    params = {"MessageSid": sent_text.provider_id, "MessageStatus": "delivered"}
    assert report(api, params).status_code == 204
    assert report(api, params).status_code == 204
    steps = list(sent_text.deliveries.values_list("status", flat=True))
    assert steps == ["queued", "sending", "sent", "delivered"]


def test_an_unsubscribed_number_is_remembered(api, sent_text):
    params = {
        "MessageSid": sent_text.provider_id,
        "MessageStatus": "undelivered",
        "ErrorCode": "21610",
    }
    assert report(api, params).status_code == 204
    assert Delivery.objects.filter(message=sent_text, status="undelivered").exists()
    assert SmsOptOut.objects.filter(phone="+17185550160").exists()


def test_an_unsigned_or_forged_report_changes_nothing(api, sent_text):
    params = {"MessageSid": sent_text.provider_id, "MessageStatus": "delivered"}
    forged = report(api, params, signature="bm90IGEgc2lnbmF0dXJl")
    assert forged.status_code == 403 and forged.json()["code"] == "invalid_signature"
    assert not Delivery.objects.filter(status="delivered").exists()


def test_the_provider_is_asked_for_reports_only_when_it_can_reach_us(settings):
    from events_api.notifications.sms_backends import status_callback_url

    settings.PUBLIC_BASE_URL = ""
    assert status_callback_url() == ""
    settings.PUBLIC_BASE_URL = "https://opendoors.example.org"
    assert status_callback_url() == "https://opendoors.example.org/api/v1/sms/status/"


def test_twilio_is_given_the_status_callback(twilio, settings):
    from events_api.notifications.sms_backends import get_backend

    settings.PUBLIC_BASE_URL = "https://opendoors.example.org"
    get_backend().send(to="+17185550161", body="Hello", key="k" * 64)
    [request] = twilio.requests
    assert request["form"]["StatusCallback"] == "https://opendoors.example.org/api/v1/sms/status/"
