"""Secret tokens never reach a log line.

A manage link, a personal feed URL or an emailed account key in a URL is a password:
whoever copies it from a log opens a family's registration (name, phone, pass) or an
account. ``redact`` rewrites those URL segments (and ``token``/``key`` query values) to
``[redacted]``. ``RedactSecretsFilter`` applies it to log records (installed through
``settings.LOGGING`` on the console handler and on the loggers that write request paths:
django.request, django.security.csrf, django.server); ``GunicornLogger`` installs it on
gunicorn's access and error logs (``logger_class`` in gunicorn.conf.py), so every format
of the access log, request line, referer and headers alike, is covered.
"""

import logging
import re

from gunicorn import glogging

REDACTED = "[redacted]"

# A path separator as it may appear in a raw request line: "/" or percent-encoded.
_SEP = r"(?:/|%2f)"
_SECRET_PATH = re.compile(
    rf"(?P<prefix>(?:registrations{_SEP}manage|calendar{_SEP}feeds"
    rf"|account{_SEP}verify-email|account{_SEP}password{_SEP}reset){_SEP})"
    r"[^/?#\s\"'<>&]+",
    re.IGNORECASE,
)
_SECRET_QUERY = re.compile(
    r"(?P<prefix>[?&;](?:token|key|manage_token|session_token)=)[^&#\s\"'<>]+",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """``text`` with every secret URL segment and secret query value replaced."""
    text = _SECRET_PATH.sub(rf"\g<prefix>{REDACTED}", text)
    return _SECRET_QUERY.sub(rf"\g<prefix>{REDACTED}", text)


class RedactSecretsFilter(logging.Filter):
    """Rewrites a record's message (and its traceback text) with secrets redacted. Never
    drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the handler to report
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg = redacted
            record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def install(logger: logging.Logger) -> None:
    if not any(isinstance(existing, RedactSecretsFilter) for existing in logger.filters):
        logger.addFilter(RedactSecretsFilter())


class GunicornLogger(glogging.Logger):
    """gunicorn's logger with secrets redacted from the access and error logs."""

    def __init__(self, cfg):
        super().__init__(cfg)
        install(self.access_log)
        install(self.error_log)
