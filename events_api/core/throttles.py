"""Throttles whose rates come from ``settings.THROTTLE_RATES`` (read from the environment,
see .env.example) at request time, so a deployment can size them, e.g. for a CBO office
registering many families from one address, and tests can change them.

Every throttle counts a client by ``events_api.core.client_ip.rate_limit_address``, never
by DRF's own reading of X-Forwarded-For: a forwarded address counts only when it comes
through a trusted proxy."""

from django.conf import settings
from rest_framework import throttling

from events_api.core.client_ip import rate_limit_address


class _ProjectThrottleMixin:
    def get_rate(self):
        return settings.THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return rate_limit_address(request)


class AnonThrottle(_ProjectThrottleMixin, throttling.AnonRateThrottle):
    pass


class UserThrottle(_ProjectThrottleMixin, throttling.UserRateThrottle):
    pass


class RegistrationThrottle(_ProjectThrottleMixin, throttling.SimpleRateThrottle):
    """Registrations per client: by user id when signed in, else by address."""

    scope = "registration"

    def get_cache_key(self, request, view):
        ident = request.user.pk if request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class TokenGuessThrottle(_ProjectThrottleMixin, throttling.SimpleRateThrottle):
    """Wrong secret tokens per address (manage links, passes, personal feeds). Only a miss
    (404) counts, so a family opening its own link again and again is never slowed; once
    an address has missed ``rate`` times in the window, every token lookup from it is
    refused until the window moves on. ``allow_request`` only checks; the caller records
    each miss with ``record_miss`` (see ``events_api.core.ratelimit_middleware``)."""

    scope = "token_guess"

    def get_cache_key(self, request, view=None):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def throttle_success(self):
        return True

    def record_miss(self, request) -> None:
        if self.rate is None:
            return
        key = self.get_cache_key(request)
        now = self.timer()
        history = [stamp for stamp in self.cache.get(key, []) if stamp > now - self.duration]
        history.insert(0, now)
        self.cache.set(key, history, self.duration)
