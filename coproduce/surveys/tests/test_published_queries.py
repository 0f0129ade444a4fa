"""The published results, read by anyone: the same queries however many answered."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.contributions.models import Privacy
from coproduce.surveys import actions
from coproduce.surveys.tests.conftest import Built


def answer_anonymously(built: Built, words: str) -> None:
    response = actions.start_response(built.survey, None, Privacy.ANONYMOUS)
    yes = built.stayed.options.get(text="Yes")
    family = built.help.options.get(text="Family")
    actions.save_answers(
        response,
        actions.questions_of(built.survey),
        {built.stayed.pk: [yes.pk], built.why.pk: words, built.help.pk: [family.pk]},
    )
    actions.submit(response)


@pytest.mark.parametrize("count", [1, 25])
def test_the_published_results_run_a_fixed_number_of_queries(
    built: Built, count: int, django_assert_num_queries: Any
) -> None:
    built.survey.audience = "public"
    built.survey.save()
    for n in range(count):
        answer_anonymously(built, f"Words number {n}")
    actions.publish_results(built.survey, [built.help.pk, built.why.pk], True)
    url = reverse("surveys:published", args=[built.survey.public_id])
    with django_assert_num_queries(8):
        response = Client().get(url)
    assert response.status_code == 200
    assert response.content.decode().count("Words number") == min(count, 99)
