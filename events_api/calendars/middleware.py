"""Makes the request being served known to links.base_url, so absolute links follow the
address the server answers at when PUBLIC_BASE_URL is not set."""

from events_api.calendars.links import current_request


class RequestOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
