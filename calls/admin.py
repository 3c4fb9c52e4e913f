from django.contrib import admin

from calls.models import CallAttempt
from events_api.core.admin import ReadOnlyAdmin


@admin.register(CallAttempt)
class CallAttemptAdmin(ReadOnlyAdmin):
    """Read-only: calls are recorded through the API by those who make them."""

    list_display = ["recorded_at", "event", "outcome", "registration", "user", "recorded_by"]
    list_filter = ["outcome"]
    list_select_related = ["event", "registration", "user", "recorded_by"]
