"""The public brief, read by anyone: the same queries however many people said they were
interested and however much the easy-read version holds."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.recruitment.models import Brief
from coproduce.recruitment.tests.factories import EasyReadLineFactory, ExpressionFactory


@pytest.mark.parametrize("count", [1, 30])
def test_the_public_brief_runs_a_fixed_number_of_queries(
    client: Client, brief: Brief, count: int, django_assert_num_queries: Any
) -> None:
    ExpressionFactory.create_batch(count, brief=brief)
    for n in range(count):
        EasyReadLineFactory.create(brief=brief, position=100 + n)
    url = reverse("recruitment:public-brief", args=[brief.public_id])
    # the brief with its project and organisation (the rest of the page is kept made)
    with django_assert_num_queries(1):
        response = client.get(url)
    assert response.status_code == 200
