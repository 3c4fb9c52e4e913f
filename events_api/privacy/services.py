"""Anonymise what has expired, in batches that commit whole."""

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from events_api.privacy import hooks
from events_api.privacy.retention import expired_events

logger = logging.getLogger(__name__)

BATCH = 1000


def anonymise_expired(*, now: datetime | None = None, batch_size: int = BATCH) -> dict[str, int]:
    """Remove the personal data of every event whose retention period is over by ``now``
    (default: the present), step by step (registrations, interpreter requests, messages,
    reminders, and the steps apps register). Each batch of up to ``batch_size`` rows is one
    transaction with one bulk statement per table, so a crash leaves whole batches done and
    the rest untouched; rows are marked (``anonymised_at``) so a re-run resumes where it
    stopped and a run with nothing to do touches no row. Returns the rows done per step."""
    now = now or timezone.now()
    scope = hooks.Scope(now=now, expired_events=expired_events(now))
    done = {step.name: _run(step, scope, batch_size) for step in hooks.steps()}
    if any(done.values()):
        logger.info("retention run: %s", ", ".join(f"{n} {name}" for name, n in done.items() if n))
    return done


def _run(step: hooks.Step, scope: hooks.Scope, batch_size: int) -> int:
    total, last = 0, 0
    while pks := _batch(step, scope, batch_size, last):
        total += len(pks)
        last = pks[-1]
    return total


def _batch(step: hooks.Step, scope: hooks.Scope, batch_size: int, after: int) -> list[int]:
    """One batch, committed whole; the pks it did (none: the step is finished)."""
    with transaction.atomic():
        pending = step.pending(scope).filter(pk__gt=after).order_by("pk")
        pks = list(pending.values_list("pk", flat=True)[:batch_size])
        if pks:
            step.apply(pks, scope.now)
            for listener in hooks.batch_listeners():
                listener(step.name, pks)
    return pks
