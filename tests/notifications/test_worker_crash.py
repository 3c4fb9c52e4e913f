"""A real worker (`manage.py db_worker`, another process) is killed while the provider
holds its text: the message stays claimed, and once the claim runs out it is sent again
with the same idempotency key, so the family gets one text, not two."""

import os
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from events_api.notifications import delivery
from events_api.notifications.models import Kind, Message, Status
from tests.factories import EventFactory
from tests.notifications import fake_twilio

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def database_url() -> str:
    """The test database, for a process of its own."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    user, host, port = database["USER"], database["HOST"], database["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{database['NAME']}"


def worker(fake) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "events_api.test_settings",
        "DATABASE_URL": database_url(),
        "TEST_SMS_BACKEND": "events_api.notifications.sms_backends.TwilioBackend",
        "TWILIO_BASE_URL": fake.url,
        "TWILIO_ACCOUNT_SID": fake_twilio.SID,
        "TWILIO_AUTH_TOKEN": fake_twilio.TOKEN,
        "SMS_FROM": "+12125550100",
        "SMS_TIMEOUT_SECONDS": "60",
    }
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
    return subprocess.Popen(
        command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def test_a_worker_killed_mid_send_leaves_one_text_not_two(api, twilio):
    event = EventFactory()
    response = api.post(
        f"/api/v1/events/{event.pk}/registrations/", {"name": "A", "phone": "(718) 555-0170"}
    )
    assert response.status_code == 201
    twilio.script.append("accept-then-hang")
    process = worker(twilio)
    try:
        deadline = time.monotonic() + 60
        while not twilio.sent and time.monotonic() < deadline:
            assert process.poll() is None, "the worker stopped before sending"
            time.sleep(0.05)
        assert len(twilio.sent) == 1, "the worker never reached the provider"
    finally:
        process.kill()  # between the provider taking the text and the outbox hearing it
        process.communicate(timeout=30)
    message = Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED)
    assert message.status == Status.SENDING  # claimed by the dead worker
    assert delivery.deliver_due() == {}  # its claim still runs
    Message.objects.filter(pk=message.pk).update(claimed_until=timezone.now() - timedelta(1))
    assert delivery.deliver_due() == {"sent": 1}
    message.refresh_from_db()
    assert message.status == Status.SENT and message.provider_id == twilio.sent[0]["sid"]
    assert len(twilio.sent) == 1
    assert [r["headers"]["I-Twilio-Idempotency-Token"] for r in twilio.requests] == [
        message.idempotency_key
    ] * 2
