"""The outbox: every message to a person is a row written in the same transaction as the
change that causes it, then delivered by a background task. A message is sent at most
once per idempotency key and never lost: a worker that dies mid-send leaves a claim that
expires, and the provider is given the same key again so it does not send twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message (SMS)")


class Kind(models.TextChoices):
    REGISTRATION_CONFIRMED = "registration_confirmed", _("Registration confirmed")
    REGISTRATION_WAITLISTED = "registration_waitlisted", _("On the waiting list")
    PROMOTED = "promoted", _("A seat from the waiting list")
    EVENT_CHANGED = "event_changed", _("The event moved")
    EVENT_CANCELLED = "event_cancelled", _("The event is cancelled")
    REMINDER = "reminder", _("Reminder, days before")
    REMINDER_TODAY = "reminder_today", _("Reminder, on the morning of the event")
    JOB_ASSIGNED = "job_assigned", _("Interpreting job offered")
    JOB_CHANGED = "job_changed", _("Interpreting job moved")
    JOB_WITHDRAWN = "job_withdrawn", _("Interpreting job withdrawn")
    MEETING_SCHEDULED = "meeting_scheduled", _("A meeting is scheduled")
    MEETING_MOVED = "meeting_moved", _("A meeting moved")
    MEETING_CANCELLED = "meeting_cancelled", _("A meeting is cancelled")
    AGENDA_PUBLISHED = "agenda_published", _("An agenda is published")
    MINUTES_APPROVED = "minutes_approved", _("Minutes are approved")
    SERIES_SCHEDULED = "series_scheduled", _("A series of meetings is scheduled")
    COMMITTEE_INVITATION = "committee_invitation", _("Invitation to a committee")
    ALREADY_REGISTERED = "already_registered", _("Registered already: the code again")


REMINDERS = (Kind.REMINDER, Kind.REMINDER_TODAY)
JOBS = (Kind.JOB_ASSIGNED, Kind.JOB_CHANGED, Kind.JOB_WITHDRAWN)
# News for the members of a group (a committee) about one of its meetings.
MEMBER_NEWS = (
    Kind.MEETING_SCHEDULED,
    Kind.MEETING_MOVED,
    Kind.MEETING_CANCELLED,
    Kind.AGENDA_PUBLISHED,
    Kind.MINUTES_APPROVED,
)


# A later one of these makes an earlier one that is still queued pointless.
SUPERSEDING = (Kind.EVENT_CHANGED, Kind.EVENT_CANCELLED)


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    HELD = "held", _("Not sent")


class Message(models.Model):
    """One message to one address. ``subject``/``body``/``html`` are rendered when it is
    queued, in the recipient's language (the manage link's token exists only then), and
    emptied once it is sent: the outbox is not a second copy of people's data."""

    kind = models.CharField(max_length=40, choices=Kind.choices)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    to = models.CharField(max_length=254)
    language = models.CharField(max_length=16)
    idempotency_key = models.CharField(max_length=64, unique=True)
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, null=True, related_name="messages"
    )
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.SET_NULL, null=True, related_name="messages"
    )
    assignment = models.ForeignKey(
        "interpretation.Assignment", on_delete=models.SET_NULL, null=True, related_name="messages"
    )
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    html = models.TextField(blank=True)
    attachment = models.TextField(blank=True, help_text="An iCalendar document, for email.")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    not_before = models.DateTimeField(help_text="Quiet hours and retries hold it until then.")
    claimed_until = models.DateTimeField(null=True, blank=True)
    provider_id = models.CharField(max_length=100, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Set when the address and the text were removed (docs/privacy.md).
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["status", "not_before"], name="message_due"),
            models.Index(
                fields=["event"],
                condition=models.Q(anonymised_at__isnull=True),
                name="message_not_anonymised",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(to="") | models.Q(anonymised_at__isnull=False),
                name="message_has_an_address",
            ),
        ]

    def __str__(self) -> str:
        return f"message {self.pk} ({self.kind}, {self.channel}, {self.status})"


class Delivery(models.Model):
    """The delivery log: what happened to a message, step by step. No addresses or text
    here, only the message id, so the log can be kept and shown to organisers."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=12)
    detail = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"message {self.message_id}: {self.status}"


class SmsOptOut(models.Model):
    """A phone number that replied STOP (in any of our languages): no more texts to it
    until it replies START."""

    phone = models.CharField(max_length=20, unique=True)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"opt-out {self.pk}"


class Reminder(models.Model):
    """One of an event's reminder times (two days before, the morning of): when it comes,
    the worker writes a reminder to everyone who has a seat then, and to the event's
    interpreters. Planned when a seat is taken or the event changes; ``done_at`` is set in
    the same transaction that queues the messages, so a reminder goes out once."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    send_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    # How many messages it queued, or why it queued none.
    outcome = models.CharField(max_length=100, blank=True)

    class Meta:
        indexes = [models.Index(fields=["done_at", "send_at"], name="reminder_due")]
        constraints = [
            models.UniqueConstraint(fields=["event", "kind", "send_at"], name="one_reminder_a_time")
        ]

    def __str__(self) -> str:
        return f"reminder {self.pk} ({self.kind}, event {self.event_id})"
