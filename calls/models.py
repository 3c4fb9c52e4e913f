"""Phone-call lists: the people whose chosen channel is a call, and what came of each call.

The list itself is not stored: it is read afresh from the registrations and committee
memberships each time (``calls.lists``). Only the attempts are rows, several per person,
the latest counting for progress."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Outcome(models.TextChoices):
    REACHED = "reached", pgettext_lazy("call outcome", "Reached")
    VOICEMAIL = "voicemail", pgettext_lazy("call outcome", "Voicemail")
    NO_ANSWER = "no_answer", pgettext_lazy("call outcome", "No answer")
    WRONG_NUMBER = "wrong_number", pgettext_lazy("call outcome", "Wrong number")
    ASKED_TO_STOP = "asked_to_stop", pgettext_lazy("call outcome", "Asked us to stop calling")


class CallAttempt(models.Model):
    """One call to one person about one event: a registration of the event, or a member of
    the committee whose meeting it is (``user``, with ``committee`` set). ``committee`` is
    set whenever the person called is a current member of the meeting's committee, so that
    "asked to stop" keeps them off every list of that committee."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="call_attempts"
    )
    committee = models.ForeignKey(
        "committees.Committee",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="call_attempts",
    )
    registration = models.ForeignKey(
        "events.Registration",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="call_attempts",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="call_attempts",
        help_text=_(
            "The account called, if any: a committee member, or a registrant with an account."
        ),
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    # Set when the personal data was removed (docs/privacy.md); the row stays for counts.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["recorded_at", "id"]
        verbose_name = _("call attempt")
        verbose_name_plural = _("call attempts")
        constraints = [
            models.CheckConstraint(
                condition=Q(registration__isnull=False) | Q(user__isnull=False),
                name="call_attempt_has_a_person",
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=[value for value, _label in Outcome.choices]),
                name="call_attempt_known_outcome",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "recorded_at"], name="call_attempt_event"),
            models.Index(fields=["committee", "outcome"], name="call_attempt_committee"),
            models.Index(
                fields=["event"],
                condition=Q(anonymised_at__isnull=True),
                name="call_attempt_not_anonymised",
            ),
        ]

    def __str__(self) -> str:
        return f"call {self.pk} about event {self.event_id}: {self.outcome}"
