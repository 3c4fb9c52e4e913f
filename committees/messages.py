"""What a committee's members hear about its meetings: scheduled, moved, cancelled, the
agenda published, the minutes approved. Members who answered the meeting (an RSVP of yes
or maybe) hear of a move or a cancellation through their registration already, so they
are left out of those."""

from django.utils import timezone

from committees.models import Meeting, Membership, current_q
from events_api.calendars.event_items import event_location
from events_api.events.models import RegistrationStatus
from events_api.notifications import services as notify
from events_api.notifications.models import Kind
from events_api.people.models import User

# News that reaches those who answered the meeting through their registration.
ABOUT_THE_EVENT = (Kind.MEETING_MOVED, Kind.MEETING_CANCELLED)


def before(meeting: Meeting) -> tuple:
    """The meeting's time, place and status before a change (compare with ``changed``)."""
    event = meeting.event
    return event.starts_at, event_location(event), event.status


def changed(meeting: Meeting, was: tuple) -> None:
    """Tell the members what a change did: cancelled, or moved in time or place."""
    meeting.event.refresh_from_db()
    starts_at, place, status = was
    now = before(meeting)
    if now[2] == "cancelled" != status:
        tell(meeting, Kind.MEETING_CANCELLED)
    elif now[2] == "published" == status and now[:2] != (starts_at, place):
        tell(meeting, Kind.MEETING_MOVED, was=(starts_at, place))


def tell(meeting: Meeting, kind: str, *, was=None) -> None:
    members = Membership.objects.filter(
        current_q(timezone.localdate()), committee=meeting.committee_id
    ).values("user")
    recipients = User.objects.filter(pk__in=members)
    if kind in ABOUT_THE_EVENT:
        answered = meeting.event.registrations.filter(
            status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED],
            user__isnull=False,
        ).values("user")
        recipients = recipients.exclude(pk__in=answered)
    notify.tell_members(
        kind, event=meeting.event, people=list(recipients), group=meeting.committee.name, was=was
    )
