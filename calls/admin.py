from django.contrib import admin

from calls.models import CallAttempt


@admin.register(CallAttempt)
class CallAttemptAdmin(admin.ModelAdmin):
    """Read-only: calls are recorded through the API by those who make them."""

    list_display = ["recorded_at", "event", "outcome", "registration", "user", "recorded_by"]
    list_filter = ["outcome"]
    list_select_related = ["event", "registration", "user", "recorded_by"]
    readonly_fields = [field.name for field in CallAttempt._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
