"""An organisation's admins keep how people reach it up to date (phone, email, post, in
person, in English and Welsh); pages that say "contact us" show what they keep."""

from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.tenancy.models import Organisation

URL = reverse("tenancy:contact-details")
DETAILS = {
    "phone": "01632 960 123",
    "email": "hello@riverside.example",
    "postal_address": "12 Mill Lane\nRiverside",
    "opening_hours": "Monday to Friday, 9am to 5pm",
    "opening_hours_cy": "Dydd Llun i ddydd Gwener, 9am i 5pm",
    "visit_address": "12 Mill Lane",
    "premises_access": "Step-free entrance, hearing loop",
    "premises_access_cy": "Mynedfa heb risiau, dolen sain",
}


def test_an_admin_changes_how_people_reach_their_organisation(
    admin_client_a: Client, org_a: Organisation
) -> None:
    assert admin_client_a.get(URL).status_code == 200
    response = admin_client_a.post(URL, DETAILS)
    assert response.status_code == 302
    assert response["Location"] == reverse("pages:front-door", args=[org_a.slug])
    org_a.refresh_from_db()
    assert org_a.phone == "01632 960 123"
    assert org_a.opening_hours_cy == "Dydd Llun i ddydd Gwener, 9am i 5pm"
    assert org_a.in_language("premises_access", "cy") == "Mynedfa heb risiau, dolen sain"
    assert "01632 960 123" in admin_client_a.get(response["Location"]).content.decode()


def test_a_bad_email_address_is_shown_again_with_the_error(
    admin_client_a: Client, org_a: Organisation
) -> None:
    response = admin_client_a.post(URL, {**DETAILS, "email": "not an address"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter an email address in the correct format" in html
    assert "not an address" in html
    assert "01632 960 123" in html  # what was typed is kept
    org_a.refresh_from_db()
    assert org_a.phone == ""


def test_only_admins_change_the_details(
    coordinator_client: Client, carer_client: Client, client: Client, org_a: Organisation
) -> None:
    assert coordinator_client.get(URL).status_code == 403
    assert coordinator_client.post(URL, DETAILS).status_code == 403
    assert carer_client.post(URL, DETAILS).status_code == 403
    assert client.post(URL, DETAILS).status_code == 302  # sign in first
    org_a.refresh_from_db()
    assert org_a.phone == ""


def test_another_organisations_admin_changes_only_their_own(
    org_a: Organisation, org_b: Organisation
) -> None:
    from coproduce.conftest import make_member, signed_in
    from coproduce.tenancy.models import Role

    admin_b: Member = make_member(org_b, Role.ADMIN, "Bryn Admin")
    signed_in(Client(), admin_b.user).post(URL, DETAILS)
    org_a.refresh_from_db()
    org_b.refresh_from_db()
    assert org_a.phone == ""
    assert org_b.phone == "01632 960 123"


def test_a_page_that_says_phone_us_gives_the_number(client: Client, org_a: Organisation) -> None:
    Organisation.objects.filter(pk=org_a.pk).update(
        phone="01632 960 123", email="hello@riverside.example"
    )
    html = client.get(reverse("contributions:open-door", args=[org_a.slug])).content.decode()
    assert "or phone us" in html
    assert 'href="tel:01632960123"' in html
    assert "mailto:hello@riverside.example" in html
    assert reverse("pages:front-door", args=[org_a.slug]) in html
