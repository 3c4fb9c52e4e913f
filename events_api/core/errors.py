"""One error format for every error, mapped in one place.

Services raise ``DomainError`` subclasses; DRF raises its own exceptions for parsing,
validation, authentication and throttling; the database driver raises OperationalError or
InterfaceError when the database is out of reach. ``exception_handler`` (DRF views) and
``api_error_response`` (Django's error handlers, for errors raised outside DRF) turn all of
them into ``{"code": "...", "message": "...", "fields": {...}}``.
"""

import logging
import math
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class DomainError(Exception):
    """A broken business rule. Subclasses set ``code``, ``message`` and ``status``."""

    code = "domain_error"
    message = _("The request breaks a rule of the service.")
    status = status.HTTP_400_BAD_REQUEST

    def __init__(
        self,
        message: str | None = None,
        *,
        extra: dict[str, Any] | None = None,
        fields: dict[str, Any] | None = None,
    ):
        self.detail_message = message or self.message
        self.extra = extra or {}
        self.fields = fields or {}
        super().__init__(str(self.detail_message))


class NotFound(DomainError):
    code = "not_found"
    message = _("Not found.")
    status = status.HTTP_404_NOT_FOUND


class Conflict(DomainError):
    code = "conflict"
    message = _("The request conflicts with the current state.")
    status = status.HTTP_409_CONFLICT


class ServiceBusy(DomainError):
    """The database lock could not be had in time; the client should retry shortly."""

    code = "busy"
    message = _("The service is busy. Please try again in a moment.")
    status = status.HTTP_503_SERVICE_UNAVAILABLE
    retry_after = 2


class DatabaseUnavailable(DomainError):
    """The connection to the database was refused or dropped mid-request. The request's
    transaction did not commit, so nothing was half written: the client may retry."""

    code = "database_unavailable"
    message = _("The service is briefly unavailable. Please try again in a moment.")
    status = status.HTTP_503_SERVICE_UNAVAILABLE
    retry_after = 5


class BodyTooLarge(DomainError):
    code = "body_too_large"
    message = _("The request body is too large.")
    status = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE


class BadRequest(DomainError):
    """A request Django refused before any view ran (a malformed or suspicious request)."""

    code = "bad_request"
    message = _("The request could not be understood.")
    status = status.HTTP_400_BAD_REQUEST


class Forbidden(DomainError):
    code = "permission_denied"
    message = _("You do not have permission to perform this action.")
    status = status.HTTP_403_FORBIDDEN


class ServerError(DomainError):
    code = "server_error"
    message = _("Something went wrong on our side. Please try again later.")
    status = status.HTTP_500_INTERNAL_SERVER_ERROR


logger = logging.getLogger(__name__)


def error_body(code: str, message: str, fields: dict | None = None, **extra) -> dict:
    body = {"code": code, "message": str(message), "fields": fields or {}}
    body.update(extra)
    return body


def _flatten_codes(detail: Any) -> Any:
    """Turn DRF ErrorDetail trees into plain strings (messages) for ``fields``."""
    if isinstance(detail, dict):
        return {key: _flatten_codes(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_flatten_codes(item) for item in detail]
    return str(detail)


CSRF_FAILED = _("The page's security check failed. Reload the page and try again.")

_DRF_CODES = {
    exceptions.ParseError: ("parse_error", _("The request body is not valid JSON.")),
    exceptions.AuthenticationFailed: ("authentication_failed", None),
    exceptions.NotAuthenticated: ("not_authenticated", None),
    exceptions.PermissionDenied: ("permission_denied", None),
    exceptions.NotFound: ("not_found", _("Not found.")),
    exceptions.MethodNotAllowed: ("method_not_allowed", None),
    exceptions.NotAcceptable: ("not_acceptable", None),
    exceptions.UnsupportedMediaType: ("unsupported_media_type", None),
    exceptions.Throttled: ("throttled", None),
}


def domain_error_for(exc: BaseException) -> DomainError | None:
    """The domain error an exception from outside our services stands for, if any: the
    database out of reach, a lock not had in time, a body over the upload limit."""
    if isinstance(exc, DomainError):
        return exc
    if isinstance(exc, OperationalError) and is_lock_timeout(exc):
        return ServiceBusy()
    if isinstance(exc, (OperationalError, InterfaceError)):
        # Refused, dropped or closed connection (or the server shutting down). Logged, as
        # an operator must know, but the client gets a retryable 503, not a 500.
        logger.error("Database unavailable: %s", exc, exc_info=exc)
        return DatabaseUnavailable()
    if isinstance(exc, RequestDataTooBig):
        return BodyTooLarge()
    return None


def _domain_error_response(exc: DomainError, response_class=Response):
    body = error_body(exc.code, exc.detail_message, exc.fields, **exc.extra)
    response = response_class(body, status=exc.status)
    retry_after = getattr(exc, "retry_after", None)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def api_error_response(exc: BaseException | None, fallback: DomainError) -> JsonResponse:
    """The JSON error for an exception Django caught outside DRF (middleware, URL
    resolution, the upload limit), for Django's handler400/403/404/500."""
    domain_error = (domain_error_for(exc) if exc is not None else None) or fallback
    return _domain_error_response(domain_error, JsonResponse)


def throttle_wait_seconds(wait: float | None) -> int:
    """Whole seconds to wait (at least one) for a Retry-After header and its message."""
    return max(1, math.ceil(wait or 1))


def exception_handler(exc: Exception, context: dict) -> Response | None:
    domain_error = domain_error_for(exc)
    if domain_error is not None:
        return _domain_error_response(domain_error)
    if isinstance(exc, DjangoValidationError):
        fields = exc.message_dict if hasattr(exc, "error_dict") else {}
        message = exc.messages[0] if exc.messages else _("Invalid input.")
        return Response(error_body("invalid", message, fields), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail
        if isinstance(detail, dict):
            non_field = detail.get("non_field_errors")
            fields = _flatten_codes({k: v for k, v in detail.items() if k != "non_field_errors"})
            message = str(non_field[0]) if non_field else _first_message(fields)
        else:
            fields = {}
            message = _first_message(_flatten_codes(detail))
        response.data = error_body("invalid", message, fields)
        return response
    if isinstance(exc, exceptions.APIException):
        code, default_message = next(
            ((c, m) for klass, (c, m) in _DRF_CODES.items() if isinstance(exc, klass)),
            (exc.default_code, None),
        )
        message = default_message or exc.detail
        if isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith(
            "CSRF Failed"
        ):
            # DRF's session check writes Django's reason in English ("CSRF Failed: CSRF
            # token missing."): the reader gets what to do, in her language.
            message = CSRF_FAILED
        if isinstance(exc, exceptions.Throttled):
            # DRF sets Retry-After only when it knows the wait, and rounds it down (to 0
            # for a wait under a second): every 429 says how long, at least one second.
            seconds = throttle_wait_seconds(exc.wait)
            message = _("Too many requests. Please wait %(seconds)s seconds.") % {
                "seconds": seconds
            }
            response["Retry-After"] = str(seconds)
        response.data = error_body(code, str(message) if not isinstance(message, str) else message)
    return response


def _first_message(detail: Any) -> str:
    """The first message alone, a whole sentence in the reader's language: ``fields`` says
    which field it belongs to (a code name such as "phone" means nothing to a reader)."""
    if isinstance(detail, dict):
        for value in detail.values():
            inner = _first_message(value)
            if inner:
                return inner
        return str(_("Invalid input."))
    if isinstance(detail, list):
        return _first_message(detail[0]) if detail else str(_("Invalid input."))
    return str(detail)


def is_lock_timeout(exc: OperationalError) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("timeout" in text or "locked" in text)
