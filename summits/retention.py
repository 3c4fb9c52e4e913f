"""A summit may keep its registrants' personal data for its own period after each of its
sessions ends (Summit.personal_data_retention_days) instead of the deployment's default."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Q

from summits.models import Session, Summit


def summit_retention_overrides() -> list[tuple[Q, timedelta]]:
    """One (events of these summits' sessions, period) pair per distinct period."""
    by_days: dict[int, list[int]] = defaultdict(list)
    own = Summit.objects.exclude(personal_data_retention_days=None)
    for pk, days in own.values_list("pk", "personal_data_retention_days"):
        by_days[days].append(pk)
    return [
        (
            Q(pk__in=Session.objects.filter(summit__in=pks).values("event_id")),
            timedelta(days=days),
        )
        for days, pks in by_days.items()
    ]
