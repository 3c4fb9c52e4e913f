"""Committees of parents, school staff and community organisations: members with roles and
terms, meetings (one-off or from a recurring series, each an event of the core), agendas,
attendance and quorum, minutes with translations and an amendment trail."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events_api.events.models import validate_timezone


class CommitteeKind(models.TextChoices):
    WELCOMING = "welcoming", _("School parent welcoming committee")
    MULTICULTURAL = "multicultural_advisory", _("Multicultural advisory committee")
    CITYWIDE = (
        "citywide_advisory",
        _("Citywide advisory committee on family-school-community partnerships"),
    )


SCHOOL_KINDS = (CommitteeKind.WELCOMING, CommitteeKind.MULTICULTURAL)


class Visibility(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("committee visibility", "Public")
    MEMBERS = "members", pgettext_lazy("committee visibility", "Members only")


class Committee(models.Model):
    kind = models.CharField(_("kind"), max_length=24, choices=CommitteeKind.choices)
    school = models.ForeignKey(
        "people.School", on_delete=models.PROTECT, null=True, blank=True, related_name="committees"
    )
    name = models.JSONField(_("name"), default=dict)
    description = models.JSONField(_("description"), default=dict, blank=True)
    languages = models.ManyToManyField("people.Language", related_name="committees", blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=8, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # The quorum is either a number of voting members or a fraction of them (rounded up).
    quorum_count = models.PositiveSmallIntegerField(_("quorum (members)"), null=True, blank=True)
    quorum_fraction = models.DecimalField(
        _("quorum (fraction of voting members)"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        default="0.5",
    )
    notice_days = models.PositiveSmallIntegerField(_("public notice (days)"), default=7)
    timezone = models.CharField(
        _("time zone"), max_length=64, default="America/New_York", validators=[validate_timezone]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind__in=SCHOOL_KINDS) & Q(school__isnull=False))
                | (Q(kind=CommitteeKind.CITYWIDE) & Q(school__isnull=True)),
                name="committee_school_matches_kind",
            ),
            models.CheckConstraint(
                condition=(Q(quorum_count__isnull=False) & Q(quorum_fraction__isnull=True))
                | (Q(quorum_count__isnull=True) & Q(quorum_fraction__isnull=False)),
                name="committee_one_quorum_rule",
            ),
            models.CheckConstraint(
                condition=Q(quorum_count__isnull=True) | Q(quorum_count__gte=1),
                name="committee_quorum_count_positive",
            ),
            models.CheckConstraint(
                condition=Q(quorum_fraction__isnull=True)
                | (Q(quorum_fraction__gt=0) & Q(quorum_fraction__lte=1)),
                name="committee_quorum_fraction_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name.get("en") or f"Committee {self.pk}"

    def clean(self) -> None:
        if self.kind in SCHOOL_KINDS and self.school_id is None:
            raise ValidationError({"school": _("A school committee needs its school.")})
        if self.kind == CommitteeKind.CITYWIDE and self.school_id is not None:
            raise ValidationError({"school": _("The citywide committee has no school.")})

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    CO_CHAIR = "co_chair", _("Co-chair")
    SECRETARY = "secretary", _("Secretary")
    PARENT = "parent", _("Parent member")
    SCHOOL_STAFF = "school_staff", _("School staff")
    CBO = "cbo_representative", _("Community organisation representative")


# Who changes the committee (members, meetings, agendas, attendance, minutes drafts).
MANAGER_ROLES = (MemberRole.CHAIR, MemberRole.CO_CHAIR, MemberRole.SECRETARY)
# Who approves minutes.
CHAIR_ROLES = (MemberRole.CHAIR, MemberRole.CO_CHAIR)


def current_q(on: date, prefix: str = "") -> Q:
    """Memberships whose term covers ``on``."""
    return Q(**{f"{prefix}term_start__lte": on}) & (
        Q(**{f"{prefix}term_end__isnull": True}) | Q(**{f"{prefix}term_end__gte": on})
    )


class Membership(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="committee_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices)
    voting = models.BooleanField(_("voting member"), default=True)
    organization = models.ForeignKey(
        "people.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committee_memberships",
        help_text=_("The organisation a CBO representative speaks for."),
    )
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"), null=True, blank=True)
    show_publicly = models.BooleanField(
        _("show my name and role publicly"),
        default=False,
        help_text=_("The public sees the name and role only of members who opted in."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["committee", "id"]
        verbose_name = _("committee membership")
        verbose_name_plural = _("committee memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "user"], name="committee_one_membership_per_user"
            ),
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=F("term_start")),
                name="committee_term_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role}) @ {self.committee_id}"

    def clean(self) -> None:
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("A term cannot end before it starts.")})


class Invitation(models.Model):
    """An invitation to join, sent by email (else by text message) in ``language`` with
    the accept link. The secret token is in that message and in the answer to the chair
    who made it; only its SHA-256 is stored."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices)
    voting = models.BooleanField(_("voting member"), default=True)
    term_start = models.DateField(_("term start"), null=True, blank=True)
    term_end = models.DateField(_("term end"), null=True, blank=True)
    language = models.ForeignKey(
        "people.Language",
        on_delete=models.PROTECT,
        default="en",
        related_name="+",
        verbose_name=_("language of the invitation"),
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the email and phone were removed (docs/privacy.md): the row stays so the
    # link still answers "expired" or "used", not "unknown".
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("committee invitation")
        verbose_name_plural = _("committee invitations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone="") | Q(anonymised_at__isnull=False),
                name="committee_invitation_has_contact",
            ),
            models.CheckConstraint(
                condition=Q(term_start__isnull=True)
                | Q(term_end__isnull=True)
                | Q(term_end__gte=F("term_start")),
                name="committee_invitation_term_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation to {self.committee_id} for {self.email or self.phone}"

    def clean(self) -> None:
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("A term cannot end before it starts.")})
