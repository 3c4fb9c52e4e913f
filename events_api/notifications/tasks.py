"""Background tasks (django.tasks on the django-tasks-db backend; `manage.py db_worker`).
Thin: call the service, which is idempotent."""

from datetime import datetime, timedelta

from django.tasks import TaskResultStatus, task
from django.utils import timezone

from events_api.notifications.delivery import deliver_due, next_retry

BATCH = 1000


@task()
def deliver_pending() -> dict[str, int]:
    """Send what is due. Queueing writes one of these per transaction (and one for the
    time quiet hours hold messages until); more than a batch due, it leaves another
    behind for the rest, and one for when the messages it must try again are due."""
    outcomes = deliver_due(limit=BATCH)
    if sum(outcomes.values()) >= BATCH:
        enqueue(timezone.now())
    if outcomes.get("retry") and (retry_at := next_retry()):
        enqueue(retry_at)
    return outcomes


def enqueue(not_before: datetime, what=None) -> None:
    """A task (by default: delivery) to run at ``not_before``: with the database backend it
    is a row written in the caller's transaction, so it exists exactly when the messages
    (or reminders) do. A later time that already has the same task waiting (many events
    share 10:00 two days before) gets no second one."""
    what = what or deliver_pending
    if not_before > timezone.now() + timedelta(minutes=1) and _waiting_task(what, not_before):
        return
    what.using(run_after=not_before).enqueue()


def _waiting_task(what, run_after: datetime) -> bool:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=what.module_path,
        run_after=run_after,
        status=TaskResultStatus.READY,
    ).exists()
