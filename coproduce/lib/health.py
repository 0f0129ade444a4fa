"""Whether this app server is fit to serve, for a load balancer or a monitor: the database
answers, the shared cache answers, and how long the oldest task due to run has waited for a
worker (`manage.py db_worker`). Several app servers share one database, one cache (Redis)
and the workers; each reports what it sees of them."""

import datetime
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

# A task due this long ago and not yet started means no worker is keeping up.
QUEUE_LATE = datetime.timedelta(minutes=10)


@dataclass(frozen=True)
class Health:
    database: bool
    cache: bool
    # Seconds the oldest task due to run has waited (None: nothing waiting, or no database).
    oldest_task_waiting: float | None

    @property
    def serving(self) -> bool:
        """Fit to take requests: the database and the cache answer. A late queue is
        reported, not a reason to take this server out of service."""
        return self.database and self.cache

    @property
    def queue_late(self) -> bool:
        return (self.oldest_task_waiting or 0) > QUEUE_LATE.total_seconds()

    def as_dict(self) -> dict[str, object]:
        return {
            "status": "ok" if self.serving else "failing",
            "database": "ok" if self.database else "failing",
            "cache": "ok" if self.cache else "failing",
            "queue": {
                "status": "late" if self.queue_late else "ok",
                "oldest_task_waiting_seconds": self.oldest_task_waiting,
            },
        }


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            answered: bool = cursor.fetchone() == (1,)
            return answered
    except DatabaseError:
        return False


def cache_answers() -> bool:
    """Write and read back a value only this call knows (any cache error is a failure)."""
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        answered: bool = cache.get(key) == value
        cache.delete(key)
    except Exception:
        return False
    return answered


def oldest_task_waiting(now: datetime.datetime) -> float | None:
    """How long the longest-waiting task that is due has waited: since it was enqueued, or
    since the time it was to run after, whichever is later (two queries)."""
    due = DBTaskResult.objects.filter(status=TaskResultStatus.READY, run_after__lte=now)
    untimed = DBTaskResult.objects.filter(status=TaskResultStatus.READY, run_after=get_date_max())
    oldest = [
        row
        for row in (
            due.order_by("run_after").values_list("run_after", "enqueued_at").first(),
            untimed.order_by("enqueued_at").values_list("run_after", "enqueued_at").first(),
        )
        if row is not None
    ]
    if not oldest:
        return None
    since = min(
        enqueued if run_after == get_date_max() else max(run_after, enqueued)
        for run_after, enqueued in oldest
    )
    return max((now - since).total_seconds(), 0.0)


def check(now: datetime.datetime | None = None) -> Health:
    database = database_answers()
    waiting = None
    if database:
        try:
            waiting = oldest_task_waiting(now or timezone.now())
        except DatabaseError:
            database = False
    return Health(database=database, cache=cache_answers(), oldest_task_waiting=waiting)
