"""Reads: committees, meetings and their parts with what each list needs. Who belongs to,
manages and may see which lives in ``committees.rules``."""

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from committees.models import (
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
    current_q,
)
from events_api.events.models import ACTIVE, Registration, RegistrationStatus

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


def voting_member_count(committee: Committee, on=None) -> int:
    on = on or timezone.localdate()
    return committee.memberships.filter(current_q(on), voting=True).count()


def invitations_of(committee: Committee) -> QuerySet[Invitation]:
    return Invitation.objects.filter(committee=committee).select_related("invited_by")


# --- meetings -----------------------------------------------------------------------------


def meetings_for_list() -> QuerySet[Meeting]:
    approved = Minutes.objects.filter(meeting=OuterRef("pk"), status=MinutesStatus.APPROVED)
    return (
        Meeting.objects.select_related("event__school__borough", "committee")
        .prefetch_related(
            "event__languages",
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "id")),
        )
        .annotate(has_approved_minutes=Exists(approved))
    )


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
    """The user's own answer, if they gave one."""
    if not getattr(user, "is_authenticated", False):
        return None
    return rsvps_of(meeting).filter(user=user).first()
