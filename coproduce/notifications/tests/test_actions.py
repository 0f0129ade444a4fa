"""notify() end to end: the real Notify client, faked only at its HTTP edge."""

import json
from collections.abc import Iterator
from typing import Any

import pytest
import responses
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks as Capture
from pytest_django import Settings

from coproduce.conftest import Member
from coproduce.jinja2 import localdate
from coproduce.notifications.actions import NO_WAY_TO_CONTACT, notify
from coproduce.notifications.models import Message, Status
from coproduce.notifications.tasks import send_message
from coproduce.people.models import Channel, Person

NOTIFY = "https://api.notifications.service.gov.uk/v2/notifications"
API_KEY = "test-11111111-1111-1111-1111-111111111111-22222222-2222-2222-2222-222222222222"
EMAIL_TEMPLATE = "aaaaaaaa-0000-0000-0000-000000000001"
SMS_TEMPLATE = "aaaaaaaa-0000-0000-0000-000000000002"
LETTER_TEMPLATE = "aaaaaaaa-0000-0000-0000-000000000003"
NOTIFICATION_ID = "bbbbbbbb-0000-0000-0000-000000000001"


@pytest.fixture(autouse=True)
def notify_settings(settings: Settings) -> None:
    settings.NOTIFY_API_KEY = API_KEY
    settings.NOTIFY_BASE_URL = "https://api.notifications.service.gov.uk"
    settings.NOTIFY_EMAIL_TEMPLATE_ID = EMAIL_TEMPLATE
    settings.NOTIFY_SMS_TEMPLATE_ID = SMS_TEMPLATE
    settings.NOTIFY_LETTER_TEMPLATE_ID = LETTER_TEMPLATE


@pytest.fixture
def notify_api() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        for channel in ("email", "sms", "letter"):
            mock.post(f"{NOTIFY}/{channel}", json={"id": NOTIFICATION_ID}, status=201)
        yield mock


def prefer(member: Member, channel: Channel, **details: str) -> Person:
    person = member.person
    for field, value in details.items():
        setattr(person, field, value)
    person.save()
    person.carer_profile.preferred_channel = channel
    person.carer_profile.save()
    return person


def sent_json(api: responses.RequestsMock) -> dict[str, Any]:
    assert len(api.calls) == 1
    body = api.calls[0].request.body
    assert isinstance(body, bytes | str)
    result: dict[str, Any] = json.loads(body)
    return result


def send_example(person: Person, capture: Capture, key: str = "example.1") -> Message:
    with capture(execute=True):
        message = notify(person, "example", "example", {}, idempotency_key=key)
    message.refresh_from_db()
    return message


def test_an_email_is_sent_through_notify(
    carer: Member, notify_api: responses.RequestsMock, django_capture_on_commit_callbacks: Capture
) -> None:
    message = send_example(carer.person, django_capture_on_commit_callbacks)

    assert notify_api.calls[0].request.url == f"{NOTIFY}/email"
    assert sent_json(notify_api) == {
        "email_address": carer.person.email,
        "template_id": EMAIL_TEMPLATE,
        "personalisation": {
            "subject": "A message from Riverside Carers",
            "body": "Hello Margaret Carer,\n\n"
            "Thank you for taking part. This is an example of the messages we send.",
        },
        "reference": "example.1",
    }
    assert message.status == Status.SENT
    assert message.channel == Channel.EMAIL
    assert message.recipient == carer.person.email
    assert message.notify_id == NOTIFICATION_ID
    assert message.sent_at is not None
    assert message.organisation == carer.organisation


def test_a_text_message_is_sent_to_a_mobile(
    carer: Member, notify_api: responses.RequestsMock, django_capture_on_commit_callbacks: Capture
) -> None:
    person = prefer(carer, Channel.SMS, phone="07700 900123")

    message = send_example(person, django_capture_on_commit_callbacks)

    assert notify_api.calls[0].request.url == f"{NOTIFY}/sms"
    sent = sent_json(notify_api)
    assert sent["phone_number"] == "07700 900123"
    assert sent["template_id"] == SMS_TEMPLATE
    assert sent["personalisation"]["body"].startswith("Hello Margaret Carer,")
    assert sent["reference"] == "example.1"
    assert message.status == Status.SENT
    assert message.channel == Channel.SMS


def test_a_letter_is_sent_with_the_address_lines(
    carer: Member, notify_api: responses.RequestsMock, django_capture_on_commit_callbacks: Capture
) -> None:
    person = prefer(carer, Channel.LETTER, address="1 High Street\nGuildford", postcode="GU1 1AA")

    message = send_example(person, django_capture_on_commit_callbacks)

    assert notify_api.calls[0].request.url == f"{NOTIFY}/letter"
    sent = sent_json(notify_api)
    body = sent["personalisation"].pop("body")
    assert body.startswith("Riverside Carers\n")
    assert f"\n\n{localdate(timezone.localdate())}\n\nDear Margaret Carer,\n\n" in body
    assert "\n\nThank you for taking part. This is an example of the messages we send.\n\n" in body
    assert body.endswith("Yours sincerely,\n\nRiverside Carers")
    assert "Hello" not in body
    assert sent == {
        "template_id": LETTER_TEMPLATE,
        "personalisation": {
            "subject": "A message from Riverside Carers",
            "address_line_1": "Margaret Carer",
            "address_line_2": "1 High Street",
            "address_line_3": "Guildford",
            "address_line_4": "GU1 1AA",
        },
        "reference": "example.1",
    }
    assert message.status == Status.SENT
    assert message.recipient == "Margaret Carer\n1 High Street\nGuildford\nGU1 1AA"


def test_welsh_speakers_get_their_message_in_welsh(
    carer: Member, notify_api: responses.RequestsMock, django_capture_on_commit_callbacks: Capture
) -> None:
    carer.organisation.name_cy = "Gofalwyr Glan yr Afon"
    carer.organisation.save()
    person = prefer(carer, Channel.EMAIL, preferred_language="cy")

    message = send_example(person, django_capture_on_commit_callbacks)

    personalisation = sent_json(notify_api)["personalisation"]
    assert personalisation["subject"] == "Neges gan Gofalwyr Glan yr Afon"
    assert personalisation["body"].startswith("Helo Margaret Carer,\n\nDiolch am gymryd rhan.")
    assert message.subject == "Neges gan Gofalwyr Glan yr Afon"


def test_the_same_message_is_never_sent_twice(
    carer: Member, notify_api: responses.RequestsMock, django_capture_on_commit_callbacks: Capture
) -> None:
    first = send_example(carer.person, django_capture_on_commit_callbacks, key="example.7")
    again = send_example(carer.person, django_capture_on_commit_callbacks, key="example.7")
    send_message.enqueue(first.pk)

    assert again.pk == first.pk
    assert Message.objects.count() == 1
    assert len(notify_api.calls) == 1


def test_nothing_is_sent_until_the_transaction_commits(
    carer: Member, notify_api: responses.RequestsMock, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        message = notify(carer.person, "example", "example", {}, idempotency_key="example.2")

    assert len(callbacks) == 1
    assert len(notify_api.calls) == 0
    message.refresh_from_db()
    assert message.status == Status.QUEUED


def test_an_error_from_notify_is_recorded(
    carer: Member, django_capture_on_commit_callbacks: Capture
) -> None:
    error = {
        "status_code": 400,
        "errors": [{"error": "BadRequestError", "message": "Can't send to this recipient"}],
    }
    with responses.RequestsMock() as notify_api:
        notify_api.post(f"{NOTIFY}/email", json=error, status=400)
        message = send_example(carer.person, django_capture_on_commit_callbacks)

    assert message.status == Status.FAILED
    assert "Can't send to this recipient" in message.error
    assert message.sent_at is None
    assert message.notify_id == ""


def test_without_a_notify_key_nothing_is_sent_and_staff_can_see_why(
    carer: Member, settings: Settings, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.NOTIFY_API_KEY = ""
    with responses.RequestsMock() as notify_api:
        message = send_example(carer.person, django_capture_on_commit_callbacks)

    assert len(notify_api.calls) == 0
    assert message.status == Status.NOT_CONFIGURED
    assert message.error == "NOTIFY_API_KEY is not set"
    assert message.sent_at is None


def test_a_missing_template_id_counts_as_not_configured(
    carer: Member, settings: Settings, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.NOTIFY_EMAIL_TEMPLATE_ID = ""
    with responses.RequestsMock() as notify_api:
        message = send_example(carer.person, django_capture_on_commit_callbacks)

    assert len(notify_api.calls) == 0
    assert message.status == Status.NOT_CONFIGURED
    assert message.error == "NOTIFY_EMAIL_TEMPLATE_ID is not set"


def test_someone_who_prefers_a_phone_call_is_left_for_staff_to_phone(
    carer: Member, django_capture_on_commit_callbacks: Capture
) -> None:
    person = prefer(carer, Channel.PHONE, phone="01632 960001")
    with responses.RequestsMock() as notify_api:
        message = send_example(person, django_capture_on_commit_callbacks)

    assert len(notify_api.calls) == 0
    assert message.status == Status.PHONE_CALL_NEEDED
    assert message.channel == Channel.PHONE
    assert message.recipient == "01632 960001"
    assert message.body.startswith("Hello Margaret Carer,")


def test_a_person_with_no_usable_channel_needs_staff_to_act(
    carer: Member, django_capture_on_commit_callbacks: Capture
) -> None:
    person = prefer(carer, Channel.EMAIL, email="", phone="", address="")
    with responses.RequestsMock() as notify_api:
        message = send_example(person, django_capture_on_commit_callbacks)

    assert len(notify_api.calls) == 0
    assert message.status == Status.PHONE_CALL_NEEDED
    assert message.channel == ""
    assert message.error == NO_WAY_TO_CONTACT
