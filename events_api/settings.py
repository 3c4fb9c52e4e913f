"""Open Doors settings: one module, everything that differs between machines comes from
the environment (see .env.example). DEBUG is off unless asked for, and with DEBUG off a
missing SECRET_KEY stops start-up."""

from pathlib import Path
from urllib.parse import urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from events_api.env import env_bool, env_days, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY", "" if not DEBUG else "insecure-local-development-key-only")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set it in the environment (make run provides a local one)."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The public origin of absolute links (manage links, calendar feeds) and of calendar UIDs.
# Unset: links follow the origin each request came to (events_api/calendars/links.py).
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "allauth",
    "allauth.account",
    "allauth.headless",
    "django_tasks_db",
    "events_api.core",
    "events_api.people",
    "events_api.audit",
    "events_api.events",
    "events_api.calendars",
    "events_api.interpretation",
    "events_api.notifications",
    "events_api.privacy",
    "summits",
    "committees",
    "calls",
    "cards",
    "printing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "events_api.calendars.middleware.RequestOriginMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "events_api.core.middleware.QueryLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "events_api.core.ratelimit_middleware.TokenGuessMiddleware",
    "events_api.core.ratelimit_middleware.SignInRetryAfterMiddleware",
]

ROOT_URLCONF = "events_api.urls"
WSGI_APPLICATION = "events_api.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "events_api" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'open-doors.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE makes every transaction take the write lock at BEGIN, so the
    # count-then-write in registration cannot interleave; WAL lets reads continue.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_TIMEOUT_SECONDS", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-open-doors.sqlite3")}
else:
    # A statement waiting on a registration lock gives up after this long and the API
    # answers 503 with Retry-After instead of tying up a worker.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "options", f"-c lock_timeout={env_int('DATABASE_LOCK_TIMEOUT_MS', 5000)}"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "people.User"

# --- Cache (throttling and allauth rate limits need one shared by all workers) --------------
_cache_url = env_str("CACHE_URL", "db://django_cache")
_cache = urlparse(_cache_url)
if _cache.scheme == "db":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": _cache.netloc or "django_cache",
        }
    }
elif _cache.scheme == "locmem":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif _cache.scheme in {"redis", "rediss"}:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
        }
    }
else:
    raise ImproperlyConfigured(f"CACHE_URL scheme {_cache.scheme!r} is not supported.")

# --- Auth ---------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_ADAPTER = "events_api.people.adapters.AccountAdapter"
# "key" in login_failed is the account and the client's address together (the adapter),
# so a stranger's wrong passwords never lock a parent out of her own account.
ACCOUNT_RATE_LIMITS = {
    "login": env_str("LOGIN_RATE_LIMIT", "30/m/ip"),
    "login_failed": env_str("LOGIN_FAILED_RATE_LIMIT", "10/m/ip,5/5m/key"),
    "request_login_code": env_str("LOGIN_CODE_RATE_LIMIT", "20/m/ip,3/m/key"),
    "signup": env_str("SIGNUP_RATE_LIMIT", "20/m/ip"),
}
HEADLESS_ONLY = True
HEADLESS_CLIENTS = ("browser", "app")
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": f"{PUBLIC_BASE_URL}/account/verify-email/{{key}}",
    "account_reset_password_from_key": f"{PUBLIC_BASE_URL}/account/password/reset/{{key}}",
    "account_signup": f"{PUBLIC_BASE_URL}/account/signup",
}

# --- Email --------------------------------------------------------------------------------
MAILERS = {
    "default": {
        "BACKEND": env_str(
            "EMAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
        "OPTIONS": {},
    }
}
if MAILERS["default"]["BACKEND"].endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": env_str("EMAIL_HOST_USER", ""),
        "password": env_str("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "timeout": env_int("EMAIL_TIMEOUT", 10),
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Open Doors <no-reply@opendoors.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Language and time --------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("sq", _("Albanian")),
    ("ar", _("Arabic")),
    ("bn", _("Bangla")),
    ("zh-hans", _("Chinese (Simplified)")),
    ("fr", _("French")),
    ("ht", _("Haitian Creole")),
    ("ko", _("Korean")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
    ("uk", _("Ukrainian")),
    ("ur", _("Urdu")),
    ("uz", _("Uzbek")),
]
LANGUAGES_BIDI = ["ar", "ur"]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "America/New_York")

# --- Static files -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# The web frontend's production build (frontend/dist, made by `make run` and `make test`):
# its hashed assets are served under /static/app/, its index.html by events_api.web.
# FRONTEND_DIST points elsewhere for a build made beside it (one per developer's branch).
FRONTEND_DIST = Path(env_str("FRONTEND_DIST", str(BASE_DIR / "frontend" / "dist")))
STATICFILES_DIRS = [FRONTEND_DIST] if FRONTEND_DIST.is_dir() else []
# Vite names every built asset with a content hash: browsers may keep them for a year.
WHITENOISE_IMMUTABLE_FILE_TEST = r"^.+/app/.+-[A-Za-z0-9_-]{8,}\.(js|css)$"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- API ----------------------------------------------------------------------------------
# Proxies (addresses or networks) whose X-Forwarded-For says who the client is; gunicorn's
# forwarded_allow_ips comes from the same variable. Empty: the header is never trusted and
# the client is the connection's address (events_api/core/client_ip.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
THROTTLE_RATES = {
    "anon": env_str("THROTTLE_ANON", "120/min"),
    "user": env_str("THROTTLE_USER", "600/min"),
    "registration": env_str("THROTTLE_REGISTRATION", "60/min"),
    # Wrong manage, pass, feed or invitation tokens per address (only misses count).
    "token_guess": env_str("THROTTLE_TOKEN_GUESS", "20/min"),
}
# The largest request body read (Django's default, 2.5 MB, stated here). A larger body is
# refused with 413 `body_too_large` in the error format.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "allauth.headless.contrib.rest_framework.authentication.XSessionTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    "DEFAULT_PARSER_CLASSES": ["events_api.core.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "events_api.core.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": [
        "events_api.core.throttles.AnonThrottle",
        "events_api.core.throttles.UserThrottle",
    ],
    "EXCEPTION_HANDLER": "events_api.core.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "events_api.core.openapi.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Open Doors API",
    "DESCRIPTION": "Events, registration, committees and interpretation for NYC schools "
    "opening their doors to immigrant families.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "EventStatusEnum": "events_api.events.models.EventStatus",
        "RegistrationStatusEnum": "events_api.events.models.RegistrationStatus",
        "InterpretationModeEnum": "events_api.interpretation.models.Mode",
        "InterpretationStatusEnum": "events_api.interpretation.models.LineStatus",
        "AssignmentStatusEnum": "events_api.interpretation.models.AssignmentStatus",
        "InterpreterRequestSourceEnum": "events_api.interpretation.models.RequestSource",
        "RegistrationSourceEnum": "events_api.events.models.RegistrationSource",
        "CommitteeKindEnum": "committees.models.CommitteeKind",
        "CommitteeRoleEnum": "committees.models.MemberRole",
        "OccurrenceExceptionKindEnum": "committees.models.ExceptionKind",
        "AttendanceStatusEnum": "committees.models.AttendanceStatus",
        "MinutesStatusEnum": "committees.models.MinutesStatus",
        "MessageKindEnum": "events_api.notifications.models.Kind",
        # Where a new session, meeting or series may start: a draft or published at once.
        "DraftOrPublishedEnum": ["draft", "published"],
    },
}

# --- Background tasks (django.tasks; the database backend runs in `manage.py db_worker`) ---
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# --- Messages to people (events_api/notifications) ------------------------------------------
NOTIFICATIONS = {
    # Text messages: the console (make run), a file of JSON lines (SMS_FILE_PATH), memory
    # (tests) or the Twilio-shaped HTTP provider, configured below.
    "SMS_BACKEND": env_str("SMS_BACKEND", "events_api.notifications.sms_backends.ConsoleBackend"),
    "SMS_FILE_PATH": env_str("SMS_FILE_PATH", str(VAR_DIR / "sms.jsonl")),
    "SMS_FROM": env_str("SMS_FROM", ""),
    "TWILIO_BASE_URL": env_str("TWILIO_BASE_URL", "https://api.twilio.com"),
    "TWILIO_ACCOUNT_SID": env_str("TWILIO_ACCOUNT_SID", ""),
    "TWILIO_AUTH_TOKEN": env_str("TWILIO_AUTH_TOKEN", ""),
    "SMS_TIMEOUT_SECONDS": env_int("SMS_TIMEOUT_SECONDS", 10),
    # No texts from 21:00 to 08:00 in the event's time zone: they wait until morning.
    "QUIET_HOURS": (env_int("SMS_QUIET_FROM", 21), env_int("SMS_QUIET_UNTIL", 8)),
    # At most this many texts to one number in an hour; more wait (0: no limit).
    "SMS_PER_HOUR": env_int("SMS_PER_HOUR", 4),
    # A failing message is tried this many times, waiting longer each time, then failed.
    "MAX_ATTEMPTS": env_int("MESSAGE_MAX_ATTEMPTS", 5),
    # How long a worker's claim on a message lasts before another may take it over.
    "CLAIM_SECONDS": env_int("MESSAGE_CLAIM_SECONDS", 300),
    # Messages a worker sends per second at most (0: no limit), to stay within what the
    # email relay and the SMS provider accept.
    "RATE_PER_SECOND": env_int("MESSAGE_RATE_PER_SECOND", 10),
}

# --- Security (safe by default when DEBUG is off) -----------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The container health check calls /healthz over plain HTTP from inside the container.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Secret tokens in URLs are redacted from every log line (events_api/core/logging.py): on
# the handler, and on the loggers that write request paths, since a logger's filter also
# covers handlers Django or a test attaches elsewhere.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_secrets": {"()": "events_api.core.logging.RedactSecretsFilter"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_secrets"],
        },
    },
    "loggers": {
        "django.request": {"filters": ["redact_secrets"]},
        "django.security.csrf": {"filters": ["redact_secrets"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["redact_secrets"],
        },
        # WeasyPrint narrates every step of every PDF at INFO; its warnings still show.
        "weasyprint": {"level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# --- Product rules ------------------------------------------------------------------------
# Largest party one registration may bring (adults + children).
REGISTRATION_MAX_PARTY_SIZE = env_int("REGISTRATION_MAX_PARTY_SIZE", 10)
# The number a printed flyer gives families to call for help (E.164 or a US number); an
# organiser may print another (docs/printing.md). Empty: each flyer must be given one.
HELP_PHONE = env_str("HELP_PHONE", "")
# Only a test sets this False, to prove the concurrency test can see a race.
REGISTRATION_LOCKING = True
# Interpreter requests made later than this many business days (weekends and US federal
# holidays do not count) before the event are accepted but flagged late. An event may
# override it (Event.interpretation_lead_days).
INTERPRETATION_LEAD_BUSINESS_DAYS = env_int("INTERPRETATION_LEAD_BUSINESS_DAYS", 10)
# Minutes an interpreter needs between in-person jobs at different places.
INTERPRETATION_TRAVEL_BUFFER_MINUTES = env_int("INTERPRETATION_TRAVEL_BUFFER_MINUTES", 30)
# Only a test sets this False, to prove the double-booking test can see a race.
INTERPRETER_LOCKING = True
# Registrants' personal data is anonymised this many days after an event ends (a summit
# may set its own period); committee members' records are kept while their membership
# lasts and this many days after it ends (docs/privacy.md).
PERSONAL_DATA_RETENTION_DAYS = env_days("PERSONAL_DATA_RETENTION_DAYS", 60)
COMMITTEE_MEMBER_RETENTION_DAYS = env_days("COMMITTEE_MEMBER_RETENTION_DAYS", 365)
# The access log of personal data (who looked at registrants' data) is itself pruned.
ACCESS_LOG_RETENTION_DAYS = env_days("ACCESS_LOG_RETENTION_DAYS", 365)
