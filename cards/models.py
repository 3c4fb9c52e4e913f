"""Parent cards: a card a school or a community organisation gives a parent so that she can
show who she is at a school's door without any formal ID (docs/cards.md).

The card holds the minimum: the name the parent gives, her children's schools (optional),
her preferred language, who issued it and when, until when it is good, and a short number.
Never a photo, a date of birth, or anything about immigration status or identity papers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events_api.people.phones import validate_phone


class CardStatus(models.TextChoices):
    VALID = "valid", pgettext_lazy("parent card", "Valid")
    EXPIRED = "expired", pgettext_lazy("parent card", "Expired")
    REVOKED = "revoked", pgettext_lazy("parent card", "Revoked")


class Card(models.Model):
    """One card for one parent, issued in the name of exactly one organisation or school.

    ``phone`` and ``email`` are optional and kept only to match the holder to her
    registrations (checking her in by card finds her registration by account, email or
    phone, as the registration services do; a name alone cannot be matched safely).
    ``user`` links the parent's account when she has one, so she sees her card herself.

    A lost card is revoked and re-issued: the new card ``replaces`` the old one and has a
    new number; the old number stops verifying at once."""

    number = models.CharField(_("card number"), max_length=12, unique=True)
    holder_name = models.CharField(_("name"), max_length=120)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="parent_cards",
        help_text=_("The parent's account, if she has one."),
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    email = models.EmailField(_("email"), blank=True)
    preferred_language = models.ForeignKey(
        "people.Language", on_delete=models.PROTECT, related_name="+"
    )
    schools = models.ManyToManyField(
        "people.School", blank=True, related_name="+", verbose_name=_("children's schools")
    )
    organization = models.ForeignKey(
        "people.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parent_cards",
        verbose_name=_("issuing organisation"),
    )
    school = models.ForeignKey(
        "people.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issued_parent_cards",
        verbose_name=_("issuing school"),
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    expires_on = models.DateField(_("valid until"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    replaces = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_by",
        help_text=_("The lost card this one was issued in place of."),
    )
    # Set when the personal data was removed (docs/cards.md); the row stays so that an old
    # card still answers "revoked" or "expired".
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("parent card")
        verbose_name_plural = _("parent cards")
        constraints = [
            models.CheckConstraint(
                condition=(Q(organization__isnull=False) & Q(school__isnull=True))
                | (Q(organization__isnull=True) & Q(school__isnull=False)),
                name="card_has_one_issuer",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "issued_at"], name="card_of_organization"),
            models.Index(fields=["school", "issued_at"], name="card_of_school"),
            models.Index(
                fields=["expires_on"],
                condition=Q(anonymised_at__isnull=True),
                name="card_not_anonymised",
            ),
        ]

    def __str__(self) -> str:
        return f"card {self.number}"

    @property
    def issuer(self):
        return self.organization if self.organization_id else self.school

    @property
    def issuer_name(self) -> str:
        return self.issuer.name

    def status_on(self, today) -> str:
        if self.revoked_at is not None:
            return CardStatus.REVOKED
        if self.expires_on < today:
            return CardStatus.EXPIRED
        return CardStatus.VALID

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())
