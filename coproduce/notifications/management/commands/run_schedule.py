"""Enqueue the regular background work; `manage.py db_worker` then runs it.

The tasks backends have no periodic scheduling, so this is ours: run it from cron
(`manage.py run_schedule` every hour) or as a long-lived process (`--every 3600`).
Every scheduled task is idempotent, so running it more often does no harm. The apps add
their tasks to coproduce.notifications.schedule when they start.
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coproduce.notifications.schedule import SCHEDULE


class Command(BaseCommand):
    help = "Enqueue the regular background work (follow-ups and reminders)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds")

    def handle(self, *args: Any, every: int, **options: Any) -> None:
        while True:
            for scheduled in SCHEDULE:
                result = scheduled.enqueue()
                self.stdout.write(f"Enqueued {scheduled.name} ({result.id})")
            if not every:
                return
            time.sleep(every)
