"""Meetings: recurring series with their exceptions, meetings (each an event of the core),
agendas, attendance, minutes and RSVPs."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from committees.models.committees import Committee, Membership
from events_api.events.models import Event, EventStatus, validate_timezone


class MeetingSeries(models.Model):
    """A recurring meeting: an RFC 5545 RRULE (always bounded by UNTIL or COUNT) from a
    local wall-clock start in an IANA zone, so 18:00 stays 18:00 across DST changes."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="series")
    title = models.JSONField(_("title"), default=dict)
    description = models.JSONField(_("description"), default=dict, blank=True)
    rrule = models.CharField(_("recurrence rule"), max_length=500)
    start_date = models.DateField(_("first date"))
    start_time = models.TimeField(_("local start time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    timezone = models.CharField(
        _("time zone"), max_length=64, default="America/New_York", validators=[validate_timezone]
    )
    school = models.ForeignKey(
        "people.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    languages = models.ManyToManyField("people.Language", related_name="+", blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.PUBLISHED
    )
    # Goes up when the rule, time, place or status changes; calendars send it as SEQUENCE.
    version = models.PositiveIntegerField(_("version"), default=1)
    split_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="continuations"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start_date", "id"]
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1), name="series_duration_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title.get('en', '')} ({self.rrule})"

    def place(self) -> Event:
        """An unsaved event holding the series' regular place (and its description), for
        the core's location and calendar formatting."""
        return Event(
            school=self.school,
            address=self.address,
            room=self.room,
            online_url=self.online_url,
            description=self.description,
        )


class ExceptionKind(models.TextChoices):
    CANCEL = "cancel", pgettext_lazy("occurrence exception", "Cancelled")
    MOVE = "move", pgettext_lazy("occurrence exception", "Moved")


class SeriesException(models.Model):
    """One occurrence cancelled or moved, keyed by its original start, so re-expanding the
    series never undoes it."""

    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="exceptions")
    original_start = models.DateTimeField(_("original start"))
    kind = models.CharField(_("kind"), max_length=6, choices=ExceptionKind.choices)
    starts_at = models.DateTimeField(_("new start"), null=True, blank=True)
    ends_at = models.DateTimeField(_("new end"), null=True, blank=True)
    # Place overrides of a moved occurrence, by event field name (school, address, room,
    # online_url); a missing key means "as the series".
    place = models.JSONField(_("place"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["original_start", "id"]
        verbose_name = _("occurrence exception")
        verbose_name_plural = _("occurrence exceptions")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "original_start"], name="series_one_exception_per_occurrence"
            ),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True)
                | Q(ends_at__isnull=True)
                | Q(ends_at__gt=F("starts_at")),
                name="series_exception_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.original_start.isoformat()} of series {self.series_id}"


class Meeting(models.Model):
    """A committee meeting; its time, place, languages and status live on its event."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    event = models.OneToOneField("events.Event", on_delete=models.CASCADE, related_name="meeting")
    series = models.ForeignKey(
        MeetingSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    original_start = models.DateTimeField(_("original start"), null=True, blank=True)
    late_notice = models.BooleanField(
        _("late notice"),
        default=False,
        help_text=_("Scheduled or last changed inside the committee's public notice period."),
    )
    agenda_published = models.BooleanField(_("agenda published"), default=False)
    guests = models.PositiveIntegerField(_("guests present"), default=0)
    quorum_required = models.PositiveSmallIntegerField(null=True, blank=True)
    quorum_present = models.PositiveSmallIntegerField(null=True, blank=True)
    quorum_met = models.BooleanField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["event__starts_at", "id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "original_start"],
                condition=Q(series__isnull=False),
                name="meeting_one_per_occurrence",
            ),
        ]

    def __str__(self) -> str:
        return str(self.event)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.JSONField(_("title"), default=dict)
    presenter = models.CharField(_("presenter"), max_length=120, blank=True)
    minutes = models.PositiveSmallIntegerField(_("minutes allotted"), null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title.get("en", "")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", pgettext_lazy("attendance", "Present")
    ABSENT = "absent", pgettext_lazy("attendance", "Absent")
    EXCUSED = "excused", pgettext_lazy("attendance", "Excused")


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(_("status"), max_length=8, choices=AttendanceStatus.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["membership_id"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="attendance_one_per_member"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership_id} {self.status} at {self.meeting_id}"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("minutes status", "Draft")
    APPROVED = "approved", pgettext_lazy("minutes status", "Approved")


class Minutes(models.Model):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.JSONField(_("text"), default=dict)
    status = models.CharField(
        _("status"), max_length=8, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="minutes_approved_here",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return f"Minutes of {self.meeting_id} ({self.status})"


class MinutesAmendment(models.Model):
    """A correction to approved minutes, appended to a trail; the approved text itself is
    never edited."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="amendments")
    text = models.JSONField(_("text"), default=dict)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("minutes amendment")
        verbose_name_plural = _("minutes amendments")

    def __str__(self) -> str:
        return f"Amendment {self.pk} of minutes {self.minutes_id}"


class RsvpResponse(models.TextChoices):
    YES = "yes", pgettext_lazy("rsvp", "Yes")
    MAYBE = "maybe", pgettext_lazy("rsvp", "Maybe")
    NO = "no", pgettext_lazy("rsvp", "No")


class Rsvp(models.Model):
    """The answer (yes / maybe / no) carried by a registration of the meeting's event; the
    registration holds the seat, the interpreter language and the childcare needs."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rsvps")
    registration = models.OneToOneField(
        "events.Registration", on_delete=models.CASCADE, related_name="rsvp"
    )
    response = models.CharField(_("response"), max_length=5, choices=RsvpResponse.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")

    def __str__(self) -> str:
        return f"{self.response} for {self.meeting_id}"
