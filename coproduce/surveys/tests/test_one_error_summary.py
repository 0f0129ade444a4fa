"""A page shows one error summary, even when the view and the form both found problems."""

from django.test import Client
from django.urls import reverse

from coproduce.projects.models import Project
from coproduce.surveys.tests.factories import SurveyFactory


def test_typing_answers_into_a_draft_survey_wrongly_gives_one_summary(
    coordinator_client: Client, project: Project
) -> None:
    survey = SurveyFactory.create(project=project, status="draft")
    response = coordinator_client.post(reverse("surveys:enter", args=[survey.pk]), {})
    body = response.content.decode()
    assert response.status_code == 400
    assert body.count('data-module="govuk-error-summary"') == 1
    assert "Open the survey before typing in answers" in body
