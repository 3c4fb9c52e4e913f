"""What a committee tells people.

- Its members, about its meetings: scheduled, moved, cancelled, the agenda published, the
  minutes approved. Members who answered the meeting (an RSVP of yes or maybe) hear of a
  move or a cancellation through their registration already, so they are left out of
  those.
- Its members, about a series of meetings: once for the whole series (how often, the next
  meeting, the last, the place), not once per meeting; again, once, when the series'
  rule, time or place changes.
- Someone invited: by email, else by text message, in the invitation's language, with the
  accept link (the token in the link's fragment).

Notifications knows nothing of committees: the words that are ours (a role, how often a
series meets) go to it already in every interface language."""

from collections.abc import Callable
from functools import partial
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.dates import WEEKDAYS
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from committees import recurrence
from committees.models import Invitation, MeetingSeries, MemberRole, Membership, current_q
from events_api.calendars.event_items import event_location
from events_api.calendars.links import absolute
from events_api.events.models import EventStatus, RegistrationStatus
from events_api.notifications import group_texts
from events_api.notifications import services as notify
from events_api.notifications.models import Kind
from events_api.people.models import User

# News that reaches those who answered the meeting through their registration.
ABOUT_THE_EVENT = (Kind.MEETING_MOVED, Kind.MEETING_CANCELLED)


def before(meeting) -> tuple:
    """The meeting's time, place and status before a change (compare with ``changed``)."""
    event = meeting.event
    return event.starts_at, event_location(event), event.status


def changed(meeting, was: tuple) -> None:
    """Tell the members what a change did: cancelled, or moved in time or place."""
    meeting.event.refresh_from_db()
    starts_at, place, status = was
    now = before(meeting)
    if now[2] == "cancelled" != status:
        tell(meeting, Kind.MEETING_CANCELLED)
    elif now[2] == "published" == status and now[:2] != (starts_at, place):
        tell(meeting, Kind.MEETING_MOVED, was=(starts_at, place))


def current_members(committee_id: int):
    """The accounts of the committee's members whose term covers today."""
    members = Membership.objects.filter(
        current_q(timezone.localdate()), committee=committee_id
    ).values("user")
    return User.objects.filter(pk__in=members)


def tell(meeting, kind: str, *, was=None) -> None:
    recipients = current_members(meeting.committee_id)
    if kind in ABOUT_THE_EVENT:
        answered = meeting.event.registrations.filter(
            status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED],
            user__isnull=False,
        ).values("user")
        recipients = recipients.exclude(pk__in=answered)
    notify.tell_members(
        kind, event=meeting.event, people=list(recipients), group=meeting.committee.name, was=was
    )


def in_every_language(words: Callable[[], str]) -> dict[str, str]:
    """``words()`` in each interface language (short words: a role, a rule)."""
    found = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found[code] = str(words())
    return found


# --- invitations ---------------------------------------------------------------------------


def committee_page(committee_id: int) -> str:
    """The committee's page on the frontend, which lists every meeting."""
    return absolute(f"/committees/{committee_id}")


def invitation_page_url(token: str) -> str:
    """The frontend page where the invitee accepts. The token is in the fragment, so it
    never reaches a server log or a Referer header."""
    return absolute(f"/invitations/accept#{quote(token, safe='')}")


def invited(invitation: Invitation, token: str) -> None:
    """Send a new invitation to its address (each invitation its own message): who
    invites, the role, the accept link, until when. Call in the invitation's transaction."""
    committee = invitation.committee
    facts = group_texts.InvitationFacts(
        group=committee.name,
        # Mid-sentence: "join … as parent member".
        role=in_every_language(lambda: str(MemberRole(invitation.role).label).lower()),
        link=invitation_page_url(token),
        expires_at=invitation.expires_at,
        timezone=committee.timezone or settings.TIME_ZONE,
    )
    notify.tell_address(
        Kind.COMMITTEE_INVITATION,
        email=invitation.email,
        phone=invitation.phone,
        language=invitation.language_id,
        write=partial(group_texts.render_invitation, facts),
        about=("invitation", invitation.pk),
        zone=facts.timezone,
    )


# --- series --------------------------------------------------------------------------------


def series_scheduled(series: MeetingSeries, *, changed: bool = False, now=None) -> None:
    """Tell the committee's current members of a published series, once for the whole
    series. ``changed``: its rule, time or place changed (a new version): the news again,
    saying so; the news of the version before, if still queued, is not sent. Nothing for
    a draft, or for a series with no meeting ahead (a record of past meetings)."""
    if series.status != EventStatus.PUBLISHED:
        return
    now = now or timezone.now()
    start = _local_start(series)
    ahead = [
        moment for moment in recurrence.occurrences(series.rrule, start=start) if moment >= now
    ]
    first = (
        series.meetings.filter(event__starts_at__gte=now)
        .exclude(event__status=EventStatus.CANCELLED)
        .order_by("event__starts_at")
        .values_list("event__starts_at", flat=True)
        .first()
    )
    if not ahead or first is None:
        return
    facts = group_texts.SeriesFacts(
        group=series.committee.name,
        title=series.title,
        rule=in_every_language(lambda: how_often(series.rrule, start, count=len(ahead))),
        time=start.strftime("%H:%M"),
        first=first,
        last=ahead[-1],
        timezone=series.timezone,
        place=event_location(series.place()),
        link=committee_page(series.committee_id),
        changed=changed,
        description=series.description,
    )
    notify.tell_people(
        Kind.SERIES_SCHEDULED,
        people=list(current_members(series.committee_id)),
        write=lambda person, language: group_texts.render_series(
            facts, language, name=_name(person)
        ),
        about=("series", series.pk, series.version),
        supersedes=("series", series.pk, series.version - 1) if series.version > 1 else None,
        zone=series.timezone,
    )


def _local_start(series: MeetingSeries):
    return recurrence.local_start(series.start_date, series.start_time, series.timezone)


def _name(person) -> str:
    return person.display_name or person.email.split("@")[0]


DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# The parts of a rule that how_often() puts into words; any other (BYMONTH, BYWEEKNO, …)
# and the series is described by its number of dates.
WORDED = frozenset(
    {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYMONTHDAY", "BYSETPOS"}
)
# Translators: %(weekday)s is a day's name as it stands alone ("Tuesday"); word the
# sentence so that form fits.
MONTHLY_BY_WEEKDAY = {
    1: gettext_lazy("on the first %(weekday)s of every month"),
    2: gettext_lazy("on the second %(weekday)s of every month"),
    3: gettext_lazy("on the third %(weekday)s of every month"),
    4: gettext_lazy("on the fourth %(weekday)s of every month"),
    -1: gettext_lazy("on the last %(weekday)s of every month"),
}


def how_often(rrule: str, start, *, count: int) -> str:
    """How often a series meets, in words in the active language ("every other week on
    Tuesday", "on the second Tuesday of every month"): the rule's common shapes; any
    other is said by its number of meetings (``count``)."""
    parts = dict(part.split("=", 1) for part in rrule.split(";"))
    words = _rule_words(parts, start) if parts.keys() <= WORDED else None
    if words is None:
        return ngettext("on %(count)s date", "on %(count)s dates", count) % {"count": count}
    return words


def _weekdays(codes: list[str]) -> str | None:
    if not codes or any(code not in DAYS for code in codes):
        return None
    return ", ".join(str(WEEKDAYS[DAYS.index(code)]) for code in sorted(codes, key=DAYS.index))


def _rule_words(parts: dict, start) -> str | None:
    freq, interval = parts["FREQ"], int(parts.get("INTERVAL", "1"))
    by_day = [code for code in parts.get("BYDAY", "").split(",") if code]
    by_month_day, position = parts.get("BYMONTHDAY"), parts.get("BYSETPOS")
    if freq == "DAILY" and not (by_day or by_month_day or position):
        if interval == 1:
            return _("every day")
        return ngettext("every %(count)s day", "every %(count)s days", interval) % {
            "count": interval
        }
    if freq == "WEEKLY" and not (by_month_day or position):
        days = _weekdays(by_day or [DAYS[start.weekday()]])
        if days is None:
            return None
        if interval == 1:
            return _("every week on %(weekdays)s") % {"weekdays": days}
        if interval == 2:
            return _("every other week on %(weekdays)s") % {"weekdays": days}
        return ngettext(
            "every %(count)s week on %(weekdays)s",
            "every %(count)s weeks on %(weekdays)s",
            interval,
        ) % {"count": interval, "weekdays": days}
    if freq == "MONTHLY" and interval == 1:
        return _monthly(by_day, by_month_day, position, start)
    if freq == "YEARLY" and interval == 1 and not (by_day or by_month_day or position):
        return _("every year on %(day)s") % {
            "day": date_format(start, get_format("MONTH_DAY_FORMAT"))
        }
    return None


def _monthly(by_day: list[str], by_month_day, position, start) -> str | None:
    if not by_day and not position:
        day = int(by_month_day) if by_month_day and by_month_day.isdigit() else None
        if by_month_day and day is None:
            return None
        return _("on day %(day)s of every month") % {"day": day or start.day}
    if by_month_day or len(by_day) != 1:
        return None
    ordinal, weekday = by_day[0][:-2], by_day[0][-2:]
    if position and not ordinal:
        ordinal = position
    elif position:
        return None
    try:
        sentence = MONTHLY_BY_WEEKDAY[int(ordinal)]
    except (KeyError, ValueError):
        return None
    name = _weekdays([weekday])
    return str(sentence) % {"weekday": name} if name else None
