"""The evaluation plan's verbs: propose, put to the group (a decision), ask (a survey)."""

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from coproduce.activities.tests.factories import ActivityFactory
from coproduce.conftest import Member
from coproduce.decisions.models import Outcome, ProposalStatus
from coproduce.evaluation import actions, rules
from coproduce.evaluation.models import Asking, AskWhen, EvaluationQuestion, Method
from coproduce.evaluation.registrations import not_asked
from coproduce.evaluation.tests.factories import EvaluationQuestionFactory, agreed, held
from coproduce.people import personal_data
from coproduce.projects import actions as project_actions
from coproduce.projects.models import Project, Stage
from coproduce.surveys.models import Audience, SurveyStatus

pytestmark = pytest.mark.django_db

SATISFIED = actions.Proposed(
    "Did carers feel listened to?",
    "Oedd gofalwyr yn teimlo bod rhywun yn gwrando?",
    Method.SURVEY,
    AskWhen.AFTER_EACH_ACTIVITY,
)


def test_a_question_a_carer_in_the_group_proposes_counts_as_proposed_by_a_carer(
    project: Project, carer: Member, coordinator: Member
) -> None:
    by_carer = actions.propose_question(project, carer.person, SATISFIED)
    by_staff = actions.propose_question(project, coordinator.person, SATISFIED)

    assert by_carer.proposed_by_carer is True
    assert by_staff.proposed_by_carer is False
    assert rules.status_of(by_carer) == rules.PROPOSED


def test_putting_the_plan_to_the_group_makes_one_proposal_of_every_question_waiting(
    project: Project, carer: Member, coordinator: Member
) -> None:
    first = actions.propose_question(project, carer.person, SATISFIED)
    second = actions.propose_question(project, coordinator.person, SATISFIED)
    deadline = timezone.now() + datetime.timedelta(days=21)

    proposal = actions.put_to_group(coordinator.user, project, coordinator.person, deadline)

    assert proposal.project == project
    assert "Did carers feel listened to?" in proposal.background
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.proposal == proposal == second.proposal
    assert rules.status_of(first) == rules.WITH_THE_GROUP
    with pytest.raises(actions.NothingToDo):
        actions.put_to_group(coordinator.user, project, None, deadline)


def test_a_question_the_group_did_not_agree_can_be_put_again(
    project: Project, coordinator: Member
) -> None:
    question = actions.propose_question(project, None, SATISFIED)
    proposal = actions.put_to_group(
        coordinator.user, project, None, timezone.now() + datetime.timedelta(days=21)
    )
    proposal.status, proposal.outcome = ProposalStatus.CLOSED, Outcome.NOT_AGREED
    proposal.decided_at = timezone.now()
    proposal.save()
    question.refresh_from_db()
    assert rules.status_of(question) == rules.NOT_AGREED

    again = actions.put_to_group(
        coordinator.user, project, None, timezone.now() + datetime.timedelta(days=21)
    )

    question.refresh_from_db()
    assert question.proposal == again


def test_asking_after_an_activity_opens_a_bilingual_survey_for_the_group(
    project: Project, coordinator: Member
) -> None:
    after = agreed(
        EvaluationQuestionFactory.create(
            project=project,
            text="Did the meeting work for you?",
            text_cy="Oedd y cyfarfod yn gweithio i chi?",
            ask_when=AskWhen.AFTER_EACH_ACTIVITY,
        )
    )
    agreed(EvaluationQuestionFactory.create(project=project, ask_when=AskWhen.END_OF_DELIVERY))
    EvaluationQuestionFactory.create(project=project, ask_when=AskWhen.AFTER_EACH_ACTIVITY)
    activity = held(project, Stage.CONSULTING, title="Consultation day")

    asking = actions.ask(coordinator.user, project, activity)

    survey = asking.survey
    assert survey.status == SurveyStatus.OPEN
    assert survey.audience == Audience.MEMBERS
    assert survey.title == "How did it go? Consultation day"
    assert survey.title_cy == "Sut aeth hi? Consultation day"
    assert [(q.text, q.text_cy) for q in survey.questions.all()] == [
        ("Did the meeting work for you?", "Oedd y cyfarfod yn gweithio i chi?")
    ]
    assert list(asking.questions.all()) == [after]
    with pytest.raises(actions.AlreadyAsked):
        actions.ask(coordinator.user, project, activity)


def test_nothing_is_asked_where_no_agreed_question_belongs(
    project: Project, coordinator: Member
) -> None:
    agreed(EvaluationQuestionFactory.create(project=project, ask_when=AskWhen.AFTER_EACH_ACTIVITY))

    with pytest.raises(actions.NothingToDo):
        actions.ask(coordinator.user, project, None)
    assert not Asking.objects.exists()


def test_the_database_asks_once_at_the_end_of_delivery(
    project: Project, coordinator: Member
) -> None:
    agreed(EvaluationQuestionFactory.create(project=project))
    asking = actions.ask(coordinator.user, project, None)
    other = ActivityFactory.create(project=project)

    with pytest.raises(IntegrityError):
        Asking.objects.create(
            project=project,
            point=AskWhen.END_OF_DELIVERY,
            survey=other.project.surveys.create(title="Again"),
            asked_at=asking.asked_at,
        )


def test_review_waits_until_the_agreed_questions_have_been_asked(
    project: Project, coordinator: Member
) -> None:
    EvaluationQuestionFactory.create(project=project)  # not agreed: does not hold Review up
    agreed(EvaluationQuestionFactory.create(project=project))
    assert not_asked(project) == 1

    why = "No carer could come to the stage's meetings"  # carers took no part in this test
    with pytest.raises(project_actions.StageUnchanged, match="1 agreed evaluation question"):
        project_actions.move_stage(
            coordinator.user, project, Stage.REVIEW, carers_absent_reason=why
        )

    actions.ask(coordinator.user, project, None)
    project_actions.move_stage(coordinator.user, project, Stage.REVIEW, carers_absent_reason=why)
    assert project.stage == Stage.REVIEW


def test_a_persons_questions_are_in_their_download_and_lose_their_name_on_erasure(
    project: Project, carer: Member
) -> None:
    question = actions.propose_question(project, carer.person, SATISFIED)

    download = personal_data.exported(carer.person, on_behalf=False)
    assert download["evaluation_questions"][0]["question"] == SATISFIED.text

    personal_data.erase(carer.person)
    question.refresh_from_db()
    assert question.proposed_by is None
    assert question.proposed_by_carer is True
    assert EvaluationQuestion.objects.count() == 1
