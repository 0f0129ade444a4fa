"""The GP's page (where a referral starts) and the scheme's figures as CSV: the same
queries however many referrals there are."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.breaks.models import ReferralStatus
from coproduce.breaks.tests.test_reports import referral
from coproduce.conftest import BreaksScheme


@pytest.mark.parametrize("count", [2, 60])
def test_the_gps_page_runs_a_fixed_number_of_queries(
    gp_client: Client, breaks: BreaksScheme, count: int, django_assert_num_queries: Any
) -> None:
    for n in range(count):
        referral(breaks, ReferralStatus.SUBMITTED, name=f"Carer {n}", days_ago=n + 1)
    with django_assert_num_queries(5):
        response = gp_client.get(reverse("breaks:home"))
    assert response.status_code == 200
    assert response.content.decode().count("Carer ") >= min(count, 50)


@pytest.mark.parametrize("count", [2, 40])
def test_the_figures_csv_runs_a_fixed_number_of_queries(
    coordinator_client: Client, breaks: BreaksScheme, count: int, django_assert_num_queries: Any
) -> None:
    for n in range(count):
        referral(breaks, ReferralStatus.PAID, name=f"Carer {n}", days_ago=n * 7 + 1, amount="300")
    with django_assert_num_queries(12):
        response = coordinator_client.get(reverse("breaks:report-csv", args=[breaks.scheme.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
