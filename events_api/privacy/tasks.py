"""The daily run (django.tasks on the database backend, `manage.py db_worker`): anonymise
what has expired, then leave the next day's run in the queue. `manage.py anonymise_expired
--schedule` puts the first one there."""

from datetime import UTC, datetime, time, timedelta

from django.tasks import task
from django.utils import timezone

from events_api.notifications.tasks import enqueue
from events_api.privacy.services import anonymise_expired

# 08:00 UTC: 03:00 or 04:00 in New York, when nobody is registering.
RUN_AT = time(8, 0, tzinfo=UTC)


@task()
def anonymise_expired_daily() -> dict[str, int]:
    """A run that fails still queues tomorrow's, which resumes where this one stopped."""
    try:
        return anonymise_expired()
    finally:
        schedule_next()


def next_run(now: datetime) -> datetime:
    """The next 08:00 UTC strictly after ``now``."""
    today = datetime.combine(now.astimezone(RUN_AT.tzinfo).date(), RUN_AT)
    return today if today > now else today + timedelta(days=1)


def schedule_next(now: datetime | None = None) -> None:
    """Queue the next daily run, unless one is already waiting for that time."""
    enqueue(next_run(now or timezone.now()), what=anonymise_expired_daily)
