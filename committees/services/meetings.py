"""Meeting writes: one-off meetings and changes to any meeting, agendas, attendance and
quorum, minutes and their amendments. Time, place and status live on the meeting's event
and change only through the core's event services (which bump the calendar SEQUENCE)."""

import math
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from committees import messages
from committees.errors import (
    ChairOnly,
    MeetingCancelled,
    MeetingNotStarted,
    MinutesApproved,
    MinutesBeforeMeeting,
    MinutesMissing,
    MinutesNotApproved,
    NotAMember,
    PlaceRequired,
    WrongApprovalMeeting,
)
from committees.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    Meeting,
    Minutes,
    MinutesAmendment,
    MinutesStatus,
    current_q,
)
from committees.rules import is_chair
from events_api.events.models import EventKind, EventStatus
from events_api.events.services.events import create_event, update_event
from events_api.notifications.models import Kind

PLACE_FIELDS = ("school", "address", "room", "online_url")
TIME_FIELDS = ("starts_at", "ends_at")
SERIES_OWNED = frozenset({"title", "description", "capacity", "timezone"})


def is_late(committee: Committee, starts_at, *, now=None) -> bool:
    """Inside the public notice period: a public committee's meeting that starts within
    ``notice_days`` from now. Past meetings (records) and members-only ones never are."""
    if not committee.is_public:
        return False
    now = now or timezone.now()
    return now <= starts_at < now + timedelta(days=committee.notice_days)


def default_place(committee: Committee, fields: dict) -> dict:
    """A meeting with no place given meets at its committee's school. Raises
    PlaceRequired when there is neither (the citywide committee)."""
    if fields.get("school") or fields.get("address") or fields.get("online_url"):
        return fields
    if committee.school_id is None:
        raise PlaceRequired()
    return {**fields, "school": committee.school, "address": committee.school.address}


def create_meeting(
    *,
    committee: Committee,
    languages=(),
    agenda_published: bool = False,
    series=None,
    original_start=None,
    now=None,
    **event_fields,
) -> Meeting:
    """Create a meeting and its event (kind meeting, default status published, in the
    committee's zone). Flags ``late_notice`` inside the public notice period. Raises
    PlaceRequired, ValidationError (end before start)."""
    event_fields = default_place(committee, event_fields)
    event_fields.setdefault("timezone", committee.timezone)
    event_fields.setdefault("status", EventStatus.PUBLISHED)
    with transaction.atomic():
        event = create_event(kind=EventKind.MEETING, languages=languages, **event_fields)
        meeting = Meeting.objects.create(
            committee=committee,
            event=event,
            series=series,
            original_start=original_start,
            agenda_published=agenda_published,
            late_notice=is_late(committee, event.starts_at, now=now),
        )
        # A one-off meeting is news for the members; a series' occurrences are made many
        # at a time, and its members hear of each through reminders and its calendar.
        if series is None and event.status == EventStatus.PUBLISHED:
            messages.tell(meeting, Kind.MEETING_SCHEDULED)
        return meeting


def moves(event, changes: dict) -> bool:
    """Whether ``changes`` give the event a new time or place."""
    for name in (*TIME_FIELDS, "address", "room", "online_url"):
        if name in changes and getattr(event, name) != changes[name]:
            return True
    if "school" in changes:
        school = changes["school"]
        return event.school_id != (school.pk if school is not None else None)
    return False


def apply_event_changes(meeting: Meeting, *, languages=None, now=None, **changes) -> Meeting:
    """Write ``changes`` to the meeting's event; a new time or place re-evaluates the
    late-notice flag."""
    moved = moves(meeting.event, changes)
    if changes or languages is not None:
        meeting.event = update_event(event_id=meeting.event_id, languages=languages, **changes)
    if moved:
        meeting.late_notice = is_late(meeting.committee, meeting.event.starts_at, now=now)
        meeting.save(update_fields=["late_notice", "updated_at"])
    return meeting


# --- agenda -------------------------------------------------------------------------------


def add_agenda_item(*, meeting: Meeting, title: dict, position=None, **fields) -> AgendaItem:
    """Append an item (or put it at ``position``)."""
    if position is None:
        last = meeting.agenda_items.order_by("-position").values_list("position", flat=True)
        position = (last.first() or 0) + 1
    return AgendaItem.objects.create(
        meeting=meeting,
        title=title,
        position=position,
        **{k: v for k, v in fields.items() if k in {"presenter", "minutes"}},
    )


def change_agenda_item(*, item: AgendaItem, **changes) -> AgendaItem:
    for name in ("title", "position", "presenter", "minutes"):
        if name in changes:
            setattr(item, name, changes[name])
    item.save()
    return item


def remove_agenda_item(*, item: AgendaItem) -> None:
    item.delete()


# --- attendance and quorum ----------------------------------------------------------------


def quorum_required(committee: Committee, voting_members: int) -> int:
    """A number of members, or a fraction of the voting members rounded up (at least 1)."""
    if committee.quorum_count is not None:
        return committee.quorum_count
    return max(1, math.ceil(committee.quorum_fraction * voting_members))


def compute_quorum(meeting: Meeting) -> Meeting:
    """Count the voting members (term covering the meeting's day) marked present and store
    whether the quorum was met."""
    day = meeting.event.starts_at.astimezone(ZoneInfo(meeting.event.timezone)).date()
    voting = meeting.committee.memberships.filter(current_q(day), voting=True)
    present = Attendance.objects.filter(
        meeting=meeting,
        status=AttendanceStatus.PRESENT,
        membership__in=voting.values("pk"),
    ).count()
    meeting.quorum_required = quorum_required(meeting.committee, voting.count())
    meeting.quorum_present = present
    meeting.quorum_met = present >= meeting.quorum_required
    meeting.save(update_fields=["quorum_required", "quorum_present", "quorum_met", "updated_at"])
    return meeting


def record_attendance(
    *, meeting: Meeting, records: list[tuple[int, str]], guests=None, now=None
) -> Meeting:
    """Record members present / absent / excused (``(membership_id, status)`` pairs,
    replacing earlier marks of the same members) and the number of guests, then recompute
    the quorum. Raises MeetingCancelled, MeetingNotStarted, NotAMember."""
    now = now or timezone.now()
    if meeting.event.status == EventStatus.CANCELLED:
        raise MeetingCancelled()
    if meeting.event.starts_at > now:
        raise MeetingNotStarted()
    ids = {membership_id for membership_id, _status in records}
    known = set(meeting.committee.memberships.filter(pk__in=ids).values_list("pk", flat=True))
    if ids - known:
        raise NotAMember(extra={"members": sorted(ids - known)})
    with transaction.atomic():
        existing = {a.membership_id: a for a in Attendance.objects.filter(meeting=meeting)}
        create, update = [], []
        for membership_id, status in records:
            row = existing.get(membership_id)
            if row is None:
                create.append(
                    Attendance(meeting=meeting, membership_id=membership_id, status=status)
                )
            elif row.status != status:
                row.status = status
                update.append(row)
        Attendance.objects.bulk_create(create)
        Attendance.objects.bulk_update(update, ["status"])
        if guests is not None:
            meeting.guests = guests
            meeting.save(update_fields=["guests", "updated_at"])
        return compute_quorum(meeting)


# --- minutes ------------------------------------------------------------------------------


def _check_held(meeting: Meeting, now=None) -> None:
    """Minutes record a meeting that took place: not before it starts (as attendance)."""
    if meeting.event.starts_at > (now or timezone.now()):
        raise MinutesBeforeMeeting()


def save_minutes(*, meeting: Meeting, text: dict, now=None) -> Minutes:
    """Create or rewrite the draft minutes, once the meeting has started. Raises
    MinutesBeforeMeeting (409 meeting_not_started), MinutesApproved."""
    _check_held(meeting, now)
    with transaction.atomic():
        minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
        if minutes is None:
            return Minutes.objects.create(meeting=meeting, text=text)
        if minutes.status == MinutesStatus.APPROVED:
            raise MinutesApproved()
        minutes.text = text
        minutes.save(update_fields=["text", "updated_at"])
        return minutes


def approve_minutes(
    *, meeting: Meeting, by, at_meeting: Meeting | None = None, now=None
) -> Minutes:
    """Approve the draft: by the chair (or co-chair) themself, or recorded as approved at
    a later meeting of the same committee, which must itself have started. Approved
    minutes never change again. Raises MinutesBeforeMeeting, MinutesMissing,
    MinutesApproved, ChairOnly, WrongApprovalMeeting."""
    _check_held(meeting, now)
    if at_meeting is not None:
        if (
            at_meeting.committee_id != meeting.committee_id
            or at_meeting.event.starts_at <= meeting.event.starts_at
        ):
            raise WrongApprovalMeeting()
        _check_held(at_meeting, now)
    elif not is_chair(by, meeting.committee):
        raise ChairOnly()
    with transaction.atomic():
        minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
        if minutes is None:
            raise MinutesMissing()
        if minutes.status == MinutesStatus.APPROVED:
            raise MinutesApproved()
        minutes.status = MinutesStatus.APPROVED
        minutes.approved_at = timezone.now()
        minutes.approved_by = by
        minutes.approved_at_meeting = at_meeting
        minutes.save()
        messages.tell(meeting, Kind.MINUTES_APPROVED)
    return minutes


def amend_minutes(*, meeting: Meeting, by, text: dict, reason: str = "") -> MinutesAmendment:
    """Append an amendment to approved minutes. Raises MinutesMissing,
    MinutesNotApproved."""
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        raise MinutesMissing()
    if minutes.status != MinutesStatus.APPROVED:
        raise MinutesNotApproved()
    return MinutesAmendment.objects.create(minutes=minutes, text=text, reason=reason, made_by=by)
