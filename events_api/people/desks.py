"""The staff desks an account has beyond its platform roles, which apps built on the core
know about (chairing a committee, being on the interpreter roster). The profile lists them
so the web app shows the right links; each app registers its predicate from
AppConfig.ready, so people never imports the apps."""

from collections.abc import Callable

_desks: dict[str, Callable[[object], bool]] = {}


def register_desk(name: str, has_desk: Callable[[object], bool]) -> None:
    """``has_desk(user)`` tells whether a signed-in user works at desk ``name``."""
    _desks[name] = has_desk


def desk_names(user) -> list[str]:
    if not getattr(user, "is_authenticated", False):
        return []
    return sorted(name for name, has_desk in _desks.items() if has_desk(user))
