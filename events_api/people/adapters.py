"""The project's allauth adapter: who the client is, and sign-in failures counted per
account and address together."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import filter_users_by_email
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal.httpkit import is_headless_request
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from events_api.core.client_ip import client_address, rate_limit_address
from events_api.core.ratelimit_middleware import allauth_wait, allauth_window


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Every allauth email (sign-in code, password reset, ...) in the language of the
        account it goes to, else in the request's (``?lang=``, Accept-Language)."""
        with translation.override(mail_language(email, context.get("user"))):
            super().send_mail(template_prefix, email, context)

    def get_client_ip(self, request) -> str:
        """The same client address every DRF throttle uses (trusted proxies only)."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def save_user(self, request, user, form, commit=True):
        """A new account reads what its person was reading when signing up (``?lang=``,
        Accept-Language): a Bangla reader's messages are then in Bangla from the start."""
        from events_api.core.i18n import request_language

        user.preferred_language_id = request_language()
        return super().save_user(request, user, form, commit=commit)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """The key of allauth's ``login_failed`` "/key" limit: the account *and* the
        address. Failures from a stranger's address then never lock the parent out on her
        own device, while one address still gets only so many tries on one account (and
        the "/ip" limit caps its tries across accounts). Also used when a password reset
        clears the counter."""
        login = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{login}|{rate_limit_address(request)}"

    def pre_authenticate(self, request, **credentials) -> None:
        """A locked sign-in answers 429 with Retry-After (allauth says 400), with the
        error allauth gives, so clients show the same message."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code != "too_many_login_attempts" or not is_headless_request(request):
                raise
            from allauth.headless.internal.restkit.response import ErrorResponse

            response = ErrorResponse(request, exception=error, status=429)
            key = self._get_login_attempts_cache_key(request, **credentials)
            wait = allauth_wait(request, action="login_failed", key=key)
            response["Retry-After"] = str(wait or allauth_window("login_failed"))
            raise ImmediateHttpResponse(response) from error


def mail_language(email: str, user=None) -> str:
    """The account's preferred language when the API speaks it, else the active one.
    English is every account's default, so it cannot tell "chose English" from "never
    chose": then the language the request was made in decides."""
    if user is None:
        user = next(iter(filter_users_by_email(email)), None)
    preferred = getattr(user, "preferred_language_id", None)
    if preferred != settings.LANGUAGE_CODE and preferred in dict(settings.LANGUAGES):
        return preferred
    return translation.get_language() or settings.LANGUAGE_CODE
