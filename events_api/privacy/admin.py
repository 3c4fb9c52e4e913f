from django.contrib import admin

from events_api.core.admin import ReadOnlyAdmin
from events_api.privacy.models import ErasureRecord


@admin.register(ErasureRecord)
class ErasureRecordAdmin(ReadOnlyAdmin):
    """Who erased which family's data at the family's request: read, never edited."""

    list_display = ["created_at", "organization", "erased_by", "event_id", "registration_id"]
    list_select_related = ["organization", "erased_by"]
