"""Telling people things: write the message in their language, send it after commit."""

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from django.conf import settings
from django.db import transaction
from django.template import engines
from django.template.backends.jinja2 import Jinja2
from django.utils import timezone, translation
from django.utils.translation import gettext

from coproduce.notifications import rules
from coproduce.notifications.models import Message, Status
from coproduce.notifications.tasks import send_message
from coproduce.people.models import Channel, Person

NO_WAY_TO_CONTACT = (
    "No usable email address, mobile number, postal address or phone number "
    "(or the person asked not to be contacted that way)."
)


# A channel's own version of a message, where one is written: `<template>.sms.txt` (short,
# one link, the organisation's phone number) and `<template>.letter.txt` (no calendar
# links, replies by phone or post). Otherwise the generic `<template>.txt`.
CHANNEL_SUFFIX = {Channel.SMS: "sms", Channel.LETTER: "letter"}


def template_names(template: str, channel: Channel | str | None) -> list[str]:
    """The templates to try for `channel`, the channel's own first."""
    generic = f"notifications/{template}.txt"
    suffix = CHANNEL_SUFFIX.get(Channel(channel)) if channel else None
    return [f"notifications/{template}.{suffix}.txt", generic] if suffix else [generic]


def render(
    template: str, context: dict[str, Any], channel: Channel | str | None = None
) -> tuple[str, str]:
    """Subject and body from `notifications/<template>.txt` (or the channel's own version):
    "Subject: ...", a blank line, then the body. Renders in the active language. A letter
    is then laid out as a letter (`letter_layout`)."""
    environment = cast(Jinja2, engines["jinja2"]).env
    chosen = environment.select_template(template_names(template, channel))
    text = chosen.render(context)
    first, _, rest = text.partition("\n")
    if not first.startswith("Subject:") or not rest.startswith("\n"):
        raise ValueError(f"{chosen.name} must start 'Subject: ...' and a blank line")
    subject, body = first.removeprefix("Subject:").strip(), rest.strip()
    if channel == Channel.LETTER and "person" in context:
        body = letter_layout(context["person"], body, context.get("today"))
    return subject, body


def letter_layout(person: Person, body: str, today: date | None = None) -> str:
    """A letter: the organisation's name and how to reach it at the top, the date, "Dear
    ...", the message, how to reply by phone or post, and a sign-off. Plain paragraphs
    and "-" lists only, which GOV.UK Notify prints as they are."""
    for name in (person.known_as, person.full_name):
        greeting = gettext("Hello %(name)s,") % {"name": name}
        if name and body.startswith(greeting):
            body = body.removeprefix(greeting).lstrip()
            break
    environment = cast(Jinja2, engines["jinja2"]).env
    letter: str = (
        environment.get_template("notifications/_letter.txt")
        .render(
            {
                "person": person,
                "organisation": person.organisation,
                "today": today or timezone.localdate(),
                "body": body,
            }
        )
        .strip()
    )
    return letter


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
    channel = rules.choose_channel(person)
    subject, body = written(person, template, context, channel)
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


def written(
    person: Person, template: str, context: dict[str, Any], channel: Channel | None
) -> tuple[str, str]:
    """The message as `channel` carries it, in the person's language. A language not known
    yet (an imported carer, blank) is the site's own."""
    with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
        return render(
            template,
            {"person": person, "site_url": settings.SITE_URL, "channel": channel, **context},
            channel,
        )


@dataclass(frozen=True)
class Preview:
    channel: Channel
    subject: str
    body: str
    chosen: bool  # the channel notify() would use for this person
    usable: bool  # the person has the details (and allows) this channel
    sms: rules.SmsLength | None = None


PREVIEW_CHANNELS = (Channel.EMAIL, Channel.SMS, Channel.LETTER)


def preview(person: Person, template: str, context: dict[str, Any]) -> list[Preview]:
    """What the message would look like by email, text and letter for this person, in
    their language, marking the channel it would go by. Sends and stores nothing."""
    chosen = rules.choose_channel(person)
    previews = []
    for channel in PREVIEW_CHANNELS:
        subject, body = written(person, template, context, channel)
        previews.append(
            Preview(
                channel=channel,
                subject=subject,
                body=body,
                chosen=channel == chosen,
                usable=rules.usable(person, channel),
                sms=rules.sms_length(body) if channel == Channel.SMS else None,
            )
        )
    return previews


def deal_with(message: Message) -> bool:
    """Staff delivered a message that could not be sent (or it no longer needs sending).
    Once: a second click changes nothing and says so (False)."""
    not_yet = Message.objects.filter(pk=message.pk, dealt_with_at=None)
    return not_yet.update(dealt_with_at=timezone.now()) == 1
