"""Summit writes: create and change summits, their tracks and rooms, and sessions (each
session creates and owns a core event)."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from events_api.events.models import Event, EventKind, EventStatus
from events_api.events.services.events import create_event, update_event
from summits.errors import (
    RoomNameTaken,
    RoomTooSmall,
    SessionOutsideSummit,
    SummitNotPublished,
    SummitYearTaken,
    WrongSummit,
)
from summits.models import Room, Session, Summit, Track

SUMMIT_FIELDS = {
    "year",
    "personal_data_retention_days",
    "title",
    "theme",
    "description",
    "starts_on",
    "ends_on",
    "timezone",
    "venue_school",
    "venue_address",
    "registration_opens_at",
    "registration_closes_at",
}


def _clean(summit: Summit) -> None:
    """The model's checks (days in order, in its year) and the registration window
    (closes after it opens; the database holds the same rule). Raises ValidationError."""
    summit.full_clean(validate_unique=False, validate_constraints=False)
    opens, closes = summit.registration_opens_at, summit.registration_closes_at
    if opens and closes and closes <= opens:
        raise ValidationError(
            {"registration_closes_at": _("Registration must close after it opens.")}
        )


def create_summit(*, by, partners=(), **fields) -> Summit:
    """Create a draft summit; its creator becomes one of its organisers.
    Raises SummitYearTaken, ValidationError."""
    summit = Summit(**{k: v for k, v in fields.items() if k in SUMMIT_FIELDS})
    _clean(summit)
    try:
        with transaction.atomic():
            summit.save()
            summit.organizers.add(by)
            summit.partners.set(partners)
    except IntegrityError as exc:
        raise SummitYearTaken() from exc
    return summit


def update_summit(*, summit: Summit, partners=None, organizers=None, **fields) -> Summit:
    """Change a summit. A new status carries to its sessions: publishing publishes the
    draft sessions, cancelling cancels them all (they stay visible as cancelled). A new
    registration window carries to every session."""
    with transaction.atomic():
        summit = Summit.objects.select_for_update().get(pk=summit.pk)
        status = fields.pop("status", None)
        for name, value in fields.items():
            if name in SUMMIT_FIELDS:
                setattr(summit, name, value)
        if (
            "year" in fields
            and Summit.objects.exclude(pk=summit.pk).filter(year=summit.year).exists()
        ):
            raise SummitYearTaken()
        _clean(summit)
        summit.save()
        if partners is not None:
            summit.partners.set(partners)
        if organizers is not None:
            summit.organizers.set(organizers)
        window = {
            k: fields[k] for k in ("registration_opens_at", "registration_closes_at") if k in fields
        }
        for event_id in summit.sessions.values_list("event_id", flat=True):
            if window:
                update_event(event_id=event_id, **window)
        if status and status != summit.status:
            _set_status(summit, status)
    return summit


def _set_status(summit: Summit, status: str) -> None:
    # The summit's status first: publishing a session checks that its summit is published.
    summit.status = status
    summit.save(update_fields=["status", "updated_at"])
    sessions = Event.objects.filter(session__summit=summit)
    if status == EventStatus.PUBLISHED:
        targets = sessions.filter(status=EventStatus.DRAFT)
    elif status == EventStatus.CANCELLED:
        targets = sessions.exclude(status=EventStatus.CANCELLED)
    else:
        targets = sessions.filter(status=EventStatus.PUBLISHED)
    for event_id in targets.values_list("pk", flat=True):
        update_event(event_id=event_id, status=status)


def _check_session(summit: Summit, *, starts_at, ends_at, capacity, track, room) -> None:
    zone = zoneinfo.ZoneInfo(summit.timezone)
    if starts_at and not (summit.starts_on <= starts_at.astimezone(zone).date() <= summit.ends_on):
        raise SessionOutsideSummit()
    if ends_at and ends_at.astimezone(zone).date() > summit.ends_on:
        raise SessionOutsideSummit()
    for part in (track, room):
        if part is not None and part.summit_id != summit.pk:
            raise WrongSummit()
    if (
        room is not None
        and room.capacity is not None
        and (capacity is None or capacity > room.capacity)
    ):
        raise RoomTooSmall(extra={"room_capacity": room.capacity})


def check_summit_published(event) -> None:
    """For the events core: a session of a draft summit may not be published yet. Raises
    SummitNotPublished."""
    summit_status = (
        Session.objects.filter(event=event).values_list("summit__status", flat=True).first()
    )
    if summit_status is not None and summit_status != EventStatus.PUBLISHED:
        raise SummitNotPublished()


def check_session_change(event, changed: set[str]) -> None:
    """The summit's rules for what changed of a session's event through the events API:
    still inside the summit's days, and no more seats than its room holds.

    Raises SessionOutsideSummit, RoomTooSmall."""
    if not changed & {"starts_at", "ends_at", "capacity"}:
        return
    session = Session.objects.select_related("summit", "track", "room").filter(event=event).first()
    if session is None:
        return
    moved = bool(changed & {"starts_at", "ends_at"})
    _check_session(
        session.summit,
        starts_at=event.starts_at if moved else None,
        ends_at=event.ends_at if moved else None,
        capacity=event.capacity,
        track=None,
        room=session.room if "capacity" in changed else None,
    )


def create_session(
    *,
    summit: Summit,
    track=None,
    room=None,
    hosts=(),
    presenters=(),
    languages=(),
    status=EventStatus.DRAFT,
    **event_fields,
) -> Session:
    """Create a session and its event. The event takes the summit's venue, zone and
    registration window unless given; a session of an unpublished summit stays a draft.
    Raises SessionOutsideSummit, WrongSummit, RoomTooSmall, SummitNotPublished."""
    if status == EventStatus.PUBLISHED and summit.status != EventStatus.PUBLISHED:
        raise SummitNotPublished()
    capacity = event_fields.get("capacity")
    if room is not None and capacity is None:
        capacity = room.capacity
        event_fields["capacity"] = capacity
    _check_session(
        summit,
        starts_at=event_fields.get("starts_at"),
        ends_at=event_fields.get("ends_at"),
        capacity=capacity,
        track=track,
        room=room,
    )
    event_fields.setdefault("timezone", summit.timezone)
    event_fields.setdefault("school", summit.venue_school)
    event_fields.setdefault("address", summit.venue_address)
    event_fields.setdefault("registration_opens_at", summit.registration_opens_at)
    event_fields.setdefault("registration_closes_at", summit.registration_closes_at)
    if room is not None:
        event_fields.setdefault("room", room.name)
    with transaction.atomic():
        event = create_event(
            kind=EventKind.SESSION, status=status, languages=languages, **event_fields
        )
        session = Session.objects.create(
            summit=summit, event=event, track=track, room=room, presenters=list(presenters)
        )
        session.hosts.set(hosts)
    return session


def update_session(*, session: Session, hosts=None, **fields) -> Session:
    """Change a session's track, room, hosts or presenters."""
    track = fields.get("track", session.track)
    room = fields.get("room", session.room)
    _check_session(
        session.summit,
        starts_at=None,
        ends_at=None,
        capacity=session.event.capacity,
        track=track,
        room=room,
    )
    with transaction.atomic():
        for name in ("track", "room", "presenters"):
            if name in fields:
                setattr(session, name, fields[name])
        session.save()
        if hosts is not None:
            session.hosts.set(hosts)
        if "room" in fields and room is not None:
            update_event(event_id=session.event_id, room=room.name)
    return session


def add_track(*, summit: Summit, name: dict, color: str = "#1f6feb", position: int = 0) -> Track:
    return Track.objects.create(summit=summit, name=name, color=color, position=position)


def add_room(
    *, summit: Summit, name: str, capacity: int | None = None, step_free: bool = True
) -> Room:
    """Raises RoomNameTaken when the summit already has a room of that name."""
    try:
        with transaction.atomic():
            return Room.objects.create(
                summit=summit, name=name, capacity=capacity, step_free=step_free
            )
    except IntegrityError as exc:
        raise RoomNameTaken() from exc
