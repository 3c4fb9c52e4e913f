from django.contrib import admin

from events_api.audit.models import AccessRecord
from events_api.core.admin import ReadOnlyAdmin


@admin.register(AccessRecord)
class AccessRecordAdmin(ReadOnlyAdmin):
    """The log is written by the requests it describes, never by hand."""

    list_display = ["at", "kind", "event_id", "registration_id", "count", "user"]
    list_filter = ["kind"]
    search_fields = ["=event_id", "=registration_id"]
    date_hierarchy = "at"
