"""What the rest of Open Doors calls when something happens that people must hear about:
a registration made, promoted or cancelled; an event moved or cancelled; an interpreter
assigned, asked again or withdrawn. Each call queues the messages (notifications.outbox)
inside the caller's transaction; the worker delivers them (notifications.delivery)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from events_api.events.models import Registration, RegistrationStatus
from events_api.interpretation.models import ACTIVE_ASSIGNMENT, Assignment
from events_api.notifications.delivery import deliver, deliver_due
from events_api.notifications.models import REMINDERS, Kind, Message, Status
from events_api.notifications.outbox import Notice, hold, queue

__all__ = ["Notice", "deliver", "deliver_due", "queue"]


def registration_made(registration, *, manage_token: str) -> None:
    """A new registration (or the replay of one): confirmed (with its reminders) or on
    the waiting list."""
    waiting = registration.status == RegistrationStatus.WAITLISTED
    kind = Kind.REGISTRATION_WAITLISTED if waiting else Kind.REGISTRATION_CONFIRMED
    notices = [Notice(kind, registration, manage_token)]
    if not waiting:
        notices += _reminders(registration.event, [registration])
    queue(notices)


def promoted(registrations: list) -> None:
    """Families moved from the waiting list to a seat (and so get reminders)."""
    if registrations:
        notices = [Notice(Kind.PROMOTED, registration) for registration in registrations]
        queue(notices + _reminders(registrations[0].event, registrations))


def registration_cancelled(registration) -> None:
    """Nothing still queued about a registration that was cancelled is sent."""
    hold(Message.objects.filter(registration=registration), "the registration was cancelled")


def reminder_times(event, *, now: datetime | None = None) -> list[tuple[str, datetime]]:
    """When the event's reminders go out, those still ahead: at 10:00 in the event's zone
    ``remind_days_before`` days before, and at 08:00 on the day (if that is at least an
    hour before it starts)."""
    now = now or timezone.now()
    zone = ZoneInfo(event.timezone)
    start = event.starts_at.astimezone(zone)
    times = []
    if event.remind_days_before:
        day = start - timedelta(days=event.remind_days_before)
        times.append((Kind.REMINDER, day.replace(hour=10, minute=0, second=0, microsecond=0)))
    morning = start.replace(hour=8, minute=0, second=0, microsecond=0)
    if event.remind_morning_of and morning <= start - timedelta(hours=1):
        times.append((Kind.REMINDER_TODAY, morning))
    return [(kind, moment) for kind, moment in times if moment > now]


def _reminders(event, registrations: list) -> list[Notice]:
    times = reminder_times(event)
    return [Notice(kind, r, not_before=moment) for r in registrations for kind, moment in times]


def plan_reminders(event) -> None:
    """The event moved or its reminder settings changed: reminders still queued are
    replaced by ones for the event as it is now."""
    seated = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).only("pk")
    )
    wanted = queue(_reminders(event, seated))
    keep = [message.idempotency_key for message in wanted]
    reminders = Message.objects.filter(event=event, kind__in=REMINDERS)
    hold(reminders.exclude(idempotency_key__in=keep), "the event changed")


def event_changed(event, *, was_starts_at, was_place: str) -> None:
    """The event moved (time or place): everyone still coming hears what changed, and its
    interpreters are asked to confirm again."""
    was = (was_starts_at, was_place)
    notices = [Notice(Kind.EVENT_CHANGED, r, was=was) for r in _still_coming(event)]
    jobs = [Notice(Kind.JOB_CHANGED, assignment=a, was=was) for a in _active_jobs(event)]
    queue(notices + jobs)


def event_cancelled(event) -> None:
    notices = [Notice(Kind.EVENT_CANCELLED, r) for r in _still_coming(event)]
    queue(notices + _jobs_ended(_active_jobs(event)))
    hold(Message.objects.filter(event=event, kind__in=REMINDERS), "the event was cancelled")


def _still_coming(event) -> list:
    """Registered with a seat or on the waiting list (an RSVP of yes or maybe)."""
    return list(
        Registration.objects.filter(
            event=event, status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]
        ).only("pk")
    )


def _active_jobs(event) -> list:
    return list(
        Assignment.objects.filter(line__event=event, status__in=ACTIVE_ASSIGNMENT).only("pk")
    )


def job_assigned(assignment) -> None:
    """An interpreter is put on a job: what, when, where, which language and mode."""
    queue([Notice(Kind.JOB_ASSIGNED, assignment=assignment)])


def job_withdrawn(assignment) -> None:
    """The coordinator took the interpreter off the job."""
    queue(_jobs_ended([assignment]))


def _jobs_ended(ended: list) -> list[Notice]:
    """Jobs that will not happen: what is still queued about them is not sent, and the
    interpreters who had heard of them are told (the others need not be)."""
    about = Message.objects.filter(assignment__in=ended)
    heard = set(
        about.filter(status__in=[Status.SENT, Status.SENDING]).values_list("assignment", flat=True)
    )
    hold(about, "the job will not happen")
    return [Notice(Kind.JOB_WITHDRAWN, assignment=a) for a in ended if a.pk in heard]


def tell_members(kind: str, *, event, people, group: dict, was=None) -> None:
    """News for the members of a group (a committee) about one of its meetings: each
    person by the channel and in the language they chose. ``group`` is the group's name
    (translations); ``was`` the meeting's (starts_at, place) before it moved."""
    queue([Notice(kind, person=p, event=event, group=group, was=was) for p in people])
