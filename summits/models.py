"""The annual immigrant planning summit: one a year, held with community organisations.
Each session is an event of the core (registration, interpretation and calendars come
from there)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from events_api.events.models import EventStatus, validate_timezone


class Summit(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.JSONField(_("title"), default=dict)
    theme = models.JSONField(_("theme"), default=dict, blank=True)
    description = models.JSONField(_("description"), default=dict, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    timezone = models.CharField(
        _("time zone"), max_length=64, default="America/New_York", validators=[validate_timezone]
    )
    venue_school = models.ForeignKey(
        "people.School", on_delete=models.PROTECT, null=True, blank=True, related_name="summits"
    )
    venue_address = models.CharField(_("venue address"), max_length=300, blank=True)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    partners = models.ManyToManyField("people.Organization", related_name="summits", blank=True)
    organizers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="organized_summits", blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    personal_data_retention_days = models.PositiveSmallIntegerField(
        _("personal data kept (days after a session ends)"),
        null=True,
        blank=True,
        help_text=_("Empty means the deployment's default."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("summit")
        verbose_name_plural = _("summits")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="summit_ends_on_or_after_start"
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_at__isnull=True)
                | Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="summit_registration_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title.get("en") or f"Summit {self.year}"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first.")})
        if self.starts_on and self.year and self.starts_on.year != self.year:
            raise ValidationError({"starts_on": _("The summit must start in its year.")})


class Track(models.Model):
    summit = models.ForeignKey(Summit, on_delete=models.CASCADE, related_name="tracks")
    name = models.JSONField(_("name"), default=dict)
    color = models.CharField(_("colour"), max_length=7, default="#1f6feb")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("track")
        verbose_name_plural = _("tracks")

    def __str__(self) -> str:
        return self.name.get("en", "")


class Room(models.Model):
    summit = models.ForeignKey(Summit, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=120)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    step_free = models.BooleanField(_("step-free access"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.UniqueConstraint(fields=["summit", "name"], name="room_name_unique_per_summit")
        ]

    def __str__(self) -> str:
        return self.name


class Session(models.Model):
    summit = models.ForeignKey(Summit, on_delete=models.CASCADE, related_name="sessions")
    event = models.OneToOneField("events.Event", on_delete=models.CASCADE, related_name="session")
    track = models.ForeignKey(
        Track, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    room = models.ForeignKey(
        Room, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    hosts = models.ManyToManyField(
        "people.Organization", related_name="hosted_sessions", blank=True
    )
    presenters = models.JSONField(_("presenters"), default=list, blank=True)

    class Meta:
        ordering = ["event__starts_at", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return str(self.event)
