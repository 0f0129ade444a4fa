"""Scenes for evaluation tests: a project climbed, one kind of evidence at a time, up to a
rung of the ladder."""

import datetime

import factory
from django.utils import timezone

from coproduce.accountability.models import Action
from coproduce.activities.models import Activity, ActivityLead, LeadRole
from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory
from coproduce.contributions.models import ResponseStatus
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.decisions.models import Outcome, ProposalStatus
from coproduce.decisions.tests.factories import PositionFactory, ProposalFactory
from coproduce.evaluation.models import AskWhen, EvaluationQuestion, Method
from coproduce.payments.models import Claim, Line, LineKind, Status
from coproduce.payments.models import Method as PaymentMethod
from coproduce.people.models import Person
from coproduce.projects.models import Project, Stage


class EvaluationQuestionFactory(factory.django.DjangoModelFactory[EvaluationQuestion]):
    class Meta:
        model = EvaluationQuestion

    project = factory.SubFactory("coproduce.projects.tests.factories.ProjectFactory")
    text = factory.Sequence(lambda n: f"Did leaving hospital get easier for carers? {n}")
    text_cy = ""
    method = Method.SURVEY
    ask_when = AskWhen.END_OF_DELIVERY
    proposed_at = factory.LazyFunction(timezone.now)


def agreed(question: EvaluationQuestion) -> EvaluationQuestion:
    """`question`, put to the group in a proposal the group agreed."""
    question.proposal = ProposalFactory.create(
        project=question.project,
        status=ProposalStatus.CLOSED,
        outcome=Outcome.AGREED,
        decided_at=timezone.now(),
    )
    question.save(update_fields=["proposal"])
    return question


def held(project: Project, stage: str, **fields: object) -> Activity:
    """An activity of `project` at `stage` that took place last week."""
    activity: Activity = ActivityFactory.create(
        project=project,
        stage=stage,
        starts_at=timezone.now() - datetime.timedelta(days=7),
        **fields,
    )
    return activity


RUNGS = [
    "coercion",
    "educating",
    "informing",
    "consultation",
    "engagement",
    "co_design",
    "co_production",
]


def climb(project: Project, carer: Person | None, to: str) -> Project:
    """Add to `project` (at Consulting, with no stage history, and `carer` not yet in its
    group) the evidence of each rung up to `to`, and nothing more."""
    from coproduce.projects.tests.factories import ProjectMemberFactory

    wanted = RUNGS.index(to)
    if wanted == 0:
        return project
    assert carer is not None
    if wanted >= 1:
        joined = project.starts_on if wanted >= 6 else project.starts_on + datetime.timedelta(30)
        ProjectMemberFactory.create(project=project, person=carer, joined_on=joined)
    if wanted >= 2:
        ContributionFactory.create(project=project, person=carer, stage=Stage.CONSULTING)
    if wanted >= 3:
        ContributionFactory.create(
            project=project,
            person=None,
            privacy="anonymous",
            status=ResponseStatus.CONSIDERED,
            response="Thank you: the group will discuss it.",
        )
    if wanted >= 4:
        InvitationFactory.create(
            activity=held(project, Stage.CONSULTING), person=carer, attended=True
        )
    if wanted >= 5:
        said = ContributionFactory.create(project=project, person=carer, stage=Stage.PLANNING)
        action = Action.objects.create(project=project, title="A carer's line in the checklist")
        action.contributions.add(said)
        PositionFactory.create(proposal__project=project, person=carer)
    if wanted >= 6:
        led = held(project, Stage.CONSULTING)
        ActivityLead.objects.create(activity=led, person=carer, role=LeadRole.CO_FACILITATOR)
        EvaluationQuestionFactory.create(project=project, proposed_by=carer, proposed_by_carer=True)
        claim = Claim.objects.create(
            organisation=project.organisation,
            project=project,
            person=carer,
            status=Status.PAID,
            method=PaymentMethod.DECLINE,
        )
        Line.objects.create(claim=claim, person=carer, activity=led, kind=LineKind.INVOLVEMENT)
    return project
