"""Background work: sending messages through GOV.UK Notify (run by `manage.py db_worker`)."""

from django.utils import timezone
from django_tasks import task
from notifications_python_client.errors import APIError

from coproduce.notifications import client
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


@task()
def send_message(message_id: int) -> None:
    """Send one queued message. Claims it first, so running twice sends it once."""
    claimed = Message.objects.filter(pk=message_id, status=Status.QUEUED).update(
        status=Status.SENDING
    )
    if claimed != 1:
        return
    message = Message.objects.get(pk=message_id)
    try:
        message.notify_id = _send(message)
    except client.NotifyNotConfigured as error:
        message.status, message.error = Status.NOT_CONFIGURED, str(error)
    except (APIError, ValueError) as error:
        message.status, message.error = Status.FAILED, str(error)
    else:
        message.status, message.sent_at = Status.SENT, timezone.now()
    message.save(update_fields=["notify_id", "status", "error", "sent_at"])
