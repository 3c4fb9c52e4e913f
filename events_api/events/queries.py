"""Reads: which events and registrations a user may see, with what a list needs."""

from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from events_api.events.hooks import allowed_restricted_q, managed_events_q, restricted_events_q
from events_api.events.models import (
    SEATED,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from events_api.people.queries import organization_ids_of

PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)


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


def visible_events_q(user) -> Q:
    """Published (and cancelled, so people learn of it) events for everyone, except those
    for a restricted audience (members-only meetings), which only that audience sees;
    drafts only for those who manage them."""
    public = Q(status__in=PUBLIC_STATUSES)
    return (
        (public & ~restricted_events_q())
        | (public & allowed_restricted_q(user))
        | managed_events_q(user)
    )


def visible_events(user) -> QuerySet[Event]:
    return events_for_list().filter(visible_events_q(user))


def managed_events(user) -> QuerySet[Event]:
    return Event.objects.filter(managed_events_q(user))


def can_manage(user, event: Event) -> bool:
    return managed_events(user).filter(pk=event.pk).exists()


def registrations_for_list() -> QuerySet[Registration]:
    return Registration.objects.select_related(
        "event", "organization", "preferred_language", "interpreter_language"
    )


def registrations_visible_to(user) -> QuerySet[Registration]:
    """Organisers of the event, the CBO that made the registration, the registrant. Nobody
    else (a guest uses the manage token instead)."""
    if not getattr(user, "is_authenticated", False):
        return Registration.objects.none()
    managed = Event.objects.filter(managed_events_q(user)).values("pk")
    return registrations_for_list().filter(
        Q(event__in=managed) | Q(organization_id__in=organization_ids_of(user)) | Q(user=user)
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
