from rest_framework import permissions

from events_api.interpretation.rules import is_coordinator


class IsCoordinator(permissions.BasePermission):
    """Interpreter coordinators (the role) manage the roster, lines and assignments."""

    def has_permission(self, request, view):
        return is_coordinator(request.user)
