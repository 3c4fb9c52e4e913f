from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from events_api.people.models import (
    Language,
    Organization,
    OrganizationMembership,
    School,
    User,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "preferred_language", "is_staff"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            "Profile",
            {"fields": ["display_name", "preferred_language", "phone", "preferred_channel"]},
        ),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
    ]
    add_fieldsets = [(None, {"fields": ["email", "password1", "password2"]})]


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "native_name", "direction", "is_ui_language"]
    search_fields = ["code", "name_en", "native_name"]


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["dbn", "name", "borough", "district"]
    list_filter = ["borough"]
    search_fields = ["dbn", "name"]


class MembershipInline(admin.TabularInline):
    model = OrganizationMembership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]
    inlines = [MembershipInline]
