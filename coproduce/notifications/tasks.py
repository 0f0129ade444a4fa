"""Background work: sending messages through GOV.UK Notify (run by `manage.py db_worker`).

A send can fail in three ways, each handled here:

- Notify is busy (429) or broken (5xx, no answer): the message waits and is tried again
  later, with a doubling delay (`rules.retry_delay`), at most `rules.MAX_ATTEMPTS` times;
  then it is marked failed, and staff see it beside the activity or brief it was about.
- Notify refuses the message (any other 4xx): failed at once, for staff to see.
- The worker dies while sending: the message stays "sending". `resume_unsent_messages`
  (on the schedule) finds it later and sends it again. Before any second attempt Notify
  is asked whether it already holds a message with this reference, so nobody gets a
  message twice.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_tasks import task
from notifications_python_client.errors import APIError

from coproduce.notifications import client, rules
from coproduce.notifications.models import Message, Status
from coproduce.people.models import Channel


def _send(message: Message) -> str:
    reference = message.idempotency_key
    if message.channel == Channel.EMAIL:
        return client.send_email(message.recipient, message.subject, message.body, reference)
    if message.channel == Channel.SMS:
        return client.send_sms(message.recipient, message.body, reference)
    if message.channel == Channel.LETTER:
        lines = message.recipient.splitlines()
        return client.send_letter(lines, message.subject, message.body, reference)
    raise ValueError(f"Messages by {message.channel!r} are not sent through Notify")


def _deliver(message: Message) -> str:
    """Notify's id for the message: the one it already has (after an attempt whose
    answer we never saw), or a new one."""
    if message.attempts > 1:
        already = client.find_by_reference(message.idempotency_key)
        if already is not None:
            return already
    return _send(message)


def _try_again_at(message_id: int, when: datetime) -> None:
    backend = send_message.get_backend()
    if backend.supports_defer:
        send_message.using(run_after=when).enqueue(message_id)
    # Otherwise (tasks run at once, as in tests) `resume_unsent_messages` sends it later.


@task()
def send_message(message_id: int) -> None:
    """Send one queued message. Claims it first, so running twice sends it once."""
    now = timezone.now()
    claimed = Message.objects.filter(pk=message_id, status=Status.QUEUED).update(
        status=Status.SENDING, attempts=F("attempts") + 1, attempted_at=now, retry_at=None
    )
    if claimed != 1:
        return
    message = Message.objects.get(pk=message_id)
    try:
        message.notify_id = _deliver(message)
    except client.NotifyNotConfigured as error:
        message.status, message.error = Status.NOT_CONFIGURED, str(error)
    except APIError as error:
        if rules.should_retry(error.status_code, message.attempts):
            message.status = Status.QUEUED
            message.retry_at = now + rules.retry_delay(message.attempts)
            message.error = f"Attempt {message.attempts}: {error}"
        else:
            message.status = Status.FAILED
            message.error = (
                f"Not sent after {message.attempts} attempts: {error}"
                if message.attempts > 1
                else str(error)
            )
    except ValueError as error:
        message.status, message.error = Status.FAILED, str(error)
    else:
        message.status, message.sent_at, message.error = Status.SENT, timezone.now(), ""
    message.save(update_fields=["notify_id", "status", "error", "sent_at", "retry_at"])
    if message.status == Status.QUEUED and message.retry_at is not None:
        retry_at = message.retry_at
        transaction.on_commit(lambda: _try_again_at(message_id, retry_at))


@task()
def resume_unsent_messages() -> int:
    """Send again what a dead worker left behind: messages "sending" for longer than any
    send takes, and queued messages whose send (or retry) was due long ago but never ran.
    Safe to run any number of times: each send claims its message first."""
    cutoff = timezone.now() - rules.STUCK_AFTER
    lost = Message.objects.filter(status=Status.SENDING).filter(
        Q(attempted_at__lt=cutoff) | Q(attempted_at=None, created_at__lt=cutoff)
    )
    pks = [
        pk
        for pk, attempted_at in lost.values_list("pk", "attempted_at")
        if Message.objects.filter(pk=pk, status=Status.SENDING, attempted_at=attempted_at).update(
            status=Status.QUEUED
        )
    ]
    waiting = Message.objects.alias(due=Coalesce("retry_at", "created_at")).filter(
        status=Status.QUEUED, due__lt=cutoff
    )
    pks += waiting.exclude(pk__in=pks).values_list("pk", flat=True)
    for pk in pks:
        send_message.enqueue(pk)
    return len(pks)
