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


def enqueue(not_before: datetime) -> None:
    """A delivery task for what is due at ``not_before``: with the database backend it is
    a row written in the caller's transaction, so it exists exactly when the messages do.
    A later time that already has its task (every seat at an event has reminders at the
    same two moments) gets no second one."""
    if not_before > timezone.now() + timedelta(minutes=1) and _waiting_task(not_before):
        return
    deliver_pending.using(run_after=not_before).enqueue()


def _waiting_task(run_after: datetime) -> bool:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=deliver_pending.module_path,
        run_after=run_after,
        status=TaskResultStatus.READY,
    ).exists()
