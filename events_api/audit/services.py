"""Writing the access log. The apps that show registrants' personal data call ``record``
(one look at one event) or ``record_rows`` (a page of registrations, which may span
events: one row per event) in the same request that shows it. The daily privacy run
prunes old rows (events_api.privacy.steps)."""

from collections import Counter
from collections.abc import Iterable

from events_api.audit.models import AccessKind, AccessRecord
from events_api.core.client_ip import client_address

# Query parameters that are about the page, not about whom it shows.
_NOT_FILTERS = frozenset({"lang", "page", "page_size", "cursor", "format"})


def _client(request) -> dict:
    return {
        "client_address": client_address(request)[:45],
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
    }


def query_filters(request) -> dict:
    """The request's filters, as the log keeps them (lists stay lists)."""
    params = request.GET if hasattr(request, "GET") else {}
    return {
        key: values if len(values) > 1 else values[0]
        for key, values in params.lists()
        if key not in _NOT_FILTERS
    }


def _user(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def record(
    request,
    kind: AccessKind,
    *,
    event_id: int | None,
    count: int,
    registration_id: int | None = None,
    filters: dict | None = None,
) -> AccessRecord:
    return AccessRecord.objects.create(
        user=_user(request),
        kind=kind,
        event_id=event_id,
        registration_id=registration_id,
        count=count,
        filters=query_filters(request) if filters is None else filters,
        **_client(request),
    )


def record_rows(request, kind: AccessKind, rows: Iterable, *, event_of=None) -> int:
    """One record per event among ``rows`` (registrations, or anything ``event_of`` maps to
    an event id), counting that event's rows. The requester's own registrations are not a
    look at someone else's data and are left out. Returns the number of records written."""
    user = _user(request)
    per_event: Counter = Counter()
    for row in rows:
        if event_of is None and user is not None and row.user_id == user.pk:
            continue
        per_event[event_of(row) if event_of else row.event_id] += 1
    if not per_event:
        return 0
    filters, client = query_filters(request), _client(request)
    AccessRecord.objects.bulk_create(
        AccessRecord(
            user=user, kind=kind, event_id=event_id, count=count, filters=filters, **client
        )
        for event_id, count in per_event.items()
    )
    return len(per_event)
