"""/health/: what a load balancer and a monitor ask of each app server."""

import datetime
import time
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from pytest_django import Settings

from coproduce.lib import health


def task(
    enqueued: datetime.datetime, run_after: datetime.datetime | None = None, **fields: Any
) -> None:
    row = DBTaskResult.objects.create(
        task_path="coproduce.notifications.tasks.run_schedule",
        args_kwargs={"args": [], "kwargs": {}},
        run_after=run_after or get_date_max(),
        backend_name="default",
        **fields,
    )
    DBTaskResult.objects.filter(pk=row.pk).update(enqueued_at=enqueued)


def test_a_healthy_server_answers_200_with_each_part(client: Client, db: None) -> None:
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "queue": {"status": "ok", "oldest_task_waiting_seconds": None},
    }


def test_the_queue_reports_the_longest_wait_of_a_task_that_is_due(db: None) -> None:
    now = timezone.now()
    task(now - datetime.timedelta(minutes=3))
    task(now - datetime.timedelta(hours=2), run_after=now - datetime.timedelta(minutes=5))
    task(now - datetime.timedelta(days=1), run_after=now + datetime.timedelta(hours=1))  # not due
    task(now - datetime.timedelta(days=2), status=TaskResultStatus.SUCCESSFUL)  # done
    waited = health.oldest_task_waiting(now)
    assert waited == pytest.approx(5 * 60)
    assert not health.check(now).queue_late


def test_a_queue_nobody_works_on_is_late_but_the_server_still_serves(
    client: Client, db: None
) -> None:
    task(timezone.now() - health.QUEUE_LATE - datetime.timedelta(minutes=1))
    body = client.get("/health/").json()
    assert body["status"] == "ok"
    assert body["queue"]["status"] == "late"
    assert body["queue"]["oldest_task_waiting_seconds"] > health.QUEUE_LATE.total_seconds()


def test_a_cache_that_does_not_answer_takes_the_server_out_of_service(
    client: Client, db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ConnectionError("the cache server is down")

    monkeypatch.setattr(cache, "set", broken)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["cache"] == "failing"
    assert response.json()["status"] == "failing"


def test_a_redis_that_does_not_answer_is_reported_at_once(
    client: Client, db: None, settings: Settings
) -> None:
    """The shared cache as the settings make it from REDIS_URL, pointed where nothing
    listens: /health/ says so quickly instead of holding the load balancer's request."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    started = time.monotonic()
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["cache"] == "failing"
    assert response.json()["database"] == "ok"
    assert time.monotonic() - started < 10
