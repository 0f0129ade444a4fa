"""The demo survey builds on the demo's Riverside discharge project."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.contributions.models import Contribution, ContributionChannel
from coproduce.surveys.models import Response, Survey

pytestmark = pytest.mark.django_db


def test_the_demo_survey_has_about_thirty_responses_and_published_results(
    built_demo: str,
) -> None:
    survey = Survey.objects.get(asking__isnull=True)  # not one of the evaluation surveys
    answered = Response.objects.filter(survey=survey)
    assert 25 <= answered.filter(submitted_at__isnull=False).count() <= 40
    assert answered.filter(channel="paper").count() == 2
    # Each response is one contribution, its answers in the survey's order.
    given = Contribution.objects.filter(
        channel=ContributionChannel.SURVEY, survey_answers__response__survey=survey
    ).distinct()
    assert given.count() == answered.filter(submitted_at__isnull=False).count()
    for contribution in given:
        assert contribution.text.startswith(survey.title + "\n\n")
        assert contribution.survey_answers.exists()
    assert survey.questions.filter(condition__isnull=False).count() == 1
    body = Client().get(reverse("surveys:published", args=[survey.public_id])).content.decode()
    assert "Coming home from hospital" in body
    assert "<svg" in body
