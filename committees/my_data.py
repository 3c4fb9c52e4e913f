"""Committees in a member's own data: their memberships and RSVPs in the export of their
account, and the check that refuses to erase the last chair of a committee."""

from django.utils import timezone
from django.utils.translation import gettext as _

from committees.errors import LastChair
from committees.models import MemberRole, Membership, Rsvp, current_q
from events_api.core.i18n import pick
from events_api.privacy import hooks


def memberships(user) -> list[dict]:
    rows = Membership.objects.filter(user=user).select_related("committee").order_by("pk")
    return [
        {
            "committee": m.committee_id,
            "committee_name": m.committee.name,
            "role": m.role,
            "voting": m.voting,
            "organization": m.organization_id,
            "term_start": m.term_start.isoformat(),
            "term_end": m.term_end.isoformat() if m.term_end else None,
            "show_publicly": m.show_publicly,
        }
        for m in rows
    ]


def rsvps(user) -> list[dict]:
    rows = Rsvp.objects.filter(registration__user=user).select_related("meeting").order_by("pk")
    return [
        {
            "meeting": r.meeting_id,
            "committee": r.meeting.committee_id,
            "registration": r.registration_id,
            "response": r.response,
            "updated_at": r.updated_at.isoformat(),
        }
        for r in rows
    ]


def refuse_last_chair(user) -> None:
    """Raises LastChair, naming the committee, while ``user`` is the only current chair of
    one: a committee must keep a chair, so another is named first."""
    today = timezone.localdate()
    chaired = Membership.objects.filter(current_q(today), user=user, role=MemberRole.CHAIR)
    for membership in chaired.select_related("committee").order_by("pk"):
        others = Membership.objects.filter(
            current_q(today), committee_id=membership.committee_id, role=MemberRole.CHAIR
        ).exclude(user=user)
        if not others.exists():
            name = pick(membership.committee.name)
            raise LastChair(
                _(
                    "You are the last chair of the committee “%(committee)s”: name another "
                    "chair before erasing your account."
                )
                % {"committee": name},
                extra={"committee": membership.committee_id},
            )


def register() -> None:
    hooks.register_account_export("committee_memberships", memberships)
    hooks.register_account_export("committee_rsvps", rsvps)
    hooks.register_erasure_check(refuse_last_chair)
