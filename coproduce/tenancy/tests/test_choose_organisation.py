from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member, signed_in
from coproduce.tenancy.models import Organisation, Role
from coproduce.tenancy.tests.factories import MembershipFactory


def test_someone_in_two_organisations_switches_between_them(
    carer: Member, org_b: Organisation
) -> None:
    MembershipFactory.create(user=carer.user, organisation=org_b, role=Role.CARER)
    client = signed_in(Client(), carer.user)
    home = client.get(reverse("pages:home")).content.decode()
    assert reverse("tenancy:choose") in home
    client.post(reverse("tenancy:choose"), {"organisation": str(org_b.pk)})
    assert org_b.name in client.get(reverse("pages:home")).content.decode()


def test_an_organisation_you_do_not_belong_to_cannot_be_chosen(
    carer_client: Client, org_b: Organisation
) -> None:
    response = carer_client.post(reverse("tenancy:choose"), {"organisation": str(org_b.pk)})
    assert response.status_code == 400
    assert "Select one of your organisations" in response.content.decode()
    assert org_b.name not in carer_client.get(reverse("pages:home")).content.decode()


def test_someone_in_one_organisation_is_not_offered_a_switch(carer_client: Client) -> None:
    assert reverse("tenancy:choose") not in carer_client.get(reverse("pages:home")).content.decode()


def test_anonymous_visitors_cannot_choose(client: Client, db: None) -> None:
    assert client.get(reverse("tenancy:choose")).status_code == 302
