"""Secret tokens never reach a log: not gunicorn's access or error log, not Django's
request and server loggers. Every token a test issues (and the wrong ones it tries) is
searched for in everything that was logged."""

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from django.core.servers.basehttp import WSGIRequestHandler
from django.db import connection

from events_api.calendars.services import issue_feed_token
from events_api.core.logging import redact
from tests.factories import EventFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
WRONG_MANAGE = "wrongManageToken-0123456789abcdefghijklmnop"
WRONG_FEED = "wrongFeedToken-0123456789abcdefghijklmnopqrs"
RESET_KEY = "2-c8kq1z-5f1d2a3b4c5d6e7f8a9b0c1d2e3f4a5b"
VERIFY_KEY = "MQ:1uAbCd:verifyKeySecret0123456789"


def test_redact_rewrites_every_secret_kind():
    assert redact(
        '"GET /api/v1/registrations/manage/abcDEF_123-xyz0123456789/pass.svg HTTP/1.1" 200'
    ) == ('"GET /api/v1/registrations/manage/[redacted]/pass.svg HTTP/1.1" 200')
    assert redact("Not Found: /calendar/feeds/abcDEF_123-xyz0123456789.ics") == (
        "Not Found: /calendar/feeds/[redacted]"
    )
    assert redact("webcal://example.org/calendar/feeds/abcDEF_123-xyz0123456789.ics?lang=es") == (
        "webcal://example.org/calendar/feeds/[redacted]?lang=es"
    )
    assert redact(f"GET /account/password/reset/{RESET_KEY} HTTP/1.1") == (
        "GET /account/password/reset/[redacted] HTTP/1.1"
    )
    assert redact(f"GET /account/verify-email/{VERIFY_KEY}") == (
        "GET /account/verify-email/[redacted]"
    )
    # a percent-encoded path reaches the same view, so it is redacted too
    assert redact("GET /api/v1/registrations%2Fmanage%2Fabc0123456789012345678/ HTTP/1.1") == (
        "GET /api/v1/registrations%2Fmanage%2F[redacted]/ HTTP/1.1"
    )
    assert redact("GET /x/?token=abc123&lang=es&key=k1") == (
        "GET /x/?token=[redacted]&lang=es&key=[redacted]"
    )
    assert redact("GET /api/v1/events/?page=2 HTTP/1.1") == "GET /api/v1/events/?page=2 HTTP/1.1"


def secrets_in(text: str, secrets: list[str]) -> list[str]:
    return [secret for secret in secrets if secret in text]


@pytest.mark.django_db
def test_django_request_and_server_loggers_redact_tokens(api, caplog):
    caplog.set_level(logging.INFO)
    server_logger = logging.getLogger("django.server")
    server_logger.addHandler(caplog.handler)
    try:
        event = EventFactory(capacity=5)
        created = api.post(
            f"/api/v1/events/{event.pk}/registrations/", {"name": "Ana", "phone": "+17185550101"}
        )
        token = created.json()["manage_token"]
        manage = f"/api/v1/registrations/manage/{token}/"
        assert api.get(manage).status_code == 200
        assert api.patch(manage, {"adults": 0}).status_code == 400
        assert api.get(f"/api/v1/registrations/manage/{WRONG_MANAGE}/").status_code == 404
        assert api.get(f"/calendar/feeds/{WRONG_FEED}.ics").status_code == 404
        # what runserver writes for every request, through its own handler's method
        handler = object.__new__(WSGIRequestHandler)
        handler.request = None
        handler.log_message('"%s" %s %s', f"GET {manage} HTTP/1.1", "200", "321")
    finally:
        server_logger.removeHandler(caplog.handler)

    secrets = [token, WRONG_MANAGE, WRONG_FEED]
    messages = [record.getMessage() for record in caplog.records]
    assert secrets_in(caplog.text, secrets) == []
    assert secrets_in("\n".join(messages), secrets) == []
    assert "Bad Request: /api/v1/registrations/manage/[redacted]/" in messages
    assert "Not Found: /api/v1/registrations/manage/[redacted]/" in messages
    assert "Not Found: /calendar/feeds/[redacted]" in messages
    assert '"GET /api/v1/registrations/manage/[redacted]/ HTTP/1.1" 200 321' in messages


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The test database, for the gunicorn process to share."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = quote(db["USER"] or "", safe="")
    password = quote(db["PASSWORD"] or "", safe="")
    host = db["HOST"] or "localhost"
    return f"postgres://{user}:{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_until_up(base: str, server: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited")
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not come up")


# Committed rows, so the gunicorn process sees them; serialized_rollback restores the rows
# migrations made (languages) for the tests that follow.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gunicorn_access_and_error_logs_hold_no_token(tmp_path):
    event = EventFactory(capacity=5)
    feed_token = issue_feed_token(user=UserFactory())[1]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    access_log = tmp_path / "access.log"
    error_log = tmp_path / "error.log"
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}},
        "DJANGO_SETTINGS_MODULE": "events_api.settings",
        "SECRET_KEY": "log-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "CACHE_URL": "locmem://",
        "DATABASE_URL": database_url(),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESSLOG": str(access_log),
        "LOG_LEVEL": "INFO",
    }
    with error_log.open("w") as errors:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "events_api.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=errors,
            stderr=errors,
        )
        try:
            wait_until_up(base, server, time.monotonic() + 60)
            with httpx.Client(base_url=base, timeout=30) as client:
                created = client.post(
                    f"/api/v1/events/{event.pk}/registrations/",
                    json={"name": "Ana", "phone": "+17185550101"},
                )
                assert created.status_code == 201, created.text
                token = created.json()["manage_token"]
                manage = f"/api/v1/registrations/manage/{token}/"
                statuses = [
                    client.get(manage).status_code,
                    client.get(f"{manage}pass.svg").status_code,
                    client.patch(manage, json={"adults": 0}).status_code,
                    client.get(f"/api/v1/registrations/manage/{WRONG_MANAGE}/").status_code,
                    client.get(f"/calendar/feeds/{feed_token}.ics").status_code,
                    client.get(f"/calendar/feeds/{WRONG_FEED}.ics").status_code,
                    client.get(
                        f"/account/password/reset/{RESET_KEY}",
                        headers={"Referer": f"{base}/account/verify-email/{VERIFY_KEY}"},
                    ).status_code,
                ]
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)

    assert statuses[:6] == [200, 200, 400, 404, 200, 404]
    logged = access_log.read_text() + error_log.read_text()
    assert (
        secrets_in(logged, [token, feed_token, WRONG_MANAGE, WRONG_FEED, RESET_KEY, VERIFY_KEY])
        == []
    )
    # the lines were written, with the secrets taken out
    access = access_log.read_text()
    assert '"GET /api/v1/registrations/manage/[redacted]/ HTTP/1.1" 200' in access
    assert '"GET /api/v1/registrations/manage/[redacted]/pass.svg HTTP/1.1" 200' in access
    assert '"GET /api/v1/registrations/manage/[redacted]/ HTTP/1.1" 404' in access
    assert '"GET /calendar/feeds/[redacted] HTTP/1.1" 200' in access
    assert '"GET /calendar/feeds/[redacted] HTTP/1.1" 404' in access
    assert f'"{base}/account/verify-email/[redacted]"' in access
    errors_text = error_log.read_text()
    assert "Bad Request: /api/v1/registrations/manage/[redacted]/" in errors_text
    assert "Not Found: /api/v1/registrations/manage/[redacted]/" in errors_text
