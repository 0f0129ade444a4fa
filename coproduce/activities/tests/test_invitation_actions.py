import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from coproduce.activities import invitation_actions as actions
from coproduce.activities.models import (
    ActivityChange,
    ActivityStatus,
    ChangeKind,
    Invitation,
    Reply,
)
from coproduce.activities.tests.invitation_setup import group_activity, invited, linked
from coproduce.conftest import Member
from coproduce.notifications.models import Message
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.tests.factories import ProjectMemberFactory


def test_inviting_the_group_invites_each_current_member_once(
    coordinator: Member, carer: Member
) -> None:
    other = CarerFactory.create(organisation=coordinator.organisation)
    left = CarerFactory.create(organisation=coordinator.organisation)
    activity = group_activity(coordinator, carer.person, other)
    ProjectMemberFactory.create(project=activity.project, person=left, left_on="2026-10-01")
    members = list(actions.group_members(activity))
    assert left not in members
    actions.invite(activity, members)
    actions.invite(activity, members)
    assert {i.person_id for i in activity.invitations.all()} == {carer.person.pk, other.pk}
    assert Message.objects.filter(kind="activities.invitation").count() == 2


def test_the_invitation_says_when_where_the_support_and_how_to_reply(
    coordinator: Member, carer: Member
) -> None:
    activity = group_activity(
        coordinator, carer.person, starts_at=datetime(2027, 7, 13, 9, 0, tzinfo=UTC)
    )
    actions.invite(activity, [carer.person])
    message = Message.objects.get(kind="activities.invitation", person=carer.person)
    assert message.subject == f"You are invited: {activity.title}"
    assert "Tuesday 13 July 2027, 10am to 12pm (UK time)" in message.body
    assert "Riverside Carers' Centre" in message.body
    assert "1 Mill Lane, Guildford GU1 1AA" in message.body
    assert "Replacement care: we can arrange or pay for it" in message.body
    assert "Refreshments are provided" in message.body
    assert "pre-brief" in message.body
    invitation = activity.invitations.get()
    assert linked(message.body) == [
        ("invitation-reply", invitation.pk),
        ("invitation-calendar", invitation.pk),
    ]
    assert message.recipient == carer.person.email


def test_a_changed_activity_is_sent_again_to_people_already_invited(
    coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    actions.invite(activity, [carer.person])
    activity.sequence += 1
    activity.save()
    actions.invite(activity, [carer.person])
    assert Message.objects.filter(kind="activities.invitation").count() == 2
    assert activity.invitations.count() == 1


def test_nobody_is_invited_before_the_activity_has_a_date(
    coordinator: Member, carer: Member
) -> None:
    activity = group_activity(
        coordinator, carer.person, status=ActivityStatus.FINDING_A_TIME, starts_at=None
    )
    with pytest.raises(actions.NotScheduled):
        actions.invite(activity, [carer.person])
    assert not Invitation.objects.exists()


def test_a_reply_is_confirmed_with_the_details_and_support_needed(
    coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person)
    actions.record_reply(
        invitation, reply=Reply.COMING, replacement_care_needed=True, by=carer.user
    )
    invitation.refresh_from_db()
    assert invitation.reply == Reply.COMING
    assert invitation.replied_by == carer.user
    message = Message.objects.get(kind="activities.reply")
    assert "We have you down as coming" in message.body
    assert "Replacement care: we are arranging it and will confirm with you" in message.body
    assert "Riverside Carers' Centre" in message.body


def test_when_places_are_full_people_wait_and_the_longest_waiting_gets_a_freed_place(
    coordinator: Member,
) -> None:
    people = CarerFactory.create_batch(4, organisation=coordinator.organisation)
    activity = group_activity(coordinator, *people, capacity=2)
    first, second, third, fourth = (invited(activity, p) for p in people)
    now = timezone.now()
    for offset, invitation in enumerate([first, second, third, fourth]):
        actions.record_reply(invitation, reply=Reply.COMING, now=now + timedelta(minutes=offset))
    replies = {i.pk: i.reply for i in activity.invitations.all()}
    assert replies == {
        first.pk: Reply.COMING,
        second.pk: Reply.COMING,
        third.pk: Reply.WAITING_LIST,
        fourth.pk: Reply.WAITING_LIST,
    }
    actions.record_reply(second, reply=Reply.NOT_COMING, now=now + timedelta(hours=1))
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert (third.reply, third.waiting_since) == (Reply.COMING, None)
    assert fourth.reply == Reply.WAITING_LIST
    offered = Message.objects.get(kind="activities.place_offered")
    assert offered.person_id == third.person_id
    assert "A place has come up and it is yours" in offered.body


def test_changing_needs_while_on_the_waiting_list_keeps_your_place_in_the_queue(
    coordinator: Member,
) -> None:
    people = CarerFactory.create_batch(2, organisation=coordinator.organisation)
    activity = group_activity(coordinator, *people, capacity=1)
    first, second = (invited(activity, p) for p in people)
    actions.record_reply(first, reply=Reply.COMING)
    waiting = actions.record_reply(second, reply=Reply.COMING)
    since = waiting.waiting_since
    again = actions.record_reply(second, reply=Reply.COMING, travel_needed=True)
    assert again.reply == Reply.WAITING_LIST
    assert again.waiting_since == since


@pytest.mark.django_db(transaction=True)
def test_two_people_replying_for_the_last_place_at_once_get_one_place(
    coordinator: Member,
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the row lock is proved on PostgreSQL")
    people = CarerFactory.create_batch(2, organisation=coordinator.organisation)
    activity = group_activity(coordinator, *people, capacity=1)
    invitations = [invited(activity, p) for p in people]
    barrier = threading.Barrier(2)

    def reply(invitation: Invitation) -> None:
        barrier.wait()
        try:
            actions.record_reply(invitation, reply=Reply.COMING)
        finally:
            connection.close()

    threads = [threading.Thread(target=reply, args=(i,)) for i in invitations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    replies = sorted(activity.invitations.values_list("reply", flat=True))
    assert replies == [Reply.COMING, Reply.WAITING_LIST]


def test_support_arranged_is_told_to_the_person_once(coordinator: Member, carer: Member) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person, replacement_care_needed=True)
    details: dict[str, Any] = {
        "replacement_care_arranged": "Crossroads sitter, 9:30am to 1pm",
        "travel_arranged": "",
    }
    actions.record_support(invitation, **details)
    actions.record_support(invitation, **details)
    message = Message.objects.get(kind="activities.support")
    assert "Replacement care arranged: Crossroads sitter, 9:30am to 1pm" in message.body


def test_briefings_are_recorded_once(coordinator: Member, carer: Member) -> None:
    invitation = invited(group_activity(coordinator, carer.person), carer.person)
    assert actions.record_given(invitation, "pre_brief")
    assert not actions.record_given(invitation, "pre_brief")
    invitation.refresh_from_db()
    assert invitation.pre_brief_given_at is not None
    assert invitation.de_brief_given_at is None


def test_the_register_records_who_came_and_for_how_long(coordinator: Member) -> None:
    people = CarerFactory.create_batch(3, organisation=coordinator.organisation)
    activity = group_activity(coordinator, *people, duration_minutes=150)
    came, late, absent = (invited(activity, p) for p in people)
    assert actions.record_attendance(activity, {came.pk: None, late.pk: 90}) == 2
    rows = {i.pk: (i.attended, i.attended_minutes) for i in activity.invitations.all()}
    assert rows == {came.pk: (True, 150), late.pk: (True, 90), absent.pk: (False, None)}


def test_checking_in_keeps_minutes_staff_already_recorded(
    coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, duration_minutes=120)
    invitation = invited(activity, carer.person, attended_minutes=60)
    actions.check_in(invitation)
    invitation.refresh_from_db()
    assert (invitation.attended, invitation.attended_minutes) == (True, 60)


def change(activity: Any, kind: str, user: Any, previous: datetime | None = None) -> ActivityChange:
    change: ActivityChange = ActivityChange.objects.create(
        activity=activity,
        kind=kind,
        starts_at=activity.starts_at,
        previous_starts_at=previous,
        notice_days=20,
        required_days=14,
        changed_by=user,
        changed_at=timezone.now(),
    )
    return change


def test_everyone_invited_is_told_of_a_move_with_the_new_date_once(coordinator: Member) -> None:
    people = CarerFactory.create_batch(2, organisation=coordinator.organisation)
    activity = group_activity(
        coordinator, *people, starts_at=datetime(2027, 7, 13, 9, 0, tzinfo=UTC)
    )
    coming, not_coming = (invited(activity, p) for p in people)
    actions.record_reply(not_coming, reply=Reply.NOT_COMING)
    previous = activity.starts_at
    activity.starts_at = datetime(2027, 7, 20, 9, 0, tzinfo=UTC)
    activity.sequence += 1
    activity.save()
    moved = change(activity, ChangeKind.MOVED, coordinator.user, previous)
    assert actions.tell_invitees_changed(activity, moved) == 2
    actions.tell_invitees_changed(activity, moved)
    messages = Message.objects.filter(kind="activities.changed")
    assert {m.person_id for m in messages} == {coming.person_id, not_coming.person_id}
    message = messages.get(person=coming.person)
    assert "It was going to be on 13 July 2027 at 10am" in message.body
    assert "Tuesday 20 July 2027, 10am to 12pm" in message.body
    assert ("invitation-calendar", coming.pk) in linked(message.body)


def test_everyone_invited_is_told_of_a_cancellation_with_a_calendar_cancel(
    coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person)
    activity.status = ActivityStatus.CANCELLED
    activity.sequence += 1
    activity.save()
    cancelled = change(activity, ChangeKind.CANCELLED, coordinator.user)
    cancelled.reason = "The venue flooded"
    cancelled.save()
    actions.tell_invitees_changed(activity, cancelled)
    message = Message.objects.get(kind="activities.cancelled")
    assert message.subject == f"Cancelled: {activity.title}"
    assert "Why: The venue flooded" in message.body
    assert ("invitation-calendar", invitation.pk) in linked(message.body)
    assert "METHOD:CANCEL" in actions.calendar_file(invitation)


def test_the_same_reply_sent_again_later_is_confirmed_once(
    coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person)
    now = timezone.now()
    for retry in range(3):  # the browser or a task resends it, minutes apart
        actions.record_reply(
            invitation, reply=Reply.COMING, travel_needed=True, now=now + timedelta(minutes=retry)
        )
    assert Message.objects.filter(kind="activities.reply").count() == 1
    invitation.refresh_from_db()
    assert invitation.replied_at == now
    actions.record_reply(invitation, reply=Reply.NOT_COMING, now=now + timedelta(hours=1))
    actions.record_reply(invitation, reply=Reply.COMING, now=now + timedelta(hours=2))
    assert Message.objects.filter(kind="activities.reply").count() == 3  # real changes


def test_a_freed_place_is_offered_once_per_time_it_is_freed(coordinator: Member) -> None:
    people = CarerFactory.create_batch(2, organisation=coordinator.organisation)
    activity = group_activity(coordinator, *people, capacity=1)
    first, second = (invited(activity, p) for p in people)
    actions.record_reply(first, reply=Reply.COMING)
    actions.record_reply(second, reply=Reply.COMING)  # waits
    actions.record_reply(first, reply=Reply.NOT_COMING)  # second is offered the place
    actions.record_reply(first, reply=Reply.NOT_COMING)  # sent again: nothing new
    offered = Message.objects.filter(kind="activities.place_offered")
    assert offered.count() == 1
    second.refresh_from_db()
    assert offered.get().idempotency_key == (
        f"activities.{activity.pk}.place_offered.{second.pk}.v{second.reply_version}"
    )
