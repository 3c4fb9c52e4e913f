"""Who may see or do what in interpretation: coordinators (the role) see and run it all;
organisers and chairs see the requests, lines and coverage of events they manage; CBO staff
and registrants see the requests they made; an interpreter sees their own roster entry and
jobs. Titles of events a reader may not see are hidden (``title_shown``)."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from events_api.events.hooks import managed_events_q
from events_api.events.models import Event
from events_api.events.rules import can_manage_event, managed_events, visible_events_q
from events_api.interpretation import queries
from events_api.interpretation.models import (
    ACTIVE_ASSIGNMENT,
    Assignment,
    DemandLine,
    Interpreter,
    InterpreterRequest,
)
from events_api.people.queries import organization_ids_of
from events_api.people.roles import Role, has_role

# What an interpreter may change of their own roster entry; the rest is the coordinators'.
INTERPRETER_OWN_FIELDS = frozenset({"availability"})


def _signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False)


def is_coordinator(user) -> bool:
    return has_role(user, Role.INTERPRETER_COORDINATOR)


def may_request(user, event: Event) -> bool:
    """Organisers and chairs of the event, interpreter coordinators, CBO staff."""
    return (
        is_coordinator(user)
        or has_role(user, Role.CBO_STAFF)
        or bool(organization_ids_of(user))
        or can_manage_event(user, event)
    )


def events_to_request_for(user) -> QuerySet[Event]:
    """Coordinators ask for any event; anyone else for the events they may see."""
    if is_coordinator(user):
        return Event.objects.all()
    return Event.objects.filter(visible_events_q(user))


def may_change_interpreter(user, fields) -> bool:
    """Coordinators change any field of a roster entry; an interpreter (whose entry it is,
    see ``interpreters_visible_to``) only their availability."""
    return is_coordinator(user) or not (set(fields) - INTERPRETER_OWN_FIELDS)


def title_shown(user, event_ref: str = "pk") -> Exists:
    """Whether ``user`` may read the title of the event at ``event_ref``: only if they may
    see the event itself. Interpretation work needs the time, place, language and mode,
    not what a members-only meeting or another organiser's draft session is called, so
    coordinators and interpreters see a plain "Committee meeting" there instead."""
    return Exists(Event.objects.filter(visible_events_q(user), pk=OuterRef(event_ref)))


def is_on_roster(user) -> bool:
    """The account is an interpreter on the roster (active or not: past jobs stay theirs)."""
    return _signed_in(user) and Interpreter.objects.filter(user=user).exists()


def interpreting_jobs_q(user) -> Q:
    """For the events core: the events ``user`` interprets at, for their own calendar. A
    subquery, not a join, so an event with two jobs appears once."""
    jobs = Assignment.objects.filter(interpreter__user=user, status__in=ACTIVE_ASSIGNMENT)
    return Q(pk__in=jobs.values("line__event_id"))


def requests_visible_to(user) -> QuerySet[InterpreterRequest]:
    """Coordinators: all. Others: the requests they made, those of their registrations,
    their organisation's, and those of events they manage."""
    if not _signed_in(user):
        return InterpreterRequest.objects.none()
    if is_coordinator(user):
        return queries.requests_for_list()
    return queries.requests_for_list().filter(
        Q(requested_by=user)
        | Q(registration__user=user)
        | Q(organization_id__in=organization_ids_of(user))
        | Q(event_id__in=managed_events(user).values("pk"))
    )


def lines_visible_to(user) -> QuerySet[DemandLine]:
    """Coordinators: all. Organisers and chairs: the lines of events they manage."""
    if not _signed_in(user):
        return DemandLine.objects.none()
    lines = queries.lines_for_list().annotate(event_title_shown=title_shown(user, "event_id"))
    if is_coordinator(user):
        return lines
    return lines.filter(event_id__in=managed_events(user).values("pk"))


def interpreters_visible_to(user) -> QuerySet[Interpreter]:
    """Coordinators: the roster. An interpreter: their own entry."""
    if not _signed_in(user):
        return Interpreter.objects.none()
    if is_coordinator(user):
        return queries.interpreters_for_list()
    return queries.interpreters_for_list().filter(user=user)


def assignments_shown_to(user) -> QuerySet[Assignment]:
    """Assignments with ``event_title_shown`` for ``user`` (see title_shown)."""
    return queries.assignments_for_list().annotate(
        event_title_shown=title_shown(user, "line__event_id")
    )


def assignments_visible_to(user) -> QuerySet[Assignment]:
    """Coordinators: all. An interpreter: their own."""
    if not _signed_in(user):
        return Assignment.objects.none()
    if is_coordinator(user):
        return assignments_shown_to(user)
    return assignments_shown_to(user).filter(interpreter__user=user)


def coverage_events(user) -> QuerySet[Event]:
    """Events with interpretation demand that ``user`` may see the coverage of
    (coordinators: all; organisers and chairs: those they manage), with their lines,
    each line's active assignment, and the number of late requests."""
    events = queries.with_coverage(
        Event.objects.filter(pk__in=DemandLine.objects.values("event_id"))
    ).annotate(title_shown=title_shown(user))
    events = events.order_by("starts_at", "pk")
    if not _signed_in(user):
        return events.none()
    if is_coordinator(user):
        return events
    return events.filter(managed_events_q(user))


def coverage_of(user, event_id: int) -> Event | None:
    """One event's coverage, or None if ``user`` may not see it. An event without demand
    has empty coverage."""
    events = Event.objects.filter(pk=event_id)
    if not is_coordinator(user):
        events = events.filter(managed_events_q(user))
    return queries.with_coverage(events).annotate(title_shown=title_shown(user)).first()
