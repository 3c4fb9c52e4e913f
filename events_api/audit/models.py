"""The access log of personal data (docs/privacy.md, "Who saw personal data").

A row says who looked at registrants' personal data, what kind of look it was, for which
event (and, for a lookup of one party, which registration), how many people it showed,
when, and from which client. Never the data itself. Events and registrations are kept as
plain ids: the log outlives an erased registration, and this app sits below the ones it
logs (they import it, it imports none of them).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessKind(models.TextChoices):
    REGISTRANT_LIST = "registrant_list", _("List of registrations viewed")
    REGISTRANT_EXPORT = "registrant_export", _("List of registrations downloaded")
    CHECK_IN_LOOKUP = "check_in_lookup", _("Pass code looked up at the door")
    INTERPRETER_JOB = "interpreter_job", _("Names shown to an interpreter")
    CALL_LIST = "call_list", _("Phone-call list viewed")
    CALL_LIST_EXPORT = "call_list_export", _("Phone-call list downloaded")
    CALL_LIST_PRINT = "call_list_print", _("Phone-call list printed")
    PARENT_CARD_LOOKUP = "card_lookup", _("Parent card holder shown")
    PARENT_CARD_LIST = "card_list", _("Parent cards listed")


class AccessRecord(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("who"),
    )
    kind = models.CharField(_("what"), max_length=20, choices=AccessKind.choices)
    event_id = models.PositiveBigIntegerField(_("event"), null=True, blank=True)
    registration_id = models.PositiveBigIntegerField(_("registration"), null=True, blank=True)
    count = models.PositiveIntegerField(_("people shown"))
    # The query's filters (status, language, needs...): never free text about a person.
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    client_address = models.CharField(_("client address"), max_length=45, blank=True)
    user_agent = models.CharField(_("browser"), max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["event_id", "at"], name="access_of_event"),
            models.Index(fields=["registration_id"], name="access_of_registration"),
            models.Index(fields=["at"], name="access_by_time"),
        ]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")

    def __str__(self) -> str:
        return f"{self.kind} of event {self.event_id} by {self.user_id} at {self.at:%Y-%m-%d %H:%M}"
