"""Who may see or do what with events and registrations: the visibility querysets and the
named predicates that views, permissions and services all ask. Apps built on the core widen
them through ``events.hooks`` (who manages which events, who is in a restricted audience),
with the predicates they register living in their own ``rules.py``."""

from django.db.models import Q, QuerySet

from events_api.events import queries
from events_api.events.hooks import allowed_restricted_q, managed_events_q, restricted_events_q
from events_api.events.models import Event, EventStatus, Registration
from events_api.people.queries import organization_ids_of
from events_api.people.roles import Role, has_role

PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)


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
    return queries.events_for_list().filter(visible_events_q(user))


def managed_events(user) -> QuerySet[Event]:
    return Event.objects.filter(managed_events_q(user))


def can_manage_event(user, event: Event) -> bool:
    """Organises the event (a summit's organiser, a committee's chair, ...): edits it, sees
    its registrations, exports them, checks people in."""
    return managed_events(user).filter(pk=event.pk).exists()


def can_check_in(user, event: Event) -> bool:
    """Door volunteers at any event, and the event's organisers."""
    return has_role(user, Role.DOOR_VOLUNTEER) or can_manage_event(user, event)


def is_staff_of(user, organization_id: int) -> bool:
    """Works for the organisation (a CBO): registers families on its behalf, with the
    consent text it shows them first."""
    return organization_id in organization_ids_of(user)


def registrations_visible_to(user) -> QuerySet[Registration]:
    """Organisers of the event, the CBO that made the registration, the registrant. Nobody
    else (a guest uses the manage token instead)."""
    if not getattr(user, "is_authenticated", False):
        return Registration.objects.none()
    managed = managed_events(user).values("pk")
    return queries.registrations_for_list().filter(
        Q(event__in=managed) | Q(organization_id__in=organization_ids_of(user)) | Q(user=user)
    )
