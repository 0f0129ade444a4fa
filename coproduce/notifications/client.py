"""A thin wrapper around GOV.UK Notify's Python client, built from settings.

Coproduce writes every message itself (in the person's language, from the templates in
`notifications/jinja2/notifications/`), so Notify needs only one generic template per
channel. In the Notify dashboard create:

- an email template with subject `((subject))` and message `((body))`;
- a text message template with message `((body))`;
- a letter template with heading `((subject))` and body `((body))` (Notify fills the
  address block from the personalisation `address_line_1` to `address_line_7`). Leave
  the template's contact block empty: the platform serves many organisations, so each
  letter's body starts with its own organisation's name, address and phone, then the date,
  "Dear ...", the message, how to reply by phone or post, and "Yours sincerely"
  (`actions.letter_layout`). Bodies use only what Notify prints in letters as written:
  paragraphs split by a blank line, single line breaks and "-" lists.

Texts are written short for their channel (`<template>.sms.txt`, two GSM-7 parts at most:
see `rules.sms_length`), so the text message template must be `((body))` and nothing else.

Put their ids in NOTIFY_EMAIL_TEMPLATE_ID, NOTIFY_SMS_TEMPLATE_ID and
NOTIFY_LETTER_TEMPLATE_ID, and the API key in NOTIFY_API_KEY. Without them these
functions raise `NotifyNotConfigured`, and the message is recorded as not sent.
Notify's own errors (`notifications_python_client.errors.APIError`) pass through.
"""

from typing import Any

from django.conf import settings
from notifications_python_client.notifications import NotificationsAPIClient


class NotifyNotConfigured(Exception):
    """GOV.UK Notify's API key or a template id is not set."""


def _client() -> NotificationsAPIClient:
    if not settings.NOTIFY_API_KEY:
        raise NotifyNotConfigured("NOTIFY_API_KEY is not set")
    return NotificationsAPIClient(  # type: ignore[no-untyped-call]
        settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL
    )


def _template_id(setting: str) -> str:
    template_id: str = getattr(settings, setting)
    if not template_id:
        raise NotifyNotConfigured(f"{setting} is not set")
    return template_id


def _notification_id(response: Any) -> str:
    return str(response["id"])


def find_by_reference(reference: str) -> str | None:
    """The id of the notification Notify already holds with this reference, if any: how
    we learn whether a send whose answer we lost (a crash, a 500) reached Notify."""
    response = _client().get_all_notifications(reference=reference)  # type: ignore[no-untyped-call]
    for notification in response.get("notifications", []):
        if notification.get("reference", reference) == reference:
            return str(notification["id"])
    return None


def send_email(to: str, subject: str, body: str, reference: str) -> str:
    response = _client().send_email_notification(  # type: ignore[no-untyped-call]
        email_address=to,
        template_id=_template_id("NOTIFY_EMAIL_TEMPLATE_ID"),
        personalisation={"subject": subject, "body": body},
        reference=reference,
    )
    return _notification_id(response)


def send_sms(to: str, body: str, reference: str) -> str:
    response = _client().send_sms_notification(  # type: ignore[no-untyped-call]
        phone_number=to,
        template_id=_template_id("NOTIFY_SMS_TEMPLATE_ID"),
        personalisation={"body": body},
        reference=reference,
    )
    return _notification_id(response)


def send_letter(address_lines: list[str], subject: str, body: str, reference: str) -> str:
    address = {f"address_line_{n}": line for n, line in enumerate(address_lines, start=1)}
    response = _client().send_letter_notification(  # type: ignore[no-untyped-call]
        template_id=_template_id("NOTIFY_LETTER_TEMPLATE_ID"),
        personalisation={"subject": subject, "body": body, **address},
        reference=reference,
    )
    return _notification_id(response)
