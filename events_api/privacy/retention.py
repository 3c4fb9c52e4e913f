"""When an event's registrants' personal data expires: the deployment's default period
after the event ends, or the period an app gives its events (a summit's own)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from events_api.events.models import Event
from events_api.privacy import hooks
from events_api.privacy.errors import PersonalDataRemoved


def default_period() -> timedelta:
    return timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)


def expired_events(now: datetime) -> QuerySet:
    """Events whose end plus retention period is ``now`` or earlier."""
    claimed = Q(pk__in=[])
    expired = Q(pk__in=[])
    for selector, period in hooks.retention_overrides():
        claimed |= selector
        expired |= selector & Q(ends_at__lte=now - period)
    return Event.objects.filter(expired | (~claimed & Q(ends_at__lte=now - default_period())))


def period_of(event: Event) -> timedelta:
    for selector, period in hooks.retention_overrides():
        if Event.objects.filter(selector, pk=event.pk).exists():
            return period
    return default_period()


def expires_at(event: Event) -> datetime:
    return event.ends_at + period_of(event)


def ensure_personal_data_kept(event: Event, now: datetime | None = None) -> None:
    """Raises PersonalDataRemoved once the event's personal data has expired (whether or
    not the daily run has anonymised it yet): nothing personal is handed out after that."""
    if (now or timezone.now()) >= expires_at(event):
        raise PersonalDataRemoved()
