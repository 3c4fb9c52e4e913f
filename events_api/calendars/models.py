from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedToken(models.Model):
    """The secret in a person's own calendar feed URL. Only its SHA-256 is stored, so the
    URL is shown once (when made or rotated); deleting the row revokes the feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed_token"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")

    def __str__(self) -> str:
        return f"calendar feed of user {self.user_id}"
