import datetime
from decimal import Decimal

import pytest
from pytest_django import DjangoAssertNumQueries

from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects import access, actions
from coproduce.projects.models import GroupRole, Project, ProjectMember, Stage, StageChange
from coproduce.projects.tests.factories import MilestoneFactory
from coproduce.tenancy.tests.factories import PartnershipFactory


def details(coordinator: Member, **overrides: object) -> actions.ProjectDetails:
    values: dict[str, object] = {
        "title": "Young carers' breaks",
        "aims": "Young carers shape their own breaks.",
        "scope": "",
        "coordinator": coordinator.person,
        "starts_on": datetime.date(2027, 1, 4),
        "ends_on": None,
        "partnership": None,
    }
    values.update(overrides)
    return actions.ProjectDetails(**values)  # type: ignore[arg-type]


def test_creating_a_project_records_its_first_stage(coordinator: Member) -> None:
    project = actions.create_project(
        coordinator.user, coordinator.organisation, details(coordinator), stage=Stage.MEMBERSHIP
    )
    change = StageChange.objects.get(project=project)
    assert (change.from_stage, change.to_stage) == ("", Stage.MEMBERSHIP)
    assert change.changed_by == coordinator.user
    assert project.stage == Stage.MEMBERSHIP


def test_moving_stage_records_who_when_and_why_and_updates_the_project(
    project: Project, coordinator: Member
) -> None:
    actions.move_stage(coordinator.user, project, Stage.PLANNING, "", "Recruiting still")
    actions.move_stage(
        coordinator.user, project, Stage.REVISION, "revision after consultation", "Summer break"
    )
    project.refresh_from_db()
    assert project.stage == Stage.REVISION
    history = list(
        StageChange.objects.filter(project=project).values_list("from_stage", "to_stage", "note")
    )
    assert history == [
        (Stage.CONSULTING, Stage.PLANNING, ""),
        (Stage.PLANNING, Stage.REVISION, "revision after consultation"),
    ]


def test_moving_to_the_stage_a_project_is_already_at_changes_nothing(
    project: Project, coordinator: Member
) -> None:
    with pytest.raises(actions.StageUnchanged):
        actions.move_stage(coordinator.user, project, project.stage)
    assert not StageChange.objects.filter(project=project).exists()


def test_going_back_without_a_note_is_refused(project: Project, coordinator: Member) -> None:
    with pytest.raises(actions.StageUnchanged):
        actions.move_stage(coordinator.user, project, Stage.FUNDING)
    project.refresh_from_db()
    assert project.stage == Stage.CONSULTING


def test_moving_on_without_carers_needs_a_reason_and_is_counted(
    project: Project, coordinator: Member, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    with pytest.raises(actions.StageUnchanged, match="carers took no part in the Consulting"):
        actions.move_stage(coordinator.user, project, Stage.PLANNING, "", "  ")
    assert not StageChange.objects.filter(project=project).exists()
    first = actions.move_stage(coordinator.user, project, Stage.PLANNING, "", "Over summer")
    actions.move_stage(coordinator.user, project, Stage.CONSULTING, "more to hear")
    second = actions.move_stage(coordinator.user, project, Stage.DELIVERY, "", "Deadline")
    with django_assert_num_queries(1):
        moves = list(access.moves_without_carers(project))
    assert moves == [first, second]
    assert [m.carers_absent_reason for m in moves] == ["Over summer", "Deadline"]


def test_adding_a_member_twice_returns_the_same_membership(
    project: Project, coordinator: Member
) -> None:
    person = CarerFactory.create(organisation=project.organisation)
    first = actions.add_member(
        coordinator.user, project, person, GroupRole.CARER, datetime.date(2026, 9, 20)
    )
    again = actions.add_member(
        coordinator.user, project, person, GroupRole.PROFESSIONAL, datetime.date(2026, 10, 1)
    )
    assert again.pk == first.pk
    assert again.role == GroupRole.CARER
    assert again.joined_on == datetime.date(2026, 9, 20)
    assert ProjectMember.objects.filter(project=project, person=person).count() == 1
    assert AuditEvent.objects.filter(person=person).count() == 1


def test_adding_someone_who_left_takes_them_back_in(project: Project, coordinator: Member) -> None:
    person = CarerFactory.create(organisation=project.organisation)
    member = actions.add_member(
        coordinator.user, project, person, GroupRole.CARER, datetime.date(2026, 9, 20)
    )
    actions.record_leaving(coordinator.user, member, datetime.date(2026, 12, 1))
    back = actions.add_member(None, project, person, GroupRole.CARER, datetime.date(2027, 2, 1))
    assert back.pk == member.pk
    assert back.left_on is None
    assert back.joined_on == datetime.date(2027, 2, 1)


def test_people_of_a_partner_organisation_can_join_but_others_cannot(
    project: Project, coordinator: Member, staff_b: Member, carer_b: Member
) -> None:
    with pytest.raises(actions.NotOfThisProject):
        actions.add_member(
            coordinator.user, project, carer_b.person, GroupRole.CARER, datetime.date(2026, 9, 20)
        )
    partnership = PartnershipFactory.create(lead=project.organisation)
    partnership.organisations.set([project.organisation, staff_b.organisation])
    project.partnership = partnership
    project.save()
    member = actions.add_member(
        coordinator.user, project, carer_b.person, GroupRole.CARER, datetime.date(2026, 9, 20)
    )
    assert member.person == carer_b.person


def test_a_milestone_is_marked_done_once(project: Project) -> None:
    milestone = MilestoneFactory.create(project=project)
    assert actions.mark_milestone_done(milestone, datetime.date(2026, 11, 1))
    assert not actions.mark_milestone_done(milestone, datetime.date(2026, 11, 2))
    milestone.refresh_from_db()
    assert milestone.done_on == datetime.date(2026, 11, 1)


def test_budget_lines_are_saved_and_removed(project: Project) -> None:
    line = actions.save_budget_line(project, "venue", "Community hall", Decimal("120.50"))
    actions.save_budget_line(project, "venue", "Community hall, 2 days", Decimal("241.00"), line)
    line.refresh_from_db()
    assert line.amount == Decimal("241.00")
    actions.remove_budget_line(line)
    assert not project.budget_lines.exists()
