"""Reads: events and registrations with what a list needs. Who may see which lives in
``events.rules``."""

from django.db.models import F, Prefetch, QuerySet, Sum

from events_api.events.models import (
    SEATED,
    Event,
    Registration,
    RegistrationStatus,
)


def events_for_list() -> QuerySet[Event]:
    # Seats taken and waitlist length are columns of the event (events.services.counts):
    # no per-row counting.
    return Event.objects.select_related("school__borough").prefetch_related("languages")


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
