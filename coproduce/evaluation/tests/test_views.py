"""The evaluation pages: the rung and the plan (the group and staff), proposing a question
(the group and staff), putting the plan to the group and asking it (staff)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from coproduce.conftest import Member
from coproduce.decisions.models import Proposal
from coproduce.evaluation import actions
from coproduce.evaluation.models import Asking, AskWhen, EvaluationQuestion
from coproduce.evaluation.tests.factories import EvaluationQuestionFactory, agreed, held
from coproduce.projects.models import Project, Stage

pytestmark = pytest.mark.django_db


def url(name: str, project: Project) -> str:
    return reverse(f"evaluation:{name}", args=[project.pk])


# --- The evaluation page -------------------------------------------------------------------


def test_the_group_sees_the_rung_with_its_reasons_and_the_plan(
    carer_client: Client, project: Project
) -> None:
    EvaluationQuestionFactory.create(project=project, text="Did the checklist help?")

    response = carer_client.get(url("project", project))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Educating" in body
    assert "1 carer has been in the group." in body
    assert "What would move it up to Informing" in body
    assert "Did the checklist help?" in body
    assert url("propose", project) in body
    assert url("ask", project) not in body  # only staff ask


def test_another_organisations_staff_cannot_see_the_evaluation(
    staff_b_client: Client, project: Project
) -> None:
    assert staff_b_client.get(url("project", project)).status_code == 404


def test_someone_outside_the_group_cannot_see_it(
    professional_client: Client, project: Project
) -> None:
    assert professional_client.get(url("project", project)).status_code == 404


@pytest.mark.parametrize("rows", [1, 8])
def test_the_evaluation_page_takes_the_same_queries_however_much_it_holds(
    coordinator_client: Client,
    coordinator: Member,
    project: Project,
    django_assert_num_queries: DjangoAssertNumQueries,
    rows: int,
) -> None:
    for i in range(rows):
        question = EvaluationQuestionFactory.create(
            project=project, ask_when=AskWhen.AFTER_EACH_ACTIVITY
        )
        if i % 2:
            agreed(question)
            actions.ask(coordinator.user, project, held(project, Stage.CONSULTING))
    # ... and the viewer (for the contribution privacy rules) and the open-door feedback.
    with django_assert_num_queries(13):
        response = coordinator_client.get(url("project", project))
    assert response.status_code == 200


# --- Proposing a question -------------------------------------------------------------------


def test_a_carer_in_the_group_proposes_a_question(
    carer_client: Client, carer: Member, project: Project
) -> None:
    response = carer_client.post(
        url("propose", project),
        {
            "text": "Did you feel listened to?",
            "text_cy": "",
            "method": "discussion",
            "ask_when": "end_of_delivery",
        },
    )

    assert response.status_code == 302
    question = EvaluationQuestion.objects.get()
    assert question.proposed_by == carer.person
    assert question.proposed_by_carer is True
    assert question.method == "discussion"


def test_a_question_with_a_problem_is_shown_again_with_what_was_typed(
    carer_client: Client, project: Project
) -> None:
    response = carer_client.post(
        url("propose", project), {"text": "", "text_cy": "Cwestiwn", "method": ""}
    )

    body = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in body
    assert "Enter the question" in body
    assert "Select how answers should be gathered" in body
    assert "Cwestiwn" in body
    assert not EvaluationQuestion.objects.exists()


def test_another_organisation_cannot_propose(staff_b_client: Client, project: Project) -> None:
    response = staff_b_client.post(
        url("propose", project),
        {"text": "Q", "method": "survey", "ask_when": "end_of_delivery"},
    )
    assert response.status_code == 404
    assert not EvaluationQuestion.objects.exists()


# --- Putting the plan to the group ------------------------------------------------------------


def test_staff_put_the_waiting_questions_to_the_group(
    coordinator_client: Client, project: Project
) -> None:
    EvaluationQuestionFactory.create(project=project, text="Did the checklist help?")
    day = timezone.localdate() + datetime.timedelta(days=21)

    response = coordinator_client.post(
        url("put-to-group", project),
        {"deadline-day": day.day, "deadline-month": day.month, "deadline-year": day.year},
    )

    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("decisions:proposal", args=[proposal.pk])
    assert EvaluationQuestion.objects.get().proposal == proposal


def test_a_deadline_in_the_past_is_refused(coordinator_client: Client, project: Project) -> None:
    EvaluationQuestionFactory.create(project=project)
    day = timezone.localdate() - datetime.timedelta(days=1)

    response = coordinator_client.post(
        url("put-to-group", project),
        {"deadline-day": day.day, "deadline-month": day.month, "deadline-year": day.year},
    )

    assert response.status_code == 400
    assert "The deadline must be in the future" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_deadline_shorter_than_a_member_needs_asks_why_and_reports_it(
    coordinator_client: Client, project: Project, carer: Member
) -> None:
    carer.person.carer_profile.notice_days = 28
    carer.person.carer_profile.save()
    EvaluationQuestionFactory.create(project=project)
    day = timezone.localdate() + datetime.timedelta(days=10)
    typed = {"deadline-day": day.day, "deadline-month": day.month, "deadline-year": day.year}

    refused = coordinator_client.post(url("put-to-group", project), typed)

    assert refused.status_code == 400
    assert "short notice" in refused.content.decode().lower()
    assert not Proposal.objects.exists()

    reason = "The funder needs the plan before the summer"
    coordinator_client.post(url("put-to-group", project), {**typed, "short_notice_reason": reason})

    proposal = Proposal.objects.get()
    assert (proposal.short_notice, proposal.short_notice_reason) == (True, reason)


def test_carers_do_not_put_the_plan_to_the_group(carer_client: Client, project: Project) -> None:
    assert carer_client.get(url("put-to-group", project)).status_code == 403


# --- Asking the agreed questions --------------------------------------------------------------


def test_staff_ask_the_agreed_questions_at_the_end_of_delivery(
    coordinator_client: Client, project: Project
) -> None:
    agreed(EvaluationQuestionFactory.create(project=project))

    response = coordinator_client.post(url("ask", project), {"point": "end"})

    assert response.status_code == 302
    asking = Asking.objects.get()
    assert asking.point == AskWhen.END_OF_DELIVERY
    assert asking.survey.questions.count() == 1


def test_asking_with_no_point_chosen_says_what_to_do(
    coordinator_client: Client, project: Project
) -> None:
    agreed(EvaluationQuestionFactory.create(project=project))

    response = coordinator_client.post(url("ask", project), {})

    assert response.status_code == 400
    assert "Select the activity the questions are about" in response.content.decode()


def test_asking_where_no_agreed_question_belongs_is_refused_on_the_form(
    coordinator_client: Client, project: Project
) -> None:
    agreed(EvaluationQuestionFactory.create(project=project))  # for the end of Delivery
    activity = held(project, Stage.CONSULTING)

    response = coordinator_client.post(url("ask", project), {"point": str(activity.pk)})

    assert response.status_code == 400
    assert "No agreed question is to be asked at this point" in response.content.decode()


def test_carers_do_not_ask(carer_client: Client, project: Project) -> None:
    assert carer_client.post(url("ask", project), {"point": "end"}).status_code == 403
