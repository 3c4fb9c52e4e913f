from rest_framework import permissions

from summits import rules


class SummitPermission(permissions.BasePermission):
    """Anyone reads; organisers (the role) create; a summit's own organisers change it."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if view.action == "create":
            return rules.can_create_summits(request.user)
        return request.user.is_authenticated

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return rules.can_manage_summit(request.user, obj)
