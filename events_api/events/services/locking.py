from django.conf import settings

from events_api.events.models import Event


def lock_event(event_id: int) -> Event:
    """Take the per-event lock for the rest of the transaction and return a fresh row.

    PostgreSQL: ``SELECT ... FOR UPDATE`` on the event row (a waiter gives up after the
    connection's lock_timeout; the API answers 503 with Retry-After). SQLite: the
    connection begins every transaction IMMEDIATE, which already serialises writers.
    ``REGISTRATION_LOCKING = False`` exists only so a test can prove the race is real."""
    queryset = Event.objects.all()
    if getattr(settings, "REGISTRATION_LOCKING", True):
        queryset = queryset.select_for_update()
    return queryset.get(pk=event_id)
