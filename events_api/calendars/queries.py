"""Reads for feeds: which events a feed holds, and the cheap stamp that says whether it
changed since a client last fetched it."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, OuterRef, Q, Subquery

from events_api.calendars.models import FeedToken
from events_api.events.models import Event, Registration, RegistrationStatus

# A registration that no longer puts the event in the person's calendar.
NOT_ATTENDING = (RegistrationStatus.CANCELLED, RegistrationStatus.DECLINED)
# What a feed reads of each event, as plain values (no model instances: a 1,000-event feed
# spent more time making them than writing the calendar). event_items.EventRows reads rows
# in this order, and event_items.event_row makes one from an event's attributes.
FEED_EVENT_COLUMNS = (
    "id",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "timezone",
    "room",
    "address",
    "online_url",
    "status",
    "version",
    "updated_at",
    "school__name",
    "school__address",
)
_UPDATED_AT = FEED_EVENT_COLUMNS.index("updated_at")


@dataclass(frozen=True)
class Stamp:
    """Enough to notice any change to a feed's events: how many, and the latest edit."""

    count: int
    last_modified: datetime | None

    def touched(self, *moments: datetime | None) -> "Stamp":
        """The same stamp, with other things the feed shows (its owner's registrations,
        a summit's title) counted as edits."""
        known = [m for m in (self.last_modified, *moments) if m is not None]
        return Stamp(self.count, max(known) if known else None)


def waitlisted_event_ids(user_id: int) -> set[int]:
    """Events where the user's party is on the waitlist (no seat yet). One query."""
    return set(
        Registration.objects.filter(
            user_id=user_id, status=RegistrationStatus.WAITLISTED
        ).values_list("event_id", flat=True)
    )


def in_window(start: datetime, end: datetime) -> Q:
    return Q(ends_at__gt=start, starts_at__lt=end)


def feed_event_rows(where: Q) -> list[tuple]:
    """The events of a feed as tuples in FEED_EVENT_COLUMNS order, the school joined in,
    by start. One query."""
    return list(
        Event.objects.filter(where).order_by("starts_at", "id").values_list(*FEED_EVENT_COLUMNS)
    )


def rows_stamp(rows: list[tuple]) -> Stamp:
    """The stamp of feed_event_rows(where): what event_stamp(where) gives, without asking
    the database again."""
    return Stamp(len(rows), max((row[_UPDATED_AT] for row in rows), default=None))


def event_stamp(where: Q) -> Stamp:
    """One query."""
    row = Event.objects.filter(where).aggregate(count=Count("pk"), last=Max("updated_at"))
    return Stamp(row["count"], row["last"])


def feed_token(token_hash: str) -> FeedToken | None:
    """The token row with its user and the time of the user's latest registration change
    (``registrations_changed_at``), in one query."""
    latest = (
        Registration.objects.filter(user=OuterRef("user_id"))
        .order_by()
        .values("user")
        .annotate(last=Max("updated_at"))
        .values("last")
    )
    return (
        FeedToken.objects.select_related("user")
        .annotate(registrations_changed_at=Subquery(latest))
        .filter(token_hash=token_hash)
        .first()
    )
