import sys

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from events_api.core.errors import (
    BadRequest,
    Forbidden,
    NotFound,
    ServerError,
    api_error_response,
)


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


# Django's error handlers (events_api.urls sets them). DRF views answer their own errors
# (events_api.core.errors.exception_handler); these answer what happens outside them: no
# route, a body over the upload limit, an error in middleware. Under the API and the
# feeds every error has the JSON shape; every other path is the frontend's, and keeps
# Django's pages.
API_PREFIXES = ("/api/", "/calendar/")


def _is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIXES)


def bad_request(request, exception=None):
    if not _is_api(request):
        return defaults.bad_request(request, exception)
    return api_error_response(exception, BadRequest())


def permission_denied(request, exception=None):
    if not _is_api(request):
        return defaults.permission_denied(request, exception)
    return api_error_response(exception, Forbidden())


def page_not_found(request, exception=None):
    if not _is_api(request):
        return defaults.page_not_found(request, exception)
    return api_error_response(None, NotFound())


def server_error(request):
    """Called while Django handles the uncaught exception, so ``sys.exception()`` is it: a
    database out of reach is a 503 with Retry-After, anything else a 500."""
    if not _is_api(request):
        return defaults.server_error(request)
    return api_error_response(sys.exception(), ServerError())
