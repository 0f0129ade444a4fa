"""Background work for the breaks scheme (run by `manage.py db_worker`)."""

from django.utils import timezone
from django_tasks import task

from coproduce.breaks import actions


@task()
def send_wellbeing_follow_ups() -> int:
    """Ask carers how they are a few weeks after their break. Safe to run any number of
    times: each carer is asked once (the message is keyed by referral)."""
    due = actions.follow_ups_due(timezone.localdate())
    for referral in due:
        actions.ask_wellbeing_after_break(referral)
    return len(due)
