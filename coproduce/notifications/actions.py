"""Telling people things: write the message in their language, send it after commit."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.template import engines
from django.utils import timezone, translation

from coproduce.notifications import rules
from coproduce.notifications.models import Message, Status
from coproduce.notifications.tasks import send_message
from coproduce.people.models import Channel, Person

NO_WAY_TO_CONTACT = (
    "No usable email address, mobile number, postal address or phone number "
    "(or the person asked not to be contacted that way)."
)


def render(template: str, context: dict[str, Any]) -> tuple[str, str]:
    """Subject and body from `notifications/<template>.txt`: "Subject: ...", a blank
    line, then the body. Renders in the active language."""
    text = engines["jinja2"].get_template(f"notifications/{template}.txt").render(context)
    first, _, rest = text.partition("\n")
    if not first.startswith("Subject:") or not rest.startswith("\n"):
        raise ValueError(f"notifications/{template}.txt must start 'Subject: ...' and a blank line")
    return first.removeprefix("Subject:").strip(), rest.strip()


def recipient_for(person: Person, channel: Channel | None) -> str:
    if channel == Channel.EMAIL:
        return person.email
    if channel == Channel.LETTER:
        return "\n".join(rules.letter_address_lines(person))
    if channel in (Channel.SMS, Channel.PHONE):
        return person.phone
    return ""


def notify(
    person: Person, kind: str, template: str, context: dict[str, Any], *, idempotency_key: str
) -> Message:
    """Tell a person something by the channel they prefer, in their language, once.

    The same idempotency_key always gives back the first message and sends nothing
    more. Email, text and letter are sent by a task after the transaction commits;
    phone (or no usable way at all) is left for staff as `phone_call_needed`.
    """
    existing = Message.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing
    # A language not known yet (an imported carer, blank) is the site's own.
    with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
        subject, body = render(template, {"person": person, **context})
    channel = rules.choose_channel(person)
    sendable = channel in (Channel.EMAIL, Channel.SMS, Channel.LETTER)
    message, created = Message.objects.get_or_create(
        idempotency_key=idempotency_key,
        defaults={
            "organisation_id": person.organisation_id,
            "person": person,
            "channel": channel or "",
            "kind": kind,
            "subject": subject,
            "body": body,
            "recipient": recipient_for(person, channel),
            "status": Status.QUEUED if sendable else Status.PHONE_CALL_NEEDED,
            "error": "" if channel else NO_WAY_TO_CONTACT,
        },
    )
    if created and sendable:
        transaction.on_commit(lambda: send_message.enqueue(message.pk))
    return message


def deal_with(message: Message) -> bool:
    """Staff delivered a message that could not be sent (or it no longer needs sending).
    Once: a second click changes nothing and says so (False)."""
    not_yet = Message.objects.filter(pk=message.pk, dealt_with_at=None)
    return not_yet.update(dealt_with_at=timezone.now()) == 1
