from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.people.models import Person

VALID = {
    "full_name": "Sunita Patel",
    "phone": "07700 900123",
    "postcode": "gu27xh",
    "preferred_channel": "phone",
    "preferred_language": "en",
    "consent_data_use": "yes",
    "consent_contact": "yes",
}


def test_coordinator_registers_a_carer_after_a_phone_call(
    coordinator_client: Client, coordinator: Member
) -> None:
    response = coordinator_client.post(reverse("people:register"), VALID)
    person = Person.objects.get(full_name="Sunita Patel")
    assert response["Location"] == reverse("people:person", args=[person.pk])
    assert person.organisation == coordinator.organisation
    assert person.postcode == "GU2 7XH"


def test_bad_input_shows_every_problem_and_keeps_what_was_typed(
    coordinator_client: Client, coordinator: Member
) -> None:
    data = {
        **VALID,
        "postcode": "nonsense",
        "preferred_channel": "email",
        "date_of_birth-day": "31",
        "date_of_birth-month": "2",
        "date_of_birth-year": "1960",
        "consent_data_use": "no",
    }
    response = coordinator_client.post(reverse("people:register"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "Enter a real postcode, like AA1 1AA" in html
    assert "Date of birth must be a real date" in html
    assert "You can only register someone who has agreed to us keeping their information" in html
    assert 'href="#id_postcode"' in html
    assert 'href="#id_date_of_birth-day"' in html
    assert 'value="nonsense"' in html
    assert 'value="Sunita Patel"' in html
    assert 'value="31"' in html
    assert not Person.objects.filter(full_name="Sunita Patel").exists()


def test_a_channel_without_its_contact_detail_is_refused(
    coordinator_client: Client, coordinator: Member
) -> None:
    response = coordinator_client.post(
        reverse("people:register"), {**VALID, "preferred_channel": "letter"}
    )
    assert "You chose letters, so enter a postal address" in response.content.decode()


def test_carer_cannot_register_people(carer_client: Client) -> None:
    assert carer_client.post(reverse("people:register"), VALID).status_code == 403
    assert not Person.objects.filter(full_name="Sunita Patel").exists()


def test_registering_asks_which_language_and_keeps_welsh(
    coordinator_client: Client, coordinator: Member
) -> None:
    form = coordinator_client.get(reverse("people:register")).content.decode()
    assert "Which language do they want us to use?" in form
    coordinator_client.post(reverse("people:register"), {**VALID, "preferred_language": "cy"})
    assert Person.objects.get(full_name="Sunita Patel").preferred_language == "cy"
    unanswered = {k: v for k, v in VALID.items() if k != "preferred_language"}
    response = coordinator_client.post(reverse("people:register"), unanswered)
    assert response.status_code == 400
    assert "Select English or Welsh" in response.content.decode()
