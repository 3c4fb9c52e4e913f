"""Reads: events and registrations with what a list needs. Who may see which lives in
``events.rules``."""

from collections import defaultdict

from django.db.models import F, Prefetch, QuerySet, Sum

from events_api.events.models import (
    SEATED,
    Event,
    Registration,
    RegistrationStatus,
)
from events_api.people.models import Language


def events_for_list() -> QuerySet[Event]:
    # Seats taken and waitlist length are columns of the event (events.services.counts):
    # no per-row counting.
    return Event.objects.select_related("school__borough").prefetch_related("languages")


# What the event list shows of each event, read as plain values (events.serializers.events
# builds the rows from them).
EVENT_LIST_COLUMNS = (
    "id",
    "kind",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "timezone",
    "school_id",
    "school__dbn",
    "school__name",
    "school__borough_id",
    "school__address",
    "address",
    "room",
    "online_url",
    "capacity",
    "seats_taken",
    "waitlist_length",
    "status",
    "registration_opens_at",
    "registration_closes_at",
    "max_party_size",
    "version",
    "updated_at",
)


def event_list_values(events: QuerySet[Event]) -> QuerySet:
    """``events`` as dicts of EVENT_LIST_COLUMNS: one query with the school joined, no
    model instances. Their languages come from ``languages_of``."""
    return events.prefetch_related(None).values(*EVENT_LIST_COLUMNS)


def languages_of(event_ids: list[int]) -> dict[int, list[str]]:
    """Language codes per event, in the order ``event.languages.all()`` gives them: one
    query on the link table."""
    order = [f"language__{name}" for name in Language._meta.ordering]
    links = (
        Event.languages.through.objects.filter(event_id__in=event_ids)
        .order_by(*order, "language_id")
        .values_list("event_id", "language_id")
    )
    codes = defaultdict(list)
    for event_id, code in links:
        codes[event_id].append(code)
    return codes


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
