"""Reads: requests, lines, interpreters, assignments and coverage with what each list needs
prefetched. Who sees which lives in ``interpretation.rules``."""

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from events_api.events.models import Event
from events_api.interpretation.models import (
    ACTIVE_ASSIGNMENT,
    Assignment,
    AvailabilityWindow,
    DemandLine,
    Interpreter,
    InterpreterRequest,
    RequestSource,
)


def active_assignment_prefetch(prefix: str = "") -> Prefetch:
    return Prefetch(
        f"{prefix}assignments",
        queryset=Assignment.objects.filter(status__in=ACTIVE_ASSIGNMENT).select_related(
            "interpreter__user"
        ),
        to_attr="active_assignments",
    )


# --- requests -------------------------------------------------------------------------------


def requests_for_list() -> QuerySet[InterpreterRequest]:
    return InterpreterRequest.objects.select_related("line")


def active_request_of_registration(registration) -> InterpreterRequest | None:
    return (
        requests_for_list()
        .filter(registration=registration, cancelled_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


# --- demand lines ---------------------------------------------------------------------------


def lines_for_list() -> QuerySet[DemandLine]:
    return DemandLine.objects.select_related("event", "language").prefetch_related(
        active_assignment_prefetch()
    )


# --- roster ---------------------------------------------------------------------------------


def interpreters_for_list() -> QuerySet[Interpreter]:
    return Interpreter.objects.select_related("user").prefetch_related(
        "languages", "modes", "availability"
    )


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


def with_coverage(events: QuerySet[Event]) -> QuerySet[Event]:
    """``events`` with their lines (``lines``), each line's active assignment, and the
    number of late requests (``late_requests``)."""
    lines = DemandLine.objects.select_related("language").prefetch_related(
        active_assignment_prefetch()
    )
    return events.annotate(
        late_requests=Coalesce(_late_requests_subquery(), Value(0))
    ).prefetch_related(Prefetch("interpretation_lines", queryset=lines, to_attr="lines"))
