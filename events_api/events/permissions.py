from rest_framework import permissions

from events_api.events import rules


class ManagesEvent(permissions.BasePermission):
    """The user organises this event (summit organiser, committee chair, ...)."""

    def has_object_permission(self, request, view, obj):
        return rules.can_manage_event(request.user, obj)


class CanCheckIn(permissions.BasePermission):
    """Organisers of the event, and door volunteers at any event."""

    def has_object_permission(self, request, view, obj):
        return rules.can_check_in(request.user, obj)
