from collections import defaultdict

from django.db.models import Count, Q, QuerySet

from events_api.events.models import SEATED, Registration, RegistrationStatus
from events_api.events.queries import PUBLIC_STATUSES, with_counts
from events_api.people.roles import Role, has_role
from summits.models import Room, Session, Summit, Track


def summits_for_list() -> QuerySet[Summit]:
    return Summit.objects.select_related("venue_school").prefetch_related("partners")


def visible_summits(user) -> QuerySet[Summit]:
    public = Q(status__in=PUBLIC_STATUSES)
    if getattr(user, "is_authenticated", False):
        if user.is_superuser:
            return summits_for_list()
        public |= Q(pk__in=Summit.objects.filter(organizers=user).values("pk"))
    return summits_for_list().filter(public)


def manages_summit(user, summit: Summit) -> bool:
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


def sessions_of(summit: Summit, user) -> QuerySet[Session]:
    """Sessions with their events, seat counts, hosts; drafts only for organisers."""
    sessions = (
        Session.objects.filter(summit=summit)
        .select_related("event__school__borough", "track", "room")
        .prefetch_related("hosts", "event__languages")
    )
    if not manages_summit(user, summit):
        sessions = sessions.filter(event__status__in=PUBLIC_STATUSES)
    return with_counts(sessions, event_ref="event_id")


def tracks_of(summit: Summit) -> QuerySet[Track]:
    return Track.objects.filter(summit=summit)


def rooms_of(summit: Summit) -> QuerySet[Room]:
    return Room.objects.filter(summit=summit)


def dashboard(summit: Summit) -> list[dict]:
    """Per session: confirmed and waitlisted parties and people, seats left, interpreter
    needs by language (adults, since they are the ones who need the interpreter), and
    children needing childcare. Three queries whatever the number of sessions."""
    sessions = list(
        with_counts(
            Session.objects.filter(summit=summit).select_related("event"), event_ref="event_id"
        ).order_by("event__starts_at", "pk")
    )
    event_ids = [s.event_id for s in sessions]
    seated = Registration.objects.filter(event_id__in=event_ids, status__in=SEATED)
    parties = defaultdict(lambda: {"confirmed": 0, "waitlisted": 0})
    for row in (
        Registration.objects.filter(event_id__in=event_ids)
        .values("event_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        if row["status"] in SEATED:
            parties[row["event_id"]]["confirmed"] += row["n"]
        elif row["status"] == RegistrationStatus.WAITLISTED:
            parties[row["event_id"]]["waitlisted"] += row["n"]
    interpreters = defaultdict(lambda: defaultdict(int))
    childcare = defaultdict(int)
    needs = seated.filter(~Q(interpreter_language=None) | ~Q(childcare_ages=[])).values_list(
        "event_id", "interpreter_language_id", "adults", "childcare_ages"
    )
    for event_id, language, adults, ages in needs:
        if language:
            interpreters[event_id][language] += adults
        childcare[event_id] += len(ages)
    rows = []
    for session in sessions:
        event = session.event
        capacity = event.capacity
        rows.append(
            {
                "session": session.pk,
                "event": event.pk,
                "title": event.title,
                "starts_at": event.starts_at,
                "status": event.status,
                "capacity": capacity,
                "confirmed_parties": parties[event.pk]["confirmed"],
                "confirmed_people": session.seats_taken,
                "waitlisted_parties": parties[event.pk]["waitlisted"],
                "seats_left": None if capacity is None else max(capacity - session.seats_taken, 0),
                "interpreter_needs": dict(sorted(interpreters[event.pk].items())),
                "childcare_children": childcare[event.pk],
            }
        )
    return rows
