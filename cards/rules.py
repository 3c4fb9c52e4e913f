"""Who may issue, see, withdraw and verify parent cards.

"School staff" in this codebase: a school has no staff list of its own, so a school's
staff are the current members of one of its committees (SLT, PTA...) in the role of
school staff, chair or co-chair (committees.models.MemberRole). Organisers (the platform
role) act for every school. A CBO's staff are the members of the organisation with the
CBO staff role.

- issue a card in a school's name: that school's staff, organisers;
- issue a card in an organisation's name: its CBO staff;
- see the list of cards, withdraw and re-issue one: those who may issue in its issuer's
  name, so a CBO cannot withdraw a school's card, nor a school a CBO's;
- see the holder of a scanned or typed card: door volunteers, organisers, the staff of
  any school (a parent shows a CBO's card at her child's school), and the issuer's staff;
  anyone else, signed in or not, learns only that the card is valid, who issued it and
  until when;
- check a holder in, or register her as a walk-in: those who may check in at the event
  (events.rules.can_check_in)."""

from django.db.models import Q

from cards.models import Card
from committees.models import MemberRole
from committees.rules import current_memberships
from events_api.people.queries import organization_ids_of
from events_api.people.roles import Role, has_role

SCHOOL_STAFF_ROLES = (MemberRole.SCHOOL_STAFF, MemberRole.CHAIR, MemberRole.CO_CHAIR)


def _signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False)


def staff_school_ids(user) -> frozenset[int]:
    """The schools whose staff ``user`` is, read once per user object."""
    if not _signed_in(user):
        return frozenset()
    cached = getattr(user, "_card_school_ids", None)
    if cached is None:
        rows = current_memberships(user, SCHOOL_STAFF_ROLES).filter(committee__school__isnull=False)
        cached = frozenset(rows.values_list("committee__school_id", flat=True))
        user._card_school_ids = cached
    return cached


def cbo_organization_ids(user) -> frozenset[int]:
    if not (_signed_in(user) and has_role(user, Role.CBO_STAFF)):
        return frozenset()
    return frozenset(organization_ids_of(user))


def may_issue_for_school(user, school_id: int) -> bool:
    return has_role(user, Role.ORGANISER) or school_id in staff_school_ids(user)


def may_issue_for_organization(user, organization_id: int) -> bool:
    return organization_id in cbo_organization_ids(user)


def is_issuer(user) -> bool:
    """May issue cards in some name: sees the list and may ask to withdraw."""
    return _signed_in(user) and bool(
        has_role(user, Role.ORGANISER) or staff_school_ids(user) or cbo_organization_ids(user)
    )


def issued_q(user) -> Q:
    """The cards ``user`` may list, withdraw and re-issue."""
    if not _signed_in(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    schools = Q(school__isnull=False) if has_role(user, Role.ORGANISER) else Q(pk__in=[])
    schools |= Q(school_id__in=staff_school_ids(user))
    return schools | Q(organization_id__in=cbo_organization_ids(user))


def may_manage(user, card: Card) -> bool:
    if card.organization_id is not None:
        return may_issue_for_organization(user, card.organization_id)
    return may_issue_for_school(user, card.school_id)


def sees_holder(user, card: Card) -> bool:
    if not _signed_in(user):
        return False
    return (
        has_role(user, Role.DOOR_VOLUNTEER)
        or has_role(user, Role.ORGANISER)
        or bool(staff_school_ids(user))
        or may_manage(user, card)
    )
