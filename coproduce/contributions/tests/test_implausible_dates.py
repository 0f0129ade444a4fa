"""A view recorded as given in 1800, or next century, is a typing slip: refused, kept as typed."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.contributions.models import Contribution
from coproduce.contributions.tests.test_record import answers
from coproduce.projects.models import Project


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("1800", "Date given must be the same as or after 1 January 2000"),
        ("2999", "Date given must be today or in the past"),
        ("99999999999", "Date given must be a real date"),
    ],
)
def test_an_implausible_date_given_is_refused(
    coordinator_client: Client, project: Project, giver: Member, year: str, message: str
) -> None:
    url = reverse("contributions:record", args=[project.pk])
    response = coordinator_client.post(url, answers(giver, **{"given_on-year": year}))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'value="{year}"' in page
    assert not Contribution.objects.exists()
