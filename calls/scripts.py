"""What a volunteer says on the phone, in the language of the person called: pure
functions from what is already loaded to lines of text. Whole sentences with named
placeholders (most of them the sentences our emails already use, so they come translated);
the time in the event's zone, written the way that language writes dates; the event's
title in that language where it exists."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from events_api.calendars.event_items import event_location
from events_api.core.i18n import pick
from events_api.notifications.texts import when

SEAT = "seat"
WAITLIST = "waitlist"
MEMBER = "member"
CANCELLED = "cancelled"
# The order in which a group's scripts are shown.
KINDS = (SEAT, WAITLIST, MEMBER, CANCELLED)


def script_language(language: str) -> str:
    """The interface language a script is written in: the person's own when we have a
    catalogue for it, else English (the volunteer who speaks it interprets)."""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def lines(
    kind: str,
    *,
    event,
    committee=None,
    language: str,
    name: str,
    code: str = "",
    position: int | str | None = None,
) -> list[str]:
    """The script for one call. ``event`` with its school loaded; ``committee`` for a
    member called about its meeting; ``code`` the pass code as read out (``spaced``)."""
    with translation.override(script_language(language)):
        values = {
            "name": name,
            "title": pick(event.title, language),
            "when": when(event.starts_at, event.timezone),
            "place": event_location(event),
            "code": code,
            "position": position if position is not None else "",
            "group": pick(committee.name, language) if committee is not None else "",
        }
        said = [_("Hello %(name)s,"), _("I am calling from Open Doors.")]
        if kind == CANCELLED:
            said.append(_("We are sorry: %(title)s is cancelled."))
        elif kind == WAITLIST:
            said.append(
                _(
                    "%(title)s is full. You are number %(position)s on the waiting list; we "
                    "will tell you as soon as there is a seat for you."
                )
            )
        elif kind == MEMBER:
            said.append(
                _(
                    "%(group)s meets on %(when)s: %(title)s. You are welcome; please answer "
                    "whether you will come."
                )
            )
        else:
            said.append(_("You have a seat at %(title)s."))
        said.append(_("When: %(when)s"))
        if values["place"]:
            said.append(_("Where: %(place)s"))
        if kind == SEAT and code:
            said.append(_("Code to show at the door: %(code)s"))
        if kind != CANCELLED:
            said.append(
                _("You do not need ID or immigration papers to take part; we never ask for them.")
            )
            said.append(
                _("If you cannot come, or would rather we did not call you again, please tell me.")
            )
        return [line % values for line in said]


def outline(kind: str, *, event, committee=None, language: str) -> list[str]:
    """A group's script of one kind, with the person's name, code and waiting-list number
    left for the volunteer to read from that person's row."""
    with translation.override(script_language(language)):
        return lines(
            kind,
            event=event,
            committee=committee,
            language=language,
            name=_("[name]"),
            code=_("[code]") if kind == SEAT else "",
            position=_("[number]"),
        )
