"""Committee writes: the committee itself, its members and their invitations."""

from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from committees import messages, rules
from committees.errors import (
    AlreadyMember,
    InvalidQuorum,
    InvitationAlreadyAccepted,
    InvitationNotFound,
    InvitationRequired,
    LastChair,
    QuorumTooHigh,
    UnknownAccount,
)
from committees.models import Committee, Invitation, MemberRole, Membership, current_q
from committees.queries import voting_member_count
from events_api.events.passes import hash_token, new_manage_token, new_secret_token
from events_api.people.models import User

COMMITTEE_FIELDS = frozenset(
    {"kind", "school", "name", "description", "visibility", "notice_days", "timezone"}
)
MEMBER_FIELDS = frozenset({"role", "voting", "term_start", "term_end", "organization"})
INVITATION_DAYS = 14


def _lock(committee: Committee) -> Committee:
    return Committee.objects.select_for_update().get(pk=committee.pk)


def _apply_quorum(committee: Committee, changes: dict) -> None:
    """Set the quorum rule from ``quorum_count`` / ``quorum_fraction`` in ``changes``
    (one replaces the other). Raises InvalidQuorum, QuorumTooHigh."""
    has_count = changes.get("quorum_count") is not None
    has_fraction = changes.get("quorum_fraction") is not None
    if "quorum_count" not in changes and "quorum_fraction" not in changes:
        return
    if has_count == has_fraction:
        raise InvalidQuorum()
    if has_count:
        count = changes["quorum_count"]
        if count < 1:
            raise InvalidQuorum()
        voting = voting_member_count(committee) if committee.pk else 1
        if count > voting:
            raise QuorumTooHigh(extra={"voting_members": voting})
        committee.quorum_count, committee.quorum_fraction = count, None
    else:
        fraction = Decimal(changes["quorum_fraction"])
        if not Decimal(0) < fraction <= Decimal(1):
            raise InvalidQuorum()
        committee.quorum_count, committee.quorum_fraction = None, fraction


def create_committee(*, by, chair=None, languages=(), **fields) -> Committee:
    """Create a committee whose first chair is ``chair`` (default: its creator), a voting
    member from today. Raises InvalidQuorum, QuorumTooHigh (the only voting member is the
    chair, so a quorum above one is refused), ValidationError."""
    committee = Committee(**{k: v for k, v in fields.items() if k in COMMITTEE_FIELDS})
    _apply_quorum(committee, fields)
    committee.full_clean()
    with transaction.atomic():
        committee.save()
        committee.languages.set(languages)
        Membership.objects.create(
            committee=committee,
            user=chair or by,
            role=MemberRole.CHAIR,
            voting=True,
            term_start=timezone.localdate(),
        )
    return committee


def update_committee(*, committee: Committee, languages=None, **changes) -> Committee:
    """Change a committee. Raises InvalidQuorum, QuorumTooHigh (a number of members above
    today's voting members), ValidationError (a school for the citywide committee...)."""
    with transaction.atomic():
        committee = _lock(committee)
        for name, value in changes.items():
            if name in COMMITTEE_FIELDS:
                setattr(committee, name, value)
        _apply_quorum(committee, changes)
        committee.full_clean()
        committee.save()
        if languages is not None:
            committee.languages.set(languages)
    return committee


def _check_chair_remains(committee: Committee, *, leaving: Membership) -> None:
    others = (
        Membership.objects.filter(current_q(timezone.localdate()), committee=committee)
        .filter(role=MemberRole.CHAIR)
        .exclude(pk=leaving.pk)
    )
    if not others.exists():
        raise LastChair()


def add_member(*, committee: Committee, user, role: str, term_start=None, **fields) -> Membership:
    """Add an existing account as a member. Raises AlreadyMember, ValidationError."""
    membership = Membership(
        committee=committee,
        user=user,
        role=role,
        term_start=term_start or timezone.localdate(),
        **{k: v for k, v in fields.items() if k in MEMBER_FIELDS | {"show_publicly"}},
    )
    membership.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError as exc:
        raise AlreadyMember() from exc
    return membership


def add_account(*, committee: Committee, by, user_id: int, role: str, **fields) -> Membership:
    """Add the account ``user_id`` directly, without an invitation: only organisers (who
    may see accounts) may, or the person adding themself. Anyone else (a chair or a
    secretary) gets InvitationRequired before the id is even looked at, so the answer
    never tells whether an account exists or whose it is. Raises InvitationRequired,
    UnknownAccount (no active account with that id, for organisers), AlreadyMember,
    ValidationError."""
    if not rules.may_add_account(by, user_id):
        raise InvitationRequired()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise UnknownAccount(fields={"user": [UnknownAccount.message]})
    return add_member(committee=committee, user=user, role=role, **fields)


def change_member(*, membership: Membership, **changes) -> Membership:
    """Change role, voting, term or organisation (chairs and secretaries), or the public
    opt-in (the member). Raises LastChair when the committee's last current chair would
    stop being one (a new role, or a term ending before today)."""
    with transaction.atomic():
        _lock(membership.committee)
        membership = Membership.objects.get(pk=membership.pk)
        was_current_chair = (
            membership.role == MemberRole.CHAIR
            and Membership.objects.filter(
                current_q(timezone.localdate()), pk=membership.pk
            ).exists()
        )
        for name, value in changes.items():
            if name in MEMBER_FIELDS | {"show_publicly"}:
                setattr(membership, name, value)
        membership.full_clean(validate_unique=False, validate_constraints=False)
        today = timezone.localdate()
        still_chair = (
            membership.role == MemberRole.CHAIR
            and membership.term_start <= today
            and (membership.term_end is None or membership.term_end >= today)
        )
        if was_current_chair and not still_chair:
            _check_chair_remains(membership.committee, leaving=membership)
        membership.save()
    return membership


def remove_member(*, membership: Membership) -> None:
    """Remove a member (their attendance records go with them). Raises LastChair."""
    with transaction.atomic():
        _lock(membership.committee)
        if membership.role == MemberRole.CHAIR:
            _check_chair_remains(membership.committee, leaving=membership)
        membership.delete()


def invite(*, committee: Committee, by, role: str, email="", phone="", language=None, **fields):
    """Create an invitation, send it (by email if there is an address, else by text
    message, in ``language``: default the inviter's own language, else English) and
    return ``(invitation, token)``; only the token's hash is kept. Each invitation is its
    own message, a second one to the same address too. It expires after INVITATION_DAYS.
    Raises ValidationError (a term ending before it starts)."""
    # A token sent by text message is the short one, as for a registration's manage link.
    token = new_secret_token() if email else new_manage_token()
    invitation = Invitation(
        committee=committee,
        email=email,
        phone=phone,
        role=role,
        language_id=language or getattr(by, "preferred_language_id", None) or "en",
        invited_by=by,
        token_hash=hash_token(token),
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
        **{k: v for k, v in fields.items() if k in {"voting", "term_start", "term_end"}},
    )
    invitation.full_clean(validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        invitation.save()
        messages.invited(invitation, token)
    return invitation, token


def withdraw_invitation(*, invitation: Invitation) -> None:
    """Withdraw an invitation not yet accepted (sent to the wrong number, say): the row goes,
    so its link answers "unknown" like any other. Raises InvitationAlreadyAccepted."""
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at is not None:
            raise InvitationAlreadyAccepted()
        locked.delete()


def accept_invitation(*, token: str, user) -> Membership:
    """Turn an invitation into a membership of the signed-in ``user``. Raises
    InvitationNotFound with a ``reason`` (``unknown``, ``expired``, ``used``: whoever
    holds a real token may know which, and a guess is one 404 like any other),
    AlreadyMember with the ``committee`` (the user is a member already, or accepted this
    very invitation before)."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(token_hash=hash_token(token or ""))
            .first()
        )
        if invitation is None:
            raise InvitationNotFound(extra={"reason": "unknown"})
        if invitation.accepted_at is not None:
            if invitation.accepted_by_id == user.pk:
                raise AlreadyMember(extra={"committee": invitation.committee_id})
            raise InvitationNotFound(extra={"reason": "used"})
        if invitation.expires_at <= timezone.now():
            raise InvitationNotFound(extra={"reason": "expired"})
        try:
            membership = add_member(
                committee=invitation.committee,
                user=user,
                role=invitation.role,
                voting=invitation.voting,
                term_start=invitation.term_start,
                term_end=invitation.term_end,
            )
        except AlreadyMember as exc:
            raise AlreadyMember(extra={"committee": invitation.committee_id}) from exc
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership
