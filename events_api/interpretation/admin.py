from django.contrib import admin

from events_api.interpretation.models import (
    Assignment,
    AvailabilityWindow,
    DemandLine,
    Interpreter,
    InterpreterMode,
    InterpreterRequest,
)


class ModeInline(admin.TabularInline):
    model = InterpreterMode
    extra = 0


class AvailabilityInline(admin.TabularInline):
    model = AvailabilityWindow
    extra = 0


@admin.register(Interpreter)
class InterpreterAdmin(admin.ModelAdmin):
    list_display = ["__str__", "agency", "active"]
    list_filter = ["active", "languages"]
    search_fields = ["name", "email", "agency", "user__email"]
    raw_id_fields = ["user"]
    inlines = [ModeInline, AvailabilityInline]


@admin.register(DemandLine)
class DemandLineAdmin(admin.ModelAdmin):
    list_display = ["event", "language", "mode", "people", "status", "late"]
    list_filter = ["status", "mode", "late"]
    raw_id_fields = ["event"]


@admin.register(InterpreterRequest)
class InterpreterRequestAdmin(admin.ModelAdmin):
    list_display = ["event", "language", "mode", "people", "source", "late", "cancelled_at"]
    list_filter = ["source", "late", "mode"]
    raw_id_fields = ["event", "line", "registration", "requested_by"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["interpreter", "line", "status", "reconfirm"]
    list_filter = ["status", "reconfirm"]
    raw_id_fields = ["line", "interpreter", "assigned_by"]
