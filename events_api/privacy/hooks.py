"""How apps built on the core take part in retention and anonymisation without the core
importing them (they register from AppConfig.ready, as with events_api.events.hooks).

- ``register_retention(overrides)``: ``overrides()`` returns ``(selector, period)`` pairs,
  a Q on Event selecting the events whose personal data is kept ``period`` after they end
  instead of the deployment's default (a summit's own period for its sessions).
- ``register_hold(build_q)``: ``build_q(now)`` is a Q on Registration selecting rows kept
  even though their event expired (committee members' records while membership lasts).
- ``register_step(step)``: a kind of row to anonymise ("my app's rows of these events").
- ``register_batch_listener(listener)``: ``listener(step_name, pks)`` runs inside each
  batch's transaction after its update (logging; a test makes one raise to crash a batch).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet

Overrides = Callable[[], Iterable[tuple[Q, timedelta]]]
BatchListener = Callable[[str, list[int]], None]


@dataclass(frozen=True)
class Scope:
    """One run: its time, and the events whose personal data has expired by then."""

    now: datetime
    expired_events: QuerySet


@dataclass(frozen=True)
class Step:
    """``pending(scope)`` selects the rows still to do; ``apply(pks, now)`` anonymises (or
    deletes) exactly those rows with bulk statements, so that afterwards none of them is
    pending any more."""

    name: str
    pending: Callable[[Scope], QuerySet]
    apply: Callable[[list[int], datetime], None]


_overrides: list[Overrides] = []
_holds: list[Callable[[datetime], Q]] = []
_steps: dict[str, Step] = {}
_listeners: list[BatchListener] = []


def register_retention(overrides: Overrides) -> None:
    if overrides not in _overrides:
        _overrides.append(overrides)


def retention_overrides() -> list[tuple[Q, timedelta]]:
    return [pair for overrides in _overrides for pair in overrides()]


def register_hold(build_q: Callable[[datetime], Q]) -> None:
    if build_q not in _holds:
        _holds.append(build_q)


def held_registrations_q(now: datetime) -> Q:
    combined = Q(pk__in=[])
    for build_q in _holds:
        combined |= build_q(now)
    return combined


def register_step(step: Step) -> None:
    """Steps run in the order they were registered; a name registered again replaces it."""
    _steps[step.name] = step


def steps() -> list[Step]:
    return list(_steps.values())


def register_batch_listener(listener: BatchListener) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def unregister_batch_listener(listener: BatchListener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def batch_listeners() -> list[BatchListener]:
    return list(_listeners)


# --- A family's own data: export and erasure (docs/privacy.md, "A family's own data") ------

RowsOf = Callable[[list[int]], QuerySet]
RegistrationExport = Callable[[list[int]], dict[int, list[dict]]]
AccountExport = Callable[[object], list[dict]]
ErasureCheck = Callable[[object], None]

_rows_of: dict[str, RowsOf] = {}
_registration_exports: dict[str, RegistrationExport] = {}
_account_exports: dict[str, AccountExport] = {}
_erasure_checks: list[ErasureCheck] = []
AccountErasure = Callable[[object, datetime], None]
_account_erasures: list[AccountErasure] = []


def register_rows_of(step_name: str, rows_of: RowsOf) -> None:
    """``rows_of(registration_ids)`` selects the rows of the step ``step_name`` that belong
    to these registrations: erasing them runs that step's ``apply`` on exactly those rows."""
    _rows_of[step_name] = rows_of


def rows_of(step_name: str) -> RowsOf | None:
    return _rows_of.get(step_name)


def register_registration_export(name: str, export: RegistrationExport) -> None:
    """``export(registration_ids)`` returns ``{registration_id: [row, ...]}`` (JSON-ready
    dicts) in a fixed number of queries; the rows appear as ``other[name]`` of each
    registration in the export."""
    _registration_exports[name] = export


def registration_exports() -> dict[str, RegistrationExport]:
    return dict(_registration_exports)


def register_account_export(name: str, export: AccountExport) -> None:
    """``export(user)`` returns JSON-ready rows, shown as ``other[name]`` of an account's
    export."""
    _account_exports[name] = export


def account_exports() -> dict[str, AccountExport]:
    return dict(_account_exports)


def register_account_erasure(erase: AccountErasure) -> None:
    """``erase(user, now)`` removes what an app keeps about ``user`` beyond registrations
    (a parent card), inside the account erasure's transaction, before the user row goes."""
    if erase not in _account_erasures:
        _account_erasures.append(erase)


def run_account_erasures(user, now: datetime) -> None:
    for erase in _account_erasures:
        erase(user, now)


def register_erasure_check(check: ErasureCheck) -> None:
    """``check(user)`` raises a DomainError while the account may not be erased (the last
    chair of a committee)."""
    if check not in _erasure_checks:
        _erasure_checks.append(check)


def run_erasure_checks(user) -> None:
    for check in _erasure_checks:
        check(user)
