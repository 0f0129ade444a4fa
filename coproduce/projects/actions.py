"""Verbs that change projects: each one transaction.

A project's own history is its record (every stage move is a StageChange with who, when
and why); changes to a person's place in a group are also written to the audit log.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit import actions as audit
from coproduce.audit.models import AuditAction
from coproduce.people.models import Person
from coproduce.projects import extensions, rules
from coproduce.projects.models import (
    BudgetLine,
    GroupRole,
    Milestone,
    Project,
    ProjectMember,
    Stage,
    StageChange,
)
from coproduce.tenancy.models import Organisation, Partnership


class StageUnchanged(Exception):
    """The project is already at that stage (someone else may have just moved it)."""


@dataclass(frozen=True)
class ProjectDetails:
    title: str
    aims: str
    scope: str
    coordinator: Person
    starts_on: datetime.date
    ends_on: datetime.date | None
    partnership: Partnership | None
    title_cy: str = ""
    aims_cy: str = ""


def _apply(project: Project, details: ProjectDetails) -> None:
    project.title = details.title
    project.aims = details.aims
    project.title_cy = details.title_cy
    project.aims_cy = details.aims_cy
    project.scope = details.scope
    project.coordinator = details.coordinator
    project.starts_on = details.starts_on
    project.ends_on = details.ends_on
    project.partnership = details.partnership


@transaction.atomic
def create_project(
    actor: User, organisation: Organisation, details: ProjectDetails, stage: str = Stage.FUNDING
) -> Project:
    """A new project, with its first stage recorded as a move from nowhere."""
    project = Project(organisation=organisation, stage=stage)
    _apply(project, details)
    project.save()
    StageChange.objects.create(
        project=project,
        from_stage="",
        to_stage=stage,
        changed_by=actor,
        changed_at=timezone.now(),
    )
    return project


@transaction.atomic
def update_project(actor: User, project: Project, details: ProjectDetails) -> Project:
    _apply(project, details)
    project.save()
    return project


@transaction.atomic
def move_stage(
    actor: User,
    project: Project,
    to_stage: str,
    note: str = "",
    carers_absent_reason: str = "",
) -> StageChange:
    """Move a project to any stage, forwards or back, recording who, when and why.

    Moving on from a stage in which carers took no part needs `carers_absent_reason`; the
    move is recorded as made without carers (see `access.moves_without_carers`)."""
    now = timezone.now()
    locked = Project.objects.select_for_update().get(pk=project.pk)
    problem = rules.stage_move_problem(locked.stage, to_stage, note)
    if problem is not None:
        raise StageUnchanged(problem)
    if waiting := extensions.waiting(locked, to_stage):
        raise StageUnchanged(" ".join(w.gate.refusal(w.count) for w in waiting))
    evidence = extensions.evidence_of(locked, now)
    without_carers = rules.moves_on_without_carers(locked.stage, to_stage, evidence)
    reason = carers_absent_reason.strip() if without_carers else ""
    if without_carers and not reason:
        raise StageUnchanged(rules.carers_absent_problem(locked.stage))
    change = StageChange.objects.create(
        project=locked,
        from_stage=locked.stage,
        to_stage=to_stage,
        note=note.strip(),
        carers_absent=without_carers,
        carers_absent_reason=reason,
        changed_by=actor,
        changed_at=now,
    )
    Project.objects.filter(pk=locked.pk).update(stage=to_stage, updated_at=now)
    project.stage = to_stage
    return change


@transaction.atomic
def save_budget_line(
    project: Project, kind: str, description: str, amount: Decimal, line: BudgetLine | None = None
) -> BudgetLine:
    line = line or BudgetLine(project=project)
    line.kind = kind
    line.description = description
    line.amount = amount
    line.save()
    return line


@transaction.atomic
def remove_budget_line(line: BudgetLine) -> None:
    line.delete()


@transaction.atomic
def add_milestone(project: Project, title: str, due_on: datetime.date) -> Milestone:
    return Milestone.objects.create(project=project, title=title, due_on=due_on)


@transaction.atomic
def mark_milestone_done(milestone: Milestone, done_on: datetime.date | None = None) -> bool:
    """Mark a milestone done once; returns False if it already was."""
    day = done_on or timezone.localdate()
    claimed = Milestone.objects.filter(pk=milestone.pk, done_on=None).update(done_on=day)
    if claimed:
        milestone.done_on = day
    return claimed == 1


class NotOfThisProject(ValueError):
    """The person belongs to an organisation that neither owns nor co-owns the project."""


@transaction.atomic
def add_member(
    actor: User | None,
    project: Project,
    person: Person,
    role: str,
    joined_on: datetime.date,
) -> ProjectMember:
    """Put a person in a project's group. Idempotent: a current member is returned as they
    are; someone who had left is taken back in with the new role and joining date.

    The recruitment pages call this when an expression of interest becomes a member.
    """
    owners = {project.organisation_id}
    if project.partnership_id is not None:
        owners |= set(
            Organisation.objects.filter(partnerships=project.partnership_id).values_list(
                "pk", flat=True
            )
        )
    if person.organisation_id not in owners:
        raise NotOfThisProject(f"Person {person.pk} is not of project {project.pk}'s owners")
    member, created = ProjectMember.objects.select_for_update().get_or_create(
        project=project,
        person=person,
        defaults={"role": GroupRole(role), "joined_on": joined_on},
    )
    if not created and member.left_on is None:
        return member
    if not created:
        member.role = GroupRole(role)
        member.joined_on = joined_on
        member.left_on = None
        member.save(update_fields=["role", "joined_on", "left_on"])
    audit.record(
        actor=actor,
        person=person,
        action=AuditAction.CHANGED,
        categories=[],
        detail=f"Joined the group of project {project.pk} as {member.role}",
    )
    return member


@transaction.atomic
def record_leaving(actor: User, member: ProjectMember, left_on: datetime.date) -> ProjectMember:
    member.left_on = left_on
    member.save(update_fields=["left_on"])
    audit.record(
        actor=actor,
        person=member.person,
        action=AuditAction.CHANGED,
        categories=[],
        detail=f"Left the group of project {member.project_id}",
    )
    return member
