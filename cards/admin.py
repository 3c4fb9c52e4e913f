from django.contrib import admin

from cards.models import Card
from events_api.core.admin import ReadOnlyAdmin


@admin.register(Card)
class CardAdmin(ReadOnlyAdmin):
    """Read-only: cards are issued and withdrawn through the API by their issuers."""

    list_display = ["number", "organization", "school", "issued_at", "expires_on", "revoked_at"]
    list_select_related = ["organization", "school"]
    search_fields = ["number"]
