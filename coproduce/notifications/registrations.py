"""What notifications add to the apps below them, registered when the app starts
(NotificationsConfig.ready): the messages sent to the person, in their download. On
erasure what a message said and where it went are forgotten; its kind, channel, status and
times stay, as the record that something was sent."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.models import Message, Status
from coproduce.people import personal_data
from coproduce.people.models import Channel, Person


def messages(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = Message.objects.filter(person=person).order_by("created_at", "pk")
    return [
        {
            "created_at": m.created_at.isoformat(),
            "channel": m.channel,
            "subject": m.subject,
            "body": m.body,
            "recipient": m.recipient,
            "status": m.status,
            "sent_at": m.sent_at.isoformat() if m.sent_at else None,
        }
        for m in theirs
    ]


def forget_messages(person: Person) -> None:
    Message.objects.filter(person=person).update(
        subject=personal_data.REMOVED, body=personal_data.REMOVED, recipient="", error=""
    )


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "messages",
            messages,
            forget_messages,
            ("notifications.Message",),
            title=_("Messages we sent you"),
            labels={
                "created_at": _("Written"),
                "channel": _("Sent by"),
                "recipient": _("Sent to"),
                "subject": _("Subject"),
                "body": _("Message"),
                "status": _("Status"),
            },
            choices={"channel": Channel, "status": Status},
        )
    )
