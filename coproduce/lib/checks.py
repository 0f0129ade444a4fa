"""Deployment checks: settings that would let the service start but not reach people.

Run by `manage.py check --deploy` in any mode. In production they are ordinary system
checks too, so every management command (migrate, db_worker, runserver) refuses to start
with them failing, and `coproduce/wsgi.py` and `asgi.py` run them before serving (Django
runs no checks under gunicorn).
"""

import uuid
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

TAG = "coproduce_deploy"

# Backends that keep mail on this machine (or drop it): a password reset would go nowhere.
LOCAL_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}
NOTIFY_TEMPLATES = (
    "NOTIFY_EMAIL_TEMPLATE_ID",
    "NOTIFY_SMS_TEMPLATE_ID",
    "NOTIFY_LETTER_TEMPLATE_ID",
)


def check_email(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    if settings.EMAIL_BACKEND in LOCAL_EMAIL_BACKENDS:
        errors.append(
            checks.Error(
                f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}, which never delivers email: "
                "sign-in and password emails would go nowhere.",
                hint="Leave EMAIL_BACKEND unset for SMTP and set EMAIL_HOST (and "
                "EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS as your provider needs).",
                id="coproduce.E001",
            )
        )
    sender = settings.DEFAULT_FROM_EMAIL
    domain = sender.rpartition("@")[2].rstrip(">").lower()
    if "@" not in sender or domain in {"", "localhost"} or "." not in domain:
        errors.append(
            checks.Error(
                f"DEFAULT_FROM_EMAIL is {sender!r}: email from it would be refused or lost.",
                hint="Set DEFAULT_FROM_EMAIL to an address at your own domain.",
                id="coproduce.E002",
            )
        )
    return errors


def check_notify(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    if not settings.NOTIFY_API_KEY:
        errors.append(
            checks.Error(
                "NOTIFY_API_KEY is not set: no email, text message or letter to carers would "
                "be sent (each would be recorded as not configured).",
                hint="Set NOTIFY_API_KEY to a live GOV.UK Notify API key.",
                id="coproduce.E003",
            )
        )
    for name in NOTIFY_TEMPLATES:
        value = getattr(settings, name)
        try:
            uuid.UUID(value)
        except ValueError:
            errors.append(
                checks.Error(
                    f"{name} is {'not set' if not value else repr(value)}: "
                    "it must be a GOV.UK Notify template id.",
                    hint="See coproduce/notifications/client.py for what the template holds.",
                    id="coproduce.E004",
                )
            )
    if urlparse(settings.NOTIFY_BASE_URL).scheme != "https":
        errors.append(
            checks.Error(
                f"NOTIFY_BASE_URL is {settings.NOTIFY_BASE_URL!r}: it must be https.",
                id="coproduce.E005",
            )
        )
    return errors


def check_site_url(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    address = urlparse(settings.SITE_URL)
    if address.scheme == "https" and address.hostname:
        return []
    return [
        checks.Error(
            f"SITE_URL is {settings.SITE_URL or 'not set'}: links in emails, texts and letters "
            "must use an https address.",
            hint="Set SITE_URL to the address people use, such as https://coproduce.example.org.",
            id="coproduce.E006",
        )
    ]


IN_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


def check_shared_cache(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """A warning, not an error: one process may serve from its own cache. Several (gunicorn's
    workers, or several app servers) each count the API's rate limit on their own then."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in IN_PROCESS_CACHES:
        return []
    return [
        checks.Warning(
            f"The cache is {backend.rpartition('.')[2]}, kept inside each process: with "
            "several gunicorn workers or app servers each counts the API's rate limit on its "
            "own, so a token may make that many requests a minute on each.",
            hint="Set REDIS_URL to a Redis every app server shares, e.g. redis://127.0.0.1:6379/0.",
            id="coproduce.W001",
        )
    ]


ALL_CHECKS = (check_email, check_notify, check_site_url, check_shared_cache)


def register() -> None:
    """In production the checks run with every command; elsewhere only with --deploy."""
    for check in ALL_CHECKS:
        checks.register(check, TAG, deploy=not settings.PRODUCTION)


def require_ready() -> None:
    """Refuse to serve in production with a failing check (for wsgi.py and asgi.py)."""
    if not settings.PRODUCTION:
        return
    problems = [
        message
        for check in ALL_CHECKS
        for message in check()
        if message.is_serious() and not message.is_silenced()
    ]
    if problems:
        raise ImproperlyConfigured(
            "Coproduce will not start in production:\n"
            + "\n".join(f"{message.msg} {message.hint or ''}".strip() for message in problems)
        )
