"""The demo's evaluation (coproduce.demo.evaluation): every project shows its rung, and the
wellbeing cafés have an agreed evaluation plan with answers and a published final review."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.conftest import signed_in
from coproduce.contributions.models import Contribution, ResponseStatus
from coproduce.demo import named
from coproduce.evaluation import review_actions, rules
from coproduce.evaluation.models import Agreement, Asking, EvaluationQuestion, Review, ReviewComment
from coproduce.notifications.models import Message, Status
from coproduce.projects.models import GroupRole, Project, Stage
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
    answers = Contribution.objects.filter(
        survey_answers__response__survey__asking__project=cafes
    ).distinct()
    assert answers.filter(status=ResponseStatus.CONSIDERED).exists()
    # Every answer considered, and everything asked: the cafés could move to Review.
    assert not answers.filter(status=ResponseStatus.NEW).exists()
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


def test_the_cafes_review_is_agreed_published_and_sent_to_the_hosts(built_demo: str) -> None:
    cafes = Project.objects.get(title="Carers' wellbeing cafés")
    review = Review.objects.get(project=cafes)
    assert cafes.stage == Stage.REVIEW
    assert review.is_published
    assert review.version == 2
    assert review.easy_read_cy
    assert review.recommendations_cy
    assert ReviewComment.objects.filter(review=review, agreement=Agreement.NOT_YET).exists()
    hosts = cafes.members.filter(role=GroupRole.CARER, left_on=None).count()
    assert (
        ReviewComment.objects.filter(review=review, version=2, agreement=Agreement.AGREE).count()
        == hosts
    )
    told = Message.objects.filter(kind=review_actions.KIND)
    assert told.count() >= hosts
    assert not told.exclude(status=Status.SENT).exists()

    public = Client()
    for name in ("public-review", "public-review-easy-read", "public-review-pdf"):
        response = public.get(reverse(f"evaluation:{name}", args=[review.public_id]))
        assert response.status_code == 200, name
    welsh = public.get(
        reverse("evaluation:public-review-easy-read", args=[review.public_id]),
        HTTP_ACCEPT_LANGUAGE="cy",
    ).content.decode()
    assert "Bydd y caffis yn parhau." in welsh
