"""Who may see or do what with summits: anyone sees a published summit and its published
sessions; organisers (the role) create summits; a summit's own organisers see its drafts,
change it and manage its sessions' events (registered with the events core in apps.py)."""

from django.db.models import Q, QuerySet

from events_api.events.rules import PUBLIC_STATUSES
from events_api.people.roles import Role, has_role
from summits import queries
from summits.models import Session, Summit


def visible_summits(user) -> QuerySet[Summit]:
    public = Q(status__in=PUBLIC_STATUSES)
    if getattr(user, "is_authenticated", False):
        if user.is_superuser:
            return queries.summits_for_list()
        public |= Q(pk__in=Summit.objects.filter(organizers=user).values("pk"))
    return queries.summits_for_list().filter(public)


def public_summits() -> QuerySet[Summit]:
    """Summits anyone may see, whoever asks (a summit's public calendar feed)."""
    return Summit.objects.filter(status__in=PUBLIC_STATUSES)


def can_manage_summit(user, summit: Summit) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or summit.organizers.filter(pk=user.pk).exists()


def managed_summit(user, pk) -> Summit | None:
    """The summit ``pk`` if ``user`` organises it, in one query; else None."""
    if not getattr(user, "is_authenticated", False):
        return None
    summits = Summit.objects.filter(pk=pk)
    if not user.is_superuser:
        summits = summits.filter(organizers=user)
    return summits.first()


def can_create_summits(user) -> bool:
    return has_role(user, Role.ORGANISER)


def sessions_visible_to(summit: Summit, user) -> QuerySet[Session]:
    """The summit's sessions with their events, seat counts, hosts; drafts only for its
    organisers."""
    sessions = queries.sessions_for_list(summit)
    if can_manage_summit(user, summit):
        return sessions
    return sessions.filter(event__status__in=PUBLIC_STATUSES)


def managed_sessions_q(user) -> Q:
    """For the events core: the session events of the summits ``user`` organises. A
    subquery, not a join: a join through organisers would repeat event rows."""
    return Q(pk__in=Session.objects.filter(summit__organizers=user).values("event_id"))
