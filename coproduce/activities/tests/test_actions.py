from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.activities import actions
from coproduce.activities.models import (
    ActivityChange,
    ActivityLead,
    ActivityStatus,
    ChangeKind,
    Format,
    LeadRole,
    SlotAnswer,
)
from coproduce.activities.tests.factories import InvitationFactory, SlotFactory
from coproduce.activities.tests.planning_setup import activity_of, days_ahead, finding, project_with
from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member

DETAILS = {
    "kind": "meeting",
    "title": "Discharge checklist workshop",
    "format": Format.ONLINE,
    "joining_details": "https://meet.example.org/abc",
    "other_ways": ["phone"],
    "reminder_days": [7, 1],
}


def test_planning_with_a_time_schedules_and_records_the_notice(
    coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    starts = days_ahead(30)
    activity = actions.plan_activity(
        coordinator.user,
        project,
        DETAILS,
        {carer.person.pk: LeadRole.CARER_LED},
        actions.PlannedTime(starts),
    )
    assert activity.status == ActivityStatus.SCHEDULED
    assert activity.stage == project.stage
    change = activity.changes.get()
    assert (change.kind, change.notice_days, change.required_days, change.short_notice) == (
        ChangeKind.SCHEDULED,
        30,
        14,
        False,
    )
    assert ActivityLead.objects.get(activity=activity).person == carer.person


def test_planning_without_a_time_finds_one_later_and_records_no_change(
    coordinator: Member,
) -> None:
    activity = actions.plan_activity(coordinator.user, project_with(coordinator), DETAILS, {}, None)
    assert activity.status == ActivityStatus.FINDING_A_TIME
    assert not activity.changes.exists()


def test_short_notice_needs_a_reason_and_is_recorded_with_it(
    coordinator: Member, carer: Member
) -> None:
    carer.person.carer_profile.notice_days = 21
    carer.person.carer_profile.save()
    project = project_with(coordinator, carer)
    with pytest.raises(actions.ReasonNeeded):
        actions.plan_activity(
            coordinator.user, project, DETAILS, {}, actions.PlannedTime(days_ahead(16))
        )
    activity = actions.plan_activity(
        coordinator.user,
        project,
        DETAILS,
        {},
        actions.PlannedTime(days_ahead(16), "The ward closes next month"),
    )
    change = activity.changes.get()
    assert (change.notice_days, change.required_days, change.short_notice) == (16, 21, True)
    assert change.reason == "The ward closes next month"
    assert actions.short_notice_count(project) == 1


def test_the_database_refuses_short_notice_without_a_reason(coordinator: Member) -> None:
    activity = activity_of(project_with(coordinator))
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityChange.objects.create(
            activity=activity,
            kind=ChangeKind.MOVED,
            notice_days=2,
            required_days=14,
            short_notice=True,
            reason="",
            changed_by=coordinator.user,
            changed_at=timezone.now(),
        )


def test_moving_records_the_change_and_raises_the_calendar_sequence(
    coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer), starts_at=days_ahead(20))
    before = activity.starts_at
    change = actions.move_activity(coordinator.user, activity, days_ahead(25), "")
    activity.refresh_from_db()
    assert activity.sequence == 1
    assert activity.starts_at == days_ahead(25)
    assert (change.kind, change.previous_starts_at, change.notice_days) == (
        ChangeKind.MOVED,
        before,
        25,
    )
    actions.move_activity(coordinator.user, activity, days_ahead(26), "")
    activity.refresh_from_db()
    assert activity.sequence == 2


def test_moving_at_short_notice_needs_a_reason(coordinator: Member) -> None:
    activity = activity_of(project_with(coordinator), starts_at=days_ahead(20))
    with pytest.raises(actions.ReasonNeeded):
        actions.move_activity(coordinator.user, activity, days_ahead(3), "  ")
    activity.refresh_from_db()
    assert activity.sequence == 0
    assert activity.starts_at == days_ahead(20)


def test_the_notice_people_need_is_that_of_those_invited_once_anyone_is(
    coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer), starts_at=days_ahead(20))
    carer.person.carer_profile.notice_days = 30
    carer.person.carer_profile.save()
    assert actions.check_notice(activity, days_ahead(20)).required == 30
    InvitationFactory.create(activity=activity)  # someone else, needing the default 14 days
    assert actions.check_notice(activity, days_ahead(20)).required == 14


def test_cancelling_records_the_reason_the_costs_and_the_notice(
    coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer), starts_at=days_ahead(5))
    invitation = InvitationFactory.create(activity=activity, person=carer.person)
    change = actions.cancel_activity(
        coordinator.user,
        activity,
        "The venue flooded",
        {invitation.pk: (Decimal("45.00"), "Replacement care booked")},
    )
    activity.refresh_from_db()
    invitation.refresh_from_db()
    assert activity.status == ActivityStatus.CANCELLED
    assert activity.cancel_reason == "The venue flooded"
    assert activity.cancelled_at is not None
    assert activity.sequence == 1
    assert (change.kind, change.notice_days, change.short_notice) == (
        ChangeKind.CANCELLED,
        5,
        True,
    )
    assert invitation.cancellation_cost == Decimal("45.00")
    assert invitation.cancellation_cost_note == "Replacement care booked"


def test_a_cancellation_always_needs_a_reason_and_happens_once(coordinator: Member) -> None:
    activity = activity_of(project_with(coordinator))
    with pytest.raises(actions.ReasonNeeded):
        actions.cancel_activity(coordinator.user, activity, "")
    actions.cancel_activity(coordinator.user, activity, "Funding ended")
    with pytest.raises(actions.NotNow):
        actions.cancel_activity(coordinator.user, activity, "Again")
    assert activity.changes.count() == 1


def test_costs_cannot_be_recorded_against_another_activity_s_invitation(
    coordinator: Member,
) -> None:
    project = project_with(coordinator)
    activity, other = activity_of(project), activity_of(project)
    theirs = InvitationFactory.create(activity=other)
    assert actions.record_cancellation_costs(activity, {theirs.pk: (Decimal("5"), "x")}) == 0
    theirs.refresh_from_db()
    assert theirs.cancellation_cost == Decimal("0")


def test_the_invitations_hook_hears_about_every_change(
    coordinator: Member, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[str] = []
    from coproduce.activities import invitation_actions

    monkeypatch.setattr(
        invitation_actions,
        "tell_invitees_changed",
        lambda activity, change: heard.append(change.kind),
    )
    activity = activity_of(project_with(coordinator), starts_at=days_ahead(20))
    actions.move_activity(coordinator.user, activity, days_ahead(21), "")
    actions.cancel_activity(coordinator.user, activity, "Funding ended")
    assert heard == [ChangeKind.MOVED, ChangeKind.CANCELLED]


def test_choosing_a_proposed_time_schedules_the_activity(
    coordinator: Member, carer: Member
) -> None:
    activity = finding(project_with(coordinator, carer))
    slot = SlotFactory.create(activity=activity, starts_at=days_ahead(28))
    actions.answer_slots(carer.user, activity, carer.person, {slot.pk: True})
    change = actions.choose_slot(coordinator.user, activity, slot, "")
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.SCHEDULED
    assert activity.starts_at == slot.starts_at
    assert (change.kind, change.notice_days) == (ChangeKind.SCHEDULED, 28)
    with pytest.raises(actions.NotNow):
        actions.choose_slot(coordinator.user, activity, slot, "")


def test_answers_are_one_per_member_per_time_and_can_be_changed(
    coordinator: Member, carer: Member
) -> None:
    activity = finding(project_with(coordinator, carer))
    slot = SlotFactory.create(activity=activity)
    other_activity_slot = SlotFactory.create()
    actions.answer_slots(carer.user, activity, carer.person, {slot.pk: True})
    actions.answer_slots(
        coordinator.user, activity, carer.person, {slot.pk: False, other_activity_slot.pk: True}
    )
    answer = SlotAnswer.objects.get()
    assert (answer.can_make, answer.recorded_by) == (False, coordinator.user)


def test_proposing_the_same_time_twice_keeps_it_once(coordinator: Member) -> None:
    activity = finding(project_with(coordinator))
    assert actions.propose_slots(activity, [days_ahead(20), days_ahead(21)]) == 2
    assert actions.propose_slots(activity, [days_ahead(20)]) == 0


def test_seeing_the_group_s_needs_is_audited_per_person(
    coordinator: Member, carer: Member, professional: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer, professional))
    people = actions.group_needs(coordinator.user, activity)
    assert {p.pk for p in people} == {carer.person.pk, professional.person.pk}
    assert AuditEvent.objects.filter(actor=coordinator.user).count() == 2


def test_short_notice_counts_are_per_project(coordinator: Member) -> None:
    first, second = project_with(coordinator), project_with(coordinator)
    for project, days in ((first, 3), (first, 5), (second, 30)):
        activity = activity_of(project, starts_at=days_ahead(40))
        actions.move_activity(coordinator.user, activity, days_ahead(days), "Room lost")
    assert actions.short_notice_counts([first.pk, second.pk]) == {first.pk: 2}


def test_lead_candidates_are_the_group_and_the_staff(
    coordinator: Member, admin: Member, carer: Member, carer_b: Member
) -> None:
    project = project_with(coordinator, carer)
    names = [person.full_name for person, _role in actions.lead_candidates(project)]
    assert sorted(names) == sorted(
        [carer.person.full_name, coordinator.person.full_name, admin.person.full_name]
    )
