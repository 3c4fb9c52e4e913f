"""The core's events as CalendarItems, in the reader's language."""

from events_api.calendars.items import CalendarItem
from events_api.calendars.links import (
    event_ics_url,
    event_page_url,
    google_event_url,
    outlook_event_url,
    uid_host,
    webcal,
)
from events_api.core.i18n import pick
from events_api.events.models import Event, EventStatus

ICAL_STATUS = {
    EventStatus.PUBLISHED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.DRAFT: "TENTATIVE",
}


def event_uid(event_id: int) -> str:
    """Stable for the life of the event: the id never changes, and neither may the UID."""
    return f"event-{event_id}@{uid_host()}"


def event_location(event: Event) -> str:
    """Room, school and street address, or the online link for an online-only event. Uses
    ``event.school`` only when it is set (load it with select_related)."""
    school = event.school if event.school_id else None
    street = event.address or (school.address if school else "")
    parts = [event.room, school.name if school else "", street]
    place = ", ".join(part.strip() for part in parts if part and part.strip())
    return place or event.online_url


def event_details(event: Event, lang: str | None = None) -> str:
    text = pick(event.description, lang)
    if event.online_url and event.online_url != event_location(event):
        text = f"{text}\n\n{event.online_url}" if text else event.online_url
    return text


def event_item(event: Event, *, lang: str = "en", tentative: bool = False) -> CalendarItem:
    """One VEVENT for ``event``: title and description in ``lang`` (English fallback),
    SEQUENCE from its version, cancelled events kept as STATUS:CANCELLED; ``tentative``
    (the reader is only on the waitlist) makes a live event STATUS:TENTATIVE."""
    status = ICAL_STATUS.get(event.status, "CONFIRMED")
    if tentative and status == "CONFIRMED":
        status = "TENTATIVE"
    return CalendarItem(
        uid=event_uid(event.pk),
        summary=pick(event.title, lang),
        description=event_details(event, lang),
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        tzid=event.timezone,
        location=event_location(event),
        url=event_page_url(event.pk),
        status=status,
        sequence=event.version,
        last_modified=event.updated_at,
    )


def event_links(event: Event, lang: str | None = None) -> dict[str, str]:
    """The .ics file, its webcal:// form and add-to-Google / Outlook links of one event,
    in ``lang`` (default: the active language). No queries beyond ``event.school``."""
    ics = event_ics_url(event.pk)
    title = pick(event.title, lang)
    details = event_details(event, lang)
    location = event_location(event)
    return {
        "ics_url": ics,
        "webcal_url": webcal(ics),
        "google_calendar_url": google_event_url(
            title=title,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            tzid=event.timezone,
            details=details,
            location=location,
        ),
        "outlook_calendar_url": outlook_event_url(
            title=title,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            details=details,
            location=location,
        ),
    }
