"""Background work for activities (run by `manage.py db_worker`, enqueued by
`manage.py run_schedule`). Both tasks are safe to run any number of times."""

from django.utils import timezone
from django_tasks import task

from coproduce.activities import invitation_actions


@task()
def send_activity_reminders() -> int:
    """Remind people about activities at each of the activity's reminder days, once."""
    return invitation_actions.send_reminders(timezone.now())


@task()
def send_activity_follow_ups() -> int:
    """Reach out to everyone invited a few days after each meeting, once."""
    return invitation_actions.send_follow_ups(timezone.now())
