"""Demand: interpreter requests and the demand lines they add up to.

Every write here runs inside a transaction holding the event's lock (the same lock
registration takes), so a line's ``people`` always equals the sum of its active requests
and a cancelled or changed registration moves the demand atomically."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Min, Q, Sum
from django.utils import timezone

from events_api.events.errors import EventCancelled, EventNotFound
from events_api.events.models import SEATED, Event, EventStatus, Registration
from events_api.events.services.locking import lock_event
from events_api.interpretation import rules
from events_api.interpretation.errors import (
    EventStarted,
    LineClosed,
    LineHasInterpreter,
    LineNotFound,
    NotAllowedToRequest,
    NotOrganizationStaff,
    RequestNotFound,
    SignLanguageMismatch,
)
from events_api.interpretation.leadtime import is_late
from events_api.interpretation.models import (
    ACTIVE_ASSIGNMENT,
    Assignment,
    AssignmentStatus,
    DemandLine,
    InterpreterRequest,
    LineStatus,
    Mode,
    RequestSource,
)
from events_api.people.models import Language
from events_api.people.queries import organization_ids_of


def check_mode(language: Language, mode: str) -> None:
    """A sign language goes with sign-language mode and nothing else goes with it.
    Raises SignLanguageMismatch."""
    if language.is_signed != (mode == Mode.SIGN_LANGUAGE):
        raise SignLanguageMismatch()


def registration_mode(event: Event, is_signed: bool) -> str:
    """The mode a registration's need is met in: signing for a sign language, video for
    an online-only event, otherwise an interpreter in the room."""
    if is_signed:
        return Mode.SIGN_LANGUAGE
    if event.online_url and not (event.address or event.school_id):
        return Mode.VIDEO
    return Mode.IN_PERSON


def _lines_by_key(event: Event, keys: set[tuple[str, str]]) -> dict[tuple[str, str], DemandLine]:
    lines = {(line.language_id, line.mode): line for line in DemandLine.objects.filter(event=event)}
    missing = [
        DemandLine(event=event, language_id=language, mode=mode, people=0)
        for language, mode in sorted(keys - set(lines))
    ]
    for line in missing:
        line.save()
        lines[(line.language_id, line.mode)] = line
    return lines


def reaggregate(event: Event) -> None:
    """Recompute every line of ``event`` from its active requests: people, late (every
    active request on it was late), first request time, and status: a line with nobody
    left, or of a cancelled event, is cancelled together with its active assignment; a
    cancelled line that has people again is requested again. Call with the event locked."""
    now = timezone.now()
    totals = {
        row["line_id"]: row
        for row in InterpreterRequest.objects.filter(event=event, cancelled_at__isnull=True)
        .values("line_id")
        .annotate(
            people=Sum("people"),
            first=Min("created_at"),
            on_time=Count("pk", filter=Q(late=False)),
        )
        .order_by()
    }
    closing = []
    for line in DemandLine.objects.filter(event=event):
        row = totals.get(line.pk)
        people = row["people"] if row else 0
        status = line.status
        if people == 0 or event.status == EventStatus.CANCELLED:
            status = LineStatus.CANCELLED
        elif line.status == LineStatus.CANCELLED:
            status = LineStatus.REQUESTED
        late = bool(row) and row["on_time"] == 0
        first = row["first"] if row else line.first_requested_at
        if (line.people, line.status, line.late, line.first_requested_at) != (
            people,
            status,
            late,
            first,
        ):
            if status == LineStatus.CANCELLED and line.status != LineStatus.CANCELLED:
                closing.append(line.pk)
            line.people, line.status, line.late, line.first_requested_at = (
                people,
                status,
                late,
                first,
            )
            line.save(
                update_fields=["people", "status", "late", "first_requested_at", "updated_at"]
            )
    if closing:
        Assignment.objects.filter(line_id__in=closing, status__in=ACTIVE_ASSIGNMENT).update(
            status=AssignmentStatus.CANCELLED, cancelled_at=now, reconfirm=False
        )


def sync_demand(*, event_id: int) -> None:
    """Bring the event's registration requests in line with its seated registrations'
    interpreter needs (party adults in the registration's interpreter language), then
    re-aggregate its lines if anything changed. A registration whose language changed gets
    a new request (dated now, so it may be late); one no longer seated or no longer in need
    has its request cancelled. Call inside the transaction that changed the registrations,
    with the event locked; two queries when nothing changed."""
    needs = {
        pk: (language, is_signed, adults)
        for pk, language, is_signed, adults in Registration.objects.filter(
            event_id=event_id, status__in=SEATED, interpreter_language__isnull=False
        ).values_list("pk", "interpreter_language_id", "interpreter_language__is_signed", "adults")
    }
    current = {
        request.registration_id: request
        for request in InterpreterRequest.objects.filter(
            event_id=event_id, source=RequestSource.REGISTRATION, cancelled_at__isnull=True
        )
    }
    now = timezone.now()
    cancelled, resized = [], []
    for registration_id, request in current.items():
        need = needs.get(registration_id)
        if need is None or need[0] != request.language_id:
            request.cancelled_at = now
            cancelled.append(request)
        elif need[2] != request.people:
            request.people = need[2]
            resized.append(request)
    new = {pk: need for pk, need in needs.items() if pk not in current or current[pk] in cancelled}
    if not (cancelled or resized or new):
        return
    event = Event.objects.get(pk=event_id)
    if cancelled:
        InterpreterRequest.objects.bulk_update(cancelled, ["cancelled_at"])
    if resized:
        InterpreterRequest.objects.bulk_update(resized, ["people"])
    if new:
        modes = {pk: registration_mode(event, is_signed) for pk, (_, is_signed, _) in new.items()}
        lines = _lines_by_key(event, {(need[0], modes[pk]) for pk, need in new.items()})
        late = is_late(event, now)
        InterpreterRequest.objects.bulk_create(
            InterpreterRequest(
                event=event,
                line=lines[(language, modes[pk])],
                language_id=language,
                mode=modes[pk],
                people=adults,
                source=RequestSource.REGISTRATION,
                registration_id=pk,
                late=late,
                created_at=now,
            )
            for pk, (language, _, adults) in sorted(new.items())
        )
    reaggregate(event)


def event_changed(*, event_id: int, moved: bool) -> None:
    """After an event changed (inside update_event's transaction): if its time or place
    moved, every confirmed assignment goes back to assigned with ``reconfirm`` set (and
    its line to assigned), so the interpreter is asked again; then the demand is synced
    (a cancelled event cancels its lines and their assignments)."""
    if moved:
        confirmed = Assignment.objects.filter(
            line__event_id=event_id, status=AssignmentStatus.CONFIRMED
        )
        line_ids = list(confirmed.values_list("line_id", flat=True))
        confirmed.update(status=AssignmentStatus.ASSIGNED, reconfirm=True, responded_at=None)
        DemandLine.objects.filter(pk__in=line_ids, status=LineStatus.CONFIRMED).update(
            status=LineStatus.ASSIGNED, updated_at=timezone.now()
        )
    sync_demand(event_id=event_id)
    reaggregate(Event.objects.get(pk=event_id))


def _event_for(user, event_id: int) -> Event:
    event = rules.events_to_request_for(user).filter(pk=event_id).first()
    if event is None:
        raise EventNotFound()
    return event


def check_open(event: Event) -> None:
    """Raises EventCancelled or EventStarted."""
    if event.status == EventStatus.CANCELLED:
        raise EventCancelled()
    if event.starts_at <= timezone.now():
        raise EventStarted()


@dataclass(frozen=True)
class DirectRequest:
    language: Language
    mode: str
    people: int
    organization_id: int | None = None
    note: str = ""


def request_interpreter(*, event_id: int, request: DirectRequest, by) -> InterpreterRequest:
    """Ask for an interpreter for ``request.people`` people at an event, outside any
    registration. Joins (or opens) the event's line for that language and mode; ``late``
    when inside the lead time.

    Raises EventNotFound (not visible to ``by``), NotAllowedToRequest,
    NotOrganizationStaff (an organisation ``by`` does not work for),
    SignLanguageMismatch, EventCancelled, EventStarted. Changes nothing when it raises."""
    check_mode(request.language, request.mode)
    event = _event_for(by, event_id)
    if not rules.may_request(by, event):
        raise NotAllowedToRequest()
    if request.organization_id is not None and request.organization_id not in (
        organization_ids_of(by)
    ):
        raise NotOrganizationStaff()
    with transaction.atomic():
        event = lock_event(event.pk)
        check_open(event)
        now = timezone.now()
        line = _lines_by_key(event, {(request.language.code, request.mode)})[
            (request.language.code, request.mode)
        ]
        created = InterpreterRequest.objects.create(
            event=event,
            line=line,
            language=request.language,
            mode=request.mode,
            people=request.people,
            source=RequestSource.DIRECT,
            requested_by=by,
            organization_id=request.organization_id,
            note=request.note,
            late=is_late(event, now),
            created_at=now,
        )
        reaggregate(event)
    return created


def cancel_request(*, request_id: int) -> InterpreterRequest:
    """Withdraw a direct request; its line shrinks (and is cancelled when nobody is left).
    Cancelling twice is harmless. A registration's request follows the registration and
    is not cancelled here (RequestNotFound)."""
    with transaction.atomic():
        found = InterpreterRequest.objects.filter(pk=request_id, source=RequestSource.DIRECT)
        request = found.first()
        if request is None:
            raise RequestNotFound()
        event = lock_event(request.event_id)
        request.refresh_from_db()
        if request.cancelled_at is None:
            request.cancelled_at = timezone.now()
            request.save(update_fields=["cancelled_at"])
            reaggregate(event)
    return request


def update_line(*, line_id: int, status: str | None = None, share_names: bool | None = None):
    """A coordinator marks a line unfulfilled (no interpreter could be found) or reopens
    it as requested, and/or lets its interpreter see the parents' names.

    Raises LineNotFound, LineClosed (a cancelled line), LineHasInterpreter (marking a line
    with an active assignment unfulfilled)."""
    with transaction.atomic():
        line = DemandLine.objects.filter(pk=line_id).first()
        if line is None:
            raise LineNotFound()
        lock_event(line.event_id)
        line.refresh_from_db()
        if status is not None and status != line.status:
            if line.status == LineStatus.CANCELLED:
                raise LineClosed()
            if line.assignments.filter(status__in=ACTIVE_ASSIGNMENT).exists():
                raise LineHasInterpreter()
            line.status = status
        if share_names is not None:
            line.share_names = share_names
        line.save(update_fields=["status", "share_names", "updated_at"])
    return line
