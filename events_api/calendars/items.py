"""What a calendar feed is made of, independent of where it came from: the core's events,
a committee's meeting series, an interpreter's assignments. The iCalendar builder turns a
list of these into RFC 5545 bytes."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One VEVENT.

    A recurring series is one item with ``rrule`` (an RFC 5545 RRULE value such as
    ``FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271231T230000Z``) and ``exdates``; a moved or
    cancelled occurrence of it is another item with the same ``uid`` and
    ``recurrence_id`` set to the occurrence's original start."""

    uid: str
    summary: str
    starts_at: datetime
    ends_at: datetime
    tzid: str
    description: str = ""
    location: str = ""
    url: str = ""
    status: str = "CONFIRMED"  # CONFIRMED, TENTATIVE or CANCELLED
    sequence: int = 0
    last_modified: datetime | None = None
    rrule: str | None = None
    exdates: tuple[datetime, ...] = ()
    recurrence_id: datetime | None = None
