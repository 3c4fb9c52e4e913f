"""Absolute links to calendars: the .ics file, the webcal:// subscription, and add-to-Google /
Outlook links. Pure string building from data already loaded: no queries."""

from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.urls import reverse

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"
GOOGLE_SUBSCRIBE = "https://calendar.google.com/calendar/r"
OUTLOOK_COMPOSE = "https://outlook.live.com/calendar/0/action/compose"
OUTLOOK_SUBSCRIBE = "https://outlook.live.com/calendar/0/addfromweb"
# Google and Outlook put the whole link in a URL; keep long descriptions from breaking it.
MAX_DETAILS = 1000


def absolute(path: str) -> str:
    return settings.PUBLIC_BASE_URL + path


def uid_host() -> str:
    return _host(settings.PUBLIC_BASE_URL)


@lru_cache(maxsize=8)
def _host(base_url: str) -> str:
    return urlsplit(base_url).hostname or "opendoors.invalid"


def webcal(url: str) -> str:
    """The same feed for calendar apps' "subscribe" handlers (webcal:// means https)."""
    return "webcal://" + url.split("://", 1)[1]


def event_page_url(event_id: int) -> str:
    """The public page of an event on the frontend."""
    return absolute(f"/events/{event_id}")


def event_ics_url(event_id: int) -> str:
    return absolute(reverse("calendar-event", args=[event_id]))


def _utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def google_event_url(
    *, title: str, starts_at: datetime, ends_at: datetime, tzid: str, details: str, location: str
) -> str:
    query = {
        "action": "TEMPLATE",
        "text": title,
        "dates": f"{_utc_stamp(starts_at)}/{_utc_stamp(ends_at)}",
        "ctz": tzid,
        "details": details[:MAX_DETAILS],
        "location": location,
    }
    return f"{GOOGLE_TEMPLATE}?{urlencode(query, quote_via=quote)}"


def outlook_event_url(
    *, title: str, starts_at: datetime, ends_at: datetime, details: str, location: str
) -> str:
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "startdt": starts_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "enddt": ends_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "body": details[:MAX_DETAILS],
        "location": location,
    }
    return f"{OUTLOOK_COMPOSE}?{urlencode(query, quote_via=quote)}"


def feed_links(ics_url: str, *, name: str) -> dict[str, str]:
    """Links for a subscribable feed (a summit, a committee, a personal feed)."""
    subscribe = webcal(ics_url)
    return {
        "ics_url": ics_url,
        "webcal_url": subscribe,
        "google_calendar_url": f"{GOOGLE_SUBSCRIBE}?{urlencode({'cid': subscribe})}",
        "outlook_calendar_url": f"{OUTLOOK_SUBSCRIBE}?"
        + urlencode({"url": ics_url, "name": name}, quote_via=quote),
    }
