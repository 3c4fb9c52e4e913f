"""Rate limits that live outside DRF's throttles.

``TokenGuessMiddleware``: every URL that looks a secret token up (a registration's manage
link and pass, a personal calendar feed, a committee invitation) counts the wrong tokens
(404s) per client address; past the limit (``THROTTLE_RATES["token_guess"]``) the address
gets 429 with Retry-After on every such URL until the window moves on. It keys on URL
names, so the views stay as they are, including the feed views that have no DRF throttles.

``SignInRetryAfterMiddleware``: allauth's 429s (``/_allauth/``) carry no Retry-After; this
adds the remaining wait, read from the hit history allauth keeps in the cache, or the
limit's window when the history cannot be keyed from here.
"""

import math
import time

from allauth.account import app_settings as allauth_account_settings
from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

from events_api.core.errors import error_body
from events_api.core.throttles import TokenGuessThrottle

# URL names whose views look up a secret token given in the URL or the body.
TOKEN_LOOKUP_URL_NAMES = frozenset(
    {
        "registration-manage",
        "registration-pass",
        "registration-interpretation",
        "registration-manage-data",
        "registration-manage-looks",
        "calendar-personal",
        "committee-invitation-accept",
    }
)


def throttled_response(wait: float | None) -> JsonResponse:
    seconds = max(1, math.ceil(wait or 1))
    message = _("Too many requests. Please wait %(seconds)s seconds.") % {"seconds": seconds}
    response = JsonResponse(error_body("throttled", message), status=429)
    response["Retry-After"] = str(seconds)
    return response


def _is_token_lookup(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name in TOKEN_LOOKUP_URL_NAMES


class TokenGuessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and _is_token_lookup(request):
            TokenGuessThrottle().record_miss(request)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not _is_token_lookup(request):
            return None
        throttle = TokenGuessThrottle()
        if throttle.allow_request(request, None):
            return None
        return throttled_response(throttle.wait())


# allauth's headless URL names and the rate-limit action each consumes.
ALLAUTH_ACTIONS = {
    "login": "login",
    "signup": "signup",
    "request_login_code": "request_login_code",
    "request_password_reset": "reset_password",
    "reset_password": "reset_password_from_key",
    "change_password": "change_password",
    "manage_email": "manage_email",
    "manage_phone": "change_phone",
    "reauthenticate": "reauthenticate",
    "request_reauthentication_code": "reauthenticate",
    "verify_email": "confirm_email",
    "resend_email_verification_code": "confirm_email",
    "verify_phone": "verify_phone",
    "resend_phone_verification_code": "verify_phone",
}


def allauth_wait(request, *, action: str, key: str | None = None) -> int | None:
    """Seconds until allauth's limits for ``action`` let this request through again, from
    the hit history allauth keeps in the cache: for each rate whose window is full, until
    the oldest hit that keeps it full expires. None when no rate this request can be keyed
    by (its address, its signed-in user, ``key`` if given) is full."""
    user = getattr(request, "user", None)
    now = time.time()
    waits = []
    for rate in ratelimit.get_rates(app="allauth.account", action=action):
        if (rate.per == "key" and key is None) or (
            rate.per == "user" and not (user and user.is_authenticated)
        ):
            continue
        cache_key = ratelimit.get_cache_key(
            request, app="allauth.account", action=action, rate=rate, key=key
        )
        live = [stamp for stamp in cache.get(cache_key, []) if stamp > now - rate.duration]
        if len(live) >= rate.amount:
            waits.append(live[rate.amount - 1] + rate.duration - now)
    return max(1, math.ceil(max(waits))) if waits else None


def allauth_window(action: str | None) -> int:
    """The longest window among ``action``'s rates (all actions' when unknown)."""
    actions = [action] if action else list(allauth_account_settings.RATE_LIMITS)
    durations = [
        rate.duration
        for name in actions
        for rate in ratelimit.get_rates(app="allauth.account", action=name)
    ]
    return math.ceil(max(durations, default=60))


class SignInRetryAfterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 429
            and "Retry-After" not in response
            and request.path.startswith("/_allauth/")
        ):
            match = getattr(request, "resolver_match", None)
            action = ALLAUTH_ACTIONS.get(match.url_name) if match else None
            wait = allauth_wait(request, action=action) if action else None
            response["Retry-After"] = str(wait or allauth_window(action))
        return response
