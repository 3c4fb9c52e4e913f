"""What a message about a group (a committee) rather than one event says: an invitation
to join it, a series of its meetings. The app that knows the group gives the facts as plain
data, with its own words (a role, how often a series meets) already in every interface
language; the wording here is whole sentences with named placeholders, and a text message
fits in two segments like every other (see texts)."""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from events_api.core.i18n import pick
from events_api.notifications.sms import encoding, fold_to_gsm, segments
from events_api.notifications.texts import (
    ELLIPSIS,
    SMS_MAX_SEGMENTS,
    Rendered,
    as_html,
    day_format,
    shorter,
    when,
)

# --- News about a group rather than one event: an invitation, a series of meetings --------
# The app that knows the group (committees) gives the facts as plain data, with its own
# words (a role, how often a series meets) already in every interface language.


@dataclass(frozen=True)
class InvitationFacts:
    """An invitation to join a group: its name and the role offered (translations), the
    accept link, and when the invitation expires (shown in the group's zone)."""

    group: dict
    role: dict
    link: str
    expires_at: datetime
    timezone: str


@dataclass(frozen=True)
class SeriesFacts:
    """A series of a group's meetings, new or ``changed``: its title, how often it meets
    (``rule``, in words, translations) and at what local time ("18:00"), the next meeting,
    the last one, the regular place, the group's page and the series' own description."""

    group: dict
    title: dict
    rule: dict
    time: str
    first: datetime
    last: datetime
    timezone: str
    place: str
    link: str
    changed: bool = False
    description: dict | None = None


def render_invitation(facts: InvitationFacts, language: str) -> Rendered:
    with translation.override(language):
        values = {
            "group": pick(facts.group, language),
            "role": pick(facts.role, language),
            "until": when(facts.expires_at, facts.timezone),
            "day": _day(facts.expires_at, facts.timezone),
            "link": facts.link,
        }
        lines = [
            _("Hello,"),
            _("%(group)s invites you to join it as %(role)s.") % values,
            _(
                "To accept, open this link and sign in to Open Doors (or create an account "
                "there): %(link)s"
            )
            % values,
            _(
                "The invitation is valid until %(until)s. If you did not expect it, you can "
                "ignore this message."
            )
            % values,
            _("You do not need ID or immigration papers to take part; we never ask for them."),
        ]
        # The role goes first when a text is too long; the group's name is then cut.
        texts = [
            _("Open Doors: join %(group)s as %(role)s (until %(day)s):"),
            _("Open Doors: join %(group)s (until %(day)s):"),
        ]
        sms = _fitted_to(texts, values, facts.link, (("group", 12), ("role", 8)))
        subject = _("Invitation to join %(group)s") % values
        return Rendered(subject, "\n\n".join(lines) + "\n", as_html(lines), sms)


def render_series(facts: SeriesFacts, language: str, *, name: str = "") -> Rendered:
    """The series as one member reads it (``name``: how to greet them)."""
    zone = ZoneInfo(facts.timezone)
    with translation.override(language):
        values = {
            "group": pick(facts.group, language),
            "title": pick(facts.title, language),
            "rule": pick(facts.rule, language),
            "time": facts.time,
            "when": when(facts.first, facts.timezone),
            "day": _day(facts.first, facts.timezone),
            "last": date_format(facts.last.astimezone(zone), get_format("DATE_FORMAT")),
            "place": facts.place,
            "link": facts.link,
            "name": name,
        }
        if facts.changed:
            subject = _("Meetings changed: %(group)s")
            news = _("The regular meetings of %(group)s have changed: %(title)s.")
            first = _("Next meeting: %(when)s")
            texts = [
                _("Open Doors: %(group)s now meets %(rule)s, %(time)s, %(place)s. Next: %(day)s."),
                _("Open Doors: %(group)s now meets %(rule)s, %(time)s. Next: %(day)s."),
                _("Open Doors: %(group)s now meets %(rule)s, %(time)s:"),
            ]
        else:
            subject = _("New meetings: %(group)s")
            news = _("%(group)s will meet regularly: %(title)s. You are welcome at every meeting.")
            first = _("First meeting: %(when)s")
            texts = [
                _("Open Doors: %(group)s meets %(rule)s, %(time)s, %(place)s. First: %(day)s."),
                _("Open Doors: %(group)s meets %(rule)s, %(time)s. First: %(day)s."),
                _("Open Doors: %(group)s meets %(rule)s, %(time)s:"),
            ]
        lines = [
            _("Hello %(name)s,") % values if name else _("Hello,"),
            news % values,
            _("How often: %(rule)s, at %(time)s") % values,
            first % values,
            _("Last meeting: %(last)s") % values,
        ]
        if facts.place:
            lines.append(_("Where: %(place)s") % values)
        if facts.description and (about := pick(facts.description, language)):
            lines.append(about)
        lines.append(_("Every meeting, its agenda and any change: %(link)s") % values)
        lines.append(
            _("You do not need ID or immigration papers to take part; we never ask for them.")
        )
        # A text too long loses the place, then the day (the page has both); the group's
        # name is cut first each time.
        sms = _fitted_to(texts, values, facts.link, (("group", 12), ("place", 12)))
        return Rendered(subject % values, "\n\n".join(lines) + "\n", as_html(lines), sms)


def _day(moment: datetime, zone: str) -> str:
    """The day alone, short (no year), in ``zone``: "March 20"."""
    return date_format(moment.astimezone(ZoneInfo(zone)), day_format(True))


def _fitted_to(texts: list[str], values: dict, link: str, order) -> str:
    """The first of ``texts`` (templates, longest first) that fits in two segments with
    the link, its values named in ``order`` cut down to (name, shortest) as needed; the
    last, cut, when none does."""
    for template in texts:
        parts = dict(values)

        def text(parts=parts, template=template) -> str:
            words = template % parts
            return fold_to_gsm(f"{words} {link.split('://', 1)[-1]}" if link else words)

        sms = text()
        ellipsis = ELLIPSIS if encoding(sms) == "UCS-2" else "..."
        for name, shortest in [(n, s) for n, s in order if f"%({n})s" in template]:
            while segments(sms) > SMS_MAX_SEGMENTS and len(parts[name]) > shortest:
                parts[name] = shorter(parts[name], ellipsis)
                sms = text()
        if segments(sms) <= SMS_MAX_SEGMENTS:
            return sms
    return sms
