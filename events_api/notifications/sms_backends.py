"""Where a text message goes: the console, a file, memory (tests) or a Twilio-shaped HTTP
provider. ``get_backend()`` returns the one ``settings.NOTIFICATIONS["SMS_BACKEND"]``
names; the delivery service calls ``send(to=..., body=..., key=...)`` on it.

``key`` is the message's idempotency key. A send may be repeated with the same key after
a worker died mid-send or a timeout hid the provider's answer; the backend must make sure
the same key never becomes two texts (the provider dedupes it, or the backend does).

A failure is ``SmsFailed(reason, retry=...)``. Its reason is kept in the delivery log, so
it never holds the phone number or the text, only what went wrong."""

import base64
import itertools
import json
import re
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from events_api.notifications import sms

# Reasons fit the delivery log's columns (Message.error, Delivery.detail).
REASON_MAX = 300
# Anything that looks like a phone number in a provider's message (Twilio quotes the
# number it refused).
_PHONE_LIKE = re.compile(r"\+?\d[\d\s().-]{5,}\d")


class SmsFailed(Exception):
    """The text was not sent. ``retry`` says whether trying again later may help (the
    provider was busy or out of reach) or not (the number is invalid or unsubscribed).
    ``code`` is the provider's error code when it gave one (Twilio: "21211" invalid
    number, "21610" the recipient replied STOP to the provider)."""

    def __init__(self, reason: str, *, retry: bool, code: str = ""):
        self.reason = reason[:REASON_MAX]
        self.retry = retry
        self.code = code
        super().__init__(self.reason)


class SmsBackend:
    """Sends one text. Subclasses implement ``send``."""

    def __init__(self, config: dict | None = None):
        self.config = config if config is not None else settings.NOTIFICATIONS

    def send(self, *, to: str, body: str, key: str) -> str:
        """Send ``body`` to ``to`` (E.164) once per ``key``; return the provider's message
        id (the same id again for a key already sent). Raises SmsFailed."""
        raise NotImplementedError


def get_backend() -> SmsBackend:
    """A new instance of the backend the settings name (read at call time)."""
    return import_string(settings.NOTIFICATIONS["SMS_BACKEND"])()


class ConsoleBackend(SmsBackend):
    """Prints each text as one block on stdout (``make run``), like Django's console email
    backend. A key already printed in this process is not printed again."""

    _counter = itertools.count(1)
    _sent: dict[str, str] = {}
    _lock = threading.Lock()

    def __init__(self, config: dict | None = None, *, stream: TextIO | None = None):
        super().__init__(config)
        self.stream = stream

    def send(self, *, to: str, body: str, key: str) -> str:
        stream = self.stream or sys.stdout
        with self._lock:
            if key in self._sent:
                return self._sent[key]
            message_id = f"console-{next(self._counter)}"
            self._sent[key] = message_id
            stream.write(
                f"SMS {message_id}\n"
                f"To: {to}\n"
                f"Key: {key}\n"
                f"Segments: {sms.segments(body)} ({sms.encoding(body)})\n"
                f"\n{body}\n"
                f"{'-' * 79}\n"
            )
            stream.flush()
        return message_id


class FileBackend(SmsBackend):
    """Appends one JSON line ``{"to", "body", "key", "at"}`` per text to SMS_FILE_PATH,
    creating its folder. The id is ``file-<line number>``; a key already in the file is
    not written again."""

    _lock = threading.Lock()

    def send(self, *, to: str, body: str, key: str) -> str:
        path = Path(self.config["SMS_FILE_PATH"])
        with self._lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            line_number = 0
            if path.exists():
                with path.open(encoding="utf-8") as lines:
                    for line_number, line in enumerate(lines, start=1):
                        try:
                            seen = json.loads(line).get("key")
                        except (ValueError, AttributeError):  # a line edited by hand
                            continue
                        if seen == key:
                            return f"file-{line_number}"
            record = {"to": to, "body": body, "key": key, "at": timezone.now().isoformat()}
            with path.open("a", encoding="utf-8") as out:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return f"file-{line_number + 1}"


# The texts MemoryBackend "sent", oldest first: {"id", "to", "body", "key", "at"}. Tests
# read and clear it, as django.core.mail.outbox.
outbox: list[dict] = []
# Failures for MemoryBackend to raise, first first: a test appends SmsFailed(...) and the
# next send raises it (and sends nothing), as a provider that is down or refuses would.
failures: list[SmsFailed] = []
_memory_counter = itertools.count(1)
_memory_lock = threading.Lock()


class MemoryBackend(SmsBackend):
    """Keeps texts in ``outbox``. Like a provider honouring idempotency, a key already in
    the outbox is not sent again: the first text's id is returned."""

    def send(self, *, to: str, body: str, key: str) -> str:
        with _memory_lock:
            if failures:
                raise failures.pop(0)
            for sent in outbox:
                if sent["key"] == key:
                    return sent["id"]
            message_id = f"memory-{next(_memory_counter)}"
            outbox.append(
                {"id": message_id, "to": to, "body": body, "key": key, "at": timezone.now()}
            )
        return message_id


class TwilioBackend(SmsBackend):
    """Twilio's Messages API over HTTPS with the standard library: POST
    ``{TWILIO_BASE_URL}/2010-04-01/Accounts/{SID}/Messages.json`` (form-encoded To, From,
    Body; HTTP Basic auth SID:token; ``I-Twilio-Idempotency-Token: <key>``).

    201 (or 200) gives the message's ``sid``. Failures:

    - retry=False: a 4xx refusal of this message (400 with 21211 invalid number, 21610
      unsubscribed, 21408 region not enabled, ...); sending it again would be refused again.
    - retry=True: 429 and 5xx (the provider is busy or broken), 401 (wrong credentials: an
      operator's mistake, not the message's; it waits until the credentials are fixed
      instead of failing every queued text), 408/409, timeouts, refused or dropped
      connections, and a success answer without a readable sid (the text may have gone;
      the retry carries the same key, so the provider does not send it twice).
    """

    API_VERSION = "2010-04-01"
    RETRY_STATUSES = frozenset({401, 408, 409, 429})

    def __init__(self, config: dict | None = None):
        super().__init__(config)
        self.sid = self.config["TWILIO_ACCOUNT_SID"]
        self.token = self.config["TWILIO_AUTH_TOKEN"]
        self.sender = self.config["SMS_FROM"]
        self.timeout = self.config["SMS_TIMEOUT_SECONDS"]
        base = self.config["TWILIO_BASE_URL"].rstrip("/")
        missing = [
            name
            for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "SMS_FROM", "TWILIO_BASE_URL")
            if not self.config[name]
        ]
        if missing:
            raise ImproperlyConfigured(f"TwilioBackend needs NOTIFICATIONS {', '.join(missing)}.")
        if urllib.parse.urlsplit(base).scheme not in {"http", "https"}:
            raise ImproperlyConfigured("TWILIO_BASE_URL must be an http(s) URL.")
        sid = urllib.parse.quote(self.sid, safe="")
        self.url = f"{base}/{self.API_VERSION}/Accounts/{sid}/Messages.json"

    def send(self, *, to: str, body: str, key: str) -> str:
        credentials = base64.b64encode(f"{self.sid}:{self.token}".encode()).decode("ascii")
        # The URL's scheme is checked (http or https) when the backend is made.
        form = {"To": to, "From": self.sender, "Body": body}
        if callback := status_callback_url():
            form["StatusCallback"] = callback
        request = urllib.request.Request(  # noqa: S310
            self.url,
            data=urllib.parse.urlencode(form).encode(),
            method="POST",
            headers={
                "Authorization": f"Basic {credentials}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
                "I-Twilio-Idempotency-Token": key,
                "User-Agent": "open-doors-sms",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                status, payload = response.status, response.read()
        except urllib.error.HTTPError as exc:
            with exc:
                raise self._refusal(exc.code, exc.read(), to) from None
        except TimeoutError:
            raise SmsFailed(f"No answer within {self.timeout} s.", retry=True) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise SmsFailed(f"No answer within {self.timeout} s.", retry=True) from None
            raise SmsFailed(f"Provider unreachable: {exc.reason}", retry=True) from None
        except OSError as exc:  # a connection reset or closed mid-answer
            raise SmsFailed(f"Connection failed: {type(exc).__name__}", retry=True) from None
        try:
            sid = json.loads(payload)["sid"]
        except (ValueError, KeyError, TypeError):
            sid = None
        if status not in {200, 201} or not isinstance(sid, str) or not sid:
            raise SmsFailed(f"Unexpected answer (HTTP {status}) without a message id.", retry=True)
        return sid

    def _refusal(self, status: int, payload: bytes, to: str) -> SmsFailed:
        try:
            details = json.loads(payload)
        except ValueError:
            details = {}
        if not isinstance(details, dict):
            details = {}
        code = str(details.get("code") or "")
        message = _without_number(str(details.get("message") or ""), to)
        reason = (
            f"HTTP {status}" + (f" ({code})" if code else "") + (f": {message}" if message else "")
        )
        retry = status in self.RETRY_STATUSES or status >= 500
        return SmsFailed(reason, retry=retry, code=code)


def status_callback_url() -> str:
    """Where the provider reports delivery (our /api/v1/sms/status/), when the public
    address is known (PUBLIC_BASE_URL): a provider cannot reach a local server anyway."""
    base = settings.PUBLIC_BASE_URL
    return base.rstrip("/") + reverse("sms-status") if base else ""


def _without_number(text: str, to: str) -> str:
    if to:
        text = text.replace(to, "[number]")
    return _PHONE_LIKE.sub("[number]", text)
