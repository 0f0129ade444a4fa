"""The regular background work that `manage.py run_schedule` enqueues.

Notifications sit below the apps whose messages go out on a schedule (activities'
reminders and follow-ups, the breaks scheme's wellbeing follow-ups), so each of those apps
adds its tasks here in its AppConfig.ready(). Every scheduled task must be idempotent:
the schedule may run more often than planned, and a job may be retried.
"""

from typing import Any

from django_tasks.base import Task

SCHEDULE: list[Task[[], Any]] = []


def add(task: Task[[], Any]) -> None:
    if task not in SCHEDULE:
        SCHEDULE.append(task)
