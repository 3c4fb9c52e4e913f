"""Writing messages to the outbox: who hears about a registration, an interpreting job or
a meeting, by which channel and in which language, and the message rendered for them.

``queue()`` is called by the service that causes the messages, inside its transaction:
the messages (and the task that will deliver them) exist exactly when the change does.
``queue_letters()`` does the same for news about things this app does not know (an
invitation to a committee, a series of meetings): the caller gives the address and the
words, so notifications never imports the apps built on it."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from events_api.calendars.event_items import event_item
from events_api.calendars.ical import build_calendar
from events_api.calendars.links import event_page_url, manage_page_url
from events_api.core.i18n import pick
from events_api.events.models import Event, Registration
from events_api.interpretation.models import Assignment
from events_api.notifications.models import (
    JOBS,
    MEMBER_NEWS,
    REMINDERS,
    SUPERSEDING,
    Channel,
    Delivery,
    Kind,
    Message,
    Status,
)
from events_api.notifications.recipients import (
    Recipient,
    interpreter_recipient,
    person_recipient,
    recipient_of,
)
from events_api.notifications.tasks import enqueue
from events_api.notifications.texts import (
    Rendered,
    job_facts,
    member_facts,
    registration_facts,
    render,
)
from events_api.people.models import User


@dataclass(frozen=True)
class Notice:
    """One thing to tell one person: about a registration, or about an interpreter's
    assignment. ``manage_token`` only where the change just made one (the link needs it)."""

    kind: str
    registration: Registration | None = None
    manage_token: str = ""
    # For a moved event: its (starts_at, place) before.
    was: tuple | None = None
    # Not to be sent before then (a reminder).
    not_before: datetime | None = None
    assignment: Assignment | None = None
    # News for a member of a group (a committee): the person, the event, the group's name
    # (a dict of translations).
    person: User | None = None
    event: Event | None = None
    group: dict | None = None

    @property
    def about(self):
        return self.registration or self.assignment or self.person


@dataclass(frozen=True)
class Letter:
    """A message whose address and words are given outright, about something this app
    does not know (an invitation, a series of meetings): ``write(language)`` renders it;
    ``about`` names what it is about (``("invitation", 42)``) for the idempotency key;
    quiet hours count in ``zone`` (default: TIME_ZONE). ``supersedes`` is the ``about`` of
    earlier news to the same address that this replaces: still queued, it is not sent.
    A letter has no event: no .ics, and no line in an event's delivery log."""

    kind: str
    recipient: Recipient
    write: Callable[[str], Rendered]
    about: tuple
    zone: str = ""
    supersedes: tuple | None = None


def idempotency_key(*parts) -> str:
    return hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()


def quiet_until(moment: datetime, zone: str) -> datetime:
    """When a text may be sent: ``moment``, or the end of the quiet hours it falls in
    (by default 21:00 to 08:00 in the event's zone)."""
    start, end = settings.NOTIFICATIONS["QUIET_HOURS"]
    local = moment.astimezone(ZoneInfo(zone))
    if end <= local.hour < start:
        return moment
    morning = local.replace(hour=end, minute=0, second=0, microsecond=0)
    if local.hour >= start:
        morning += timedelta(days=1)
    return morning.astimezone(ZoneInfo("UTC"))


# Messages about an event as it is now link to its page (there is no manage token then).
EVENT_PAGE_LINKED = (*SUPERSEDING, *REMINDERS, *JOBS, *MEMBER_NEWS, Kind.ALREADY_REGISTERED)
# What a replay may change in a message that is still queued.
REWRITTEN = ["subject", "body", "html", "attachment", "language", "not_before"]


def queue(notices: list[Notice]) -> list[Message]:
    """Queue a message for each notice to whoever hears about it, once: the same kind for
    the same registration (or assignment), event version and address is the same
    message. Call inside the transaction that made the change.

    A message still queued is written again (a replayed registration has a new manage
    link); one already sent is left alone. A few queries whatever the number of notices
    (the rows they are about, the existing keys, one insert, one delivery task per time
    to send)."""
    if not notices:
        return []
    now = timezone.now()
    calendars: dict[tuple, str] = {}
    wanted: dict[str, Message] = {}
    for notice in _loaded(notices):
        message = _compose(notice, now, calendars)
        if message is not None:
            wanted[message.idempotency_key] = message
    if not wanted:
        return []
    _supersede(notices, keep=wanted.keys())
    zones = {key: message.event.timezone for key, message in wanted.items()}
    return _store(wanted, zones, now)


def queue_letters(letters: list[Letter]) -> list[Message]:
    """Queue each letter once (the same kind, ``about``, channel and address is the same
    message: a replay rewrites it while it is still queued). Texts wait for the end of
    quiet hours in the letter's zone. Call inside the transaction that made the change.
    A few queries whatever the number of letters."""
    now = timezone.now()
    wanted: dict[str, Message] = {}
    zones: dict[str, str] = {}
    for letter in letters:
        recipient = letter.recipient
        text = letter.write(recipient.language)
        sms = recipient.channel == Channel.SMS
        key = idempotency_key(letter.kind, *letter.about, recipient.channel, recipient.to)
        zones[key] = letter.zone or settings.TIME_ZONE
        wanted[key] = Message(
            kind=letter.kind,
            channel=recipient.channel,
            to=recipient.to,
            language=recipient.language,
            idempotency_key=key,
            subject=text.subject,
            body=text.sms if sms else text.body,
            html="" if sms else text.html,
            not_before=quiet_until(now, zones[key]) if sms else now,
        )
    if not wanted:
        return []
    older = [
        idempotency_key(one.kind, *one.supersedes, one.recipient.channel, one.recipient.to)
        for one in letters
        if one.supersedes
    ]
    if older:
        hold(Message.objects.filter(idempotency_key__in=older), "superseded by later news")
    return _store(wanted, zones, now)


def _store(wanted: dict[str, Message], zones: dict[str, str], now: datetime) -> list[Message]:
    """Insert the messages not yet in the outbox, rewrite those still queued, and leave
    a delivery task for each time they are due."""
    existing = {m.idempotency_key: m for m in Message.objects.filter(idempotency_key__in=wanted)}
    fresh = [message for key, message in wanted.items() if key not in existing]
    _spread_texts(fresh, zones, now)
    Message.objects.bulk_create(fresh)
    Delivery.objects.bulk_create(Delivery(message=m, status=Status.QUEUED) for m in fresh)
    for key, old in existing.items():
        if old.status == Status.QUEUED:
            new = wanted[key]
            for name in REWRITTEN:
                setattr(old, name, getattr(new, name))
            old.save(update_fields=REWRITTEN)
    for moment in sorted({message.not_before for message in wanted.values()}):
        enqueue(moment)
    return list(wanted.values())


def _spread_texts(fresh: list[Message], zones: dict[str, str], now: datetime) -> None:
    """At most SMS_PER_HOUR texts to one number in any hour: a text that would be one too
    many waits until the oldest of that hour is an hour old (a family registering several
    children for a day of sessions gets them spread, not a burst)."""
    limit = settings.NOTIFICATIONS["SMS_PER_HOUR"]
    texts = [m for m in fresh if m.channel == Channel.SMS]
    if not limit or not texts:
        return
    hour = timedelta(hours=1)
    earlier = Message.objects.filter(
        channel=Channel.SMS, to__in={m.to for m in texts}, not_before__gt=now - hour
    ).exclude(status=Status.HELD)
    times: dict[str, list[datetime]] = {}
    for to, moment in earlier.values_list("to", "not_before"):
        times.setdefault(to, []).append(moment)
    for message in sorted(texts, key=lambda m: m.not_before):
        sent = sorted(times.setdefault(message.to, []))
        window = [t for t in sent if message.not_before - hour < t <= message.not_before]
        if len(window) >= limit:
            zone = zones[message.idempotency_key]
            message.not_before = quiet_until(window[-limit] + hour, zone)
        sent.append(message.not_before)


def _ready(registration: Registration) -> bool:
    """Already holds what its messages need (a registration just made, with its event)."""
    fields = Registration._meta
    return all(
        getattr(registration, fields.get_field(name).attname) is None
        or fields.get_field(name).is_cached(registration)
        for name in ("event", "user", "registered_by")
    )


def _loaded(notices: list[Notice]) -> list[Notice]:
    """The notices with what their messages need, in a few queries however many there are
    (none for a registration that already holds it)."""
    registrations = Registration.objects.select_related(
        "event__school", "user", "registered_by"
    ).in_bulk(
        [n.registration.pk for n in notices if n.registration is not None]
        if not all(n.registration is not None and _ready(n.registration) for n in notices)
        else []
    )
    assignments = Assignment.objects.select_related(
        "interpreter__user", "line__event__school", "line__language"
    ).in_bulk([n.assignment.pk for n in notices if n.assignment is not None])
    people = User.objects.in_bulk([n.person.pk for n in notices if n.person is not None])

    def loaded(notice: Notice) -> Notice:
        if notice.registration is not None:
            fresh = registrations.get(notice.registration.pk, notice.registration)
            return replace(notice, registration=fresh)
        if notice.assignment is not None:
            return replace(notice, assignment=assignments[notice.assignment.pk])
        return replace(notice, person=people[notice.person.pk])

    return [loaded(notice) for notice in notices]


def hold(messages, reason: str) -> None:
    """Messages still queued that are no longer true: kept in the log, never sent."""
    stale = list(messages.filter(status=Status.QUEUED).values_list("pk", flat=True))
    if stale:
        Message.objects.filter(pk__in=stale).update(
            status=Status.HELD, error=reason, body="", html="", attachment=""
        )
        Delivery.objects.bulk_create(
            Delivery(message_id=pk, status=Status.HELD, detail=reason) for pk in stale
        )


def _supersede(notices: list[Notice], *, keep) -> None:
    """An event that moves twice, or moves and is then cancelled, before the first news
    went out: the older news still queued is not sent (the newest says it all)."""
    ids = [n.registration.pk for n in notices if n.kind in SUPERSEDING and n.registration]
    if ids:
        older = Message.objects.filter(registration__in=ids, kind__in=SUPERSEDING).exclude(
            idempotency_key__in=list(keep)
        )
        hold(older, "superseded by later news")


def _compose(notice: Notice, now: datetime, calendars: dict) -> Message | None:
    if notice.registration is not None:
        registration = notice.registration
        recipient = recipient_of(registration)
        event = registration.event
    elif notice.assignment is not None:
        recipient = interpreter_recipient(notice.assignment.interpreter)
        event = notice.assignment.line.event
    else:
        recipient = person_recipient(notice.person)
        event = notice.event
    if recipient is None:
        return None
    if notice.manage_token:
        link = manage_page_url(notice.manage_token)
    else:
        link = event_page_url(event.pk) if notice.kind in EVENT_PAGE_LINKED else ""
    if notice.registration is not None:
        facts = registration_facts(notice.kind, registration, link=link, was=notice.was)
    elif notice.assignment is not None:
        facts = job_facts(notice.kind, notice.assignment, link=link, was=notice.was)
    else:
        facts = member_facts(notice, link=link)
    text = render(facts, recipient.language)
    sms = recipient.channel == Channel.SMS
    send_at = max(now, notice.not_before or now)
    about = type(notice.about).__name__.lower()
    message = Message(
        kind=notice.kind,
        channel=recipient.channel,
        to=recipient.to,
        language=recipient.language,
        # The same news (kind) about the same thing, event and event version, to the same
        # address, is the same message.
        idempotency_key=idempotency_key(
            notice.kind,
            about,
            notice.about.pk,
            event.pk,
            event.version,
            recipient.channel,
            recipient.to,
        ),
        event=event,
        registration=notice.registration,
        assignment=notice.assignment,
        subject=text.subject,
        body=text.sms if sms else text.body,
        html="" if sms else text.html,
        not_before=quiet_until(send_at, event.timezone) if sms else send_at,
    )
    if not sms:
        tentative = notice.kind == Kind.REGISTRATION_WAITLISTED
        cached = (event.pk, event.version, recipient.language, tentative)
        if cached not in calendars:
            item = event_item(event, lang=recipient.language, tentative=tentative)
            name = pick(event.title, recipient.language)
            calendars[cached] = build_calendar([item], name=name).decode()
        message.attachment = calendars[cached]
    return message
