"""Test settings: only what tests need differs from production settings."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("CACHE_URL", "locmem://")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

from events_api.settings import *  # noqa: F403
from events_api.settings import MAILERS, NOTIFICATIONS

MAILERS["default"] = {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
# Text messages go to a list in memory (events_api.notifications.sms_backends.outbox), and
# no hour is quiet unless a test says so: a suite run at night behaves as one by day.
# (TEST_SMS_BACKEND lets a worker that a test starts use the test's fake provider; a real
# SMS_BACKEND in a developer's environment is never used by tests.)
NOTIFICATIONS["SMS_BACKEND"] = os.environ.get(
    "TEST_SMS_BACKEND", "events_api.notifications.sms_backends.MemoryBackend"
)
NOTIFICATIONS["QUIET_HOURS"] = (24, 0)
NOTIFICATIONS["RATE_PER_SECOND"] = 0
# Each test run gets its own SQLite file, so runs started side by side do not collide.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")  # noqa: F405
    }
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Throttles are exercised by their own tests, which set tight rates explicitly.
THROTTLE_RATES = {
    "anon": "100000/min",
    "user": "100000/min",
    "registration": "100000/min",
    "token_guess": "100000/min",
}
# Tests serve static files from the apps (no collectstatic step).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
