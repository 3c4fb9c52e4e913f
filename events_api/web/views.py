"""The web frontend's shell: the built index.html for every page route (so deep links and
reloads work), and the service worker at the site root so it may control every page.

The frontend is a static build (frontend/dist, made by `make run` / `make test`); Django
serves its hashed assets through whitenoise under /static/ and only this shell through a
view, which also sets the CSRF cookie the sign-in calls need."""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_safe


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


@cache
def _read_cached(path: Path) -> bytes | None:
    return _read(path)


def _built_file(name: str) -> bytes | None:
    # With DEBUG a rebuild shows on the next reload; in production the build is fixed.
    path = Path(settings.FRONTEND_DIST) / name
    return _read(path) if settings.DEBUG else _read_cached(path)


def _not_built() -> HttpResponse:
    message = _("The web frontend has not been built. Run “make run” to build and serve it.")
    return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")


@require_safe
@never_cache
@ensure_csrf_cookie
def index(request, path: str = ""):
    body = _built_file("index.html")
    if body is None:
        return _not_built()
    return HttpResponse(body, content_type="text/html; charset=utf-8")


@require_safe
def service_worker(request):
    body = _built_file("sw.js")
    if body is None:
        return _not_built()
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    # Browsers check for a new worker on navigation; never let a cache hide a new build.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response
