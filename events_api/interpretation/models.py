"""Interpretation: what people need (requests, aggregated into demand lines), who can
interpret (the roster), and who covers which line (assignments).

A demand line is one (event, language, mode): ten Bangla speakers in one session are one
Bangla line of ten people, covered by one interpreter."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events_api.people.phones import validate_phone


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", pgettext_lazy("interpretation mode", "Phone")
    VIDEO = "video", _("Video")
    SIGN_LANGUAGE = "sign_language", _("Sign language")


# Modes in which the interpreter has to travel to the event's place.
TRAVELLING_MODES = frozenset({Mode.IN_PERSON, Mode.SIGN_LANGUAGE})


class LineStatus(models.TextChoices):
    REQUESTED = "requested", pgettext_lazy("interpretation status", "Requested")
    ASSIGNED = "assigned", pgettext_lazy("interpretation status", "Assigned")
    CONFIRMED = "confirmed", pgettext_lazy("interpretation status", "Confirmed")
    UNFULFILLED = "unfulfilled", pgettext_lazy("interpretation status", "Unfulfilled")
    CANCELLED = "cancelled", pgettext_lazy("interpretation status", "Cancelled")


class RequestSource(models.TextChoices):
    REGISTRATION = "registration", _("From a registration")
    DIRECT = "direct", _("Requested directly")


class AssignmentStatus(models.TextChoices):
    ASSIGNED = "assigned", pgettext_lazy("assignment status", "Assigned")
    CONFIRMED = "confirmed", pgettext_lazy("assignment status", "Confirmed")
    DECLINED = "declined", pgettext_lazy("assignment status", "Declined")
    CANCELLED = "cancelled", pgettext_lazy("assignment status", "Cancelled")


# Assignments that hold the interpreter's time.
ACTIVE_ASSIGNMENT = (AssignmentStatus.ASSIGNED, AssignmentStatus.CONFIRMED)


class DemandLine(models.Model):
    """The need for one language in one mode at one event. ``people`` is the sum of the
    active requests on it; the services keep it in step with registrations."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="interpretation_lines"
    )
    language = models.ForeignKey("people.Language", on_delete=models.PROTECT, related_name="+")
    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices)
    people = models.PositiveIntegerField(_("people"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=LineStatus.choices, default=LineStatus.REQUESTED
    )
    late = models.BooleanField(
        _("late"), default=False, help_text=_("First requested inside the lead time.")
    )
    first_requested_at = models.DateTimeField(_("first requested"), null=True, blank=True)
    share_names = models.BooleanField(
        _("share parents' names with the interpreter"),
        default=False,
        help_text=_("Only when the job needs them (a phone interpreter calling parents)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["event_id", "language_id", "mode"]
        verbose_name = _("interpretation demand line")
        verbose_name_plural = _("interpretation demand lines")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "language", "mode"], name="one_demand_line_per_language_mode"
            )
        ]

    def __str__(self) -> str:
        return f"{self.language_id}/{self.mode} x{self.people} @ {self.event_id} ({self.status})"


class InterpreterRequest(models.Model):
    """One need for interpretation: a seated registration's interpreter language (kept in
    step by the services), or a request made directly by an organiser, chair, coordinator
    or CBO staff member. Cancelled requests stay, with ``cancelled_at`` set."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="interpreter_requests"
    )
    line = models.ForeignKey(DemandLine, on_delete=models.CASCADE, related_name="requests")
    language = models.ForeignKey("people.Language", on_delete=models.PROTECT, related_name="+")
    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices)
    people = models.PositiveIntegerField(_("people"))
    source = models.CharField(_("source"), max_length=12, choices=RequestSource.choices)
    registration = models.ForeignKey(
        "events.Registration",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="interpreter_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interpreter_requests",
    )
    organization = models.ForeignKey(
        "people.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interpreter_requests",
        help_text=_("The community organisation asking on behalf of its parents."),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    late = models.BooleanField(_("late"), default=False)
    created_at = models.DateTimeField(_("requested at"))
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # Set when the personal data was removed (docs/privacy.md); the row stays for counts.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("interpreter request")
        verbose_name_plural = _("interpreter requests")
        constraints = [
            models.CheckConstraint(condition=Q(people__gte=1), name="request_people_positive"),
            models.UniqueConstraint(
                fields=["registration"],
                condition=Q(registration__isnull=False, cancelled_at__isnull=True),
                name="one_active_request_per_registration",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "cancelled_at"]),
            models.Index(
                fields=["event"],
                condition=Q(anonymised_at__isnull=True),
                name="request_not_anonymised",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.language_id}/{self.mode} x{self.people} @ {self.event_id}"


class Interpreter(models.Model):
    """Someone on the roster: a user with an account, or a vendor's contact (name and a
    way to reach them)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interpreter",
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    agency = models.CharField(_("agency"), max_length=120, blank=True)
    languages = models.ManyToManyField("people.Language", related_name="interpreters")
    active = models.BooleanField(_("active"), default=True)
    notes = models.CharField(_("notes"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")
        constraints = [
            models.CheckConstraint(
                # An inactive entry may lose its name: its person erased their account.
                condition=Q(user__isnull=False) | ~Q(name="") | Q(active=False),
                name="interpreter_has_a_name",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        if self.user_id:
            return str(self.user)
        # An entry left without a name (its person erased their account).
        return _("Interpreter %(number)s") % {"number": self.pk}

    def clean(self) -> None:
        if not self.user_id and not self.name.strip():
            raise ValidationError({"name": _("A vendor interpreter needs a name.")})


class InterpreterMode(models.Model):
    """A mode the interpreter works in (a table, so suggestions can filter on it)."""

    interpreter = models.ForeignKey(Interpreter, on_delete=models.CASCADE, related_name="modes")
    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices)

    class Meta:
        ordering = ["mode"]
        verbose_name = _("interpreter mode")
        verbose_name_plural = _("interpreter modes")
        constraints = [
            models.UniqueConstraint(fields=["interpreter", "mode"], name="interpreter_mode_once")
        ]

    def __str__(self) -> str:
        return f"{self.interpreter_id}: {self.mode}"


class AvailabilityWindow(models.Model):
    """A stretch of time the interpreter can take jobs in."""

    interpreter = models.ForeignKey(
        Interpreter, on_delete=models.CASCADE, related_name="availability"
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("availability window")
        verbose_name_plural = _("availability windows")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="availability_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.interpreter_id}: {self.starts_at:%Y-%m-%d %H:%M}-{self.ends_at:%H:%M}"


class Assignment(models.Model):
    """An interpreter covering a demand line. At most one active (assigned or confirmed)
    assignment per line. ``reconfirm`` is set when the event moved after the interpreter
    had said yes."""

    line = models.ForeignKey(DemandLine, on_delete=models.CASCADE, related_name="assignments")
    interpreter = models.ForeignKey(
        Interpreter, on_delete=models.PROTECT, related_name="assignments"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.ASSIGNED,
    )
    reconfirm = models.BooleanField(
        _("needs re-confirmation"),
        default=False,
        help_text=_("The event moved after the interpreter confirmed."),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decline_reason = models.CharField(_("reason for declining"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("interpreter assignment")
        verbose_name_plural = _("interpreter assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["line"],
                condition=Q(status__in=["assigned", "confirmed"]),
                name="one_active_assignment_per_line",
            )
        ]
        indexes = [models.Index(fields=["interpreter", "status"])]

    def __str__(self) -> str:
        return f"{self.interpreter_id} -> line {self.line_id} ({self.status})"
