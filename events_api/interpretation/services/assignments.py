"""Assignments: a coordinator puts an interpreter on a demand line; the interpreter
confirms or declines.

Double-booking is prevented by a lock per interpreter: ``assign`` holds the event's lock,
then the interpreter's row lock (``SELECT ... FOR UPDATE``), then checks for a colliding
job and writes, so two coordinators giving the same interpreter two overlapping jobs at the
same moment are serialised and the second sees the first. SQLite serialises writers in
the engine (every transaction begins IMMEDIATE). ``INTERPRETER_LOCKING = False`` exists
only so a test can prove the race is real."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from events_api.core.i18n import pick
from events_api.events.models import Event, EventKind
from events_api.events.rules import visible_events_q
from events_api.events.services.locking import lock_event
from events_api.interpretation.conflicts import jobs_collide
from events_api.interpretation.errors import (
    AssignmentNotFound,
    AssignmentNotOpen,
    DoubleBooked,
    InterpreterInactive,
    InterpreterLacksLanguage,
    InterpreterLacksMode,
    InterpreterNotFound,
    LineAlreadyAssigned,
    LineClosed,
    LineNotFound,
)
from events_api.interpretation.models import (
    ACTIVE_ASSIGNMENT,
    Assignment,
    AssignmentStatus,
    DemandLine,
    Interpreter,
    LineStatus,
)
from events_api.interpretation.services.demand import check_open
from events_api.notifications import services as notify


def travel_buffer() -> timedelta:
    return timedelta(minutes=settings.INTERPRETATION_TRAVEL_BUFFER_MINUTES)


def lock_interpreter(interpreter_id: int) -> Interpreter:
    queryset = Interpreter.objects.all()
    if getattr(settings, "INTERPRETER_LOCKING", True):
        queryset = queryset.select_for_update()
    interpreter = queryset.filter(pk=interpreter_id).first()
    if interpreter is None:
        raise InterpreterNotFound()
    return interpreter


def nearby_jobs(event: Event, interpreter_id: int | None = None):
    """Active assignments (of one interpreter, or of anyone) that come within the travel
    buffer of ``event``: the candidates for a collision."""
    buffer = travel_buffer()
    jobs = Assignment.objects.filter(
        status__in=ACTIVE_ASSIGNMENT,
        line__event__starts_at__lt=event.ends_at + buffer,
        line__event__ends_at__gt=event.starts_at - buffer,
    ).select_related("line__event__school", "line__language")
    if interpreter_id is not None:
        jobs = jobs.filter(interpreter_id=interpreter_id)
    return jobs


def first_collision(jobs, event: Event, mode: str) -> Assignment | None:
    buffer = travel_buffer()
    for job in sorted(jobs, key=lambda j: (j.line.event.starts_at, j.pk)):
        if jobs_collide(job.line.event, job.line.mode, event, mode, buffer):
            return job
    return None


def conflict_body(job: Assignment, reader=None) -> dict:
    """The colliding job as the 409 carries it: enough to say in words where the
    interpreter already is and when ("already at P.S. 20 from 5 to 7 pm"), in the event's
    own zone. The title is the reader's language, or the event's kind when ``reader`` may
    not see the event itself (a members-only meeting)."""
    event = job.line.event
    visible = (
        reader is not None and Event.objects.filter(visible_events_q(reader), pk=event.pk).exists()
    )
    return {
        "id": job.pk,
        "status": job.status,
        "line": job.line_id,
        "event": event.pk,
        "event_title": pick(event.title) if visible else str(EventKind(event.kind).label),
        "starts_at": event.starts_at.isoformat(),
        "ends_at": event.ends_at.isoformat(),
        "timezone": event.timezone,
        "school": event.school.name if event.school_id else None,
        "address": event.address,
        "room": event.room,
        "language": job.line.language_id,
        "mode": job.line.mode,
    }


def assign(*, line_id: int, interpreter_id: int, by) -> Assignment:
    """Put an interpreter on a line (status assigned; the line becomes assigned).

    Raises LineNotFound, InterpreterNotFound, EventCancelled, EventStarted, LineClosed
    (cancelled or unfulfilled line), LineAlreadyAssigned, InterpreterInactive,
    InterpreterLacksLanguage, InterpreterLacksMode, DoubleBooked (with the colliding
    assignment). Changes nothing when it raises."""
    line = DemandLine.objects.filter(pk=line_id).first()
    if line is None:
        raise LineNotFound()
    with transaction.atomic():
        event = lock_event(line.event_id)
        interpreter = lock_interpreter(interpreter_id)
        line.refresh_from_db()
        check_open(event)
        if line.status in (LineStatus.CANCELLED, LineStatus.UNFULFILLED):
            raise LineClosed()
        current = line.assignments.filter(status__in=ACTIVE_ASSIGNMENT).first()
        if current is not None:
            raise LineAlreadyAssigned(extra={"assignment": current.pk})
        if not interpreter.active:
            raise InterpreterInactive()
        if not interpreter.languages.filter(pk=line.language_id).exists():
            raise InterpreterLacksLanguage()
        if not interpreter.modes.filter(mode=line.mode).exists():
            raise InterpreterLacksMode()
        collision = first_collision(nearby_jobs(event, interpreter.pk), event, line.mode)
        if collision is not None:
            raise DoubleBooked(
                extra={"conflicting_assignment": conflict_body(collision, reader=by)}
            )
        try:
            with transaction.atomic():
                assignment = Assignment.objects.create(
                    line=line, interpreter=interpreter, assigned_by=by
                )
        except IntegrityError as exc:
            # One active assignment per line: only reachable when the event lock is off.
            raise LineAlreadyAssigned() from exc
        line.status = LineStatus.ASSIGNED
        line.save(update_fields=["status", "updated_at"])
        notify.job_assigned(assignment)
    return assignment


def _open_assignment(assignment_id: int) -> tuple[Assignment, DemandLine]:
    assignment = Assignment.objects.filter(pk=assignment_id).select_related("line").first()
    if assignment is None:
        raise AssignmentNotFound()
    lock_event(assignment.line.event_id)
    assignment.refresh_from_db()
    assignment.line.refresh_from_db()
    if assignment.status not in ACTIVE_ASSIGNMENT:
        raise AssignmentNotOpen()
    return assignment, assignment.line


def confirm(*, assignment_id: int) -> Assignment:
    """The interpreter says yes (again, after a move): the assignment and its line become
    confirmed. Idempotent. Raises AssignmentNotFound, AssignmentNotOpen."""
    with transaction.atomic():
        assignment, line = _open_assignment(assignment_id)
        assignment.status = AssignmentStatus.CONFIRMED
        assignment.reconfirm = False
        assignment.responded_at = timezone.now()
        assignment.save(update_fields=["status", "reconfirm", "responded_at"])
        line.status = LineStatus.CONFIRMED
        line.save(update_fields=["status", "updated_at"])
    return assignment


def decline(*, assignment_id: int, reason: str = "") -> Assignment:
    """The interpreter says no: the assignment is declined and its line goes back to
    requested, ready for someone else. Raises AssignmentNotFound, AssignmentNotOpen."""
    with transaction.atomic():
        assignment, line = _open_assignment(assignment_id)
        assignment.status = AssignmentStatus.DECLINED
        assignment.reconfirm = False
        assignment.decline_reason = reason
        assignment.responded_at = timezone.now()
        assignment.save(update_fields=["status", "reconfirm", "decline_reason", "responded_at"])
        line.status = LineStatus.REQUESTED
        line.save(update_fields=["status", "updated_at"])
    return assignment


def withdraw(*, assignment_id: int) -> Assignment:
    """A coordinator takes the interpreter off the line; the line goes back to requested.
    Raises AssignmentNotFound, AssignmentNotOpen."""
    with transaction.atomic():
        assignment, line = _open_assignment(assignment_id)
        assignment.status = AssignmentStatus.CANCELLED
        assignment.reconfirm = False
        assignment.cancelled_at = timezone.now()
        assignment.save(update_fields=["status", "reconfirm", "cancelled_at"])
        line.status = LineStatus.REQUESTED
        line.save(update_fields=["status", "updated_at"])
        notify.job_withdrawn(assignment)
    return assignment
