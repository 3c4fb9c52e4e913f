"""What the rest of Open Doors calls when something happens that people must hear about:
a registration made, promoted or cancelled; an event moved or cancelled; an interpreter
assigned, asked again or withdrawn. Each call queues the messages (notifications.outbox)
inside the caller's transaction; the worker delivers them (notifications.delivery)."""

from functools import partial

from events_api.events.models import Registration, RegistrationStatus
from events_api.interpretation.models import ACTIVE_ASSIGNMENT, Assignment
from events_api.notifications import reminders
from events_api.notifications.delivery import deliver, deliver_due
from events_api.notifications.models import REMINDERS, Kind, Message, Status
from events_api.notifications.outbox import Letter, Notice, hold, queue, queue_letters
from events_api.notifications.recipients import address_recipient, person_recipient
from events_api.notifications.reminders import reminder_times

__all__ = ["Notice", "deliver", "deliver_due", "queue", "reminder_times"]


def registration_made(registration, *, manage_token: str) -> None:
    """A new registration (or the replay of one): confirmed or on the waiting list. A seat
    makes sure the event's reminders are planned; they are written when they are due, to
    whoever is seated then."""
    waiting = registration.status == RegistrationStatus.WAITLISTED
    kind = Kind.REGISTRATION_WAITLISTED if waiting else Kind.REGISTRATION_CONFIRMED
    queue([Notice(kind, registration, manage_token)])
    if not waiting:
        reminders.ensure(registration.event)


def promoted(registrations: list) -> None:
    """Families moved from the waiting list to a seat (and so get reminders)."""
    if registrations:
        queue([Notice(Kind.PROMOTED, registration) for registration in registrations])
        reminders.ensure(registrations[0].event)


def pass_again(registration) -> None:
    """Someone tried to register a contact that already has this seat: its pass again,
    to the contact on file."""
    queue([Notice(Kind.ALREADY_REGISTERED, registration)])


def registration_cancelled(registration) -> None:
    """Nothing still queued about a registration that was cancelled is sent."""
    hold(Message.objects.filter(registration=registration), "the registration was cancelled")


def plan_reminders(event) -> None:
    """The event was published or moved, or its reminder settings changed."""
    reminders.plan(event)


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


# --- News about something notifications does not know: an invitation, a series -----------
# The caller gives the address (or the accounts) and ``write``, which renders the words in
# a language (group_texts.render_invitation, group_texts.render_series); see outbox.Letter.


def tell_address(
    kind: str, *, email: str = "", phone: str = "", language, write, about: tuple, zone: str
) -> None:
    """A message to someone who may have no account yet (invited to a committee): by
    email when there is an address, else by text message, in ``language`` (else
    English); texts keep quiet hours in ``zone``. ``about`` (``("invitation", 42)``) makes
    it one message, however often the caller runs."""
    recipient = address_recipient(email=email, phone=phone, language=language)
    queue_letters([Letter(kind, recipient, write, about, zone)])


def tell_people(kind: str, *, people, write, about: tuple, zone: str, supersedes=None) -> None:
    """News that is not about one event (a series of meetings) for each of ``people``, by
    the channel and in the language they chose: ``write(person, language)`` renders it.
    ``supersedes``: the ``about`` of earlier news this replaces (not sent if still
    queued)."""
    letters = []
    for person in people:
        recipient = person_recipient(person)
        if recipient is not None:
            words = partial(write, person)
            letters.append(Letter(kind, recipient, words, about, zone, supersedes))
    queue_letters(letters)
