"""What every .ics view shares: the date window, the language, and the conditional GET that
answers 304 from a cheap stamp without building the calendar. Apps with feeds of their own
(committees) build on these too."""

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from rest_framework import status

from events_api.calendars.links import base_url
from events_api.calendars.queries import Stamp
from events_api.core.errors import DomainError, error_body
from events_api.core.filtering import as_utc
from events_api.core.i18n import FALLBACK_LANGUAGE, normalise_language

# Bump when the builder's output changes for the same data, so clients refetch.
# 2: VTIMEZONEs as yearly RRULEs (no RDATE); URL: the frontend's page on the request's origin.
FORMAT_VERSION = "2"
DEFAULT_PAST = timedelta(days=30)
DEFAULT_FUTURE = timedelta(days=366)
MAX_SPAN = timedelta(days=2 * 366)
# Dates a feed may ask for: wide enough for any school event, narrow enough that date
# arithmetic and time zone rules never leave the calendar.
FIRST_YEAR, LAST_YEAR = 1970, 2199
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")


class FeedRangeInvalid(DomainError):
    code = "invalid_range"
    message = _("The date range of the calendar is not valid.")
    status = status.HTTP_400_BAD_REQUEST


@dataclass(frozen=True)
class FeedWindow:
    """The half-open span [start, end) of time a feed covers."""

    start: datetime
    end: datetime

    def as_tuple(self) -> tuple[datetime, datetime]:
        return (self.start, self.end)


def _parse_moment(raw: str, name: str) -> datetime:
    try:
        day = parse_date(raw) if len(raw) == 10 else None
        moment = datetime.combine(day, time.min, tzinfo=UTC) if day else parse_datetime(raw)
    except ValueError:
        moment = None
    if moment is None:
        raise FeedRangeInvalid(
            fields={name: [_("Give a date (2027-03-01) or a date and time with its offset.")]}
        )
    if timezone.is_naive(moment):
        raise FeedRangeInvalid(fields={name: [_("Give the time with its UTC offset.")]})
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise FeedRangeInvalid(
            fields={
                name: [
                    _("Give a date between %(first)s and %(last)s.")
                    % {"first": FIRST_YEAR, "last": LAST_YEAR}
                ]
            }
        )
    # Any offset ISO allows (up to ±23:59) is the same instant in UTC; the database takes
    # no offset beyond ±15:59. The year is in range, so UTC always holds it.
    return as_utc(moment)


def parse_window(params, *, now: datetime | None = None) -> FeedWindow:
    """``from`` / ``to`` from the query string (dates or aware datetimes). Without them,
    30 days back to a year ahead, counted from the start of today (UTC) so the window, and
    with it the ETag, stays the same all day. At most two years. Raises FeedRangeInvalid."""
    raw_from = (params.get("from") or "").strip()
    raw_to = (params.get("to") or "").strip()
    today = datetime.combine((now or timezone.now()).astimezone(UTC).date(), time.min, tzinfo=UTC)
    start = _parse_moment(raw_from, "from") if raw_from else None
    end = _parse_moment(raw_to, "to") if raw_to else None
    default_span = DEFAULT_PAST + DEFAULT_FUTURE
    if start is None and end is None:
        start, end = today - DEFAULT_PAST, today + DEFAULT_FUTURE
    elif start is None:
        start = end - default_span
    elif end is None:
        end = start + default_span
    if end <= start:
        raise FeedRangeInvalid(fields={"to": [_("The end must be after the start.")]})
    if end - start > MAX_SPAN:
        raise FeedRangeInvalid(
            fields={"to": [_("A calendar covers at most %(days)s days.") % {"days": MAX_SPAN.days}]}
        )
    return FeedWindow(start, end)


def feed_language(request: HttpRequest, default: str = FALLBACK_LANGUAGE) -> str:
    """``?lang=`` if it looks like a language code, else ``default``. Content falls back to
    English when it has no text in that language, so an unknown code is harmless."""
    code = normalise_language(request.GET.get("lang", ""))
    if code and _LANGUAGE.fullmatch(code):
        return code
    return normalise_language(default) or FALLBACK_LANGUAGE


def interface_language(lang: str) -> str:
    """The nearest language our own strings are translated into (calendar names)."""
    try:
        return translation.get_supported_language_variant(lang)
    except LookupError:
        return FALLBACK_LANGUAGE


def error_response(exc: DomainError) -> JsonResponse:
    return JsonResponse(
        error_body(exc.code, exc.detail_message, exc.fields, **exc.extra), status=exc.status
    )


# The request headers that may let a feed answer without its calendar (304, or 412).
CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def is_conditional(request: HttpRequest) -> bool:
    """Whether the client sent a validator: then a feed looks at its cheap stamp first and
    may never load its events. Without one the calendar is always built, so the events'
    rows can give the stamp."""
    return any(header in request.META for header in CONDITIONAL_HEADERS)


def etag_for(stamp: Stamp, *variant: object) -> str:
    last = stamp.last_modified.isoformat() if stamp.last_modified else "-"
    text = "|".join([FORMAT_VERSION, str(stamp.count), last, *map(str, variant)])
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


def feed_response(
    request: HttpRequest,
    *,
    stamp: Stamp,
    variant: tuple,
    build: Callable[[], bytes],
    filename: str,
    private: bool = False,
) -> HttpResponse:
    """200 with the calendar, or 304 when the client's ETag / date still holds (then
    ``build`` is not called). ``variant`` is everything besides the stamp that changes the
    bytes: the feed's identity, language and window (the links' origin is added here)."""
    etag = etag_for(stamp, base_url(request), *variant)
    # HTTP dates have whole seconds; compare at that precision (the ETag sees finer edits).
    last_modified = int(stamp.last_modified.timestamp()) if stamp.last_modified else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        response = not_modified
    else:
        response = HttpResponse(build(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    # Subscribed calendars poll; a personal feed's URL is a secret, so no shared caches.
    response["Cache-Control"] = (
        "private, no-cache" if private else "public, max-age=300, must-revalidate"
    )
    if private:
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex"
    return response
