"""Platform-wide roles, kept as Django groups so an administrator can grant them in the
admin. Committee roles live on committee memberships instead."""

from enum import StrEnum


class Role(StrEnum):
    ORGANISER = "organiser"
    INTERPRETER_COORDINATOR = "interpreter_coordinator"
    CBO_STAFF = "cbo_staff"
    DOOR_VOLUNTEER = "door_volunteer"


def role_names(user) -> frozenset[str]:
    """The user's role names, read once per user object."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user, role: Role) -> bool:
    if getattr(user, "is_superuser", False) and getattr(user, "is_active", False):
        return True
    return str(role) in role_names(user)
