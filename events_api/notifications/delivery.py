"""Delivering what the outbox holds, in the worker (tasks.deliver_pending):

1. claim: in a short transaction, due messages (or ones whose earlier claim ran out: a
   worker died) are marked ``sending`` until ``now + CLAIM_SECONDS``, a batch at a time;
2. send each outside any transaction, giving the provider the message's idempotency key
   (a retried text after a crash is not sent twice; an email carries a Message-ID made
   from it);
3. mark it sent (its text is then emptied), or schedule a retry with backoff, or fail it
   for good with the provider's reason.
"""

import logging
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from events_api.calendars.links import uid_host
from events_api.notifications.models import Channel, Delivery, Message, SmsOptOut, Status
from events_api.notifications.sms_backends import SmsFailed, get_backend

log = logging.getLogger(__name__)

# The provider's code for a number that replied STOP to it directly.
UNSUBSCRIBED = "21610"
# Waits before the 2nd, 3rd, … attempt of a message that failed for a passing reason.
BACKOFF = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)]


def _due(now: datetime) -> Q:
    """Queued and due, or claimed by a worker whose claim ran out (it died mid-send)."""
    return Q(status=Status.QUEUED, not_before__lte=now) | Q(
        status=Status.SENDING, claimed_until__lte=now
    )


def _claim(message_id: int) -> Message | None:
    """Take one message for this worker, or None when it is not due, done, or another
    worker's claim on it is still running."""
    claimed = _claim_where(Q(pk=message_id), limit=1)
    return claimed[0] if claimed else None


def _claim_where(condition: Q, *, limit: int) -> list[Message]:
    """Mark up to ``limit`` due messages ``sending`` for CLAIM_SECONDS, in one short
    transaction; rows another worker holds are skipped, not waited for."""
    now = timezone.now()
    until = now + timedelta(seconds=settings.NOTIFICATIONS["CLAIM_SECONDS"])
    with transaction.atomic():
        ids = list(
            Message.objects.select_for_update(skip_locked=True)
            .filter(condition, _due(now))
            .order_by("not_before", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        if not ids:
            return []
        Message.objects.filter(pk__in=ids).update(
            status=Status.SENDING, attempts=F("attempts") + 1, claimed_until=until
        )
        claimed = list(Message.objects.filter(pk__in=ids).order_by("not_before", "pk"))
        Delivery.objects.bulk_create(
            Delivery(message=message, status=Status.SENDING, detail=f"attempt {message.attempts}")
            for message in claimed
        )
    return claimed


def deliver(message_id: int) -> str:
    """Send one message if it is due and nobody else is sending it; returns what became of
    it (``sent``, ``retry``, ``failed``, ``held``, or ``skipped``)."""
    message = _claim(message_id)
    return "skipped" if message is None else _deliver_claimed(message)


def _deliver_claimed(message: Message) -> str:
    if message.channel == Channel.SMS and SmsOptOut.objects.filter(phone=message.to).exists():
        return _finish(message, Status.HELD, detail="the number replied STOP")
    try:
        provider_id = _send(message)
    except SmsFailed as failure:
        if failure.code == UNSUBSCRIBED:
            # The person replied STOP to the provider itself: remember it here too.
            SmsOptOut.objects.get_or_create(phone=message.to)
        return _failed(message, failure.reason, retry=failure.retry)
    except OSError as failure:  # SMTP and network errors: try again later
        return _failed(message, type(failure).__name__, retry=True)
    return _finish(message, Status.SENT, provider_id=provider_id)


def _send(message: Message) -> str:
    if message.channel == Channel.SMS:
        return get_backend().send(to=message.to, body=message.body, key=message.idempotency_key)
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body,
        to=[message.to],
        headers={"Message-ID": f"<{message.idempotency_key}@{uid_host()}>"},
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    if message.attachment:
        email.attach("event.ics", message.attachment, "text/calendar; charset=utf-8")
    email.send()
    return ""


def _finish(message: Message, status: str, *, provider_id: str = "", detail: str = "") -> str:
    """Sent or held: done with the message; its text and address-bound content go."""
    message.status = status
    message.provider_id = provider_id[:100]
    message.claimed_until = None
    message.error = detail
    message.body = message.html = message.attachment = ""
    if status == Status.SENT:
        message.sent_at = timezone.now()
    message.save()
    Delivery.objects.create(message=message, status=status, detail=detail)
    log.info("message %s %s", message.pk, status)
    return status


def _failed(message: Message, reason: str, *, retry: bool) -> str:
    reason = reason[:300]
    if retry and message.attempts < settings.NOTIFICATIONS["MAX_ATTEMPTS"]:
        wait = BACKOFF[min(message.attempts - 1, len(BACKOFF) - 1)]
        message.status = Status.QUEUED
        message.claimed_until = None
        message.not_before = timezone.now() + wait
        message.error = reason
        message.save(update_fields=["status", "claimed_until", "not_before", "error"])
        Delivery.objects.create(message=message, status="retry", detail=reason)
        log.info("message %s will be tried again", message.pk)
        return "retry"
    message.status = Status.FAILED
    message.claimed_until = None
    message.error = reason
    message.save(update_fields=["status", "claimed_until", "error"])
    Delivery.objects.create(message=message, status=Status.FAILED, detail=reason)
    log.warning("message %s failed", message.pk)
    return "failed"


def next_retry() -> datetime | None:
    """When the earliest message waiting to be tried again is due."""
    waiting = Message.objects.filter(status=Status.QUEUED, attempts__gt=0)
    return waiting.order_by("not_before").values_list("not_before", flat=True).first()


def deliver_due(*, limit: int = 1000, batch: int = 50) -> dict[str, int]:
    """Deliver up to ``limit`` messages that are due, including any a dead worker left
    claimed, at most RATE_PER_SECOND a second (0: as fast as they go). Claims them
    ``batch`` at a time, fewer when the rate is slow, so a batch is always sent well
    within its claim. Returns how many ended how."""
    rate = settings.NOTIFICATIONS["RATE_PER_SECOND"]
    if rate:
        claim = settings.NOTIFICATIONS["CLAIM_SECONDS"]
        batch = max(1, min(batch, int(claim * rate / 2)))
    outcomes: dict[str, int] = {}
    remaining = limit
    while remaining > 0:
        claimed = _claim_where(Q(), limit=min(batch, remaining))
        if not claimed:
            break
        remaining -= len(claimed)
        for message in claimed:
            started = time.monotonic()
            outcome = _deliver_claimed(message)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            if rate:
                time.sleep(max(0.0, 1 / rate - (time.monotonic() - started)))
    return outcomes
