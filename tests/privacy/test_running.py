"""The command and the daily task both anonymise what expired (on the real clock here), the
task leaves tomorrow's run in the queue, and the attendee export refuses an expired event."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from events_api.audit.models import AccessRecord
from events_api.privacy.tasks import anonymise_expired_daily, next_run
from tests.conftest import client_for
from tests.factories import RegistrationFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db


def ended(days_ago: int, **kwargs):
    """An event that ended ``days_ago`` days ago, with one registration."""
    start = timezone.now() - timedelta(days=days_ago, hours=2)
    registration = RegistrationFactory(
        event__starts_at=start, event__ends_at=start + timedelta(hours=2), **kwargs
    )
    return registration


def test_the_command_anonymises_what_expired_and_says_so():
    old, recent = ended(61), ended(59)
    out = StringIO()
    call_command("anonymise_expired", stdout=out)
    assert out.getvalue().strip() == "1 registrations"
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, recent.name != "") == ("", True)

    call_command("anonymise_expired", stdout=out)
    assert out.getvalue().strip().endswith("nothing expired")


def test_the_command_schedules_the_daily_task_once():
    for _ in range(2):
        call_command("anonymise_expired", "--schedule", stdout=StringIO())
    waiting = DBTaskResult.objects.filter(task_path=anonymise_expired_daily.module_path)
    assert list(waiting.values_list("run_after", flat=True)) == [next_run(timezone.now())]


def test_the_daily_run_is_at_8_utc_the_next_time_it_comes():
    assert next_run(datetime(2027, 3, 6, 7, 59, tzinfo=UTC)) == datetime(2027, 3, 6, 8, tzinfo=UTC)
    assert next_run(datetime(2027, 3, 6, 8, 0, tzinfo=UTC)) == datetime(2027, 3, 7, 8, tzinfo=UTC)


def test_the_task_anonymises_and_queues_tomorrows_run():
    old = ended(90)
    assert anonymise_expired_daily.call()["registrations"] == 1
    old.refresh_from_db()
    assert old.name == ""
    waiting = DBTaskResult.objects.filter(task_path=anonymise_expired_daily.module_path)
    assert waiting.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_runs_the_daily_task():
    old = ended(90)
    anonymise_expired_daily.enqueue()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    old.refresh_from_db()
    assert old.name == "" and old.anonymised_at is not None
    # Tomorrow's run waits in the queue (a batch worker leaves it for later).
    assert DBTaskResult.objects.filter(
        task_path=anonymise_expired_daily.module_path, run_after__gt=timezone.now()
    ).exists()


def ended_session(days_ago: int, **summit):
    """A summit session that ended ``days_ago`` days ago, with one registration."""
    start = timezone.now() - timedelta(days=days_ago, hours=2)
    session = SessionFactory(
        summit__organizers=[UserFactory()],
        event__starts_at=start,
        event__ends_at=start + timedelta(hours=2),
        **{f"summit__{name}": value for name, value in summit.items()},
    )
    RegistrationFactory(event=session.event)
    return session


def export(session):
    organiser = session.summit.organizers.get()
    return client_for(organiser).get(f"/api/v1/events/{session.event_id}/registrations/export/")


@pytest.mark.parametrize(("days_ago", "status"), [(59, 200), (61, 409)])
def test_the_attendee_export_is_refused_once_the_period_is_over(days_ago, status):
    response = export(ended_session(days_ago))
    assert response.status_code == status
    if status == 409:
        assert response.json()["code"] == "personal_data_removed"
        assert not AccessRecord.objects.exists()
    else:
        assert AccessRecord.objects.filter(kind="registrant_export").count() == 1


def test_a_summits_longer_period_keeps_its_export_open():
    assert export(ended_session(100, personal_data_retention_days=365)).status_code == 200
