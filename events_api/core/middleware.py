from django.conf import settings

from events_api.core.i18n import normalise_language


class QueryLanguageMiddleware:
    """``?lang=xx`` wins over Accept-Language. An unknown code falls back to the usual
    negotiation (and so to English) rather than failing the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        requested = normalise_language(request.GET.get("lang", ""))
        if requested and requested in dict(settings.LANGUAGES):
            # LocaleMiddleware reads this cookie name first; setting it on this
            # request only leaves the client's own cookies alone.
            request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = requested
        return self.get_response(request)
