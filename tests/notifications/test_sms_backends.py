"""The SMS backends. TwilioBackend talks real HTTP to a fake provider on 127.0.0.1
(tests/notifications/fake_twilio.py): the provider is the only thing faked."""

import base64
import io
import json
import socket
import time
import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from events_api.notifications import sms_backends
from events_api.notifications.sms_backends import (
    ConsoleBackend,
    FileBackend,
    MemoryBackend,
    SmsFailed,
    TwilioBackend,
    get_backend,
)
from tests.notifications import fake_twilio

TO = "+17185550123"
BODY = "Your seat at P.S. 99 is confirmed: Tue 6 pm. Reply STOP to stop texts."


def key(n: int = 1) -> str:
    return f"msg-{n:04d}-registration-confirmed"


# --- TwilioBackend ------------------------------------------------------------------------


def test_twilio_posts_the_messages_api_shape_and_returns_the_sid(twilio):
    sid = get_backend().send(to=TO, body=BODY, key=key())

    assert sid.startswith("SM") and len(sid) == 34
    [request] = twilio.requests
    assert request["path"] == f"/2010-04-01/Accounts/{fake_twilio.SID}/Messages.json"
    assert request["form"] == {"To": TO, "From": "+12125550100", "Body": BODY}
    credentials = base64.b64encode(f"{fake_twilio.SID}:{fake_twilio.TOKEN}".encode()).decode()
    assert request["headers"]["Authorization"] == f"Basic {credentials}"
    assert request["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert request["headers"]["I-Twilio-Idempotency-Token"] == key()
    assert twilio.sent == [
        {"sid": sid, "key": key(), "To": TO, "From": "+12125550100", "Body": BODY}
    ]


def test_twilio_sends_non_ascii_text_intact(twilio):
    body = "আগামীকাল সন্ধ্যা ৬টায় সভা 🎉 — توقف"
    get_backend().send(to=TO, body=body, key=key())

    assert twilio.sent[0]["Body"] == body


def test_the_same_key_never_makes_two_texts(twilio):
    backend = get_backend()
    first = backend.send(to=TO, body=BODY, key=key(1))
    again = backend.send(to=TO, body=BODY, key=key(1))
    other = backend.send(to=TO, body=BODY, key=key(2))

    assert again == first
    assert other != first
    assert [sent["key"] for sent in twilio.sent] == [key(1), key(2)]
    assert len(twilio.requests) == 3


def test_a_server_error_is_retryable_and_the_retry_sends_once(twilio):
    twilio.script = ["500"]
    backend = get_backend()

    with pytest.raises(SmsFailed) as failed:
        backend.send(to=TO, body=BODY, key=key())
    sid = backend.send(to=TO, body=BODY, key=key())

    assert failed.value.retry is True
    assert failed.value.reason == "HTTP 500 (20500): Try later"
    assert [sent["sid"] for sent in twilio.sent] == [sid]


def test_too_many_requests_is_retryable(twilio):
    twilio.script = ["429"]

    with pytest.raises(SmsFailed) as failed:
        get_backend().send(to=TO, body=BODY, key=key())

    assert failed.value.retry is True
    assert twilio.sent == []


def test_an_invalid_number_is_final_and_its_reason_has_no_number(twilio):
    twilio.script = ["400-21211"]

    with pytest.raises(SmsFailed) as failed:
        get_backend().send(to=TO, body=BODY, key=key())

    assert failed.value.retry is False
    assert failed.value.code == "21211"
    assert failed.value.reason == (
        "HTTP 400 (21211): The 'To' number [number] is not a valid phone number."
    )
    assert TO not in str(failed.value) and BODY not in str(failed.value)
    assert twilio.sent == []


def test_an_unsubscribed_recipient_is_final(twilio):
    twilio.script = ["400-21610"]

    with pytest.raises(SmsFailed) as failed:
        get_backend().send(to=TO, body=BODY, key=key())

    assert (failed.value.retry, failed.value.code) == (False, "21610")
    assert failed.value.reason == "HTTP 400 (21610): Attempt to send to unsubscribed recipient"


def test_wrong_credentials_wait_for_an_operator_rather_than_fail_the_message(twilio, notifications):
    notifications(TWILIO_AUTH_TOKEN="not-the-token")

    with pytest.raises(SmsFailed) as failed:
        get_backend().send(to=TO, body=BODY, key=key())

    assert (failed.value.retry, failed.value.code) == (True, "20003")
    assert "not-the-token" not in failed.value.reason


def test_a_lost_answer_times_out_and_the_retry_with_the_same_key_sends_nothing_more(
    twilio, notifications
):
    notifications(SMS_TIMEOUT_SECONDS=0.5)
    twilio.script = ["accept-then-hang"]
    backend = get_backend()

    started = time.monotonic()
    with pytest.raises(SmsFailed) as failed:
        backend.send(to=TO, body=BODY, key=key())
    waited = time.monotonic() - started
    sid = backend.send(to=TO, body=BODY, key=key())

    assert failed.value.retry is True
    assert failed.value.reason == "No answer within 0.5 s."
    assert 0.4 < waited < 3
    assert [sent["sid"] for sent in twilio.sent] == [sid]


def test_a_refused_connection_is_retryable(notifications):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    notifications(
        SMS_BACKEND="events_api.notifications.sms_backends.TwilioBackend",
        TWILIO_BASE_URL=f"http://127.0.0.1:{port}",
        TWILIO_ACCOUNT_SID=fake_twilio.SID,
        TWILIO_AUTH_TOKEN=fake_twilio.TOKEN,
        SMS_FROM="+12125550100",
    )

    with pytest.raises(SmsFailed) as failed:
        get_backend().send(to=TO, body=BODY, key=key())

    assert failed.value.retry is True
    assert failed.value.reason.startswith("Provider unreachable:")
    assert TO not in failed.value.reason


@pytest.mark.parametrize(
    ("missing", "value"),
    [
        ("TWILIO_ACCOUNT_SID", ""),
        ("TWILIO_AUTH_TOKEN", ""),
        ("SMS_FROM", ""),
        ("TWILIO_BASE_URL", "file:///etc"),
    ],
)
def test_twilio_without_its_settings_is_a_configuration_error(
    twilio, notifications, missing, value
):
    notifications(**{missing: value})

    with pytest.raises(ImproperlyConfigured):
        get_backend()


# --- the other backends -------------------------------------------------------------------


def test_memory_keeps_texts_in_the_outbox_and_refuses_a_repeated_key(notifications):
    notifications(SMS_BACKEND="events_api.notifications.sms_backends.MemoryBackend")
    backend = get_backend()

    first = backend.send(to=TO, body=BODY, key=key(1))
    again = backend.send(to=TO, body="changed", key=key(1))
    other = backend.send(to=TO, body=BODY, key=key(2))

    assert isinstance(backend, MemoryBackend)
    assert again == first and other != first
    assert [(m["id"], m["to"], m["body"], m["key"]) for m in sms_backends.outbox] == [
        (first, TO, BODY, key(1)),
        (other, TO, BODY, key(2)),
    ]


def test_memory_raises_a_queued_failure_once_and_sends_nothing():
    sms_backends.failures.append(SmsFailed("HTTP 503", retry=True))
    backend = MemoryBackend()

    with pytest.raises(SmsFailed) as failed:
        backend.send(to=TO, body=BODY, key=key())
    message_id = backend.send(to=TO, body=BODY, key=key())

    assert failed.value.retry is True
    assert [m["id"] for m in sms_backends.outbox] == [message_id]


def test_file_appends_one_json_line_per_text_and_creates_its_folder(notifications, tmp_path):
    path = tmp_path / "var" / "sms" / "sms.jsonl"
    notifications(
        SMS_BACKEND="events_api.notifications.sms_backends.FileBackend", SMS_FILE_PATH=str(path)
    )
    backend = get_backend()

    first = backend.send(to=TO, body=BODY, key=key(1))
    second = backend.send(to="+17185550199", body="Tiempo: mañana 🎉", key=key(2))
    again = backend.send(to=TO, body=BODY, key=key(1))

    assert isinstance(backend, FileBackend)
    assert (first, second, again) == ("file-1", "file-2", "file-1")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [{k: v for k, v in line.items() if k != "at"} for line in lines] == [
        {"to": TO, "body": BODY, "key": key(1)},
        {"to": "+17185550199", "body": "Tiempo: mañana 🎉", "key": key(2)},
    ]
    assert all(line["at"].endswith("+00:00") for line in lines)


def test_console_prints_one_block_per_text():
    stream = io.StringIO()
    backend = ConsoleBackend(stream=stream)

    # The backend remembers keys for the life of the process: a key of this run's own.
    key = f"console-test-{uuid.uuid4()}"
    first = backend.send(to=TO, body=BODY, key=key)
    again = backend.send(to=TO, body=BODY, key=key)

    assert first.startswith("console-") and again == first
    assert stream.getvalue() == (
        f"SMS {first}\nTo: {TO}\nKey: {key}\nSegments: 1 (GSM-7)\n\n{BODY}\n" + "-" * 79 + "\n"
    )


def test_console_writes_to_stdout(notifications, capsys):
    notifications(SMS_BACKEND="events_api.notifications.sms_backends.ConsoleBackend")
    backend = get_backend()
    backend.send(to=TO, body="Hello", key=f"console-test-{uuid.uuid4()}")

    assert isinstance(backend, ConsoleBackend)
    assert "To: +17185550123\n" in capsys.readouterr().out


def test_get_backend_follows_override_settings():
    from django.conf import settings

    changed = {
        **settings.NOTIFICATIONS,
        "SMS_BACKEND": "events_api.notifications.sms_backends.ConsoleBackend",
    }
    with override_settings(NOTIFICATIONS=changed):
        assert type(get_backend()) is ConsoleBackend
    assert type(get_backend()) is MemoryBackend  # the test settings' backend


def test_the_base_backend_sends_nothing():
    with pytest.raises(NotImplementedError):
        sms_backends.SmsBackend().send(to=TO, body=BODY, key=key())


def test_twilio_backend_is_importable_by_its_dotted_path(twilio):
    assert type(get_backend()) is TwilioBackend
