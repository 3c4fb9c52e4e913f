"""Reads: events and registrations with what a list needs. Who may see which lives in
``events.rules``."""

from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from events_api.events.models import (
    SEATED,
    Event,
    Registration,
    RegistrationStatus,
)


def _seats_taken_subquery(event_ref: str) -> Subquery:
    seated = (
        Registration.objects.filter(event=OuterRef(event_ref), status__in=SEATED)
        .order_by()
        .values("event")
        .annotate(n=Sum(F("adults") + F("children")))
        .values("n")
    )
    return Subquery(seated, output_field=IntegerField())


def _waitlist_subquery(event_ref: str) -> Subquery:
    waiting = (
        Registration.objects.filter(event=OuterRef(event_ref), status=RegistrationStatus.WAITLISTED)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(waiting, output_field=IntegerField())


def with_counts(queryset: QuerySet, event_ref: str = "pk") -> QuerySet:
    """Annotate ``seats_taken`` and ``waitlist_length`` (subqueries, so joins added by
    filters cannot multiply them). ``event_ref`` names the event's id on the rows, for
    querysets of things that have an event (sessions, meetings)."""
    return queryset.annotate(
        seats_taken=Coalesce(_seats_taken_subquery(event_ref), Value(0)),
        waitlist_length=Coalesce(_waitlist_subquery(event_ref), Value(0)),
    )


def events_for_list() -> QuerySet[Event]:
    return with_counts(
        Event.objects.select_related("school__borough").prefetch_related("languages")
    )


def registrations_for_list() -> QuerySet[Registration]:
    return Registration.objects.select_related(
        "event__school", "organization", "preferred_language", "interpreter_language"
    )


def registrations_of_user(user) -> QuerySet[Registration]:
    return registrations_for_list().filter(user=user).order_by("event__starts_at", "id")


def registration_by_token_hash(token_hash: str) -> Registration | None:
    return registrations_for_list().filter(manage_token_hash=token_hash).first()


def waitlist(event: Event) -> QuerySet[Registration]:
    return Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).order_by(
        "waitlist_position", "id"
    )


def seats_taken(event: Event) -> int:
    return (
        Registration.objects.filter(event=event, status__in=SEATED).aggregate(
            n=Sum(F("adults") + F("children"))
        )["n"]
        or 0
    )


def prefetch_registrations(status=SEATED) -> Prefetch:
    return Prefetch(
        "registrations",
        queryset=Registration.objects.filter(status__in=status).select_related(
            "interpreter_language"
        ),
    )
