"""Reads: who sees which requests, lines, interpreters and assignments, with what each
list needs prefetched."""

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from events_api.events.hooks import managed_events_q
from events_api.events.models import Event
from events_api.events.queries import visible_events_q
from events_api.interpretation.models import (
    ACTIVE_ASSIGNMENT,
    Assignment,
    AvailabilityWindow,
    DemandLine,
    Interpreter,
    InterpreterRequest,
    RequestSource,
)
from events_api.people.queries import organization_ids_of
from events_api.people.roles import Role, has_role


def is_coordinator(user) -> bool:
    return has_role(user, Role.INTERPRETER_COORDINATOR)


def _managed_event_ids(user):
    return Event.objects.filter(managed_events_q(user)).values("pk")


def active_assignment_prefetch(prefix: str = "") -> Prefetch:
    return Prefetch(
        f"{prefix}assignments",
        queryset=Assignment.objects.filter(status__in=ACTIVE_ASSIGNMENT).select_related(
            "interpreter__user"
        ),
        to_attr="active_assignments",
    )


def title_shown(user, event_ref: str = "pk") -> Exists:
    """Whether ``user`` may read the title of the event at ``event_ref``: only if they may
    see the event itself. Interpretation work needs the time, place, language and mode,
    not what a members-only meeting or another organiser's draft session is called, so
    coordinators and interpreters see a plain "Committee meeting" there instead."""
    return Exists(Event.objects.filter(visible_events_q(user), pk=OuterRef(event_ref)))


# --- requests -------------------------------------------------------------------------------


def requests_for_list() -> QuerySet[InterpreterRequest]:
    return InterpreterRequest.objects.select_related("line")


def requests_visible_to(user) -> QuerySet[InterpreterRequest]:
    """Coordinators: all. Others: the requests they made, those of their registrations,
    their organisation's, and those of events they manage."""
    if not getattr(user, "is_authenticated", False):
        return InterpreterRequest.objects.none()
    if is_coordinator(user):
        return requests_for_list()
    return requests_for_list().filter(
        Q(requested_by=user)
        | Q(registration__user=user)
        | Q(organization_id__in=organization_ids_of(user))
        | Q(event_id__in=_managed_event_ids(user))
    )


def active_request_of_registration(registration) -> InterpreterRequest | None:
    return (
        requests_for_list()
        .filter(registration=registration, cancelled_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


# --- demand lines ---------------------------------------------------------------------------


def lines_for_list() -> QuerySet[DemandLine]:
    return DemandLine.objects.select_related("event").prefetch_related(active_assignment_prefetch())


def lines_visible_to(user) -> QuerySet[DemandLine]:
    """Coordinators: all. Organisers and chairs: the lines of events they manage."""
    if not getattr(user, "is_authenticated", False):
        return DemandLine.objects.none()
    lines = lines_for_list().annotate(event_title_shown=title_shown(user, "event_id"))
    if is_coordinator(user):
        return lines
    return lines.filter(event_id__in=_managed_event_ids(user))


# --- roster ---------------------------------------------------------------------------------


def interpreters_for_list() -> QuerySet[Interpreter]:
    return Interpreter.objects.select_related("user").prefetch_related(
        "languages", "modes", "availability"
    )


def interpreters_visible_to(user) -> QuerySet[Interpreter]:
    """Coordinators: the roster. An interpreter: their own entry."""
    if not getattr(user, "is_authenticated", False):
        return Interpreter.objects.none()
    if is_coordinator(user):
        return interpreters_for_list()
    return interpreters_for_list().filter(user=user)


def suggestion_candidates(line: DemandLine, nearby: QuerySet[Assignment]):
    """Active interpreters with the line's language and mode, one of whose availability
    windows covers the whole event, with their jobs near the event prefetched (the
    caller drops those whose jobs collide)."""
    event = line.event
    covering = AvailabilityWindow.objects.filter(
        starts_at__lte=event.starts_at, ends_at__gte=event.ends_at
    )
    return (
        Interpreter.objects.prefetch_related("languages", "modes")
        .filter(
            active=True,
            pk__in=Interpreter.languages.through.objects.filter(
                language_id=line.language_id
            ).values("interpreter_id"),
        )
        .filter(pk__in=covering.values("interpreter_id"))
        .filter(modes__mode=line.mode)
        .prefetch_related(Prefetch("assignments", queryset=nearby, to_attr="nearby_jobs"))
        .order_by("name", "pk")
    )


# --- assignments ----------------------------------------------------------------------------


def assignments_for_list() -> QuerySet[Assignment]:
    names = (
        InterpreterRequest.objects.filter(
            source=RequestSource.REGISTRATION, cancelled_at__isnull=True
        )
        .select_related("registration")
        .order_by("registration__name", "pk")
    )
    return Assignment.objects.select_related(
        "line__event__school", "line__language", "interpreter__user"
    ).prefetch_related(Prefetch("line__requests", queryset=names, to_attr="named_requests"))


def assignments_shown_to(user) -> QuerySet[Assignment]:
    """Assignments with ``event_title_shown`` for ``user`` (see title_shown)."""
    return assignments_for_list().annotate(event_title_shown=title_shown(user, "line__event_id"))


def assignments_visible_to(user) -> QuerySet[Assignment]:
    """Coordinators: all. An interpreter: their own."""
    if not getattr(user, "is_authenticated", False):
        return Assignment.objects.none()
    if is_coordinator(user):
        return assignments_shown_to(user)
    return assignments_shown_to(user).filter(interpreter__user=user)


# --- coverage -------------------------------------------------------------------------------


def _late_requests_subquery() -> Subquery:
    late = (
        InterpreterRequest.objects.filter(
            event=OuterRef("pk"), late=True, cancelled_at__isnull=True
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(late, output_field=IntegerField())


def coverage_events(user) -> QuerySet[Event]:
    """Events with interpretation demand that ``user`` may see the coverage of
    (coordinators: all; organisers and chairs: those they manage), with their lines,
    each line's active assignment, and the number of late requests."""
    lines = DemandLine.objects.select_related("language").prefetch_related(
        active_assignment_prefetch()
    )
    events = (
        Event.objects.filter(pk__in=DemandLine.objects.values("event_id"))
        .annotate(
            late_requests=Coalesce(_late_requests_subquery(), Value(0)),
            title_shown=title_shown(user),
        )
        .prefetch_related(Prefetch("interpretation_lines", queryset=lines, to_attr="lines"))
        .order_by("starts_at", "pk")
    )
    if not getattr(user, "is_authenticated", False):
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
    lines = DemandLine.objects.select_related("language").prefetch_related(
        active_assignment_prefetch()
    )
    return (
        events.annotate(
            late_requests=Coalesce(_late_requests_subquery(), Value(0)),
            title_shown=title_shown(user),
        )
        .prefetch_related(Prefetch("interpretation_lines", queryset=lines, to_attr="lines"))
        .first()
    )
