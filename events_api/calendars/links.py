"""Absolute links: to calendars (the .ics file, the webcal:// subscription, add-to-Google /
Outlook links) and to the frontend's pages. Pure string building from data already loaded:
no queries.

The origin is ``PUBLIC_BASE_URL`` when it is set. When it is not, it is the origin the
current request came to (scheme and Host, already checked against ALLOWED_HOSTS), which
RequestOriginMiddleware (events_api.calendars.middleware) makes known here; outside a
request (a management command, a task) it is LOCAL_BASE_URL."""

from contextvars import ContextVar
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, reverse

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"
GOOGLE_SUBSCRIBE = "https://calendar.google.com/calendar/r"
OUTLOOK_COMPOSE = "https://outlook.live.com/calendar/0/action/compose"
OUTLOOK_SUBSCRIBE = "https://outlook.live.com/calendar/0/addfromweb"
# Google and Outlook put the whole link in a URL; keep long descriptions from breaking it.
MAX_DETAILS = 1000
# The origin of links made outside any request when PUBLIC_BASE_URL is not set.
LOCAL_BASE_URL = "http://127.0.0.1:8000"
# The host part of UIDs when PUBLIC_BASE_URL is not set. Never taken from a request: a
# UID must not change with the address a feed happened to be fetched from.
DEFAULT_UID_HOST = "opendoors.invalid"

current_request: ContextVar[HttpRequest | None] = ContextVar("current_request", default=None)


def base_url(request: HttpRequest | None = None) -> str:
    """The origin links start with (no trailing slash): PUBLIC_BASE_URL, else that of
    ``request`` or of the request being served, else LOCAL_BASE_URL."""
    configured = settings.PUBLIC_BASE_URL
    if configured:
        return configured.rstrip("/")
    request = request or current_request.get()
    if request is None:
        return LOCAL_BASE_URL
    return f"{request.scheme}://{request.get_host()}"


def absolute(path: str, request: HttpRequest | None = None) -> str:
    return base_url(request) + path


def uid_host() -> str:
    return _host(settings.PUBLIC_BASE_URL)


@lru_cache(maxsize=8)
def _host(configured: str) -> str:
    return (urlsplit(configured).hostname if configured else None) or DEFAULT_UID_HOST


def webcal(url: str) -> str:
    """The same feed for calendar apps' "subscribe" handlers (webcal:// means https)."""
    return "webcal://" + url.split("://", 1)[1]


def event_page_url(event_id: int) -> str:
    """The public page of an event on the frontend."""
    return absolute(f"/events/{event_id}")


def manage_page_url(token: str, request: HttpRequest | None = None) -> str:
    """The frontend page where a guest sees and changes their registration. The token is
    in the fragment, so it never reaches a server log or a Referer header."""
    return absolute(f"/manage#{quote(token, safe='')}", request)


def event_ics_url(event_id: int) -> str:
    prefix, suffix = _event_ics_path(get_script_prefix(), get_urlconf())
    return absolute(f"{prefix}{event_id}{suffix}")


# An id no event has, so the reversed path splits around it (a list builds 50 links: one
# reverse() per URL configuration and script prefix, not one per event).
_ANY_ID = 987654321


@lru_cache(maxsize=8)
def _event_ics_path(script_prefix: str, urlconf) -> tuple[str, str]:
    prefix, suffix = reverse("calendar-event", args=[_ANY_ID], urlconf=urlconf).split(str(_ANY_ID))
    return prefix, suffix


def _utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _q(value: str) -> str:
    return quote(value, safe="")


def _iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def event_calendar_links(
    event_id: int,
    *,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    tzid: str,
    details: str,
    location: str,
) -> dict[str, str]:
    """The .ics file, its webcal:// form and add-to-Google / Outlook links of one event.
    The query strings are what ``urlencode(..., quote_via=quote)`` gives, built by hand: a
    list makes these for 50 events, and each text is quoted once for both links."""
    ics = event_ics_url(event_id)
    text, body, where = _q(title), _q(details[:MAX_DETAILS]), _q(location)
    dates = _q(f"{_utc_stamp(starts_at)}/{_utc_stamp(ends_at)}")
    google = (
        f"{GOOGLE_TEMPLATE}?action=TEMPLATE&text={text}&dates={dates}&ctz={_q(tzid)}"
        f"&details={body}&location={where}"
    )
    outlook = (
        f"{OUTLOOK_COMPOSE}?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject={text}"
        f"&startdt={_q(_iso_utc(starts_at))}&enddt={_q(_iso_utc(ends_at))}&body={body}"
        f"&location={where}"
    )
    return {
        "ics_url": ics,
        "webcal_url": webcal(ics),
        "google_calendar_url": google,
        "outlook_calendar_url": outlook,
    }


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
