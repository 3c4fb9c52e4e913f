from collections import defaultdict

from django.db.models import Count, Q, QuerySet, Sum

from events_api.events.models import SEATED, Registration, RegistrationStatus
from events_api.interpretation.models import DemandLine, InterpreterRequest, LineStatus
from events_api.interpretation.reports import GAP_STATUSES
from summits.models import Room, Session, Summit, Track


def summits_for_list() -> QuerySet[Summit]:
    return Summit.objects.select_related("venue_school").prefetch_related("partners")


def sessions_for_list(summit: Summit) -> QuerySet[Session]:
    """Sessions with their events and hosts (``rules.sessions_visible_to`` says which)."""
    return (
        Session.objects.filter(summit=summit)
        .select_related("event__school__borough", "track", "room")
        .prefetch_related("hosts", "event__languages")
    )


def tracks_of(summit: Summit) -> QuerySet[Track]:
    return Track.objects.filter(summit=summit)


def rooms_of(summit: Summit) -> QuerySet[Room]:
    return Room.objects.filter(summit=summit)


def dashboard(summit: Summit) -> list[dict]:
    """Per session: confirmed and waitlisted parties and people, seats left, interpreter
    needs by language (adults, since they are the ones who need the interpreter), and
    children needing childcare. Three queries whatever the number of sessions."""
    sessions = list(
        Session.objects.filter(summit=summit)
        .select_related("event")
        .order_by("event__starts_at", "pk")
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
                "confirmed_people": event.seats_taken,
                "waitlisted_parties": parties[event.pk]["waitlisted"],
                "seats_left": None if capacity is None else max(capacity - event.seats_taken, 0),
                "interpreter_needs": dict(sorted(interpreters[event.pk].items())),
                "childcare_children": childcare[event.pk],
            }
        )
    return rows


def interpretation_by_language(summit: Summit) -> list[dict]:
    """Per language, over the summit's sessions: people needing an interpreter (live
    demand lines), people whose line has an interpreter (assigned or confirmed), of them
    confirmed, lines still without one, and late requests (active ones made inside the
    lead time). Cancelled lines count for nothing. Two queries."""
    events = Session.objects.filter(summit=summit).values("event_id")
    covered = Q(status__in=(LineStatus.ASSIGNED, LineStatus.CONFIRMED))
    rows = {
        row["language_id"]: {
            "language": row["language_id"],
            "needed": row["needed"] or 0,
            "covered": row["covered"] or 0,
            "confirmed": row["confirmed"] or 0,
            "gaps": row["gaps"],
            "late_requests": 0,
        }
        for row in DemandLine.objects.filter(event_id__in=events)
        .exclude(status=LineStatus.CANCELLED)
        .values("language_id")
        .annotate(
            needed=Sum("people"),
            covered=Sum("people", filter=covered),
            confirmed=Sum("people", filter=Q(status=LineStatus.CONFIRMED)),
            gaps=Count("pk", filter=Q(status__in=GAP_STATUSES)),
        )
        .order_by()
    }
    late = (
        InterpreterRequest.objects.filter(event_id__in=events, late=True, cancelled_at=None)
        .values("language_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in late:
        if row["language_id"] in rows:
            rows[row["language_id"]]["late_requests"] = row["n"]
    return sorted(rows.values(), key=lambda row: (-row["needed"], row["language"]))
