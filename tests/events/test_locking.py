"""The event lock's shape, on every database. Whether it serialises registrations is proven
by tests/events/test_concurrency.py, whose control (the lock switched off) can show a race
only on PostgreSQL; these tests make a lock that was dropped or weakened fail on SQLite too.
"""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from events_api.events.models import Event
from events_api.events.services.locking import events_for_update, lock_event
from tests.factories import EventFactory


def test_events_are_read_for_update_and_wait_for_the_lock():
    query = events_for_update().query
    assert query.select_for_update is True
    # A registration waits for the one before it; it neither fails at once nor skips the
    # locked row.
    assert (query.select_for_update_nowait, query.select_for_update_skip_locked) == (
        False,
        False,
    )
    assert query.select_for_update_of == ()


def test_the_test_only_switch_turns_the_lock_off(settings):
    settings.REGISTRATION_LOCKING = False
    assert events_for_update().query.select_for_update is False


@pytest.mark.django_db
def test_lock_event_returns_the_row_as_it_is_now():
    event = EventFactory(capacity=10, title="Before")
    Event.objects.filter(pk=event.pk).update(capacity=3, title="After")
    with transaction.atomic():
        locked = lock_event(event.pk)
    assert (locked.pk, locked.capacity, locked.title) == (event.pk, 3, "After")


@pytest.mark.django_db
def test_lock_event_refuses_an_unknown_event():
    with pytest.raises(Event.DoesNotExist), transaction.atomic():
        lock_event(0)


@pytest.mark.django_db
def test_the_select_says_for_update_where_the_database_has_row_locks():
    event = EventFactory()
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        lock_event(event.pk)
    [select] = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("SELECT")]
    if connection.vendor == "postgresql":
        assert select.rstrip().endswith("FOR UPDATE")
    else:
        # SQLite: no row locks; the transaction itself began IMMEDIATE.
        assert "FOR UPDATE" not in select
