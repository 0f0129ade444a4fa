"""The remaining staff pages and steps: forms that show what is saved, moving and removing
questions, late feedback, and the lists' query counts."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from coproduce.conftest import Member
from coproduce.contributions.models import Contribution, ContributionChannel, Privacy
from coproduce.people.tests.factories import CarerFactory
from coproduce.recruitment.models import ExpressionOfInterest
from coproduce.recruitment.tests.factories import PublishedBriefFactory
from coproduce.surveys import actions
from coproduce.surveys.models import LateAnswer, Survey
from coproduce.surveys.tests.conftest import Built
from coproduce.surveys.tests.factories import SurveyFactory


@pytest.mark.parametrize("name", ["survey", "edit", "question-new", "enter", "results", "publish"])
def test_coordinator_opens_each_survey_page(
    coordinator_client: Client, survey: Survey, name: str
) -> None:
    response = coordinator_client.get(reverse(f"surveys:{name}", args=[survey.pk]))
    assert response.status_code == 200
    assert "Getting home from hospital" in response.content.decode()


def test_the_question_form_shows_what_is_saved(coordinator_client: Client, built: Built) -> None:
    url = reverse("surveys:question-edit", args=[built.survey.pk, built.help.pk])
    body = coordinator_client.get(url).content.decode()
    assert "Family\nFriends\nNobody" in body
    assert "Who helped most?" in body


def test_moving_a_question_above_what_it_depends_on_says_why_not(
    coordinator_client: Client, built: Built
) -> None:
    url = reverse("surveys:question-move", args=[built.survey.pk, built.why.pk])
    response = coordinator_client.post(url, {"direction": "up"})
    assert response.status_code == 400
    assert "must come after the question it depends on" in response.content.decode()
    url = reverse("surveys:question-move", args=[built.survey.pk, built.rating.pk])
    assert coordinator_client.post(url, {"direction": "up"}).status_code == 302
    built.rating.refresh_from_db()
    assert built.rating.position == 3


def test_removing_a_question_others_depend_on_says_why_not(
    coordinator_client: Client, built: Built
) -> None:
    url = reverse("surveys:question-remove", args=[built.survey.pk, built.stayed.pk])
    response = coordinator_client.post(url)
    assert response.status_code == 400
    assert "Another question depends on this one" in response.content.decode()
    url = reverse("surveys:question-remove", args=[built.survey.pk, built.rating.pk])
    assert coordinator_client.post(url).status_code == 302
    assert built.survey.questions.count() == 3


def test_a_carer_cannot_change_questions(carer_client: Client, built: Built) -> None:
    url = reverse("surveys:question-remove", args=[built.survey.pk, built.rating.pk])
    assert carer_client.post(url).status_code == 403


def test_coordinator_turns_late_feedback_into_an_open_door_contribution(
    coordinator_client: Client, survey: Survey, carer: Member
) -> None:
    late = actions.keep_late_text(survey, "Sorry I missed it", carer.person, Privacy.IDENTIFIABLE)
    page = coordinator_client.get(reverse("surveys:survey", args=[survey.pk])).content.decode()
    assert "Sorry I missed it" in page
    url = reverse("surveys:late-contribute", args=[survey.pk, late.pk])
    assert coordinator_client.post(url).status_code == 302
    assert coordinator_client.post(url).status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.channel == ContributionChannel.OPEN_DOOR
    assert contribution.person == carer.person


def test_an_admin_does_not_read_confidential_late_feedback(
    admin_client_a: Client, survey: Survey, carer: Member
) -> None:
    actions.keep_late_text(survey, "Private late words", carer.person, Privacy.CONFIDENTIAL)
    page = admin_client_a.get(reverse("surveys:survey", args=[survey.pk])).content.decode()
    assert "Private late words" not in page
    assert carer.person.full_name not in page
    assert "only the coordinator can read this" in page


def test_late_feedback_of_another_survey_is_not_found(
    coordinator_client: Client, survey: Survey, project: object
) -> None:
    other = SurveyFactory.create(project=project)
    late = LateAnswer.objects.create(survey=other, privacy=Privacy.ANONYMOUS, text="x")
    url = reverse("surveys:late-contribute", args=[survey.pk, late.pk])
    assert coordinator_client.post(url).status_code == 404


def test_the_survey_page_uses_a_fixed_number_of_queries(
    coordinator_client: Client,
    survey: Survey,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    url = reverse("surveys:survey", args=[survey.pk])
    with django_assert_num_queries(10):
        coordinator_client.get(url)
    for n in range(3):
        actions.keep_late_text(survey, f"Late {n}", None, Privacy.ANONYMOUS)
    with django_assert_num_queries(10):
        coordinator_client.get(url)


def test_surveys_for_you_uses_a_fixed_number_of_queries(
    carer_client: Client,
    built: Built,
    carer: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    url = reverse("surveys:yours")
    with django_assert_num_queries(5):
        carer_client.get(url)
    SurveyFactory.create_batch(3, project=built.survey.project)
    actions.start_response(built.survey, carer.person, Privacy.IDENTIFIABLE)
    with django_assert_num_queries(5):
        body = carer_client.get(url).content.decode()
    assert body.count("Getting home from hospital") == 4


def test_people_interested_in_a_brief_may_answer_its_survey(built: Built) -> None:
    from coproduce.accounts.models import User
    from coproduce.conftest import signed_in
    from coproduce.tenancy.models import Membership, Role

    survey = built.survey
    brief = PublishedBriefFactory.create(project=survey.project)
    survey.audience = "brief"
    survey.brief = brief
    survey.save()
    user = User.objects.create_user(email="interested@example.org", password="x")
    Membership.objects.create(user=user, organisation=survey.project.organisation, role=Role.CARER)
    person = CarerFactory.create(organisation=survey.project.organisation, user=user)
    client = signed_in(Client(), user)
    url = reverse("surveys:start", args=[survey.public_id])
    assert client.get(url).status_code == 404
    ExpressionOfInterest.objects.create(
        brief=brief,
        person=person,
        why="I care for Mum",
        preferred_channel="email",
        received_at=timezone.now(),
    )
    assert client.get(url).status_code == 200


def test_answers_cannot_be_typed_into_a_draft(coordinator_client: Client, survey: Survey) -> None:
    survey.status = "draft"
    survey.save()
    response = coordinator_client.post(
        reverse("surveys:enter", args=[survey.pk]), {"person": "none", "channel": "paper"}
    )
    assert response.status_code == 400
    assert "Open the survey before typing in answers" in response.content.decode()
