"""Reads: who belongs to and manages which committee, and what each person may see."""

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from committees.models import (
    CHAIR_ROLES,
    MANAGER_ROLES,
    AgendaItem,
    Attendance,
    Committee,
    Invitation,
    Meeting,
    MeetingSeries,
    Membership,
    Minutes,
    MinutesStatus,
    Rsvp,
    Visibility,
    current_q,
)
from events_api.events.models import ACTIVE, Event, Registration, RegistrationStatus
from events_api.events.queries import visible_events_q, with_counts


def _signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False)


def current_memberships(user, roles=None) -> QuerySet[Membership]:
    """The user's memberships whose term covers today (optionally only some roles)."""
    if not _signed_in(user):
        return Membership.objects.none()
    rows = Membership.objects.filter(current_q(timezone.localdate()), user=user)
    if roles is not None:
        rows = rows.filter(role__in=roles)
    return rows


def member_committee_ids(user) -> QuerySet:
    return current_memberships(user).values("committee_id")


def managed_committee_ids(user) -> QuerySet:
    return current_memberships(user, MANAGER_ROLES).values("committee_id")


def _cached(user, name: str, build) -> frozenset[int]:
    """Per-request cache on the user object (a fresh user per request)."""
    cached = getattr(user, name, None)
    if cached is None:
        cached = frozenset(build())
        setattr(user, name, cached)
    return cached


def member_of(user) -> frozenset[int]:
    if not _signed_in(user):
        return frozenset()
    return _cached(
        user,
        "_committee_member_ids",
        lambda: current_memberships(user).values_list("committee_id", flat=True),
    )


def manager_of(user) -> frozenset[int]:
    if not _signed_in(user):
        return frozenset()
    return _cached(
        user,
        "_committee_manager_ids",
        lambda: current_memberships(user, MANAGER_ROLES).values_list("committee_id", flat=True),
    )


def is_member(user, committee: Committee) -> bool:
    return bool(getattr(user, "is_superuser", False)) or committee.pk in member_of(user)


def is_manager(user, committee: Committee) -> bool:
    return bool(getattr(user, "is_superuser", False)) or committee.pk in manager_of(user)


def is_chair(user, committee: Committee) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return current_memberships(user, CHAIR_ROLES).filter(committee=committee).exists()


# --- hooks for the events core (Q on Event, subqueries so rows never repeat) -------------


def managed_meetings_q(user) -> Q:
    meetings = Meeting.objects.filter(committee__in=managed_committee_ids(user))
    return Q(pk__in=meetings.values("event_id"))


def restricted_meetings_q() -> Q:
    return Q(
        pk__in=Meeting.objects.filter(committee__visibility=Visibility.MEMBERS).values("event_id")
    )


def members_meetings_q(user) -> Q:
    meetings = Meeting.objects.filter(committee__in=member_committee_ids(user))
    return Q(pk__in=meetings.values("event_id"))


# --- committees ---------------------------------------------------------------------------


def _count(queryset: QuerySet) -> Subquery:
    counted = queryset.order_by().values("committee").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def committees_for_list() -> QuerySet[Committee]:
    """With ``voting_members`` (today) and ``late_notices`` (meetings flagged)."""
    today = timezone.localdate()
    voting = Membership.objects.filter(current_q(today), committee=OuterRef("pk"), voting=True)
    late = Meeting.objects.filter(committee=OuterRef("pk"), late_notice=True)
    return (
        Committee.objects.select_related("school__borough")
        .prefetch_related("languages")
        .annotate(voting_members=_count(voting), late_notices=_count(late))
    )


def visible_committees(user) -> QuerySet[Committee]:
    """Public committees for everyone; members-only ones for their members."""
    rows = committees_for_list()
    if getattr(user, "is_superuser", False):
        return rows
    visible = Q(visibility=Visibility.PUBLIC)
    if _signed_in(user):
        visible |= Q(pk__in=member_committee_ids(user))
    return rows.filter(visible)


def voting_member_count(committee: Committee, on=None) -> int:
    on = on or timezone.localdate()
    return committee.memberships.filter(current_q(on), voting=True).count()


def members_of(committee: Committee, user) -> QuerySet[Membership]:
    """Every membership for the committee's members; for anyone else only current members
    who opted in to be shown publicly."""
    rows = Membership.objects.filter(committee=committee).select_related("user", "organization")
    if is_member(user, committee):
        return rows.order_by("id")
    return rows.filter(current_q(timezone.localdate()), show_publicly=True).order_by("id")


def invitations_of(committee: Committee) -> QuerySet[Invitation]:
    return Invitation.objects.filter(committee=committee).select_related("invited_by")


# --- meetings -----------------------------------------------------------------------------


def meetings_for_list() -> QuerySet[Meeting]:
    approved = Minutes.objects.filter(meeting=OuterRef("pk"), status=MinutesStatus.APPROVED)
    return with_counts(
        Meeting.objects.select_related("event__school__borough", "committee")
        .prefetch_related(
            "event__languages",
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "id")),
        )
        .annotate(has_approved_minutes=Exists(approved)),
        event_ref="event_id",
    )


def visible_meetings(user) -> QuerySet[Meeting]:
    """Meetings whose event the user may see (the core decides: published for everyone,
    members-only committees' meetings for members, drafts for the chairs)."""
    return meetings_for_list().filter(
        event_id__in=Event.objects.filter(visible_events_q(user)).values("pk")
    )


def meetings_of(committee: Committee, user) -> QuerySet[Meeting]:
    return visible_meetings(user).filter(committee=committee)


def late_notices_of(committee: Committee, user) -> QuerySet[Meeting]:
    return meetings_of(committee, user).filter(late_notice=True)


def series_of(committee: Committee) -> QuerySet[MeetingSeries]:
    return (
        MeetingSeries.objects.filter(committee=committee)
        .select_related("school")
        .prefetch_related("languages", "exceptions")
    )


def agenda_of(meeting: Meeting) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(meeting=meeting).order_by("position", "id")


def attendance_of(meeting: Meeting) -> QuerySet[Attendance]:
    return Attendance.objects.filter(meeting=meeting).select_related("membership__user")


def minutes_of(meeting: Meeting, user) -> Minutes | None:
    """The minutes if the user may read them: members and chairs read drafts, anyone who
    sees the meeting reads approved minutes."""
    rows = Minutes.objects.filter(meeting=meeting).prefetch_related("amendments")
    if not is_member(user, meeting.committee):
        rows = rows.filter(status=MinutesStatus.APPROVED)
    return rows.first()


def rsvps_of(meeting: Meeting) -> QuerySet[Registration]:
    """Answers to a meeting: its event's registrations (a registration made without an
    RSVP counts as a yes) with the answer annotated."""
    answer = Rsvp.objects.filter(registration=OuterRef("pk")).values("response")[:1]
    return (
        Registration.objects.filter(event_id=meeting.event_id, status__in=ACTIVE)
        .select_related("interpreter_language", "preferred_language")
        .annotate(
            rsvp_response=Coalesce(
                Subquery(answer, output_field=CharField()),
                Case(
                    When(status=RegistrationStatus.DECLINED, then=Value("no")),
                    default=Value("yes"),
                    output_field=CharField(),
                ),
            )
        )
        .order_by("created_at", "id")
    )


def rsvp_of(meeting: Meeting, user) -> Registration | None:
    if not _signed_in(user):
        return None
    return rsvps_of(meeting).filter(user=user).first()
