"""Who may see or do what with committees: public committees for everyone, members-only
ones for their members; members read drafts (agendas, minutes, the full member list);
chairs, co-chairs and secretaries (the managers) change the committee and its meetings;
chairs approve minutes; organisers (the role) create committees and add accounts directly.
The events core learns who manages and who may see committee meetings from the ``*_q``
predicates here (registered in apps.py)."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from committees import queries
from committees.models import (
    CHAIR_ROLES,
    MANAGER_ROLES,
    Committee,
    Meeting,
    Membership,
    Minutes,
    MinutesStatus,
    Visibility,
    current_q,
)
from events_api.events.models import Event
from events_api.events.rules import visible_events_q
from events_api.people.roles import Role, has_role


def _signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False)


def _superuser(user) -> bool:
    return bool(getattr(user, "is_superuser", False))


# --- membership -----------------------------------------------------------------------------


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


def chair_of(user) -> frozenset[int]:
    if not _signed_in(user):
        return frozenset()
    return _cached(
        user,
        "_committee_chair_ids",
        lambda: current_memberships(user, CHAIR_ROLES).values_list("committee_id", flat=True),
    )


def is_member(user, committee: Committee) -> bool:
    return _superuser(user) or committee.pk in member_of(user)


def is_manager(user, committee: Committee) -> bool:
    return _superuser(user) or committee.pk in manager_of(user)


def is_chair(user, committee: Committee) -> bool:
    return _superuser(user) or committee.pk in chair_of(user)


# --- predicates -----------------------------------------------------------------------------


def can_create_committees(user) -> bool:
    return has_role(user, Role.ORGANISER)


def may_add_account(user, account_id: int) -> bool:
    """Adding an account directly, without an invitation: organisers (who may see
    accounts), or a person adding themself."""
    return account_id == user.pk or has_role(user, Role.ORGANISER)


def may_remove_member(user, committee: Committee, membership: Membership) -> bool:
    """Managers remove anyone; a member removes themself (leaves)."""
    return is_manager(user, committee) or membership.user_id == user.pk


def may_change_member(user, committee: Committee, membership: Membership, fields) -> bool:
    """A member shows or hides their own membership (``show_publicly``); managers change
    the rest (role, term, voting, ...), of anyone."""
    own = membership.user_id == user.pk
    manager = is_manager(user, committee)
    if not (own or manager):
        return False
    fields = set(fields)
    return ("show_publicly" not in fields or own) and (not fields - {"show_publicly"} or manager)


def can_see_agenda(user, meeting: Meeting) -> bool:
    """A published agenda for anyone who sees the meeting; a draft for members."""
    return meeting.agenda_published or is_member(user, meeting.committee)


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


# --- what each person sees ------------------------------------------------------------------


def public_committees() -> QuerySet[Committee]:
    """Committees anyone may see, whoever asks (a committee's public calendar feed)."""
    return Committee.objects.filter(visibility=Visibility.PUBLIC)


def visible_committees(user) -> QuerySet[Committee]:
    """Public committees for everyone; members-only ones for their members."""
    rows = queries.committees_for_list()
    if _superuser(user):
        return rows
    visible = Q(visibility=Visibility.PUBLIC)
    if _signed_in(user):
        visible |= Q(pk__in=member_committee_ids(user))
    return rows.filter(visible)


def members_of(committee: Committee, user) -> QuerySet[Membership]:
    """Every membership for the committee's members; for anyone else only current members
    who opted in to be shown publicly."""
    rows = Membership.objects.filter(committee=committee).select_related("user", "organization")
    if is_member(user, committee):
        return rows.order_by("id")
    return rows.filter(current_q(timezone.localdate()), show_publicly=True).order_by("id")


def visible_meetings(user) -> QuerySet[Meeting]:
    """Meetings whose event the user may see (the core decides: published for everyone,
    members-only committees' meetings for members, drafts for the chairs)."""
    return queries.meetings_for_list().filter(
        event_id__in=Event.objects.filter(visible_events_q(user)).values("pk")
    )


def meetings_of(committee: Committee, user) -> QuerySet[Meeting]:
    return visible_meetings(user).filter(committee=committee)


def late_notices_of(committee: Committee, user) -> QuerySet[Meeting]:
    return meetings_of(committee, user).filter(late_notice=True)


def minutes_of(meeting: Meeting, user) -> Minutes | None:
    """The minutes if the user may read them: members and chairs read drafts, anyone who
    sees the meeting reads approved minutes."""
    rows = Minutes.objects.filter(meeting=meeting).prefetch_related("amendments")
    if not is_member(user, meeting.committee):
        rows = rows.filter(status=MinutesStatus.APPROVED)
    return rows.first()
