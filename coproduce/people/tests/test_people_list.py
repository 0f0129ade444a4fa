import pytest
from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory


def test_coordinator_sees_their_organisations_carers(
    coordinator_client: Client, carer: Member, carer_b: Member
) -> None:
    html = coordinator_client.get(reverse("people:list")).content.decode()
    assert carer.person.full_name in html
    assert carer_b.person.full_name not in html


def test_search_finds_by_name_and_postcode(coordinator_client: Client, coordinator: Member) -> None:
    CarerFactory.create(
        organisation=coordinator.organisation, full_name="Wiktoria Nowak", postcode="GU7 1AB"
    )
    CarerFactory.create(
        organisation=coordinator.organisation, full_name="Aled Evans", postcode="RH1 2CD"
    )
    html = coordinator_client.get(reverse("people:list"), {"q": "nowak"}).content.decode()
    assert "Wiktoria Nowak" in html
    assert "Aled Evans" not in html
    html = coordinator_client.get(reverse("people:list"), {"q": "RH1"}).content.decode()
    assert "Aled Evans" in html


@pytest.mark.parametrize("rows", [3, 60])
def test_the_list_runs_a_fixed_number_of_queries(
    coordinator_client: Client, coordinator: Member, rows: int, django_assert_num_queries: object
) -> None:
    CarerFactory.create_batch(rows, organisation=coordinator.organisation)
    # session, user, membership, OTP device, count, page
    with django_assert_num_queries(6):  # type: ignore[operator]
        response = coordinator_client.get(reverse("people:list"), {"page": 2 if rows > 30 else 1})
    assert response.status_code == 200


def test_carers_and_professionals_cannot_list_people(
    carer_client: Client, professional: Member
) -> None:
    from coproduce.conftest import signed_in

    assert carer_client.get(reverse("people:list")).status_code == 403
    assert signed_in(Client(), professional.user).get(reverse("people:list")).status_code == 403


def test_anonymous_visitors_are_asked_to_sign_in_first(client: Client, db: None) -> None:
    response = client.get(reverse("people:list"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:sign-in") + "?next=/people/"
