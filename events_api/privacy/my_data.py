"""A family's own data: everything held about a guest (through the manage link) or an
account, as JSON, and its erasure. Erasure reuses the retention steps' own ``apply`` on the
rows of the registrations concerned (``hooks.register_rows_of``), so there is one list of
what anonymising a table means."""

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import logout
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from events_api.events import queries
from events_api.events.models import Registration, RegistrationStatus
from events_api.events.services import registration as registration_services
from events_api.interpretation.models import Interpreter, InterpreterRequest
from events_api.notifications.models import Message
from events_api.privacy import hooks
from events_api.privacy.models import ErasureRecord

# --- export ----------------------------------------------------------------------------------


def registrations_for_export(queryset: QuerySet[Registration]) -> list[Registration]:
    """The registrations with their interpreter requests, the messages sent to them and
    what apps hold about them (``other``): a fixed number of queries however many."""
    rows = list(
        queryset.select_related("event__school", "organization").prefetch_related(
            Prefetch(
                "interpreter_requests",
                queryset=InterpreterRequest.objects.order_by("created_at", "pk"),
                to_attr="export_requests",
            ),
            Prefetch(
                "messages",
                queryset=Message.objects.order_by("created_at", "pk"),
                to_attr="export_messages",
            ),
        )
    )
    ids = [row.pk for row in rows]
    found = {
        name: export(ids) if ids else {} for name, export in hooks.registration_exports().items()
    }
    for row in rows:
        row.export_other = {name: by_id.get(row.pk, []) for name, by_id in found.items()}
    return rows


@dataclass
class GuestData:
    generated_at: datetime
    registration: Registration


@dataclass
class AccountData:
    generated_at: datetime
    profile: object
    registrations: list[Registration]
    interpreter: Interpreter | None
    other: dict[str, list[dict]]


def guest_data(registration: Registration) -> GuestData:
    (row,) = registrations_for_export(Registration.objects.filter(pk=registration.pk))
    return GuestData(generated_at=timezone.now(), registration=row)


def account_data(user) -> AccountData:
    registrations = registrations_for_export(
        Registration.objects.filter(user=user).order_by("event__starts_at", "pk")
    )
    interpreter = (
        Interpreter.objects.filter(user=user).prefetch_related("languages", "modes").first()
    )
    other = {name: export(user) for name, export in hooks.account_exports().items()}
    return AccountData(
        generated_at=timezone.now(),
        profile=user,
        registrations=registrations,
        interpreter=interpreter,
        other=other,
    )


# --- erasure ---------------------------------------------------------------------------------


def _erase_registrations(ids: list[int], now: datetime) -> None:
    """Cancel what is still active (the cancel service frees the seats and promotes the
    waitlist), then anonymise the registrations and every row of theirs that a retention
    step knows, with that step's own ``apply``; the manage links stop working."""
    active = Registration.objects.filter(pk__in=ids).exclude(status=RegistrationStatus.CANCELLED)
    for registration_id in active.values_list("pk", flat=True):
        registration_services.cancel(registration_id=registration_id)
    for step in hooks.steps():
        rows_of = hooks.rows_of(step.name)
        if rows_of is None:
            continue
        pks = list(rows_of(ids).order_by("pk").values_list("pk", flat=True))
        if pks:
            step.apply(pks, now)
    for registration_id in ids:
        # A hash nobody holds the token of (unique, as the column requires).
        Registration.objects.filter(pk=registration_id).update(
            manage_token_hash=secrets.token_hex(32)
        )


def erase_registration(*, registration: Registration) -> None:
    """A guest's erasure through the manage link: one transaction, whole or not at all."""
    with transaction.atomic():
        _erase_registrations([registration.pk], timezone.now())


def erase_for_organization(*, registration: Registration, by) -> ErasureRecord:
    """A CBO erases a family it registered, at the family's request; logged (who, which
    organisation, when, which registration and event) in the same transaction."""
    with transaction.atomic():
        _erase_registrations([registration.pk], timezone.now())
        return ErasureRecord.objects.create(
            erased_by=by,
            organization_id=registration.organization_id,
            registration_id=registration.pk,
            event_id=registration.event_id,
        )


def erase_account(*, user, request=None) -> None:
    """Erase an account: refused (the apps' checks raise, e.g. LastChair) before anything
    changes; otherwise, in one transaction, its registrations are cancelled and anonymised,
    messages addressed to it anonymised, its interpreter roster entry (kept for the jobs it
    did) stripped of the person, and the user deleted with what hangs on it (email
    addresses, committee memberships, calendar feed). Signs ``request`` out."""
    now = timezone.now()
    with transaction.atomic():
        hooks.run_erasure_checks(user)
        ids = list(Registration.objects.filter(user=user).values_list("pk", flat=True))
        if ids:
            _erase_registrations(ids, now)
        addresses = [address for address in (user.email, user.phone) if address]
        messages_step = {step.name: step for step in hooks.steps()}.get("messages")
        if addresses and messages_step is not None:
            pks = list(
                Message.objects.filter(to__in=addresses, anonymised_at__isnull=True)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            if pks:
                messages_step.apply(pks, now)
        for interpreter in Interpreter.objects.filter(user=user):
            interpreter.user = None
            interpreter.name = ""  # the roster shows "Interpreter <number>", translated
            interpreter.email = interpreter.phone = interpreter.notes = ""
            interpreter.active = False
            interpreter.save()
        hooks.run_account_erasures(user, now)
        user.delete()
    if request is not None:
        logout(request)


def rows_of_registrations(model) -> hooks.RowsOf:
    return lambda ids: model.objects.filter(registration_id__in=ids)


def registration_by_token(token_hash: str) -> Registration | None:
    return queries.registration_by_token_hash(token_hash)


def register_core_rows() -> None:
    """The core steps' rows that belong to given registrations (reminders hold none)."""
    hooks.register_rows_of("registrations", lambda ids: Registration.objects.filter(pk__in=ids))
    hooks.register_rows_of("interpreter_requests", rows_of_registrations(InterpreterRequest))
    hooks.register_rows_of("messages", rows_of_registrations(Message))
