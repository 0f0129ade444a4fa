"""The ladder rung each project reached, from what happened (coproduce.evaluation.rung)."""

import pytest
from django.utils import translation
from pytest_django import DjangoAssertNumQueries

from coproduce.activities.models import ActivityLead, LeadRole
from coproduce.activities.tests.factories import InvitationFactory
from coproduce.conftest import Member
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.decisions.tests.factories import PositionFactory, ProposalFactory
from coproduce.evaluation import rung
from coproduce.evaluation.tests.factories import RUNGS, climb, held
from coproduce.payments.models import Line, LineKind
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects import actions as project_actions
from coproduce.projects.models import Project, Stage
from coproduce.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bare(coordinator: Member) -> Project:
    """A project at Consulting with nobody in its group yet."""
    project: Project = ProjectFactory.create(
        organisation=coordinator.organisation, coordinator=coordinator.person
    )
    return project


@pytest.mark.parametrize("expected", RUNGS)
def test_a_project_reaches_each_rung_from_what_happened(
    bare: Project, carer: Member, expected: str
) -> None:
    climb(bare, carer.person, expected)

    assert rung.assessment_of(bare).rung.key == expected


def test_the_reasons_say_what_happened_in_plain_words(bare: Project, carer: Member) -> None:
    climb(bare, carer.person, "co_design")
    with translation.override("en"):
        assessment = rung.assessment_of(bare)

    assert assessment.reasons == [
        "1 carer has been in the group. None was in it before the project moved on to Consulting.",
        "Carers took part in 1 of the 1 stage reached.",
        "Carers gave 3 views; 1 have had a response.",
        "1 view given in Planning led to an action.",
        "1 of 1 decision had carers' positions.",
        "Carers led or co-facilitated 0 of 1 activity held.",
        "Carers proposed 0 evaluation questions.",
        "0 carers were paid for their time.",
    ]
    assert assessment.next_rung is not None
    assert assessment.next_rung.key == "co_production"
    assert assessment.to_move_up == [
        "Bring carers into the group from Funding or Membership, before Consulting.",
        "Let carers lead or co-facilitate activities.",
        "Ask carers to propose the evaluation questions.",
        "Pay carers for their time.",
    ]


def test_the_top_rung_has_nothing_above_it(bare: Project, carer: Member) -> None:
    climb(bare, carer.person, "co_production")

    assessment = rung.assessment_of(bare)

    assert assessment.next_rung is None
    assert assessment.to_move_up == []
    assert assessment.position == 7


def test_moving_on_from_a_stage_without_carers_counts_against_the_rung(
    bare: Project, carer: Member, coordinator: Member
) -> None:
    climb(bare, carer.person, "co_production")
    why = "Nobody could come to the planning meetings"
    project_actions.move_stage(coordinator.user, bare, Stage.PLANNING, carers_absent_reason=why)
    project_actions.move_stage(coordinator.user, bare, Stage.REVISION, carers_absent_reason=why)
    InvitationFactory.create(
        activity=held(bare, Stage.REVISION), person=carer.person, attended=True
    )

    assessment = rung.assessment_of(bare)

    assert assessment.rung.key == "co_design"
    with translation.override("en"):
        assert "The project moved on from 1 stage in which carers took no part: Planning." in (
            rung.reasons(rung.facts_of(bare))
        )
    assert rung.facts_of(bare).stages_left_without_carers == ("planning",)


def test_a_decision_without_carers_positions_keeps_it_from_the_top(
    bare: Project, carer: Member
) -> None:
    climb(bare, carer.person, "co_production")
    ProposalFactory.create(project=bare)

    assert rung.assessment_of(bare).rung.key == "co_design"


def test_a_staff_led_activity_and_someone_outside_the_group_are_not_carers_leading(
    bare: Project, carer: Member, coordinator: Member
) -> None:
    climb(bare, carer.person, "co_design")
    outsider = CarerFactory.create(organisation=bare.organisation)
    activity = held(bare, Stage.CONSULTING)
    ActivityLead.objects.create(activity=activity, person=outsider, role=LeadRole.CARER_LED)
    ActivityLead.objects.create(
        activity=activity, person=coordinator.person, role=LeadRole.STAFF_LEAD
    )

    assert rung.facts_of(bare).activities_carers_led == 0


def test_the_rung_takes_four_queries_whatever_the_size_of_the_project(
    bare: Project, carer: Member, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    climb(bare, carer.person, "co_production")
    with django_assert_num_queries(4):
        small = rung.facts_of(bare)
    for _ in range(5):
        ContributionFactory.create(project=bare, person=carer.person, stage=Stage.PLANNING)
        PositionFactory.create(proposal__project=bare, person=carer.person)
        held(bare, Stage.CONSULTING)
    with django_assert_num_queries(4):
        big = rung.facts_of(bare)

    assert big.carer_views == small.carer_views + 5
    assert big.decisions == small.decisions + 5
    assert big.activities_held == small.activities_held + 5


def test_a_claim_for_travel_alone_is_not_being_paid_for_time(bare: Project, carer: Member) -> None:
    climb(bare, carer.person, "co_production")
    Line.objects.filter(claim__project=bare).update(kind=LineKind.TRAVEL)

    assert rung.facts_of(bare).carers_paid == 0
    assert rung.assessment_of(bare).rung.key == "co_design"
