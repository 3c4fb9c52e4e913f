"""How apps built on the core tell it who manages their events and which extra filters the
event list takes, without the core importing them (they register from AppConfig.ready)."""

from collections.abc import Callable

import django_filters
from django.db.models import Q

ManagerQ = Callable[[object], Q]

_manager_q: list[ManagerQ] = []
_event_filters: dict[str, django_filters.Filter] = {}
_publish_checks: list[Callable[[object], None]] = []
_change_checks: list[Callable[[object, set[str]], None]] = []
_audiences: list[tuple[Callable[[], Q], ManagerQ]] = []
_personal: list[ManagerQ] = []


def register_managers(build_q: ManagerQ) -> None:
    """``build_q(user)`` returns a Q on Event selecting the events ``user`` manages (sees
    registrations of, checks people in at, edits)."""
    if build_q not in _manager_q:
        _manager_q.append(build_q)


def managed_events_q(user) -> Q:
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    combined = Q(pk__in=[])
    for build_q in _manager_q:
        combined |= build_q(user)
    return combined


def register_event_filters(**filters: django_filters.Filter) -> None:
    _event_filters.update(filters)


def event_filters() -> dict[str, django_filters.Filter]:
    return dict(_event_filters)


def register_publish_check(check: Callable[[object], None]) -> None:
    """``check(event)`` raises a DomainError when the event may not be published yet (a
    session of a draft summit, say)."""
    if check not in _publish_checks:
        _publish_checks.append(check)


def run_publish_checks(event) -> None:
    for check in _publish_checks:
        check(event)


def register_change_check(check: Callable[[object, set[str]], None]) -> None:
    """``check(event, changed)`` sees an event with a change applied but not saved (and
    the names of the fields that changed), and raises a DomainError when an app's own
    rule forbids it (a session's seats beyond its room's)."""
    if check not in _change_checks:
        _change_checks.append(check)


def run_change_checks(event, changed: set[str]) -> None:
    for check in _change_checks:
        check(event, changed)


def register_audience(restricted: Callable[[], Q], allowed: ManagerQ) -> None:
    """Published events that are not for everyone (a members-only committee's meetings):
    ``restricted()`` selects them, ``allowed(user)`` selects those of them ``user`` may
    see. Everything else published is public."""
    pair = (restricted, allowed)
    if pair not in _audiences:
        _audiences.append(pair)


def restricted_events_q() -> Q:
    combined = Q(pk__in=[])
    for restricted, _allowed in _audiences:
        combined |= restricted()
    return combined


def allowed_restricted_q(user) -> Q:
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    combined = Q(pk__in=[])
    for _restricted, allowed in _audiences:
        combined |= allowed(user)
    return combined


def register_personal_events(build_q: ManagerQ) -> None:
    """``build_q(user)`` selects events that belong in the user's own calendar beyond the
    ones they registered for (their committees' meetings, their interpreting jobs)."""
    if build_q not in _personal:
        _personal.append(build_q)


def personal_events_q(user) -> Q:
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    combined = Q(pk__in=[])
    for build_q in _personal:
        combined |= build_q(user)
    return combined
