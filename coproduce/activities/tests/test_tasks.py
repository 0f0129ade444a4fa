from datetime import timedelta
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.utils import timezone

from coproduce.activities import invitation_actions as actions
from coproduce.activities.models import Activity, ActivityStatus, Invitation, Reply
from coproduce.activities.tasks import send_activity_follow_ups, send_activity_reminders
from coproduce.activities.tests.invitation_setup import group_activity, invited, linked
from coproduce.conftest import Member
from coproduce.notifications.models import Message
from coproduce.people.tests.factories import CarerFactory


def replies(coordinator: Member, **fields: Any) -> tuple[Activity, dict[str, Invitation]]:
    """An activity with one person invited for each kind of reply."""
    people = CarerFactory.create_batch(len(Reply), organisation=coordinator.organisation)
    activity = group_activity(coordinator, *people, **fields)
    invitations = {
        reply.value: invited(activity, person, reply=reply.value)
        for reply, person in zip(Reply, people, strict=True)
    }
    return activity, invitations


def reminded(days: int | None = None) -> set[int]:
    messages = Message.objects.filter(kind="activities.reminder")
    if days is not None:
        messages = messages.filter(idempotency_key__contains=f".{days}.")
    return {m.person_id for m in messages if m.person_id}


def test_people_coming_waiting_or_not_yet_replied_are_reminded_a_week_before_once(
    coordinator: Member,
) -> None:
    activity, invitations = replies(coordinator, reminder_days=[7, 1])
    assert activity.starts_at is not None
    week_before = activity.starts_at - timedelta(days=7) + timedelta(hours=1)
    assert actions.send_reminders(week_before - timedelta(hours=2)) == 0
    actions.send_reminders(week_before)
    actions.send_reminders(week_before + timedelta(hours=1))
    expected = {invitations[r].person_id for r in ("coming", "waiting", "waiting_list")}
    assert reminded() == expected
    assert Message.objects.filter(kind="activities.reminder").count() == 3
    coming = Message.objects.get(kind="activities.reminder", person=invitations["coming"].person)
    assert coming.subject == f"In 7 days: {activity.title}"
    assert "A reminder that you are coming to this" in coming.body
    assert "Riverside Carers' Centre" in coming.body


def test_the_day_before_reminder_follows_the_week_before_one(coordinator: Member) -> None:
    activity, _ = replies(coordinator, reminder_days=[])  # the default: 7 and 1
    assert activity.starts_at is not None
    actions.send_reminders(activity.starts_at - timedelta(days=6))
    actions.send_reminders(activity.starts_at - timedelta(hours=20))
    assert len(reminded(7)) == 3
    assert len(reminded(1)) == 3
    tomorrow = Message.objects.filter(
        kind="activities.reminder", idempotency_key__contains=".1."
    ).first()
    assert tomorrow is not None
    assert tomorrow.subject == f"Tomorrow: {activity.title}"


def test_a_cancelled_activity_sends_no_reminders(coordinator: Member) -> None:
    activity, _ = replies(coordinator, status=ActivityStatus.CANCELLED)
    assert activity.starts_at is not None
    assert actions.send_reminders(activity.starts_at - timedelta(days=1)) == 0
    assert not reminded()


def test_a_moved_activity_is_reminded_about_again(coordinator: Member, carer: Member) -> None:
    activity = group_activity(coordinator, carer.person)
    invited(activity, carer.person, reply=Reply.COMING)
    assert activity.starts_at is not None
    actions.send_reminders(activity.starts_at - timedelta(days=1))
    activity.sequence += 1
    activity.save()
    actions.send_reminders(activity.starts_at - timedelta(days=1))
    assert Message.objects.filter(kind="activities.reminder").count() == 2


def test_the_reminder_task_uses_the_clock(coordinator: Member, carer: Member) -> None:
    now = timezone.now()
    activity = group_activity(
        coordinator, carer.person, starts_at=now + timedelta(days=6, hours=23)
    )
    invited(activity, carer.person, reply=Reply.COMING)
    Invitation.objects.update(created_at=now - timedelta(days=10))
    assert send_activity_reminders.call() == 1
    assert send_activity_reminders.call() == 1  # due again, but the message is sent once
    assert reminded() == {carer.person.pk}
    assert Message.objects.filter(kind="activities.reminder").count() == 1


def test_everyone_invited_is_asked_how_it_went_three_days_after_once(
    coordinator: Member,
) -> None:
    activity, invitations = replies(coordinator, duration_minutes=120)
    assert activity.starts_at is not None
    ended = activity.starts_at + timedelta(minutes=120)
    assert actions.send_follow_ups(ended + timedelta(days=2, hours=23)) == 0
    assert actions.send_follow_ups(ended + timedelta(days=3)) == len(Reply)
    assert actions.send_follow_ups(ended + timedelta(days=3, hours=1)) == 0
    messages = Message.objects.filter(kind="activities.follow_up")
    assert messages.count() == len(Reply)
    assert Invitation.objects.filter(follow_up_sent_at=None).count() == 0
    message = messages.get(person=invitations["not_coming"].person)
    assert message.subject == f"How did it go? {activity.title}"
    assert ("invitation-follow-up", invitations["not_coming"].pk) in linked(message.body)


def test_the_follow_up_waits_as_long_as_the_organisation_chose(
    coordinator: Member, carer: Member
) -> None:
    coordinator.organisation.follow_up_days = 5
    coordinator.organisation.save()
    activity = group_activity(coordinator, carer.person)
    invited(activity, carer.person)
    assert activity.starts_at is not None
    ended = activity.starts_at + timedelta(minutes=activity.duration_minutes)
    assert actions.send_follow_ups(ended + timedelta(days=4)) == 0
    assert actions.send_follow_ups(ended + timedelta(days=5, minutes=1)) == 1


def test_old_and_cancelled_meetings_are_not_followed_up(coordinator: Member) -> None:
    now = timezone.now()
    long_ago = group_activity(coordinator, starts_at=now - timedelta(days=40))
    cancelled = group_activity(
        coordinator, starts_at=now - timedelta(days=4), status=ActivityStatus.CANCELLED
    )
    for activity in (long_ago, cancelled):
        invited(activity, CarerFactory.create(organisation=coordinator.organisation))
    assert actions.send_follow_ups(now) == 0


def test_the_follow_up_task_uses_the_clock(coordinator: Member, carer: Member) -> None:
    now = timezone.now()
    activity = group_activity(coordinator, carer.person, starts_at=now - timedelta(days=3, hours=3))
    invited(activity, carer.person, attended=True)
    assert send_activity_follow_ups.call() == 1
    assert send_activity_follow_ups.call() == 0
    message = Message.objects.get(kind="activities.follow_up")
    assert "Thank you for taking part" in message.body


def test_the_schedule_command_enqueues_reminders_and_follow_ups(
    coordinator: Member, carer: Member
) -> None:
    activity = group_activity(
        coordinator, carer.person, starts_at=timezone.now() - timedelta(days=3, hours=3)
    )
    invited(activity, carer.person)
    out = StringIO()
    call_command("run_schedule", stdout=out)
    assert "send_activity_reminders" in out.getvalue()
    assert "send_activity_follow_ups" in out.getvalue()
    assert Message.objects.filter(kind="activities.follow_up").count() == 1
