"""One error format for every 4xx, mapped in one place.

Services raise ``DomainError`` subclasses; DRF raises its own exceptions for parsing,
validation, authentication and throttling. ``exception_handler`` turns all of them into
``{"code": "...", "message": "...", "fields": {...}}``.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import OperationalError
from django.http import Http404
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


def exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, DomainError):
        response = Response(
            error_body(exc.code, exc.detail_message, exc.fields, **exc.extra), status=exc.status
        )
        if isinstance(exc, ServiceBusy):
            response["Retry-After"] = str(exc.retry_after)
        return response
    if isinstance(exc, OperationalError) and is_lock_timeout(exc):
        busy = ServiceBusy()
        response = Response(error_body(busy.code, busy.detail_message), status=busy.status)
        response["Retry-After"] = str(busy.retry_after)
        return response
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
        if isinstance(exc, exceptions.Throttled):
            message = _("Too many requests. Please wait %(seconds)s seconds.") % {
                "seconds": int(exc.wait or 1)
            }
        response.data = error_body(code, str(message) if not isinstance(message, str) else message)
    return response


def _first_message(detail: Any) -> str:
    if isinstance(detail, dict):
        for key, value in detail.items():
            inner = _first_message(value)
            if inner:
                return f"{key}: {inner}"
        return str(_("Invalid input."))
    if isinstance(detail, list):
        return _first_message(detail[0]) if detail else str(_("Invalid input."))
    return str(detail)


def is_lock_timeout(exc: OperationalError) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("timeout" in text or "locked" in text)
