from rest_framework import permissions

from events_api.events import queries
from events_api.people.roles import Role, has_role


class ManagesEvent(permissions.BasePermission):
    """The user organises this event (summit organiser, committee chair, ...)."""

    def has_object_permission(self, request, view, obj):
        return queries.can_manage(request.user, obj)


class CanCheckIn(permissions.BasePermission):
    """Organisers of the event, and door volunteers at any event."""

    def has_object_permission(self, request, view, obj):
        return has_role(request.user, Role.DOOR_VOLUNTEER) or queries.can_manage(request.user, obj)
