"""Production mode: start-up refuses unsafe settings, and `check --deploy` reports nothing.

The settings fail closed: an unset COPRODUCE_MODE is production, so forgetting it can never
switch on DEBUG, the demo's secret key, insecure cookies or email to the console."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

# What the test run sets, and every setting the service reads that a test below sets itself.
NOT_INHERITED = {
    "COPRODUCE_MODE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_DEBUG",
    "EMAIL_BACKEND",
    "DEFAULT_FROM_EMAIL",
    "SITE_URL",
    "NOTIFY_API_KEY",
    "NOTIFY_BASE_URL",
    "NOTIFY_EMAIL_TEMPLATE_ID",
    "NOTIFY_SMS_TEMPLATE_ID",
    "NOTIFY_LETTER_TEMPLATE_ID",
    "REDIS_URL",
    "CACHE_URL",
    "CACHE_KEY_PREFIX",
}


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run("manage.py", *args, **env)


SECRETS = {
    "SECRET_KEY": "k" * 20 + "a-long-random-production-secret-value-0123456789",
    "ALLOWED_HOSTS": "coproduce.example.org",
}
PRODUCTION = {
    "COPRODUCE_MODE": "production",
    **SECRETS,
    "SITE_URL": "https://coproduce.example.org",
    "DEFAULT_FROM_EMAIL": "coproduce@coproduce.example.org",
    "NOTIFY_API_KEY": "live-" + "0" * 36 + "-" + "1" * 36,
    "NOTIFY_EMAIL_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000001",
    "NOTIFY_SMS_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000002",
    "NOTIFY_LETTER_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000003",
    # Only named: the checks do not connect to it.
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
SHOW_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.MODE, s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.EMAIL_BACKEND)"
)


def test_check_deploy_reports_nothing_in_production_mode() -> None:
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = run_manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_bad_boolean_names_the_variable() -> None:
    result = run_manage("check", DJANGO_DEBUG="perhaps")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_an_unset_mode_is_production_and_has_no_demo_secret_key() -> None:
    result = run_manage("check")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert "unset COPRODUCE_MODE means" in result.stderr


def test_an_unset_mode_has_debug_off_secure_cookies_and_real_email() -> None:
    result = run_manage("shell", "--no-imports", "-c", SHOW_SETTINGS, **SECRETS)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "production",
        "False",
        "True",
        "True",
        "django.core.mail.backends.smtp.EmailBackend",
    ]


def test_development_is_only_what_is_asked_for() -> None:
    result = run_manage("shell", "--no-imports", "-c", SHOW_SETTINGS, COPRODUCE_MODE="development")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["development", "True"]


def test_production_refuses_debug() -> None:
    result = run_manage("check", **PRODUCTION, DJANGO_DEBUG="true")

    assert result.returncode != 0
    assert "DJANGO_DEBUG must not be true in production" in result.stderr


MISCONFIGURATIONS = [
    (
        {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"},
        "coproduce.E001",
        "EMAIL_BACKEND is django.core.mail.backends.console.EmailBackend",
    ),
    (
        {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
        "coproduce.E001",
        "EMAIL_BACKEND is django.core.mail.backends.locmem.EmailBackend",
    ),
    ({"DEFAULT_FROM_EMAIL": ""}, "coproduce.E002", "DEFAULT_FROM_EMAIL is ''"),
    ({"NOTIFY_API_KEY": ""}, "coproduce.E003", "NOTIFY_API_KEY is not set"),
    ({"NOTIFY_EMAIL_TEMPLATE_ID": ""}, "coproduce.E004", "NOTIFY_EMAIL_TEMPLATE_ID is not set"),
    ({"NOTIFY_SMS_TEMPLATE_ID": "sms"}, "coproduce.E004", "NOTIFY_SMS_TEMPLATE_ID is 'sms'"),
    ({"NOTIFY_LETTER_TEMPLATE_ID": ""}, "coproduce.E004", "NOTIFY_LETTER_TEMPLATE_ID is not set"),
    ({"SITE_URL": "http://coproduce.example.org"}, "coproduce.E006", "must use an https"),
    ({"SITE_URL": ""}, "coproduce.E006", "SITE_URL is not set"),
]


@pytest.mark.parametrize(("change", "code", "message"), MISCONFIGURATIONS)
def test_check_deploy_fails_for_each_misconfiguration(
    change: dict[str, str], code: str, message: str
) -> None:
    result = run_manage("check", "--deploy", **{**PRODUCTION, **change})

    assert result.returncode != 0
    assert code in result.stderr
    assert message in result.stderr
    assert result.stderr.count("(coproduce.E") == 1, result.stderr


def test_production_without_a_shared_cache_is_warned_but_starts() -> None:
    """Each process would count the API's rate limit on its own: a warning, not a refusal
    (one process may serve from its own cache)."""
    alone = {k: v for k, v in PRODUCTION.items() if k != "REDIS_URL"}

    deploy = run_manage("check", "--deploy", **alone)
    server = run("-c", "import coproduce.wsgi", **alone)

    assert deploy.returncode == 0, deploy.stderr
    assert "coproduce.W001" in deploy.stderr
    assert "Set REDIS_URL" in deploy.stderr
    assert server.returncode == 0, server.stderr


SHOW_CACHE = (
    "from django.conf import settings as s; c = s.CACHES['default']; "
    "print(c['BACKEND'], c.get('LOCATION', '-'), c.get('KEY_PREFIX', '-'), s.SESSION_ENGINE)"
)


@pytest.mark.parametrize("name", ["REDIS_URL", "CACHE_URL"])
def test_several_servers_share_the_cache_in_redis_and_sessions_in_the_database(
    name: str,
) -> None:
    environment = {**PRODUCTION, "REDIS_URL": "", name: "redis://127.0.0.1:6379/2"}
    shown = run_manage("shell", "--no-imports", "-c", SHOW_CACHE, **environment)

    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/2",
        "coproduce",
        "django.contrib.sessions.backends.db",
    ]


def test_without_redis_each_process_keeps_its_own_cache() -> None:
    shown = run_manage("shell", "--no-imports", "-c", SHOW_CACHE, COPRODUCE_MODE="development")

    assert shown.stdout.split()[0] == "django.core.cache.backends.locmem.LocMemCache"


def test_production_commands_refuse_to_start_with_email_going_nowhere() -> None:
    """Not only `check --deploy`: every command in production runs the checks."""
    console = {**PRODUCTION, "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}

    result = run_manage("migrate", "--plan", **console)

    assert result.returncode != 0
    assert "coproduce.E001" in result.stderr


@pytest.mark.parametrize("module", ["coproduce.wsgi", "coproduce.asgi"])
def test_the_web_server_refuses_to_start_in_production_without_notify(module: str) -> None:
    result = run("-c", f"import {module}", **{**PRODUCTION, "NOTIFY_API_KEY": ""})

    assert result.returncode != 0
    assert "will not start in production" in result.stderr
    assert "NOTIFY_API_KEY is not set" in result.stderr


@pytest.mark.parametrize("module", ["coproduce.wsgi", "coproduce.asgi"])
def test_the_web_server_starts_in_production_when_configured(module: str) -> None:
    result = run("-c", f"import {module}", **PRODUCTION)

    assert result.returncode == 0, result.stderr


def test_development_runs_the_deployment_checks_only_when_asked() -> None:
    assert run_manage("check", COPRODUCE_MODE="development").returncode == 0
    deploy = run_manage("check", "--deploy", COPRODUCE_MODE="development")
    assert deploy.returncode != 0
    assert "coproduce.E001" in deploy.stderr
