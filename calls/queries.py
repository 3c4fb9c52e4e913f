"""Reads for the call lists: who chose a phone call, the calls made so far, and the next
meeting a committee's members are called about. Each is one query; who may see which part
lives in ``calls.rules``."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from calls.models import CallAttempt, Outcome
from committees.models import Meeting, Membership, current_q
from events_api.events.models import ACTIVE, EventStatus, Registration, RegistrationStatus
from events_api.people.models import Channel

# Registrations still to come: a seat or a place on the waiting list.
COMING = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


def by_phone_call_q() -> Q:
    """Registrations whose messages go to nobody in writing because the chosen channel
    is a call: an account that chose calls in its profile (its messages follow the
    profile, see notifications.recipients.recipient_of), else the channel chosen at
    registration (a guest's, or a family a CBO registered)."""
    account = Q(user__isnull=False, user__preferred_channel=Channel.PHONE_CALL)
    return account | Q(user__isnull=True, channel=Channel.PHONE_CALL)


def registrations_to_call(event_id: int) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(by_phone_call_q(), event_id=event_id, status__in=COMING)
        .select_related("user", "organization")
        .order_by("id")
    )


def current_members(committee_id: int) -> QuerySet[Membership]:
    return Membership.objects.filter(current_q(timezone.localdate()), committee_id=committee_id)


def members_to_call(committee_id: int, *, event_id: int | None) -> QuerySet[Membership]:
    """Current members who chose calls. For a meeting, not those who answered it: they are
    on the list through their registration, or said they will not come."""
    rows = current_members(committee_id).filter(
        user__preferred_channel=Channel.PHONE_CALL, user__is_active=True
    )
    if event_id is not None:
        answered = Registration.objects.filter(
            event_id=event_id, status__in=ACTIVE, user__isnull=False
        ).values("user")
        rows = rows.exclude(user__in=answered)
    return rows.select_related("user", "organization").order_by("id")


def attempts_about(event_id: int) -> QuerySet[CallAttempt]:
    return (
        CallAttempt.objects.filter(event_id=event_id)
        .select_related("recorded_by")
        .order_by("recorded_at", "id")
    )


def stopped_members(committee_id: int) -> QuerySet:
    """Users who asked, on any list of the committee, not to be called again."""
    return CallAttempt.objects.filter(
        committee_id=committee_id, outcome=Outcome.ASKED_TO_STOP, user__isnull=False
    ).values_list("user_id", flat=True)


def next_meeting(committee_id: int) -> Meeting | None:
    """The committee's next published meeting that has not started yet."""
    return (
        Meeting.objects.filter(
            committee_id=committee_id,
            event__status=EventStatus.PUBLISHED,
            event__starts_at__gt=timezone.now(),
        )
        .select_related("event__school", "committee")
        .order_by("event__starts_at", "id")
        .first()
    )
