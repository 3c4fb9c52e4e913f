"""An event's flyer in one of the thirteen languages, and a school's door poster in all of
them at once."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.translation import gettext

from events_api.calendars.event_items import event_location
from events_api.calendars.links import absolute
from events_api.core.i18n import pick
from events_api.events.models import Event
from events_api.notifications.texts import when
from events_api.people.models import Language, School
from events_api.people.phones import display_phone
from printing.render import pdf, qr_data_uri

ENGLISH = "en"


def direction(language: str) -> str:
    return "rtl" if language in settings.LANGUAGES_BIDI else "ltr"


def isolated(text: str) -> str:
    """Left-to-right whatever surrounds it: a phone number or a link inside Arabic or Urdu
    keeps its digits in order (Unicode isolates; WeasyPrint has no CSS unicode-bidi)."""
    return f"\u2066{text}\u2069"


def own_direction(text: str) -> str:
    """In the direction of its own first letter (an English address on an Arabic flyer)."""
    return f"\u2068{text}\u2069"


def registration_url(event: Event, language: str) -> str:
    """The event's registration page, opening straight in the flyer's language."""
    return absolute(f"/events/{event.pk}/register?lang={language}")


def _hours(event: Event) -> str:
    """Start day and time, then the end's time (or its day and time, on another day), in
    the event's zone and the active language."""
    zone = ZoneInfo(event.timezone)
    starts, ends = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
    end = date_format(ends, "H:i") if ends.date() == starts.date() else when(ends, event.timezone)
    return f"{when(event.starts_at, event.timezone)} \u2013 {end}"


def flyer_pdf(event: Event, *, language: str, phone: str) -> bytes:
    """``event`` (its school and languages loaded) on a Letter page in ``language``;
    ``phone`` is E.164."""
    url = registration_url(event, language)
    with translation.override(language):
        flyer = {
            "title": pick(event.title, language),
            "school": event.school.name if event.school_id else "",
            "when": _hours(event),
            "where": own_direction(event_location(event) or gettext("Online")),
            "languages": [
                own_direction(name)
                for name in sorted(lang.native_name for lang in event.languages.all())
            ],
            "qr": qr_data_uri(url),
            "url": isolated(url),
            "phone": format_html('<span class="nowrap">{}</span>', isolated(display_phone(phone))),
        }
    return pdf("printing/flyer.html", {"flyer": flyer}, language=language)


def poster_entries() -> list[dict]:
    """The safe-zone statement and the invitation to ask for an interpreter, in each of the
    interface languages, under the language's own name."""
    names = dict(Language.objects.values_list("code", "native_name"))
    entries = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            entries.append(
                {
                    "code": code,
                    "direction": direction(code),
                    "name": names.get(code, code),
                    "welcome": gettext("You are welcome here"),
                    "statement": gettext(
                        "You do not need ID or immigration papers to take part; "
                        "we never ask for them."
                    ),
                    "ask": gettext("Ask for an interpreter. It is free."),
                }
            )
    return entries


def poster_pdf(school: School) -> bytes:
    """A Letter page for the school's door."""
    with translation.override(ENGLISH):
        heading = gettext("You are welcome here")
    context = {"school": school.name, "heading": heading, "entries": poster_entries()}
    return pdf("printing/poster.html", context, language=ENGLISH)
