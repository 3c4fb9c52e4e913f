from django.conf import settings
from django.db.models import QuerySet

from events_api.events.models import Event


def events_for_update() -> QuerySet[Event]:
    """Events read with their row lock: ``SELECT ... FOR UPDATE`` on PostgreSQL, held until
    the transaction ends (a waiter gives up after the connection's lock_timeout; the API
    answers 503 with Retry-After). SQLite has no row locks and needs none: the connection
    begins every transaction IMMEDIATE, which already serialises writers.
    ``REGISTRATION_LOCKING = False`` exists only so a test can prove the race is real."""
    queryset = Event.objects.all()
    if settings.REGISTRATION_LOCKING:
        queryset = queryset.select_for_update()
    return queryset


def lock_event(event_id: int) -> Event:
    """Take the per-event lock for the rest of the transaction and return a fresh row."""
    return events_for_update().get(pk=event_id)
