"""Throttles whose rates come from ``settings.THROTTLE_RATES`` (read from the environment,
see .env.example) at request time, so a deployment can size them, e.g. for a CBO office
registering many families from one address, and tests can change them."""

from django.conf import settings
from rest_framework import throttling


class _SettingsRateMixin:
    def get_rate(self):
        return settings.THROTTLE_RATES.get(self.scope)


class AnonThrottle(_SettingsRateMixin, throttling.AnonRateThrottle):
    pass


class UserThrottle(_SettingsRateMixin, throttling.UserRateThrottle):
    pass


class RegistrationThrottle(_SettingsRateMixin, throttling.SimpleRateThrottle):
    """Registrations per client: by user id when signed in, else by address."""

    scope = "registration"

    def get_cache_key(self, request, view):
        ident = request.user.pk if request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
