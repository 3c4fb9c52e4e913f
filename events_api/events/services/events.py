"""Event writes shared by sessions and meetings: create, change (with the version counter
calendars use), capacity changes that promote the waitlist, cancellation."""

from django.db import transaction

from events_api.calendars.event_items import event_location
from events_api.events.hooks import run_change_checks, run_publish_checks
from events_api.events.models import Event, EventStatus
from events_api.events.services.counts import store_counts
from events_api.events.services.locking import lock_event
from events_api.events.services.registration import promote_waitlist
from events_api.interpretation.services.demand import event_changed
from events_api.notifications import services as notify

# Fields whose change must reach calendars (SEQUENCE) and people already registered.
VERSIONED_FIELDS = frozenset(
    {
        "starts_at",
        "ends_at",
        "timezone",
        "school",
        "school_id",
        "address",
        "room",
        "online_url",
        "status",
    }
)
REMINDER_FIELDS = frozenset({"remind_days_before", "remind_morning_of"})
# Fields whose change means the event moved: interpreters are asked to re-confirm.
MOVED_FIELDS = VERSIONED_FIELDS - {"status"}
EVENT_FIELDS = frozenset(
    {
        "kind",
        "title",
        "description",
        "starts_at",
        "ends_at",
        "timezone",
        "school",
        "address",
        "room",
        "online_url",
        "capacity",
        "status",
        "registration_opens_at",
        "registration_closes_at",
        "max_party_size",
        "interpretation_lead_days",
        "remind_days_before",
        "remind_morning_of",
    }
)


def create_event(*, languages=(), **fields) -> Event:
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"Unknown event fields: {sorted(unknown)}")
    event = Event(**fields)
    event.full_clean()
    event.save()
    if languages:
        event.languages.set(languages)
    return event


def update_event(*, event_id: int, languages=None, **changes) -> Event:
    """Apply ``changes``; bump ``version`` if time, place or status changed; promote the
    waitlist if capacity grew (or became unlimited); cancel interpreter assignments of a
    cancelled event and flag those of a moved one for re-confirmation. Holds the event
    lock."""
    unknown = set(changes) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"Unknown event fields: {sorted(unknown)}")
    with transaction.atomic():
        event = lock_event(event_id)
        old_capacity = event.capacity
        was_status, was_starts_at, was_place = event.status, event.starts_at, event_location(event)
        if changes.get("status") == EventStatus.PUBLISHED != event.status:
            run_publish_checks(event)
        versioned = moved = False
        changed = set()
        for name, value in changes.items():
            if getattr(event, name) != value:
                setattr(event, name, value)
                changed.add(name)
                versioned = versioned or name in VERSIONED_FIELDS
                moved = moved or name in MOVED_FIELDS
        if versioned:
            event.version += 1
        event.full_clean()
        run_change_checks(event, changed)
        event.save()
        if languages is not None:
            event.languages.set(languages)
        grew = event.capacity is None or (
            old_capacity is not None and event.capacity > old_capacity
        )
        if grew and event.status == EventStatus.PUBLISHED:
            promote_waitlist(event)
            store_counts(event)
        # Those registered hear of a cancellation, or of a move of a published event.
        if event.status == EventStatus.CANCELLED != was_status:
            notify.event_cancelled(event)
        elif moved and event.status == EventStatus.PUBLISHED == was_status:
            notify.event_changed(event, was_starts_at=was_starts_at, was_place=was_place)
        # Reminders follow the event's time, settings and status (written when due).
        if moved or changed & (REMINDER_FIELDS | {"status"}):
            notify.plan_reminders(event)
        # Cancelled → its interpreter lines and assignments are cancelled; moved →
        # confirmed interpreters are asked to re-confirm.
        event_changed(event_id=event.pk, moved=moved)
    return event


def cancel_event(*, event_id: int) -> Event:
    return update_event(event_id=event_id, status=EventStatus.CANCELLED)
