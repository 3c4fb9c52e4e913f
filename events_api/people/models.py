"""People and places: users, the language catalogue, boroughs, schools, community
organisations and their staff.

Privacy by design: nothing here records immigration status, SSNs, formal ID or birthplace,
and no later model may add them (tests/people/test_privacy.py looks for such fields).
"""

import re

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events_api.people.phones import validate_phone

DBN_RE = re.compile(r"^(?P<district>\d{2})(?P<borough>[MXKQR])(?P<number>\d{3})$")


class Direction(models.TextChoices):
    LTR = "ltr", _("Left to right")
    RTL = "rtl", _("Right to left")


class Language(models.Model):
    """A language people speak or sign. Codes are ISO 639 (with a script subtag where it
    matters, ``zh-hans``) and match Django's language codes for the UI languages."""

    code = models.CharField(_("code"), max_length=16, primary_key=True)
    name_en = models.CharField(_("English name"), max_length=80)
    native_name = models.CharField(_("native name"), max_length=80)
    direction = models.CharField(
        _("direction"), max_length=3, choices=Direction.choices, default=Direction.LTR
    )
    is_ui_language = models.BooleanField(_("UI language"), default=False)
    is_signed = models.BooleanField(_("sign language"), default=False)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return f"{self.name_en} ({self.code})"


class Borough(models.Model):
    """The five boroughs, keyed by the letter used in school DBNs."""

    code = models.CharField(_("code"), max_length=1, primary_key=True)
    name = models.CharField(_("name"), max_length=40)

    class Meta:
        ordering = ["name"]
        verbose_name = _("borough")
        verbose_name_plural = _("boroughs")

    def __str__(self) -> str:
        return self.name


def validate_dbn(value: str) -> None:
    if not DBN_RE.match(value or ""):
        raise ValidationError(
            _(
                "A DBN is two digits, a borough letter (M, X, K, Q, R) and three digits, "
                "e.g. 15K136."
            ),
            code="invalid_dbn",
        )


class School(models.Model):
    dbn = models.CharField(_("DBN"), max_length=6, unique=True, validators=[validate_dbn])
    name = models.CharField(_("name"), max_length=200)
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="schools")
    district = models.PositiveSmallIntegerField(_("district"))
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        ordering = ["dbn"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(district__gte=1) & models.Q(district__lte=99),
                name="school_district_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.dbn} {self.name}"

    def clean(self) -> None:
        match = DBN_RE.match(self.dbn or "")
        if not match:
            return
        if self.borough_id and match["borough"] != self.borough_id:
            raise ValidationError({"borough": _("The borough must match the DBN's letter.")})
        if self.district and int(match["district"]) != self.district:
            raise ValidationError({"district": _("The district must match the DBN's digits.")})


class Organization(models.Model):
    """A community-based organisation (CBO) that reaches parents and co-hosts events."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    description = models.TextField(_("description"), blank=True)
    boroughs = models.ManyToManyField(Borough, related_name="organizations", blank=True)
    languages = models.ManyToManyField(Language, related_name="organizations", blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(
        _("contact phone"), max_length=20, blank=True, validators=[validate_phone]
    )
    website = models.URLField(_("website"), blank=True)
    staff = models.ManyToManyField(
        "people.User", through="OrganizationMembership", related_name="organizations"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required for an account.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message (SMS)")
    PHONE_CALL = "phone_call", _("Phone call")
    CBO = "cbo", pgettext_lazy("contact channel", "Through a community organisation")


class User(AbstractUser):
    """An account. Accounts are optional for parents (guests register with a name and one
    way to reach them); staff, organisers, committee members and interpreters have one.
    The profile lives on the user row itself: one table, no join on every request."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=120, blank=True)
    preferred_language = models.ForeignKey(
        Language,
        on_delete=models.PROTECT,
        default="en",
        related_name="+",
        verbose_name=_("preferred language"),
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    preferred_channel = models.CharField(
        _("preferred channel"), max_length=12, choices=Channel.choices, default=Channel.EMAIL
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = (self.email or "").strip().lower()
        if self.preferred_channel == Channel.SMS and not self.phone:
            raise ValidationError({"phone": _("A phone number is needed for text messages.")})
        if self.preferred_channel == Channel.PHONE_CALL and not self.phone:
            raise ValidationError({"phone": _("A phone number is needed for phone calls.")})


class OrganizationMembership(models.Model):
    class Role(models.TextChoices):
        STAFF = "staff", _("Staff")
        ADMIN = "admin", pgettext_lazy("organisation role", "Administrator")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.STAFF)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"], name="one_membership_per_org_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization}"
