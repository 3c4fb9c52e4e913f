from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasureRecord(models.Model):
    """A community organisation erased the personal data of a family it registered, at the
    family's request: who (staff account), for which organisation, when, and which
    registration of which event. Nothing about the family itself."""

    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organization = models.ForeignKey(
        "people.Organization", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    registration_id = models.PositiveBigIntegerField(_("registration"))
    event_id = models.PositiveBigIntegerField(_("event"))
    created_at = models.DateTimeField(_("erased at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("erasure record")
        verbose_name_plural = _("erasure records")

    def __str__(self) -> str:
        return f"registration {self.registration_id} erased by {self.erased_by_id}"
