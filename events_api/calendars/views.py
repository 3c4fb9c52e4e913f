"""Thin views: resolve which events a feed holds, then let feeds.feed_response answer 304 or
build the calendar. The .ics views are DRF views only so the schema documents them: no
authentication (the URL is the credential), no throttling (calendar servers poll many
people's feeds from one address), and any Accept header is fine."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import permissions, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from events_api.calendars import queries, rules, services
from events_api.calendars.event_items import EventRows
from events_api.calendars.feeds import (
    FeedWindow,
    error_response,
    feed_language,
    feed_response,
    interface_language,
    is_conditional,
    parse_window,
)
from events_api.calendars.ical import build_calendar
from events_api.calendars.links import absolute, feed_links
from events_api.calendars.models import FeedToken
from events_api.calendars.queries import FEED_EVENT_COLUMNS, Stamp
from events_api.calendars.serializers import (
    FeedTokenIssuedSerializer,
    FeedTokenRequestSerializer,
    FeedTokenStatusSerializer,
)
from events_api.core.errors import DomainError, NotFound
from events_api.core.i18n import pick
from events_api.events.passes import hash_token

# Larger ids cannot exist (bigint primary keys) and would overflow the database's integer.
MAX_ID = 2**63 - 1
LANG_PARAMETER = OpenApiParameter(
    "lang",
    str,
    description="Language of titles and descriptions (English when there is no text in it).",
)
WINDOW_PARAMETERS = [
    OpenApiParameter(
        "from",
        str,
        description="Start of the feed's range (date or datetime with offset). "
        "Default: 30 days ago.",
    ),
    OpenApiParameter(
        "to",
        str,
        description="End of the feed's range. Default: a year ahead; at most two years "
        "after `from`.",
    ),
]
FILE_RESPONSES = {
    (200, "text/calendar"): OpenApiResponse(OpenApiTypes.BINARY, description="RFC 5545"),
    304: OpenApiResponse(description="Not modified (If-None-Match / If-Modified-Since)"),
    404: OpenApiResponse(description="Unknown calendar: {code, message, fields}"),
}
FEED_RESPONSES = {
    **FILE_RESPONSES,
    400: OpenApiResponse(description="Bad date range: {code, message, fields}"),
}


class AnyAcceptNegotiation(BaseContentNegotiation):
    """Calendar apps send ``Accept: text/calendar``; errors still go out as JSON."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class FeedNotFound(NotFound):
    code = "feed_not_found"
    message = _("There is no such calendar.")


@dataclass
class EventFeed:
    """A feed made of core events: what a feed view resolves before anything is built."""

    key: str
    name: Callable[[str], str]
    where: Q
    filename: str
    default_lang: str = "en"
    private: bool = False
    touched_at: tuple[datetime | None, ...] = ()
    # A feed that has already loaded its events (one event) gives them, as rows of
    # queries.feed_event_rows, and its stamp.
    rows: list[tuple] | None = None
    stamp: Stamp | None = None
    # A personal feed: events where this user is only on the waitlist show as TENTATIVE,
    # so nobody mistakes a waitlist place for a seat.
    waitlisted_user_id: int | None = None


class EventFeedView(APIView):
    """Base of every feed of core events (one event, a summit, a person's own)."""

    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]
    throttle_classes: list = []
    renderer_classes = [JSONRenderer]
    content_negotiation_class = AnyAcceptNegotiation
    http_method_names = ["get", "head"]
    ranged = True

    def get(self, request, **kwargs) -> HttpResponse:
        try:
            feed = self.get_feed(request, **kwargs)
            window = parse_window(request.GET) if self.ranged else None
        except DomainError as exc:
            return error_response(exc)
        lang = feed_language(request, feed.default_lang)
        where = feed.where
        if window is not None:
            where &= queries.in_window(window.start, window.end)
        rows, stamp = feed.rows, feed.stamp
        if stamp is None:
            if is_conditional(request):
                # The cheap stamp first: it may answer 304 without loading the events.
                stamp = queries.event_stamp(where)
            else:
                # The calendar will be built: its rows give the stamp, one query fewer.
                rows = queries.feed_event_rows(where)
                stamp = queries.rows_stamp(rows)
        return feed_response(
            request,
            stamp=stamp.touched(*feed.touched_at),
            variant=(feed.key, lang, window),
            build=lambda: self.build(
                feed, queries.feed_event_rows(where) if rows is None else rows, lang, window
            ),
            filename=feed.filename,
            private=feed.private,
        )

    def build(
        self, feed: EventFeed, rows: list[tuple], lang: str, window: FeedWindow | None
    ) -> bytes:
        waiting = (
            queries.waitlisted_event_ids(feed.waitlisted_user_id)
            if feed.waitlisted_user_id is not None
            else frozenset()
        )
        with translation.override(interface_language(lang)):
            return build_calendar(
                EventRows(lang).items(rows, tentative_ids=waiting),
                name=feed.name(lang),
                window=window.as_tuple() if window else None,
            )


@extend_schema_view(
    get=extend_schema(
        operation_id="calendar_event_ics",
        summary="One event as an iCalendar file",
        parameters=[LANG_PARAMETER],
        responses=FILE_RESPONSES,
    )
)
class EventCalendarView(EventFeedView):
    """A published or cancelled event anyone may see; members-only and draft events are
    not found."""

    ranged = False

    def get_feed(self, request, pk: int) -> EventFeed:
        if pk > MAX_ID:
            raise FeedNotFound()
        rows = queries.feed_event_rows(rules.public_events_q() & Q(pk=pk))
        if not rows:
            raise FeedNotFound()
        title = rows[0][FEED_EVENT_COLUMNS.index("title")]
        return EventFeed(
            key=f"event-{pk}",
            name=lambda lang: pick(title, lang),
            where=Q(pk=pk),
            filename=f"event-{pk}.ics",
            rows=rows,
            stamp=queries.rows_stamp(rows),
        )


@extend_schema_view(
    get=extend_schema(
        operation_id="calendar_personal_ics",
        summary="A person's own calendar (subscribe to it)",
        description="The events they registered for, their committees' meetings and their "
        "interpreting assignments, behind a secret URL made at /api/v1/me/calendar-feed/. "
        "An unknown or revoked token is not found.",
        parameters=[LANG_PARAMETER, *WINDOW_PARAMETERS],
        responses=FEED_RESPONSES,
    )
)
class PersonalCalendarView(EventFeedView):
    def get_feed(self, request, token: str) -> EventFeed:
        row = queries.feed_token(hash_token(token))
        if row is None or not row.user.is_active:
            raise FeedNotFound()
        user = row.user
        return EventFeed(
            key=f"personal-{row.pk}",
            name=lambda lang: str(_("Open Doors: my calendar")),
            where=rules.personal_events_q_for(user),
            filename="open-doors.ics",
            default_lang=user.preferred_language_id or "en",
            private=True,
            touched_at=(row.registrations_changed_at, row.created_at),
            waitlisted_user_id=user.pk,
        )


def personal_feed_links(token: str) -> dict[str, str]:
    url = absolute(reverse("calendar-personal", args=[token]))
    return feed_links(url, name=str(_("Open Doors: my calendar")))


class MyCalendarFeedView(APIView):
    """The signed-in person's subscribable calendar feed: see whether one exists, make or
    rotate it (the URL is shown once), revoke it."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: FeedTokenStatusSerializer}, summary="Is my feed active?")
    def get(self, request):
        row = FeedToken.objects.filter(user=request.user).only("created_at").first()
        data = {"active": row is not None, "created_at": row.created_at if row else None}
        return Response(FeedTokenStatusSerializer(data).data)

    @extend_schema(
        request=FeedTokenRequestSerializer,
        responses={
            201: FeedTokenIssuedSerializer,
            400: OpenApiResponse(description="Unknown fields: {code, message, fields}"),
        },
        summary="Make (or rotate) my feed; the old URL stops working",
    )
    def post(self, request):
        FeedTokenRequestSerializer(data=request.data or {}).is_valid(raise_exception=True)
        row, token = services.issue_feed_token(user=request.user)
        data = {**personal_feed_links(token), "created_at": row.created_at}
        return Response(FeedTokenIssuedSerializer(data).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        responses={
            204: None,
            404: OpenApiResponse(description="No feed to revoke: {code, message, fields}"),
        },
        summary="Revoke my feed",
    )
    def delete(self, request):
        if not services.revoke_feed_token(user=request.user):
            raise FeedNotFound()
        return Response(status=status.HTTP_204_NO_CONTENT)
