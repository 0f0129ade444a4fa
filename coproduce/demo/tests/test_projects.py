"""The demo's co-production projects: several stages, real groups, real activities."""

import itertools

import pytest
from django.utils import timezone

from coproduce.activities.models import (
    Activity,
    ActivityChange,
    ActivityStatus,
    ChangeKind,
    Invitation,
    Slot,
)
from coproduce.demo import named
from coproduce.projects import extensions, rules
from coproduce.projects.models import GroupRole, Project, ProjectMember, Stage, StageChange

pytestmark = pytest.mark.django_db


def test_the_demo_has_projects_in_several_stages(built_demo: str) -> None:
    stages = set(
        Project.objects.filter(organisation__slug=named.RIVERSIDE).values_list("stage", flat=True)
    )
    assert {Stage.FUNDING, Stage.MEMBERSHIP, Stage.DELIVERY, Stage.REVIEW} <= stages
    assert "4 projects" in built_demo


def test_every_project_stage_history_ends_at_its_current_stage(built_demo: str) -> None:
    for project in Project.objects.all():
        history = list(StageChange.objects.filter(project=project).order_by("changed_at", "pk"))
        assert history, project
        assert history[0].from_stage == ""
        assert history[-1].to_stage == project.stage
        for before, after in itertools.pairwise(history):
            assert after.from_stage == before.to_stage
            assert after.changed_at >= before.changed_at


def test_moves_on_without_carers_are_exactly_those_the_evidence_shows_with_a_reason(
    built_demo: str,
) -> None:
    for project in Project.objects.all():
        evidence = extensions.evidence_of(project, timezone.now())
        for change in StageChange.objects.filter(project=project).exclude(from_stage=""):
            expected = rules.moves_on_without_carers(change.from_stage, change.to_stage, evidence)
            assert change.carers_absent == expected, (project.title, change.from_stage)
            assert bool(change.carers_absent_reason) == expected
    assert StageChange.objects.filter(carers_absent=True).exists()


def test_the_discharge_project_went_back_a_stage_for_revision(built_demo: str) -> None:
    changes = StageChange.objects.filter(project__partnership__isnull=False)
    assert changes.filter(from_stage=Stage.PLANNING, to_stage=Stage.REVISION).exists()


def test_the_demo_carer_is_in_a_group_with_a_professional_partner(built_demo: str) -> None:
    margaret = ProjectMember.objects.get(person__user__email=named.CARER_EMAIL)
    assert margaret.role == GroupRole.CARER
    assert margaret.project.members.filter(role=GroupRole.PROFESSIONAL).exists()
    assert margaret.project.members.filter(role=GroupRole.COORDINATOR).exists()


def test_the_next_meeting_is_scheduled_with_at_least_the_minimum_notice(built_demo: str) -> None:
    upcoming = Activity.objects.filter(
        status=ActivityStatus.SCHEDULED, starts_at__gt=timezone.now()
    ).get(title="Pilot review meeting")  # the next café is diarised, nobody invited yet
    scheduled = upcoming.changes.get(kind=ChangeKind.SCHEDULED)
    assert scheduled.notice_days >= upcoming.project.organisation.minimum_notice_days
    assert not scheduled.short_notice
    # The demo carer has been invited and can reply.
    invitation = upcoming.invitations.get(person__user__email=named.CARER_EMAIL)
    assert invitation.reply == "waiting"
    assert upcoming.invitations.count() >= 10


def test_a_short_notice_cancellation_has_its_reason_and_a_carers_cost(built_demo: str) -> None:
    cancelled = Activity.objects.get(status=ActivityStatus.CANCELLED)
    change = cancelled.changes.get(kind=ChangeKind.CANCELLED)
    assert change.short_notice
    assert change.reason
    assert change.notice_days < change.required_days
    assert cancelled.invitations.filter(cancellation_cost__gt=0).count() == 1


def test_past_activities_have_a_register_and_carer_leads(built_demo: str) -> None:
    past = Activity.objects.filter(status=ActivityStatus.SCHEDULED, starts_at__lt=timezone.now())
    assert past.count() >= 5
    for activity in past:
        assert activity.invitations.filter(attended=True).exists(), activity
        assert activity.changes.filter(kind=ChangeKind.SCHEDULED, short_notice=False).exists()
    assert past.filter(leads__role="carer_led").exists()
    assert Invitation.objects.filter(attended=True, attended_minutes__isnull=True).count() == 0


def test_one_activity_is_still_finding_a_time(built_demo: str) -> None:
    finding = Activity.objects.get(status=ActivityStatus.FINDING_A_TIME)
    assert finding.starts_at is None
    assert Slot.objects.filter(activity=finding).count() == 3
    assert ActivityChange.objects.filter(activity=finding).count() == 0


def test_the_funding_bid_has_no_carers_yet(built_demo: str) -> None:
    bid = Project.objects.get(stage=Stage.FUNDING)
    assert not bid.members.exists()
    assert not bid.activities.exists()


def test_an_open_brief_has_answers_at_every_screening_state(built_demo: str) -> None:
    from coproduce.recruitment.models import Brief, State

    brief = Brief.objects.get(project__stage=Stage.MEMBERSHIP)
    assert brief.published_at is not None
    assert brief.opens_on <= timezone.localdate() <= brief.closes_on
    assert brief.easy_read_lines.count() >= 5
    assert not brief.easy_read_lines.filter(picture__gt="", alt_text="").exists()
    states = set(brief.expressions.values_list("state", flat=True))
    assert states == {
        State.RECEIVED,
        State.SCREENED,
        State.INVITED,
        State.MEMBER,
        State.NOT_THIS_TIME,
    }
    for expression in brief.expressions.all():
        history = list(expression.history.order_by("changed_at"))
        assert history[-1].to_state == expression.state
        if expression.under_18 and expression.state in (State.INVITED, State.MEMBER):
            assert expression.has_guardian_consent
            assert expression.guardian_name.startswith("Ms ")
            assert expression.screened_by is not None
            screener = expression.screened_by
            assert screener.memberships.get(
                organisation=brief.project.organisation
            ).safeguarding_trained
