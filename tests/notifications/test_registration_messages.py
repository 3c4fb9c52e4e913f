"""A family hears about its registration: confirmed or on the waiting list, then promoted,
by the channel it chose and in its language; each message once, none when nothing
happened, and never lost when a worker dies or the provider fails for a while."""

from datetime import timedelta
from email import message_from_bytes
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from events_api.events.consent import CONSENT_VERSION
from events_api.events.errors import EventFull
from events_api.events.models import Registration
from events_api.events.passes import hash_token
from events_api.events.services import registration as registration_services
from events_api.notifications import delivery, outbox, services, sms_backends
from events_api.notifications.models import Kind, Message, SmsOptOut, Status
from events_api.notifications.sms_backends import SmsFailed
from tests.conftest import client_for
from tests.factories import EventFactory, OrganizationMembershipFactory, UserFactory

CONSENTED = {"consent": True, "consent_version": CONSENT_VERSION, "consent_language": "en"}

pytestmark = pytest.mark.django_db


def register(client, event, body, **extra):
    response = client.post(f"/api/v1/events/{event.pk}/registrations/", body, **extra)
    assert response.status_code == 201, response.json()
    return response


def deliver_all() -> dict[str, int]:
    return services.deliver_due()


def test_a_guest_with_a_phone_gets_a_text_in_bangla_with_her_code_and_link(api):
    event = EventFactory(title={"en": "Meet the principal", "bn": "প্রধান শিক্ষকের সাথে দেখা"})
    response = register(
        api, event, {"name": "Farida", "phone": "(718) 555-0101"}, QUERY_STRING="lang=bn"
    )
    token = response.json()["manage_token"]
    message = Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED)
    assert (message.kind, message.channel, message.to, message.language) == (
        Kind.REGISTRATION_CONFIRMED,
        "sms",
        "+17185550101",
        "bn",
    )
    assert deliver_all() == {"sent": 1}
    [text] = sms_backends.outbox
    assert text["to"] == "+17185550101"
    assert "প্রধান শিক্ষকের সাথে দেখা" in text["body"]
    code = response.json()["pass_code"]
    assert f"{code[:3]} {code[3:]}" in text["body"]
    assert text["body"].endswith(f"/manage#{token}")
    assert "Open Doors" in text["body"]
    message.refresh_from_db()
    assert message.status == Status.SENT and message.sent_at is not None
    # Sent: the outbox keeps no copy of the text, the log only the steps.
    assert (message.body, message.html, message.attachment) == ("", "", "")
    assert [d.status for d in message.deliveries.all()] == ["queued", "sending", "sent"]
    assert deliver_all() == {}


def test_a_guest_who_chose_email_gets_an_email_with_the_event_in_her_calendar(api):
    event = EventFactory(title={"en": "Family night", "es": "Noche familiar"})
    register(
        api,
        event,
        {"name": "Ana", "email": "ana@example.org", "phone": "(718) 555-0102", "channel": "email"},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert deliver_all() == {"sent": 1}
    [email] = mail.outbox
    assert email.to == ["ana@example.org"]
    assert "Noche familiar" in email.subject
    assert "Noche familiar" in email.body
    assert email.alternatives[0].mimetype == "text/html"
    assert 'lang="es"' in email.alternatives[0].content
    [(filename, ics, mimetype)] = email.attachments
    assert filename == "event.ics" and mimetype.startswith("text/calendar")
    assert f"UID:event-{event.pk}@" in ics and "SUMMARY:Noche familiar" in ics
    assert "STATUS:CONFIRMED" in ics
    parsed = message_from_bytes(email.message().as_bytes())
    key = Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED).idempotency_key
    assert parsed["Message-ID"].startswith(f"<{key}@")


def test_arabic_email_reads_right_to_left(api):
    register(
        api, EventFactory(), {"name": "Amal", "email": "amal@example.org"}, QUERY_STRING="lang=ar"
    )
    deliver_all()
    assert 'dir="rtl"' in mail.outbox[0].alternatives[0].content


def test_choosing_email_without_an_address_is_refused_and_nothing_is_queued(api):
    event = EventFactory()
    response = api.post(
        f"/api/v1/events/{event.pk}/registrations/",
        {"name": "Ana", "phone": "(718) 555-0102", "channel": "email"},
    )
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["email"]
    assert not Registration.objects.exists() and not Message.objects.exists()


def test_an_invalid_phone_number_is_refused_and_never_queued(api):
    response = api.post(
        f"/api/v1/events/{EventFactory().pk}/registrations/", {"name": "A", "phone": "12"}
    )
    assert response.status_code == 400
    assert not Message.objects.exists()


def test_a_family_reached_by_phone_calls_gets_no_written_message(api):
    register(
        api, EventFactory(), {"name": "Rosa", "phone": "(718) 555-0103", "channel": "phone_call"}
    )
    assert not Message.objects.exists()


def test_an_account_is_reached_the_way_it_chose():
    texter = UserFactory(preferred_channel="sms", phone="+17185550104", preferred_language_id="ur")
    register(client_for(texter), EventFactory(), {})
    message = Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED)
    assert (message.channel, message.to, message.language) == ("sms", "+17185550104", "ur")


def test_a_family_registered_by_a_cbo_is_confirmed_to_the_staff_member_who_did_it():
    membership = OrganizationMembershipFactory(
        user__preferred_channel="email", user__preferred_language_id="en"
    )
    body = {"name": "Chen Mei", **CONSENTED, "organization": membership.organization.pk}
    register(client_for(membership.user), EventFactory(), body)
    deliver_all()
    [email] = mail.outbox
    assert email.to == [membership.user.email]
    assert "Chen Mei has a seat" in email.body


def test_a_waitlisted_family_hears_its_place_and_then_that_it_has_a_seat(api):
    event = EventFactory(capacity=1)
    first = register(api, event, {"name": "First", "phone": "(718) 555-0110"}).json()
    register(api, event, {"name": "Second", "phone": "(718) 555-0111"})
    waiting = Message.objects.get(registration__name="Second")
    assert waiting.kind == Kind.REGISTRATION_WAITLISTED
    assert "number 1" in waiting.body
    deliver_all()
    registration_services.cancel(registration_id=first["id"])
    promoted = Message.objects.get(kind=Kind.PROMOTED)
    assert promoted.to == "+17185550111"
    assert deliver_all() == {"sent": 1}
    assert "a seat is free for you" in sms_backends.outbox[-1]["body"]


def test_a_replayed_registration_queues_one_message_with_the_new_link(api):
    event = EventFactory()
    body = {"name": "Farida", "phone": "(718) 555-0101"}
    register(api, event, body, HTTP_IDEMPOTENCY_KEY="family-key-00000001")
    again = register(api, event, body, HTTP_IDEMPOTENCY_KEY="family-key-00000001")
    token = again.json()["manage_token"]
    message = Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED)
    assert message.body.endswith(f"/manage#{token}")
    assert Registration.objects.get().manage_token_hash == hash_token(token)


def test_a_registration_refused_at_the_door_queues_nothing():
    event = EventFactory(capacity=0)
    with pytest.raises(EventFull):
        registration_services.walk_in(
            event_id=event.pk,
            contact=registration_services.Contact(name="X", phone="+17185550120"),
            party=registration_services.Party(adults=1, children=0),
            needs=registration_services.Needs(),
            by=UserFactory(),
        )
    assert not Message.objects.exists()


def test_a_worker_that_died_after_claiming_leaves_a_message_another_sends_once(api):
    register(api, EventFactory(), {"name": "Farida", "phone": "(718) 555-0101"})
    message = Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED)
    # A worker claims the message and dies before sending.
    assert delivery._claim(message.pk) is not None
    assert services.deliver(message.pk) == "skipped"  # its claim still runs
    Message.objects.filter(pk=message.pk).update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    assert deliver_all() == {"sent": 1}
    assert len(sms_backends.outbox) == 1


def test_a_worker_that_died_after_the_provider_took_the_text_does_not_send_it_twice(api):
    register(api, EventFactory(), {"name": "Farida", "phone": "(718) 555-0101"})
    message = Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED)
    assert services.deliver(message.pk) == "sent"
    # As if the worker had died between the provider's answer and marking it sent.
    Message.objects.filter(pk=message.pk).update(
        status=Status.SENDING,
        claimed_until=timezone.now() - timedelta(seconds=1),
        body="again",
    )
    assert services.deliver(message.pk) == "sent"
    assert len(sms_backends.outbox) == 1  # the provider saw the same key


def test_a_provider_failing_for_a_while_is_retried_then_succeeds(api):
    register(api, EventFactory(), {"name": "Farida", "phone": "(718) 555-0101"})
    message = Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED)
    sms_backends.failures.append(SmsFailed("provider answered 500", retry=True))
    assert services.deliver(message.pk) == "retry"
    message.refresh_from_db()
    assert message.status == Status.QUEUED and message.attempts == 1
    assert message.not_before > timezone.now()
    assert deliver_all() == {}  # not due yet
    Message.objects.filter(pk=message.pk).update(not_before=timezone.now())
    assert deliver_all() == {"sent": 1}
    assert [d.status for d in message.deliveries.all()] == [
        "queued",
        "sending",
        "retry",
        "sending",
        "sent",
    ]


@override_settings(NOTIFICATIONS={**settings.NOTIFICATIONS, "MAX_ATTEMPTS": 2})
def test_a_refused_or_always_failing_message_ends_failed_with_the_reason(api):
    register(api, EventFactory(), {"name": "A", "phone": "(718) 555-0101"})
    message = Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED)
    sms_backends.failures.append(SmsFailed("21211: not a valid phone number", retry=False))
    assert services.deliver(message.pk) == "failed"
    message.refresh_from_db()
    assert (message.status, message.error) == (Status.FAILED, "21211: not a valid phone number")


def test_a_number_that_replied_stop_gets_no_more_texts(api):
    SmsOptOut.objects.create(phone="+17185550101")
    register(api, EventFactory(), {"name": "A", "phone": "(718) 555-0101"})
    assert deliver_all() == {"held": 1}
    assert sms_backends.outbox == []


@override_settings(NOTIFICATIONS={**settings.NOTIFICATIONS, "QUIET_HOURS": (21, 8)})
def test_texts_wait_for_the_morning_in_the_events_zone():
    evening = timezone.datetime(2027, 3, 5, 22, 30, tzinfo=timezone.get_fixed_timezone(-300))
    morning = outbox.quiet_until(evening, "America/New_York")
    assert morning.isoformat() == "2027-03-06T13:00:00+00:00"  # 08:00 in New York
    early = timezone.datetime(2027, 3, 6, 6, 0, tzinfo=timezone.get_fixed_timezone(-300))
    assert outbox.quiet_until(early, "America/New_York") == morning
    noon = timezone.datetime(2027, 3, 6, 12, 0, tzinfo=timezone.get_fixed_timezone(-300))
    assert outbox.quiet_until(noon, "America/New_York") == noon


@override_settings(NOTIFICATIONS={**settings.NOTIFICATIONS, "QUIET_HOURS": (0, 0)})
def test_a_text_queued_in_quiet_hours_is_held_until_they_end(api):
    register(api, EventFactory(), {"name": "A", "phone": "(718) 555-0101"})
    message = Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED)
    # Quiet all day: held until the next midnight in the event's zone (which may be
    # minutes away when the test runs late in the evening there).
    local = message.not_before.astimezone(ZoneInfo(message.event.timezone))
    assert message.not_before > timezone.now()
    assert (local.hour, local.minute, local.second) == (0, 0, 0)
    assert deliver_all() == {}
    assert sms_backends.outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_delivers_what_registration_queued(api):
    """The real path: the registration enqueues a task in the same transaction; the
    database worker runs it (and closes its connections: a transactional test)."""
    register(api, EventFactory(), {"name": "A", "phone": "(718) 555-0101"})
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert len(sms_backends.outbox) == 1
    assert Message.objects.get(kind=Kind.REGISTRATION_CONFIRMED).status == Status.SENT


def test_the_sweep_command_sends_what_is_due(api):
    from io import StringIO

    register(api, EventFactory(), {"name": "A", "phone": "(718) 555-0101"})
    out = StringIO()
    call_command("send_messages", stdout=out)
    assert out.getvalue().strip() == "1 sent"
    call_command("send_messages", stdout=out)
    assert out.getvalue().strip().endswith("nothing due")


def test_a_number_the_provider_says_unsubscribed_is_remembered(api):
    register(api, EventFactory(), {"name": "A", "phone": "(718) 555-0101"})
    sms_backends.failures.append(SmsFailed("unsubscribed", retry=False, code="21610"))
    assert deliver_all() == {"failed": 1}
    assert SmsOptOut.objects.filter(phone="+17185550101").exists()


def test_no_more_than_four_texts_an_hour_reach_one_number(api):
    """A family registering for five sessions of a day: four texts now, the fifth an hour
    after the first."""
    for _ in range(5):
        register(api, EventFactory(), {"name": "Farida", "phone": "(718) 555-0101"})
    confirmations = Message.objects.filter(kind=Kind.REGISTRATION_CONFIRMED).order_by("pk")
    times = [m.not_before for m in confirmations]
    assert max(times[:4]) - min(times[:4]) < timedelta(minutes=1)
    assert times[4] >= times[0] + timedelta(hours=1)
    assert deliver_all() == {"sent": 4}


def test_registering_a_contact_again_sends_its_pass_to_the_contact_on_file_once(api):
    """Someone else used Farida's number: the 409 tells them nothing, and Farida gets her
    code again (once, however often it is tried)."""
    event = EventFactory(title={"en": "Meet the principal"})
    first = register(api, event, {"name": "Farida", "phone": "(718) 555-0101"}).json()
    deliver_all()
    for name in ("Someone else", "Someone else again"):
        again = api.post(
            f"/api/v1/events/{event.pk}/registrations/", {"name": name, "phone": "(718) 555-0101"}
        )
        assert again.status_code == 409 and again.json()["code"] == "already_registered"
        assert first["pass_code"] not in again.content.decode()
    [message] = Message.objects.filter(kind=Kind.ALREADY_REGISTERED)
    assert (message.to, message.registration_id) == ("+17185550101", first["id"])
    assert deliver_all() == {"sent": 1}
    text = sms_backends.outbox[-1]["body"]
    code = first["pass_code"]
    assert f"{code[:3]} {code[3:]}" in text and "already have a seat" in text
    assert text.endswith(f"/events/{event.pk}")  # the event's page: no new manage link
    assert Registration.objects.filter(event=event).count() == 1


def test_a_waiting_contact_registered_again_is_not_sent_a_code(api):
    event = EventFactory(capacity=1)
    register(api, event, {"name": "A", "phone": "(718) 555-0101"})
    register(api, event, {"name": "B", "phone": "(718) 555-0102"})  # waitlisted
    again = api.post(
        f"/api/v1/events/{event.pk}/registrations/", {"name": "C", "phone": "(718) 555-0102"}
    )
    assert again.status_code == 409
    assert not Message.objects.filter(kind=Kind.ALREADY_REGISTERED).exists()
