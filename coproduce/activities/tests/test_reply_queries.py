"""The carer's reply page: the same queries however big the group invited."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.activities.tests.invitation_setup import group_activity, invited
from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory


@pytest.mark.parametrize("others", [0, 30])
def test_the_reply_page_runs_a_fixed_number_of_queries(
    carer_client: Client,
    coordinator: Member,
    carer: Member,
    others: int,
    django_assert_num_queries: Any,
) -> None:
    people = [carer.person, *CarerFactory.create_batch(others, organisation=carer.organisation)]
    activity = group_activity(coordinator, *people)
    for person in people:
        invited(activity, person)
    url = reverse("activities:reply", args=[activity.pk])
    with django_assert_num_queries(6):
        response = carer_client.get(url)
    assert response.status_code == 200
    assert "Can you come?" in response.content.decode()
