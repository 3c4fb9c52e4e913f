"""Events and registrations: written once, used by summit sessions and committee meetings.

An event knows nothing of summits or committees; they point at it (a session or a meeting
has a one-to-one link to its event)."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events_api.people.models import Channel as ContactChannel
from events_api.people.phones import validate_phone


def validate_timezone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            _("%(value)s is not an IANA time zone name (e.g. America/New_York)."),
            params={"value": value},
            code="invalid_timezone",
        ) from exc


class EventStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("event status", "Draft")
    PUBLISHED = "published", pgettext_lazy("event status", "Published")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")


class EventKind(models.TextChoices):
    SESSION = "session", _("Summit session")
    MEETING = "meeting", _("Committee meeting")
    EVENT = "event", pgettext_lazy("event kind", "Event")


# Event columns written only by events.services.counts.
COUNTED_FIELDS = frozenset({"seats_taken", "waitlist_length"})


class Event(models.Model):
    kind = models.CharField(
        _("kind"), max_length=10, choices=EventKind.choices, default=EventKind.EVENT
    )
    title = models.JSONField(_("title"), default=dict)
    description = models.JSONField(_("description"), default=dict, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    timezone = models.CharField(
        _("time zone"), max_length=64, default="America/New_York", validators=[validate_timezone]
    )
    school = models.ForeignKey(
        "people.School", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty means unlimited.")
    )
    languages = models.ManyToManyField("people.Language", related_name="events", blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    max_party_size = models.PositiveSmallIntegerField(
        _("largest party"),
        null=True,
        blank=True,
        help_text=_("Empty means the deployment's default."),
    )
    interpretation_lead_days = models.PositiveSmallIntegerField(
        _("interpretation lead time (business days)"),
        null=True,
        blank=True,
        help_text=_("Empty means the deployment's default."),
    )
    remind_days_before = models.PositiveSmallIntegerField(
        _("reminder, days before"),
        default=2,
        help_text=_("Families with a seat get a reminder this many days before; 0: none."),
    )
    remind_morning_of = models.BooleanField(_("reminder on the morning of the event"), default=True)
    # Goes up whenever time, place or status changes; calendars send it as SEQUENCE.
    version = models.PositiveIntegerField(_("version"), default=1)
    # People seated and parties waiting, written by the registration services in the
    # transaction that holds the event's row lock (events.services.counts), so lists read
    # them instead of counting registrations per row. The registrations stay the truth:
    # `manage.py recount_events` rewrites these from them.
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)
    waitlist_length = models.PositiveIntegerField(_("waitlist length"), default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=0),
                name="event_capacity_not_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "starts_at"]),
            # The public list's order over the events anyone may see: page 1 of 100,000
            # events reads 50 index entries, not the table.
            models.Index(
                fields=["starts_at", "id"],
                condition=Q(status__in=["published", "cancelled"]),
                name="event_public_by_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title.get("en") or f"Event {self.pk}"

    def save(self, *args, **kwargs):
        """Saving an existing event never writes its counts: only events.services.counts
        does, with the event locked, so a copy loaded earlier and saved later cannot put
        old numbers back."""
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in COUNTED_FIELDS
            ]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            raise ValidationError(
                {"registration_closes_at": _("Registration must close after it opens.")}
            )

    @property
    def party_limit(self) -> int:
        return self.max_party_size or settings.REGISTRATION_MAX_PARTY_SIZE


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
    WAITLISTED = "waitlisted", pgettext_lazy("registration status", "Waitlisted")
    CHECKED_IN = "checked_in", pgettext_lazy("registration status", "Checked in")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")
    DECLINED = "declined", pgettext_lazy("registration status", "Declined (RSVP no)")


# Statuses that hold seats, and statuses that are still "a registration" for duplicates.
SEATED = (RegistrationStatus.CONFIRMED, RegistrationStatus.CHECKED_IN)
ACTIVE = (*SEATED, RegistrationStatus.WAITLISTED, RegistrationStatus.DECLINED)


class RegistrationSource(models.TextChoices):
    SELF = "self", _("Registered themselves")
    CBO = "cbo", _("Registered by a community organisation")
    WALK_IN = "walk_in", _("Walk-in at the door")


class Accessibility(models.TextChoices):
    WHEELCHAIR = "wheelchair", _("Wheelchair access")
    HEARING = "hearing", _("Hearing support")
    VISION = "vision", _("Vision support (large print, guide)")
    SEATING = "seating", _("Reserved seating")
    QUIET_SPACE = "quiet_space", _("Quiet space")
    OTHER = "other", pgettext_lazy("accessibility need", "Other")


class Registration(models.Model):
    """One party's place at one event. A party (adults + children) is confirmed whole or
    waitlisted whole. Contact: an account, or a name with phone and/or email, or the CBO
    that registered them (with the parent's consent recorded)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    organization = models.ForeignKey(
        "people.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        help_text=_("The community organisation that registered this party."),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations_made",
    )
    consent_at = models.DateTimeField(
        _("consent recorded"),
        null=True,
        blank=True,
        help_text=_("When the parent agreed that the organisation registers them."),
    )
    # What the parent agreed to, as the staff member showed it (events_api/events/consent.py):
    # the text's version, the language it was shown in and the text itself, with the
    # organisation's name filled in. It names no one but the organisation, so it outlives
    # anonymisation like consent_at.
    consent_version = models.CharField(_("consent version"), max_length=20, blank=True)
    consent_language = models.CharField(_("consent language"), max_length=16, blank=True)
    consent_text = models.TextField(_("consent text"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=10,
        choices=RegistrationSource.choices,
        default=RegistrationSource.SELF,
    )
    adults = models.PositiveSmallIntegerField(_("adults"), default=1)
    children = models.PositiveSmallIntegerField(_("children"), default=0)
    preferred_language = models.ForeignKey(
        "people.Language", on_delete=models.PROTECT, default="en", related_name="+"
    )
    channel = models.CharField(
        _("how to reach them"),
        max_length=12,
        choices=ContactChannel.choices,
        blank=True,
        help_text=_(
            "A guest's choice: email, text message or a phone call. Empty: a text message "
            "when a phone number was given, else email."
        ),
    )
    interpreter_language = models.ForeignKey(
        "people.Language",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("interpreter language"),
    )
    childcare_ages = models.JSONField(
        _("ages of children needing childcare"), default=list, blank=True
    )
    accessibility = models.JSONField(_("accessibility needs"), default=list, blank=True)
    accessibility_notes = models.CharField(_("accessibility notes"), max_length=500, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    waitlist_position = models.PositiveIntegerField(null=True, blank=True)
    pass_code = models.CharField(_("pass code"), max_length=8)
    manage_token_hash = models.CharField(max_length=64, unique=True)
    # SHA-256 of the client's Idempotency-Key, so a retry after a lost answer finds this
    # registration instead of making a second one.
    idempotency_key_hash = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The door device's random key for the check-in that checked this party in: the same
    # check-in sent again (its answer was lost on the way back) is told "checked in", not
    # "already checked in", which would send the volunteer looking for a copied pass.
    check_in_key = models.CharField(max_length=64, blank=True, default="")
    # Set when the personal data was removed (docs/privacy.md); the row stays for counts.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(
                condition=Q(adults__gte=1), name="registration_at_least_one_adult"
            ),
            models.UniqueConstraint(
                fields=["event", "pass_code"], name="registration_pass_code_unique_per_event"
            ),
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(user__isnull=False, status__in=ACTIVE),
                name="registration_one_per_user",
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(email="") & Q(status__in=ACTIVE),
                name="registration_one_per_email",
            ),
            models.UniqueConstraint(
                fields=["event", "phone"],
                condition=~Q(phone="") & Q(status__in=ACTIVE),
                name="registration_one_per_phone",
            ),
            models.UniqueConstraint(
                fields=["event", "idempotency_key_hash"],
                condition=~Q(idempotency_key_hash=""),
                name="registration_idempotency_key_unique_per_event",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False)
                | ~Q(email="")
                | ~Q(phone="")
                | Q(organization__isnull=False)
                | Q(anonymised_at__isnull=False),
                name="registration_has_a_contact",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status"]),
            models.Index(fields=["organization", "event"]),
            models.Index(
                fields=["event"],
                condition=Q(anonymised_at__isnull=True),
                name="registration_not_anonymised",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} @ {self.event_id} ({self.status})"

    @property
    def party_size(self) -> int:
        return self.adults + self.children
