"""Sending when GOV.UK Notify or our worker misbehaves: Notify faked only at its HTTP
edge (responses), the real client, the real tasks (run immediately in tests)."""

import itertools
from collections.abc import Iterator
from datetime import timedelta

import pytest
import responses
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks as Capture
from pytest_django import Settings

from coproduce.activities.tests.factories import ActivityFactory
from coproduce.conftest import Member, signed_in
from coproduce.notifications import actions, rules
from coproduce.notifications.models import Message, Status
from coproduce.notifications.tasks import resume_unsent_messages, send_message
from coproduce.notifications.tests.test_actions import API_KEY, NOTIFICATION_ID, NOTIFY
from coproduce.people.models import Person

TEMPLATES = {
    "NOTIFY_EMAIL_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000001",
    "NOTIFY_SMS_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000002",
    "NOTIFY_LETTER_TEMPLATE_ID": "aaaaaaaa-0000-0000-0000-000000000003",
}


@pytest.fixture(autouse=True)
def notify_settings(settings: Settings) -> None:
    settings.NOTIFY_API_KEY = API_KEY
    settings.NOTIFY_BASE_URL = "https://api.notifications.service.gov.uk"
    for name, value in TEMPLATES.items():
        setattr(settings, name, value)


@pytest.fixture
def api() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def posts(api: responses.RequestsMock) -> int:
    return sum(1 for call in api.calls if call.request.method == "POST")


def queue(person: Person, capture: Capture, key: str = "faults.1") -> Message:
    """A message written and its first send attempted, as notify() does after commit."""
    with capture(execute=True):
        message = actions.notify(person, "example", "example", {}, idempotency_key=key)
    message.refresh_from_db()
    return message


def attempt_again(message: Message) -> Message:
    """What the worker does when a retry falls due (the tasks run immediately in tests,
    so the retry enqueued with a delay has already run: run it by hand to go on)."""
    send_message.call(message.pk)
    message.refresh_from_db()
    return message


@pytest.mark.parametrize("status", [429, 500, 502, 503])
def test_a_busy_or_broken_notify_is_tried_again_later(
    carer: Member,
    api: responses.RequestsMock,
    django_capture_on_commit_callbacks: Capture,
    settings: Settings,
    status: int,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    api.post(f"{NOTIFY}/email", json={"errors": [{"error": "x", "message": "busy"}]}, status=status)
    before = timezone.now()

    message = queue(carer.person, django_capture_on_commit_callbacks)
    send_message.call(message.pk)
    message.refresh_from_db()

    assert posts(api) == 1
    assert message.status == Status.QUEUED
    assert message.attempts == 1
    assert message.retry_at is not None
    assert message.retry_at >= before + rules.retry_delay(1)
    assert "busy" in message.error


def test_a_notify_that_recovers_gets_the_message_once(
    carer: Member,
    api: responses.RequestsMock,
    django_capture_on_commit_callbacks: Capture,
    settings: Settings,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    api.post(f"{NOTIFY}/email", json={"errors": [{"message": "slow down"}]}, status=429)
    api.post(f"{NOTIFY}/email", json={"errors": [{"message": "oops"}]}, status=500)
    api.post(f"{NOTIFY}/email", json={"id": NOTIFICATION_ID}, status=201)
    api.get(f"{NOTIFY}", json={"notifications": []})  # Notify has no such message yet

    message = queue(carer.person, django_capture_on_commit_callbacks)
    for _ in range(3):
        message = attempt_again(message)

    assert message.status == Status.SENT
    assert message.notify_id == NOTIFICATION_ID
    assert posts(api) == 3
    assert message.attempts == 3
    # After a 500 Notify may have taken the message after all: it was asked first.
    lookups = [str(call.request.url) for call in api.calls if call.request.method == "GET"]
    assert lookups
    assert all("reference=faults.1" in url for url in lookups)


def test_the_delay_doubles_and_the_attempts_are_bounded() -> None:
    delays = [rules.retry_delay(n) for n in range(1, rules.MAX_ATTEMPTS)]
    assert all(later == 2 * earlier for earlier, later in itertools.pairwise(delays))
    assert sum(delays, timedelta()) < timedelta(hours=2)
    assert rules.should_retry(429, rules.MAX_ATTEMPTS - 1)
    assert not rules.should_retry(429, rules.MAX_ATTEMPTS)
    assert rules.should_retry(500, 1)
    assert rules.should_retry(503, 1)
    for status in (400, 401, 403, 404, 413):
        assert not rules.should_retry(status, 1)


@pytest.mark.parametrize("status", [400, 403])
def test_a_refusal_is_not_tried_again(
    carer: Member,
    api: responses.RequestsMock,
    django_capture_on_commit_callbacks: Capture,
    settings: Settings,
    status: int,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    api.post(f"{NOTIFY}/email", json={"errors": [{"message": "no"}]}, status=status)

    message = queue(carer.person, django_capture_on_commit_callbacks)
    send_message.call(message.pk)
    message.refresh_from_db()
    send_message.call(message.pk)  # a stray second run does nothing

    assert message.status == Status.FAILED
    assert message.retry_at is None
    assert posts(api) == 1


def test_after_repeated_failure_staff_see_the_message_was_not_sent(
    coordinator: Member,
    carer: Member,
    api: responses.RequestsMock,
    django_capture_on_commit_callbacks: Capture,
    settings: Settings,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    api.post(f"{NOTIFY}/email", json={"errors": [{"message": "Notify is down"}]}, status=500)
    api.get(f"{NOTIFY}", json={"notifications": []})
    activity = ActivityFactory.create(
        project__organisation=coordinator.organisation, project__coordinator=coordinator.person
    )
    key = f"activities.{activity.pk}.reminder.{carer.person.pk}.1.0"

    message = queue(carer.person, django_capture_on_commit_callbacks, key=key)
    send_message.call(message.pk)
    for _ in range(rules.MAX_ATTEMPTS * 2):
        message = attempt_again(message)

    assert posts(api) == rules.MAX_ATTEMPTS
    assert message.status == Status.FAILED
    assert f"{rules.MAX_ATTEMPTS} attempts" in message.error
    assert "Notify is down" in message.error
    page = signed_in(Client(), coordinator.user).get(
        reverse("activities:invitations", kwargs={"pk": activity.pk})
    )
    assert carer.person.full_name in page.content.decode()
    assert "Could not send" in page.content.decode()


def stuck(message: Message, minutes: int) -> Message:
    """The worker claimed the message and died: no result was recorded."""
    Message.objects.filter(pk=message.pk).update(
        status=Status.SENDING,
        attempts=1,
        attempted_at=timezone.now() - timedelta(minutes=minutes),
    )
    message.refresh_from_db()
    return message


def test_a_message_notify_took_before_the_worker_died_is_not_sent_again(
    carer: Member,
    api: responses.RequestsMock,
    django_capture_on_commit_callbacks: Capture,
    settings: Settings,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    message = stuck(queue(carer.person, django_capture_on_commit_callbacks), minutes=30)
    api.get(
        f"{NOTIFY}",
        json={"notifications": [{"id": NOTIFICATION_ID, "reference": "faults.1"}]},
    )
    api.post(f"{NOTIFY}/email", json={"id": "second"}, status=201)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    with django_capture_on_commit_callbacks(execute=True):
        resume_unsent_messages.call()
    message.refresh_from_db()

    assert posts(api) == 0
    assert message.status == Status.SENT
    assert message.notify_id == NOTIFICATION_ID


def test_a_message_notify_never_got_is_sent_after_the_worker_died(
    carer: Member,
    api: responses.RequestsMock,
    django_capture_on_commit_callbacks: Capture,
    settings: Settings,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    message = stuck(queue(carer.person, django_capture_on_commit_callbacks), minutes=30)
    recent = stuck(queue(carer.person, django_capture_on_commit_callbacks, key="faults.2"), 1)
    api.get(f"{NOTIFY}", json={"notifications": []})
    api.post(f"{NOTIFY}/email", json={"id": NOTIFICATION_ID}, status=201)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    with django_capture_on_commit_callbacks(execute=True):
        resume_unsent_messages.call()
        resume_unsent_messages.call()
    message.refresh_from_db()
    recent.refresh_from_db()

    assert posts(api) == 1
    assert message.status == Status.SENT
    assert recent.status == Status.SENDING  # may still be on its way: left alone


def test_a_message_whose_send_was_never_enqueued_is_sent(
    carer: Member,
    api: responses.RequestsMock,
    settings: Settings,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    """The worker wrote the message and died before its send was enqueued."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    message = queue(carer.person, django_capture_on_commit_callbacks)
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=30))
    api.post(f"{NOTIFY}/email", json={"id": NOTIFICATION_ID}, status=201)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    with django_capture_on_commit_callbacks(execute=True):
        resume_unsent_messages.call()
    message.refresh_from_db()

    assert message.status == Status.SENT
    assert posts(api) == 1


def test_resuming_is_scheduled() -> None:
    from coproduce.notifications.schedule import SCHEDULE

    assert resume_unsent_messages in SCHEDULE
