"""Verbs for decisions: put a proposal, record a position, record the outcome. Each is one
transaction; the group is told through `notify`, keyed so each message is sent once:
`decisions.<proposal>.<what>.<person>`."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.activities import actions as activities
from coproduce.activities import rules as notice_rules
from coproduce.audit.actions import record
from coproduce.audit.models import AuditAction
from coproduce.decisions import rules
from coproduce.decisions.models import (
    DecisionRule,
    Outcome,
    Position,
    PositionChannel,
    Proposal,
    ProposalStatus,
    RuleKind,
    Stance,
)
from coproduce.notifications.actions import notify
from coproduce.people.models import Person
from coproduce.projects.models import Project, ProjectMember
from coproduce.tenancy.models import STAFF_ROLES, Membership


class Closed(Exception):
    """Positions can no longer be given: the deadline has passed or the group has decided."""

    def __init__(self, why: rules.NotOpen) -> None:
        super().__init__(why)
        self.why = why


class CommentNeeded(Exception):
    """A block needs a comment saying why."""


class NotYet(Exception):
    """The outcome cannot be recorded yet (or has been recorded already)."""


class DeadlinePassed(Exception):
    """A proposal's deadline must be in the future."""


class ReasonNeeded(Exception):
    """A deadline giving a member less notice than they need needs a reason."""


class BlockStands(Exception):
    """ "Agreed" while a block stands that the group's rule does not allow, unaddressed."""


@dataclass(frozen=True)
class Draft:
    title: str
    background: str
    options: str
    deadline: datetime.datetime
    hide_positions_until_deadline: bool
    allow_anonymous_positions: bool
    short_notice_reason: str = ""
    welsh: tuple[tuple[str, str], ...] = ()  # the Welsh twins written: (name, text)


@dataclass(frozen=True)
class Given:
    stance: Stance
    comment: str
    channel: PositionChannel
    anonymous_to_group: bool


def group_of(project: Project) -> QuerySet[Person]:
    """The project's group now: its current members, by name."""
    return Person.objects.filter(
        project_memberships__project=project,
        project_memberships__left_on=None,
        erased_at=None,
    ).order_by("full_name", "pk")


def rule_of(project: Project) -> DecisionRule:
    """The group's decision rule: the saved one, or full consensus (unsaved) until staff
    choose; no query when the project came with `select_related("decision_rule")`."""
    try:
        return project.decision_rule
    except DecisionRule.DoesNotExist:
        return DecisionRule(project=project)


@transaction.atomic
def set_rule(user: User, project: Project, kind: RuleKind, vote_after_rounds: int) -> DecisionRule:
    """Staff set how the group decides; it applies to outcomes recorded from now on."""
    rule, _ = DecisionRule.objects.update_or_create(
        project=project,
        defaults={
            "kind": kind,
            "vote_after_rounds": vote_after_rounds,
            "updated_at": timezone.now(),
            "updated_by": user,
        },
    )
    return rule


def check_deadline_notice(
    project: Project, deadline: datetime.datetime, now: datetime.datetime | None = None
) -> notice_rules.Notice:
    """The notice a deadline gives the group, against each member's own notice need (the
    same counting as activities; the organisation's minimum is for meetings)."""
    people = group_of(project).select_related("carer_profile")
    return notice_rules.check_notice(
        now or timezone.now(), deadline, 0, activities.notice_needs(people)
    )


def short_notice_counts(project_ids: list[int]) -> dict[int, int]:
    """How many proposals gave members less notice than they need, by project (one query)."""
    rows = (
        Proposal.objects.filter(project_id__in=project_ids, short_notice=True)
        .values("project_id")
        .annotate(n=Count("pk"))
    )
    return {row["project_id"]: row["n"] for row in rows}


def group_members(project: Project) -> list[rules.GroupMember]:
    """The project's group now, by name, with when each joined, their role in the group and
    whether they are staff of their organisation: one query."""
    staff = Membership.objects.filter(
        user_id=OuterRef("person__user_id"),
        organisation_id=OuterRef("person__organisation_id"),
        role__in=STAFF_ROLES,
    )
    rows = (
        ProjectMember.objects.filter(project=project, left_on=None, person__erased_at=None)
        .annotate(staff=Exists(staff))
        .order_by("person__full_name", "person_id")
        .values_list("person_id", "person__full_name", "joined_on", "role", "staff")
    )
    return [rules.GroupMember(*row) for row in rows]


def proposal_link(proposal: Proposal) -> str:
    return settings.SITE_URL + reverse("decisions:proposal", args=[proposal.pk])


@transaction.atomic
def put_proposal(
    user: User,
    project: Project,
    proposer: Person | None,
    draft: Draft,
    revises: Proposal | None = None,
    now: datetime.datetime | None = None,
) -> Proposal:
    """Put a proposal to the group and tell every current member but the proposer, and the
    coordinator (so staff hear of a member's proposal even when not in the group)."""
    now = now or timezone.now()
    if rules.deadline_problem(draft.deadline, now) is not None:
        raise DeadlinePassed(draft.deadline)
    notice = check_deadline_notice(project, draft.deadline, now)
    reason = draft.short_notice_reason.strip() if notice.short else ""
    if rules.short_notice_problem(notice.short, reason) is not None:
        raise ReasonNeeded(draft.deadline)
    proposal = Proposal.objects.create(
        project=project,
        title=draft.title,
        background=draft.background,
        options=draft.options,
        **dict(draft.welsh),
        deadline=draft.deadline,
        hide_positions_until_deadline=draft.hide_positions_until_deadline,
        allow_anonymous_positions=draft.allow_anonymous_positions,
        proposed_by=proposer,
        proposed_at=now,
        revises=revises,
        round=revises.round + 1 if revises is not None else 1,
        notice_days=notice.given,
        required_notice_days=notice.required,
        short_notice=notice.short,
        short_notice_reason=reason,
    )
    context = {"proposal": proposal, "project": project, "link": proposal_link(proposal)}
    told = list(group_of(project))
    if project.coordinator_id is not None and all(p.pk != project.coordinator_id for p in told):
        told.append(project.coordinator)
    for person in told:
        if proposer is not None and person.pk == proposer.pk:
            continue
        notify(
            person,
            "decisions.proposed",
            "decisions_proposed",
            context,
            idempotency_key=f"decisions.{proposal.pk}.proposed.{person.pk}",
        )
    return proposal


@transaction.atomic
def record_position(
    user: User,
    proposal: Proposal,
    person: Person,
    given: Given,
    now: datetime.datetime | None = None,
) -> Position:
    """Record (or change) a member's position while the proposal is open, or withdraw
    their block after the deadline until the outcome is recorded."""
    now = now or timezone.now()
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    current = (
        Position.objects.filter(proposal=locked, person=person)
        .values_list("stance", flat=True)
        .first()
    )
    why = rules.why_closed_to(locked, now, current, given.stance)
    if why is not None:
        raise Closed(why)
    comment = given.comment.strip()
    if given.stance == Stance.BLOCK and not comment:
        raise CommentNeeded()
    position, _ = Position.objects.update_or_create(
        proposal=locked,
        person=person,
        defaults={
            "stance": given.stance,
            "comment": comment,
            "channel": given.channel,
            "anonymous_to_group": given.anonymous_to_group and locked.allow_anonymous_positions,
            "recorded_by": user,
            "recorded_at": now,
        },
    )
    if person.user_id != user.pk:
        record(
            actor=user,
            person=person,
            action=AuditAction.CHANGED,
            categories=[],
            detail=f"Recorded a position on proposal {proposal.pk} for them",
        )
    return position


def responses(proposal: Proposal) -> tuple[int, int]:
    """(current members, how many of them have given a position): two queries."""
    members = set(group_of(proposal.project).values_list("pk", flat=True))
    responded = set(proposal.positions.values_list("person_id", flat=True))
    return len(members), len(members & responded)


@transaction.atomic
def record_outcome(
    user: User,
    proposal: Proposal,
    outcome: Outcome,
    statement: str,
    block_reason: str = "",
    now: datetime.datetime | None = None,
) -> Proposal:
    """Record the outcome once (the first to record it wins) and tell the group. "Agreed"
    over a block the group's rule does not allow needs the reason the group accepted."""
    now = now or timezone.now()
    locked = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("project__decision_rule")
        .get(pk=proposal.pk)
    )
    members, responded = responses(locked)
    if not rules.may_record_outcome(locked, now, members, responded):
        raise NotYet(locked.pk)
    rule = rule_of(locked.project)
    stances = list(locked.positions.values_list("stance", flat=True))
    args = (outcome, stances, rule.kind, rule.vote_after_rounds, locked.round)
    problem = rules.outcome_problem(*args, block_reason)
    if problem is not None:
        raise BlockStands(problem)
    locked.status = ProposalStatus.CLOSED
    locked.outcome = outcome
    locked.outcome_statement = statement.strip()
    locked.block_reason = block_reason.strip() if rules.block_reason_needed(*args) else ""
    locked.decided_at = now
    locked.decided_by = user
    locked.save(
        update_fields=[
            "status",
            "outcome",
            "outcome_statement",
            "block_reason",
            "decided_at",
            "decided_by",
        ]
    )
    context = {"proposal": locked, "project": locked.project, "link": proposal_link(locked)}
    for person in group_of(locked.project).exclude(user_id=user.pk):
        notify(
            person,
            "decisions.outcome",
            "decisions_outcome",
            context,
            idempotency_key=f"decisions.{locked.pk}.outcome.{person.pk}",
        )
    return locked
