"""The printable call list: a server-rendered page (no JavaScript), signed in with the
session, by the same rules as the API. The page's own words are in the reader's language
(their profile's, else the request's); each language group starts on a new printed page
with its script in that group's language and direction, and a tick box per outcome."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from calls.models import Outcome
from calls.subjects import committee_subject, event_subject
from events_api.audit.models import AccessKind
from events_api.calendars.event_items import event_location
from events_api.core.errors import Forbidden, NotFound
from events_api.core.i18n import pick, request_language
from events_api.notifications.texts import when


def _reader_language(request) -> str:
    own = getattr(request.user, "preferred_language_id", None)
    return own if own in dict(settings.LANGUAGES) else request_language()


def _refused(request, language: str, *, signed_in: bool) -> HttpResponse:
    with translation.override(language):
        body = render_to_string(
            "calls/refused.html",
            {"signed_in": signed_in, "bidi": translation.get_language_bidi(), "lang": language},
            request=request,
        )
    response = HttpResponse(body, status=403, content_type="text/html; charset=utf-8")
    response["Content-Language"] = language
    return response


def _page(request, find, pk) -> HttpResponse:
    language = _reader_language(request)
    if not request.user.is_authenticated:
        return _refused(request, language, signed_in=False)
    try:
        subject = find(request.user, pk)
    except NotFound as exc:
        raise Http404 from exc
    except Forbidden:
        return _refused(request, language, signed_in=True)
    with translation.override(language):
        call_list = subject.build()
        subject.log(request, AccessKind.CALL_LIST_PRINT, len(call_list.everyone))
        event = subject.event
        body = render_to_string(
            "calls/print.html",
            {
                "lang": language,
                "bidi": translation.get_language_bidi(),
                "list": call_list,
                "event": event,
                "title": pick(event.title, language) if event else "",
                "when": when(event.starts_at, event.timezone) if event else "",
                "place": event_location(event) if event else "",
                "committee": pick(subject.committee.name, language) if subject.committee else "",
                "outcomes": Outcome.choices,
                "rtl": set(settings.LANGUAGES_BIDI),
            },
            request=request,
        )
    response = HttpResponse(body, content_type="text/html; charset=utf-8")
    response["Content-Language"] = language
    return response


@require_safe
@never_cache
def event_calls_page(request, pk: int):
    return _page(request, event_subject, pk)


@require_safe
@never_cache
def committee_calls_page(request, pk: int):
    return _page(request, committee_subject, pk)
