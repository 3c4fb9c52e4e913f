"""A summit's published sessions as one subscribable calendar, built by the core's feed
machinery (the core does not know summits; summits know the core)."""

from django.db.models import Q
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view

from events_api.calendars.links import absolute, feed_links
from events_api.calendars.rules import public_events_q
from events_api.calendars.views import (
    FILE_RESPONSES,
    LANG_PARAMETER,
    MAX_ID,
    EventFeed,
    EventFeedView,
    FeedNotFound,
)
from events_api.core.i18n import pick
from summits.models import Session, Summit
from summits.rules import public_summits


def summit_ics_url(summit_id: int) -> str:
    return absolute(reverse("calendar-summit", args=[summit_id]))


def summit_calendar_links(summit: Summit) -> dict[str, str]:
    return feed_links(summit_ics_url(summit.pk), name=pick(summit.title))


@extend_schema_view(
    get=extend_schema(
        operation_id="calendar_summit_ics",
        summary="A summit's sessions as an iCalendar feed",
        description="Every published session (cancelled ones stay, marked cancelled) of a "
        "published summit, however far ahead or back: the feed is the whole summit.",
        parameters=[LANG_PARAMETER],
        responses=FILE_RESPONSES,
    )
)
class SummitCalendarView(EventFeedView):
    # A summit is a few days: its feed is all of it, whenever it is (a summit planned more
    # than a year ahead would otherwise be an empty calendar).
    ranged = False

    def get_feed(self, request, pk: int) -> EventFeed:
        summit = (
            public_summits().filter(pk=pk).only("pk", "title", "year", "updated_at").first()
            if pk <= MAX_ID
            else None
        )
        if summit is None:
            raise FeedNotFound()
        sessions = Session.objects.filter(summit=summit).values("event_id")
        return EventFeed(
            key=f"summit-{summit.pk}",
            name=lambda lang: pick(summit.title, lang),
            where=public_events_q() & Q(pk__in=sessions),
            filename=f"summit-{summit.year}.ics",
            touched_at=(summit.updated_at,),
        )
