"""The demo's evaluation (coproduce.demo.evaluation): every project shows its rung, and the
wellbeing cafés have an agreed evaluation plan with answers."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.conftest import signed_in
from coproduce.contributions.models import Contribution, ResponseStatus
from coproduce.demo import named
from coproduce.evaluation import rules
from coproduce.evaluation.models import Asking, EvaluationQuestion
from coproduce.notifications.models import Message, Status
from coproduce.projects.models import Project
from coproduce.surveys.models import Response

pytestmark = pytest.mark.django_db


def test_every_demo_project_shows_its_rung_with_reasons(built_demo: str) -> None:
    client = signed_in(Client(), User.objects.get(email=named.COORDINATOR_EMAIL))
    for project in Project.objects.filter(organisation__slug=named.RIVERSIDE):
        body = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
        assert "How far carers were involved" in body, project.title
        assert "stage reached" in body or "stages reached" in body, project.title


def test_the_cafes_agreed_their_evaluation_plan_and_have_answers(built_demo: str) -> None:
    cafes = Project.objects.get(title="Carers' wellbeing cafés")
    questions = EvaluationQuestion.objects.filter(project=cafes).select_related("proposal")
    assert {rules.status_of(q) for q in questions} == {rules.AGREED}
    assert questions.filter(proposed_by_carer=True).count() == 3
    assert Asking.objects.filter(project=cafes).count() == 2
    assert Response.objects.filter(
        survey__asking__project=cafes, submitted_at__isnull=False
    ).exists()
    answers = Contribution.objects.filter(survey_answer__response__survey__asking__project=cafes)
    assert answers.filter(status=ResponseStatus.CONSIDERED).exists()
    assert answers.filter(status=ResponseStatus.NEW).exists()  # waiting for the review
    # Everything asked: the evaluation gate does not hold the cafés' review up.
    assert not EvaluationQuestion.objects.filter(
        rules.AGREED_Q, project=cafes, askings__isnull=True
    ).exists()
    # Nothing was left queued to send while building.
    told = Message.objects.filter(kind__startswith="decisions.")
    assert (
        not told.exclude(status=Status.SENT)
        .filter(idempotency_key__startswith=f"decisions.{questions[0].proposal_id}.")
        .exists()
    )
    client = signed_in(Client(), User.objects.get(email=named.COORDINATOR_EMAIL))
    page = client.get(reverse("evaluation:project", args=[cafes.pk])).content.decode()
    assert "Did you get some time for yourself at the café?" in page
    assert "Proposed by a carer in the group" in page
