"""The core's events as CalendarItems, in the reader's language.

Two ways in, one logic: ``event_item`` / ``event_location`` / ``event_details`` /
``event_links`` read an event's attributes (a model instance, or any object with the same
attribute names), and ``EventRows`` turns the plain rows of ``queries.feed_event_rows``
into items for a whole feed without making a model instance per event. Both go through
``place_text`` and ``details_text`` for the words, and ``EventRows.item`` for the item."""

from collections.abc import Iterable, Sequence

from events_api.calendars.items import CalendarItem
from events_api.calendars.links import (
    event_calendar_links,
    event_page_url,
    uid_host,
)
from events_api.core.i18n import pick
from events_api.events.models import Event, EventStatus

ICAL_STATUS = {
    EventStatus.PUBLISHED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.DRAFT: "TENTATIVE",
}
# Stands for the event id in a URL made once per feed (see EventRows).
_ID_MARK = 9_876_543_210_123


def event_uid(event_id: int, host: str | None = None) -> str:
    """Stable for the life of the event: the id never changes, and neither may the UID.
    ``host`` is ``uid_host()``, when the caller has already looked it up."""
    return f"event-{event_id}@{host or uid_host()}"


def place_text(
    room: str | None,
    school_name: str | None,
    school_address: str | None,
    address: str | None,
    online_url: str | None,
) -> str:
    """Room, school and street address (the event's own, else its school's), or the
    online link when there is no place at all."""
    street = address or school_address or ""
    parts = (room, school_name, street)
    place = ", ".join(part.strip() for part in parts if part and part.strip())
    return place or online_url or ""


def details_text(description: str, online_url: str | None, location: str) -> str:
    """The description, with the online link after it unless the link is the location."""
    if online_url and online_url != location:
        return f"{description}\n\n{online_url}" if description else online_url
    return description


def event_location(event: Event) -> str:
    """Room, school and street address, or the online link for an online-only event. Uses
    ``event.school`` only when it is set (load it with select_related)."""
    school = event.school if event.school_id else None
    return place_text(
        event.room,
        school.name if school else "",
        school.address if school else "",
        event.address,
        event.online_url,
    )


def event_details(event: Event, lang: str | None = None) -> str:
    location = event_location(event) if event.online_url else ""
    return details_text(pick(event.description, lang), event.online_url, location)


def event_row(event: Event) -> tuple:
    """An event's values in the order of queries.FEED_EVENT_COLUMNS."""
    school = event.school if event.school_id else None
    return (
        event.pk,
        event.title,
        event.description,
        event.starts_at,
        event.ends_at,
        event.timezone,
        event.room,
        event.address,
        event.online_url,
        event.status,
        event.version,
        event.updated_at,
        school.name if school else None,
        school.address if school else None,
    )


class EventRows:
    """Makes the CalendarItems of one feed, in ``lang``, from rows in the order of
    queries.FEED_EVENT_COLUMNS. What every item of a feed shares (the UID host, the origin
    of the events' pages) is looked up once here, not once per event."""

    def __init__(self, lang: str = "en"):
        self.lang = lang
        self.host = uid_host()
        # event_page_url's own form, with the id cut out: its origin comes from settings
        # and the request, which would otherwise be read for every event.
        self.page_head, _, self.page_tail = event_page_url(_ID_MARK).rpartition(str(_ID_MARK))

    def item(self, row: Sequence, *, tentative: bool = False) -> CalendarItem:
        """One VEVENT: title and description in the feed's language (English fallback),
        SEQUENCE from the event's version, cancelled events kept as STATUS:CANCELLED;
        ``tentative`` (the reader is only on the waitlist) makes a live event
        STATUS:TENTATIVE."""
        (
            pk,
            title,
            description,
            starts_at,
            ends_at,
            tzid,
            room,
            address,
            online_url,
            status,
            version,
            updated_at,
            school_name,
            school_address,
        ) = row
        ical_status = ICAL_STATUS.get(status, "CONFIRMED")
        if tentative and ical_status == "CONFIRMED":
            ical_status = "TENTATIVE"
        location = place_text(room, school_name, school_address, address, online_url)
        return CalendarItem(
            uid=event_uid(pk, self.host),
            summary=pick(title, self.lang),
            description=details_text(pick(description, self.lang), online_url, location),
            starts_at=starts_at,
            ends_at=ends_at,
            tzid=tzid,
            location=location,
            url=f"{self.page_head}{pk}{self.page_tail}",
            status=ical_status,
            sequence=version,
            last_modified=updated_at,
        )

    def items(
        self, rows: Iterable[Sequence], *, tentative_ids: set[int] | frozenset[int] = frozenset()
    ) -> list[CalendarItem]:
        """An item per row; events whose id is in ``tentative_ids`` are TENTATIVE."""
        return [self.item(row, tentative=row[0] in tentative_ids) for row in rows]


def event_item(event: Event, *, lang: str = "en", tentative: bool = False) -> CalendarItem:
    """One VEVENT for ``event`` (see EventRows.item), from its attributes."""
    return EventRows(lang).item(event_row(event), tentative=tentative)


def event_links(event: Event, lang: str | None = None) -> dict[str, str]:
    """The .ics file, its webcal:// form and add-to-Google / Outlook links of one event,
    in ``lang`` (default: the active language). No queries beyond ``event.school``."""
    location = event_location(event)
    return event_calendar_links(
        event.pk,
        title=pick(event.title, lang),
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        tzid=event.timezone,
        details=details_text(pick(event.description, lang), event.online_url, location),
        location=location,
    )
