from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.people import actions
from coproduce.people.tests.factories import CarerFactory


@pytest.mark.parametrize("requests", [1, 40])
def test_the_erasure_queue_runs_a_fixed_number_of_queries(
    admin_client_a: Client, admin: Member, requests: int, django_assert_num_queries: Any
) -> None:
    for person in CarerFactory.create_batch(requests, organisation=admin.organisation):
        actions.request_erasure(admin.user, person, "")
    # session, user, membership, OTP device, requests
    with django_assert_num_queries(5):
        response = admin_client_a.get(reverse("people:erasure-requests"))
    assert response.status_code == 200


def test_the_queue_shows_only_this_organisations_open_requests(
    admin_client_a: Client, admin: Member, carer_b: Member
) -> None:
    mine = CarerFactory.create(organisation=admin.organisation, full_name="Ifan Hughes")
    actions.request_erasure(admin.user, mine, "")
    actions.request_erasure(carer_b.user, carer_b.person, "")
    html = admin_client_a.get(reverse("people:erasure-requests")).content.decode()
    assert "Ifan Hughes" in html
    assert carer_b.person.full_name not in html
