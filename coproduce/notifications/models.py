"""Messages sent (or to be sent) to people through GOV.UK Notify, one row per message.

A message is written once, in the person's language, with the channel and the contact
detail it will use; a background task then sends it (see `tasks.send_message`). The
unique `idempotency_key` means the same message is never sent twice: it is also Notify's
`reference`, so after a crash we can ask Notify whether it already has the message.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.people.models import Channel, Person
from coproduce.people.personal_data import personal
from coproduce.tenancy.models import Organisation


class Status(models.TextChoices):
    QUEUED = "queued", _("Waiting to send")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not send")
    PHONE_CALL_NEEDED = "phone_call_needed", _("Staff need to phone")
    NOT_CONFIGURED = "not_configured", _("Not sent: GOV.UK Notify is not set up")


class Message(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="messages"
    )
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="messages"
    )
    # Empty when there is no usable way at all to reach the person.
    channel = models.CharField(max_length=10, choices=Channel.choices, blank=True)
    kind = models.CharField(max_length=100)
    subject = personal(models.CharField(max_length=255))
    body = personal(models.TextField())
    # The email address, phone number or postal address (one line per row) used.
    recipient = personal(models.TextField(blank=True))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    notify_id = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)
    # Sending attempts so far; when the latest began; when the next is due (after Notify
    # was busy or broken). A message SENDING long after `attempted_at` lost its worker.
    attempts = models.PositiveSmallIntegerField(default=0)
    attempted_at = models.DateTimeField(null=True, blank=True)
    retry_at = models.DateTimeField(null=True, blank=True)
    idempotency_key = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Staff delivered a message that could not be sent themselves (phoned or wrote), or
    # decided it no longer needs delivering: it leaves the list of messages not sent.
    dealt_with_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "-created_at"], name="message_org_latest"),
            models.Index(fields=["status"], name="message_status"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.channel or 'no channel'} ({self.status})"
