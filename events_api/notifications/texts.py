"""What a message says, in the recipient's language: pure functions from the data already
loaded to text. Whole sentences with named placeholders, so each language orders its own
words; the event's own title comes in the recipient's language where it exists.

A text message must fit in two segments in every language (67 characters each for the
scripts SMS sends as UCS-2: Bangla, Arabic, Chinese, Russian, …). The fixed wording is
short; the event's title, then its place, are cut with an ellipsis when long ones would not
fit."""

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from events_api.calendars.event_items import event_location
from events_api.core.i18n import pick
from events_api.interpretation.models import Mode
from events_api.notifications.models import MEMBER_NEWS, Kind
from events_api.notifications.sms import encoding, fold_to_gsm, segments
from events_api.people.language_names import language_name

SMS_MAX_SEGMENTS = 2
ELLIPSIS = "…"


@dataclass(frozen=True)
class Facts:
    """What a registration message is about, loaded once."""

    kind: str
    title: dict
    starts_at: datetime
    timezone: str
    place: str
    name: str
    code: str
    position: int | None
    # The manage page (with its token) for a new registration, else the event's page.
    link: str
    # Set when a CBO registered the family: the message goes to its staff member.
    for_family: bool = False
    # For a moved event: where and when it was before.
    was_starts_at: datetime | None = None
    was_place: str = ""
    # For an interpreting job: the language (a Language row) and the mode.
    job_language: object | None = None
    job_mode: str = ""
    # For news to a group's members: the group's name (translations).
    group: dict | None = None


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    html: str
    sms: str


def registration_facts(kind: str, registration, *, link: str = "", was=None) -> Facts:
    """``registration`` with its event (and the event's school) loaded; ``was`` the
    event's (starts_at, place) before it moved."""
    event = registration.event
    was_starts_at, was_place = was or (None, "")
    return Facts(
        kind=kind,
        title=event.title,
        starts_at=event.starts_at,
        timezone=event.timezone,
        place=event_location(event),
        name=registration.name,
        code=registration.pass_code,
        position=registration.waitlist_position,
        link=link,
        for_family=registration.organization_id is not None,
        was_starts_at=was_starts_at,
        was_place=was_place,
    )


def job_facts(kind: str, assignment, *, link: str = "", was=None) -> Facts:
    """``assignment`` with its interpreter, line, line's language and event loaded."""
    event = assignment.line.event
    was_starts_at, was_place = was or (None, "")
    return Facts(
        kind=kind,
        title=event.title,
        starts_at=event.starts_at,
        timezone=event.timezone,
        place=event_location(event),
        name=assignment.interpreter.display_name,
        code="",
        position=None,
        link=link,
        was_starts_at=was_starts_at,
        was_place=was_place,
        job_language=assignment.line.language,
        job_mode=assignment.line.mode,
    )


def member_facts(notice, *, link: str = "") -> Facts:
    """News to a member of a group (``notice.person``) about one of its meetings
    (``notice.event``, its school loaded)."""
    event = notice.event
    was_starts_at, was_place = notice.was or (None, "")
    return Facts(
        kind=notice.kind,
        title=event.title,
        starts_at=event.starts_at,
        timezone=event.timezone,
        place=event_location(event),
        name=notice.person.display_name or notice.person.email.split("@")[0],
        code="",
        position=None,
        link=link,
        was_starts_at=was_starts_at,
        was_place=was_place,
        group=notice.group or {},
    )


def when(moment: datetime, zone: str, *, short: bool = False) -> str:
    """The date and time in the event's zone, written the way the active language does;
    ``short`` leaves the year out (a text message is about the coming weeks)."""
    local = moment.astimezone(ZoneInfo(zone))
    return f"{date_format(local, day_format(short))}, {date_format(local, 'H:i')}"


def day_format(short: bool) -> str:
    full = get_format("DATE_FORMAT")
    if not short:
        return full
    if "E" in full:  # Russian, Ukrainian: the month in the genitive ("6 марта")
        return "j E"
    if "月" in full:  # Chinese: "3月6日", not "03月6日"
        return "n月j日"
    return get_format("MONTH_DAY_FORMAT")


def spaced(code: str) -> str:
    """A pass code read out in two halves (``K7M 4PX``), as on the pass."""
    return f"{code[:3]} {code[3:]}" if len(code) > 4 else code


def render(facts: Facts, language: str) -> Rendered:
    with translation.override(language):
        title = pick(facts.title, language)
        subject, lines = _email(facts, title)
        return Rendered(
            subject=subject,
            body="\n\n".join(lines) + "\n",
            html=as_html(lines),
            sms=_fitted(facts, title),
        )


def _values(facts: Facts, title: str, *, short: bool = False) -> dict:
    was = facts.was_starts_at
    return {
        "title": title,
        "name": facts.name,
        "when": when(facts.starts_at, facts.timezone, short=short),
        "was_when": when(was, facts.timezone, short=short) if was else "",
        "place": facts.place,
        "was_place": facts.was_place,
        "code": spaced(facts.code),
        "position": facts.position or 0,
        "link": facts.link,
        "job": _job(facts),
        "group": pick(facts.group) if facts.group else "",
    }


def _job(facts: Facts) -> str:
    """ "Bangla, in person": the job's language and mode in the reader's language."""
    if facts.job_language is None:
        return ""
    return _("%(language)s, %(mode)s") % {
        "language": language_name(facts.job_language),
        # Mid-sentence: "Bangla, in person".
        "mode": str(Mode(facts.job_mode).label).lower(),
    }


def _subject_and_news(facts: Facts, values: dict) -> tuple[str, str]:
    family = facts.for_family
    if facts.kind == Kind.REGISTRATION_WAITLISTED:
        subject = _("On the waiting list: %(title)s")
        news = (
            _(
                "%(title)s is full. %(name)s is number %(position)s on the waiting list; "
                "we will tell you as soon as there is a seat."
            )
            if family
            else _(
                "%(title)s is full. You are number %(position)s on the waiting list; we "
                "will tell you as soon as there is a seat for you."
            )
        )
    elif facts.kind == Kind.PROMOTED:
        subject = _("A seat for you: %(title)s")
        news = (
            _("Good news: a seat came free at %(title)s, and it is %(name)s's now.")
            if family
            else _("Good news: a seat came free at %(title)s, and it is yours now.")
        )
    elif facts.kind == Kind.EVENT_CHANGED:
        subject = _("Changed: %(title)s")
        news = (
            _("%(title)s has changed. %(name)s is still registered.")
            if family
            else _("%(title)s has changed. You are still registered.")
        )
    elif facts.kind == Kind.EVENT_CANCELLED:
        subject = _("Cancelled: %(title)s")
        news = (
            _("We are sorry: %(title)s is cancelled. Please tell %(name)s.")
            if family
            else _("We are sorry: %(title)s is cancelled.")
        )
    elif facts.kind == Kind.JOB_ASSIGNED:
        subject = _("Interpreting job: %(title)s")
        news = _(
            "You are asked to interpret at %(title)s (%(job)s). Please confirm or decline in "
            "Open Doors."
        )
    elif facts.kind == Kind.JOB_CHANGED:
        subject = _("Interpreting job changed: %(title)s")
        news = _(
            "%(title)s has changed. Please confirm again that you can interpret (%(job)s), "
            "or decline."
        )
    elif facts.kind == Kind.JOB_WITHDRAWN:
        subject = _("Interpreting job cancelled: %(title)s")
        news = _("You are no longer needed to interpret at %(title)s (%(job)s). Thank you.")
    elif facts.kind == Kind.ALREADY_REGISTERED:
        subject = _("Your code again: %(title)s")
        news = (
            _(
                "Someone tried to register %(name)s again for %(title)s. %(name)s already "
                "has a seat: here is the code again."
            )
            if family
            else _(
                "Someone tried to register your contact details again for %(title)s. You "
                "already have a seat: here is your code again. If it was not you, you need "
                "not do anything."
            )
        )
    elif facts.kind in MEMBER_NEWS:
        subject, news = _member_news(facts.kind)
    elif facts.kind in (Kind.REMINDER, Kind.REMINDER_TODAY):
        subject = (
            _("Today: %(title)s") if facts.kind == Kind.REMINDER_TODAY else _("Reminder: %(title)s")
        )
        if facts.job_language is not None:
            news = _("A reminder: you are interpreting at %(title)s (%(job)s). Thank you.")
        elif family:
            news = _("A reminder: %(name)s has a seat at %(title)s.")
        else:
            news = _("A reminder: you have a seat at %(title)s. We look forward to seeing you.")
    else:
        subject = _("You are registered: %(title)s")
        news = (
            _("%(name)s has a seat at %(title)s.") if family else _("You have a seat at %(title)s.")
        )
    return subject % values, news % values


def _member_news(kind: str) -> tuple[str, str]:
    if kind == Kind.MEETING_SCHEDULED:
        return _("Meeting: %(group)s, %(when)s"), _(
            "%(group)s meets on %(when)s: %(title)s. You are welcome; please answer whether "
            "you will come."
        )
    if kind == Kind.MEETING_MOVED:
        return _("Meeting moved: %(group)s"), _("The meeting of %(group)s has moved.")
    if kind == Kind.MEETING_CANCELLED:
        return _("Meeting cancelled: %(group)s"), _(
            "The meeting of %(group)s on %(when)s is cancelled."
        )
    if kind == Kind.AGENDA_PUBLISHED:
        return _("Agenda: %(group)s, %(when)s"), _(
            "The agenda of the meeting of %(group)s on %(when)s is published."
        )
    return _("Minutes approved: %(group)s"), _(
        "The minutes of the meeting of %(group)s on %(when)s are approved."
    )


def _email(facts: Facts, title: str) -> tuple[str, list[str]]:
    values = _values(facts, title)
    subject, news = _subject_and_news(facts, values)
    lines = [_("Hello,") if facts.for_family else _("Hello %(name)s,") % values, news]
    if facts.was_starts_at and facts.was_starts_at != facts.starts_at:
        lines.append(_("When: now %(when)s (was %(was_when)s)") % values)
    else:
        lines.append(_("When: %(when)s") % values)
    if facts.was_place and facts.was_place != facts.place:
        lines.append(_("Where: now %(place)s (was %(was_place)s)") % values)
    elif facts.place:
        lines.append(_("Where: %(place)s") % values)
    if facts.code and facts.kind not in (Kind.REGISTRATION_WAITLISTED, Kind.EVENT_CANCELLED):
        lines.append(_("Code to show at the door: %(code)s") % values)
    if facts.link and facts.kind in (Kind.REGISTRATION_CONFIRMED, Kind.REGISTRATION_WAITLISTED):
        lines.append(_("See, change or cancel the registration: %(link)s") % values)
    elif facts.link:
        lines.append(_("The event's page: %(link)s") % values)
    if facts.job_language is None:
        lines.append(
            _("You do not need ID or immigration papers to take part; we never ask for them.")
        )
    return subject, lines


def as_html(lines: list[str]) -> str:
    direction = "rtl" if translation.get_language_bidi() else "ltr"
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in lines)
    language = translation.get_language()
    return f'<div lang="{language}" dir="{direction}">{paragraphs}</div>'


def _sms(facts: Facts, title: str, place: str, group: str) -> str:
    values = {**_values(replace(facts, place=place), title, short=True), "group": group}
    if facts.kind == Kind.REGISTRATION_WAITLISTED:
        text = _("Open Doors: %(title)s is full. Waiting list number %(position)s.")
    elif facts.kind == Kind.PROMOTED:
        text = _("Open Doors: a seat is free for you at %(title)s, %(when)s. Code %(code)s")
    elif facts.kind == Kind.EVENT_CHANGED:
        text = _("Open Doors: %(title)s has changed. Now %(when)s, %(place)s.")
    elif facts.kind == Kind.EVENT_CANCELLED:
        text = _("Open Doors: sorry, %(title)s on %(when)s is cancelled.")
    elif facts.kind in (Kind.REMINDER, Kind.REMINDER_TODAY) and facts.job_language is not None:
        text = _("Open Doors reminder, you interpret: %(title)s, %(when)s, %(place)s.")
    elif facts.kind in (Kind.REMINDER, Kind.REMINDER_TODAY):
        text = _("Open Doors reminder: %(title)s, %(when)s, %(place)s. Code %(code)s")
    elif facts.kind == Kind.ALREADY_REGISTERED:
        text = _("Open Doors: you already have a seat at %(title)s, %(when)s. Code %(code)s")
    elif facts.kind == Kind.JOB_ASSIGNED:
        text = _("Open Doors job: %(title)s, %(when)s, %(job)s. Please confirm:")
    elif facts.kind == Kind.JOB_CHANGED:
        text = _("Open Doors job moved: %(title)s, now %(when)s. Please confirm:")
    elif facts.kind == Kind.JOB_WITHDRAWN:
        text = _("Open Doors: job cancelled, %(title)s, %(when)s. Thank you.")
    elif facts.kind == Kind.MEETING_SCHEDULED:
        text = _("Open Doors: %(group)s meets %(when)s, %(place)s.")
    elif facts.kind == Kind.MEETING_MOVED:
        text = _("Open Doors: %(group)s meeting moved to %(when)s, %(place)s.")
    elif facts.kind == Kind.MEETING_CANCELLED:
        text = _("Open Doors: %(group)s meeting on %(when)s is cancelled.")
    elif facts.kind == Kind.AGENDA_PUBLISHED:
        text = _("Open Doors: agenda for %(group)s, %(when)s:")
    elif facts.kind == Kind.MINUTES_APPROVED:
        text = _("Open Doors: minutes of %(group)s, %(when)s, approved:")
    else:
        text = _("Open Doors: your seat at %(title)s, %(when)s. Code %(code)s")
    text = text % values
    # The link without its scheme: phones still open it, and it costs 8 characters less.
    text = f"{text} {facts.link.split('://', 1)[-1]}" if facts.link else text
    return fold_to_gsm(text)


def _fitted(facts: Facts, title: str) -> str:
    """The text message, with the title, then the group's name, then the place shortened
    until it fits in two segments (each kept to a few letters at least)."""
    group = pick(facts.group) if facts.group else ""
    parts = {"title": title, "place": facts.place, "group": group}
    text = _sms(facts, **parts)
    # "…" is not in the GSM alphabet: it would make a Latin-script text UCS-2 (70 a segment
    # instead of 160), so those texts are cut with three dots.
    ellipsis = ELLIPSIS if encoding(text) == "UCS-2" else "..."
    for name, shortest in (("title", 10), ("group", 12), ("place", 12)):
        while segments(text) > SMS_MAX_SEGMENTS and len(parts[name]) > shortest:
            parts[name] = shorter(parts[name], ellipsis)
            text = _sms(facts, **parts)
    return text


def shorter(text: str, ellipsis: str) -> str:
    """One letter less, ending in ``ellipsis``."""
    if text.endswith(ellipsis):
        text = text[: -len(ellipsis)]
    return text[:-1].rstrip(" ,.") + ellipsis
