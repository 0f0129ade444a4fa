"""Coproduce settings: one module, driven by the environment.

Every value comes from an environment variable. The settings fail closed: without
`COPRODUCE_MODE` the service runs as in production (DEBUG off, secure cookies, HSTS,
HTTPS redirect, SECRET_KEY and ALLOWED_HOSTS mandatory, DEBUG refused). Only
`COPRODUCE_MODE=development` (set by `make demo` and `make serve`) and
`COPRODUCE_MODE=test` (set by the test suite) get the demo's defaults. A bad value stops
start-up with a message naming the variable; the deployment checks in
`coproduce/lib/checks.py` refuse an email backend, GOV.UK Notify configuration or
SITE_URL that would not reach people.
"""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from error


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Unset means production: forgetting the mode must never switch the safeguards off.
MODE = env_str("COPRODUCE_MODE", "production").strip() or "production"
if MODE not in {"development", "test", "production"}:
    raise ImproperlyConfigured(
        f"COPRODUCE_MODE must be development, test or production, not {MODE!r}"
    )
PRODUCTION = MODE == "production"
_MODE_HINT = (
    " (COPRODUCE_MODE is production, which is also what an unset COPRODUCE_MODE means; "
    "to try the service on your own computer use `make demo`, or set COPRODUCE_MODE=development)"
)

DEBUG = env_bool("DJANGO_DEBUG", default=MODE == "development")
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured(
        "DJANGO_DEBUG must not be true in production: debug pages show settings and data"
        + _MODE_HINT
    )

_DEMO_SECRET = "insecure-demo-key-never-use-in-production-0123456789abcdefghijklmnop"
SECRET_KEY = env_str("SECRET_KEY", "" if PRODUCTION else _DEMO_SECRET)
if PRODUCTION and (not SECRET_KEY or SECRET_KEY == _DEMO_SECRET or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of 50+ characters" + _MODE_HINT
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must list the host names this service answers to" + _MODE_HINT
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "coproduce.lib",
    "coproduce.tenancy",
    "coproduce.accounts",
    "coproduce.people",
    "coproduce.audit",
    "coproduce.breaks",
    "coproduce.projects",
    "coproduce.recruitment",
    "coproduce.activities",
    "coproduce.contributions",
    "coproduce.surveys",
    "coproduce.decisions",
    "coproduce.accountability",
    "coproduce.payments",
    "coproduce.evaluation",
    "coproduce.insight",
    "coproduce.selfassessment",
    "coproduce.imports",
    "coproduce.api",
    "coproduce.notifications",
    "coproduce.pages",
    "coproduce.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "coproduce.tenancy.middleware.TenancyMiddleware",
    "coproduce.accounts.middleware.LanguageMiddleware",
    "coproduce.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

# The load harness counts each request's queries through the real server (lib/query_count).
if env_bool("COPRODUCE_QUERY_COUNT_HEADER", False):
    MIDDLEWARE.insert(0, "coproduce.lib.query_count.QueryCountHeader")

ROOT_URLCONF = "coproduce.urls"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "coproduce.jinja2.environment",
            "autoescape": True,
        },
    },
    {
        # The Django admin keeps Django's own templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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
FORM_RENDERER = "django.forms.renderers.DjangoTemplates"

WSGI_APPLICATION = "coproduce.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60 if PRODUCTION else 0),
        # A kept connection the database has dropped (a restart, a failover) is noticed
        # before the request uses it, instead of failing that request with a 500
        # (measured in docs/reliability.md, "Faults").
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite serves concurrent requests only if told how: each transaction takes the write
    # lock when it starts (IMMEDIATE), so two requests that have both read never deadlock
    # and fail with "database is locked"; a writer waits up to SQLITE_TIMEOUT seconds for
    # another; WAL lets reads go on during a write.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_TIMEOUT", 20),
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA temp_store=MEMORY;"
            "PRAGMA cache_size=-20000;"
        ),
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache. Several app servers (or several gunicorn workers) must share one, or each
# counts the API's rate limits on its own: set REDIS_URL (CACHE_URL is read too), e.g.
# redis://127.0.0.1:6379/0. Without it each process keeps its own (fine for one process;
# the deployment checks warn in production). CACHE_KEY_PREFIX keeps two services on one
# Redis apart. A Redis that stops answering fails fast (/health/ reports it) instead of
# holding requests.
_REDIS_URL = env_str("REDIS_URL", "") or env_str("CACHE_URL", "")
CACHES: dict[str, dict[str, Any]] = (
    {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "coproduce"),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    if _REDIS_URL
    else {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }
)
# Public pages (published briefs, public boards, published survey results) are kept in the
# cache only when it is shared by every process (coproduce/lib/public_cache.py).
PUBLIC_PAGE_CACHE = env_bool("PUBLIC_PAGE_CACHE", bool(_REDIS_URL))
# Sessions are rows in the database every app server shares, so any server can answer any
# request: no sticky sessions at the load balancer. (Django's default, named here because
# running several servers depends on it.)
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# The open API (coproduce/api): requests each token may make per minute (shared through
# the cache, so through Redis when several app servers run).
API_REQUESTS_PER_MINUTE = env_int("API_REQUESTS_PER_MINUTE", 120)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "pages:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if MODE == "test":
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Login throttling (django-axes): lock a username from one address after five failures.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "email"
AXES_LOCKOUT_CALLABLE = "coproduce.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True

OTP_TOTP_ISSUER = "Coproduce"

SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "coproduce.pages.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy: nothing from elsewhere; no inline script without the nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # The page template's one-line script that marks JavaScript as available.
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "coproduce_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# Files people give us (attachments to contributions, receipts). Never served as static
# files: each is sent by a view that checks who may see it. Tests use a temporary folder.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media-not-served/"
# The largest attachment or receipt we take (the forms say so).
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024

# Background work: the Django tasks API. The database backend needs `manage.py db_worker`;
# tests run tasks immediately.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if env_bool("TASKS_IMMEDIATE", MODE == "test")
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# Email (sign-in links, password choices, practice invitations). Production sends by SMTP
# and the deployment checks refuse a backend that keeps mail on this machine.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    {
        "test": "django.core.mail.backends.locmem.EmailBackend",
        "development": "django.core.mail.backends.console.EmailBackend",
    }.get(MODE, "django.core.mail.backends.smtp.EmailBackend"),
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "" if PRODUCTION else "coproduce@localhost")
NOTIFY_API_KEY = env_str("NOTIFY_API_KEY", "")
NOTIFY_BASE_URL = env_str("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
# One generic Notify template per channel (see coproduce/notifications/client.py).
NOTIFY_EMAIL_TEMPLATE_ID = env_str("NOTIFY_EMAIL_TEMPLATE_ID", "")
NOTIFY_SMS_TEMPLATE_ID = env_str("NOTIFY_SMS_TEMPLATE_ID", "")
NOTIFY_LETTER_TEMPLATE_ID = env_str("NOTIFY_LETTER_TEMPLATE_ID", "")

SERVICE_NAME = _("Coproduce")
# Where people reach this service, for links in emails, texts and letters.
# Always this, never the request's Host header (which a visitor chooses). Production needs
# an https address (a deployment check).
SITE_URL = env_str("SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000").rstrip("/")
CONSENT_WORDING_VERSION = "2026-11"

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
