import datetime
import re

from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.people.models import Consent, Person
from coproduce.recruitment.models import Brief, ExpressionOfInterest, State

NEW = {
    "full_name": "Sunita Patel",
    "email": "Sunita@example.org",
    "phone": "",
    "address": "",
    "postcode": "",
    "preferred_channel": "email",
    "under_18": "no",
    "why": "My mum was discharged twice without a plan.",
    "consent": "true",
}


def without_nonces(page: bytes) -> bytes:
    """The page without what changes on every response: the scripts' CSP nonce and the
    (masked) CSRF token of the language switch's form."""
    page = re.sub(rb'nonce="[^"]*"', b"", page)
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", page)


def interested(brief: Brief) -> str:
    return reverse("recruitment:interested", args=[brief.public_id])


def test_someone_new_says_they_are_interested_and_becomes_a_carer_we_know(
    client: Client, brief: Brief
) -> None:
    assert client.get(interested(brief)).status_code == 200
    response = client.post(interested(brief), NEW)
    assert response["Location"] == reverse("recruitment:interested-done", args=[brief.public_id])
    expression = ExpressionOfInterest.objects.select_related("person__carer_profile").get()
    person = expression.person
    assert person.organisation_id == brief.project.organisation_id
    assert person.carer_profile.preferred_channel == "email"
    assert expression.registered_through_brief
    assert expression.state == State.RECEIVED
    assert not expression.under_18
    assert expression.history.get().to_state == State.RECEIVED
    assert set(Consent.objects.filter(person=person).values_list("kind", "given")) == {
        ("data_use", True),
        ("contact", True),
    }
    thanks = client.get(response["Location"]).content.decode()
    assert "What happens next" in thanks


def test_at_least_one_way_to_contact_them_is_needed_and_what_was_typed_is_kept(
    client: Client, brief: Brief
) -> None:
    response = client.post(interested(brief), {**NEW, "email": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter at least one way for us to contact you" in html
    assert 'value="Sunita Patel"' in html
    assert "My mum was discharged twice without a plan." in html
    assert not Person.objects.filter(full_name="Sunita Patel").exists()


def test_we_need_a_date_of_birth_or_an_answer_about_being_under_18(
    client: Client, brief: Brief
) -> None:
    response = client.post(interested(brief), {**NEW, "under_18": ""})
    assert response.status_code == 400
    assert "Enter your date of birth, or tell us if you are under 18" in response.content.decode()


def test_a_date_of_birth_tells_us_they_are_under_18(client: Client, brief: Brief) -> None:
    born = datetime.date.today().replace(year=datetime.date.today().year - 15, day=1)
    client.post(
        interested(brief),
        {
            **NEW,
            "under_18": "",
            "date_of_birth-day": str(born.day),
            "date_of_birth-month": str(born.month),
            "date_of_birth-year": str(born.year),
        },
    )
    assert ExpressionOfInterest.objects.get().under_18


def test_the_chosen_way_to_contact_needs_its_detail(client: Client, brief: Brief) -> None:
    response = client.post(interested(brief), {**NEW, "preferred_channel": "sms"})
    assert response.status_code == 400
    assert "You chose a phone or text, so enter a phone number" in response.content.decode()


def test_a_second_answer_with_the_same_email_is_not_added_again_and_looks_the_same(
    client: Client, brief: Brief
) -> None:
    first = client.post(interested(brief), NEW)
    thanks = client.get(first["Location"]).content
    probe = client.post(interested(brief), {**NEW, "email": "sunita@EXAMPLE.org "})
    # Nobody can learn from the answer that this email address has applied already.
    assert probe["Location"] == first["Location"]
    assert without_nonces(client.get(probe["Location"]).content) == without_nonces(thanks)
    assert ExpressionOfInterest.objects.count() == 1
    assert Person.objects.filter(full_name="Sunita Patel").count() == 1


def test_probing_with_someone_elses_email_stores_nothing_and_says_nothing(
    client: Client, brief: Brief
) -> None:
    client.post(interested(brief), NEW)
    probes = [{**NEW, "full_name": f"Prober {n}", "why": "Just checking"} for n in range(3)]
    answers = {client.post(interested(brief), probe)["Location"] for probe in probes}
    assert answers == {reverse("recruitment:interested-done", args=[brief.public_id])}
    assert ExpressionOfInterest.objects.count() == 1
    assert not Person.objects.filter(full_name__startswith="Prober").exists()


def test_a_second_answer_with_the_same_phone_is_not_added_again(
    client: Client, brief: Brief
) -> None:
    by_phone = {**NEW, "email": "", "phone": "07700 900123", "preferred_channel": "phone"}
    client.post(interested(brief), by_phone)
    client.post(interested(brief), {**by_phone, "phone": "+44 7700 900123", "full_name": "S P"})
    assert ExpressionOfInterest.objects.count() == 1


def test_a_signed_in_carer_is_asked_only_what_we_do_not_know(
    carer_client: Client, carer: Member, brief: Brief
) -> None:
    form = carer_client.get(interested(brief)).content.decode()
    assert 'name="why"' in form
    assert 'name="under_18"' in form
    assert 'name="email"' not in form
    response = carer_client.post(
        interested(brief), {"why": "I care for my husband.", "under_18": "no"}
    )
    assert response.status_code == 302
    expression = ExpressionOfInterest.objects.get()
    assert expression.person == carer.person
    assert not expression.registered_through_brief
    again = carer_client.post(interested(brief), {"why": "Again", "under_18": "no"})
    assert again["Location"] == reverse("recruitment:interested-already", args=[brief.public_id])
    assert ExpressionOfInterest.objects.count() == 1


def test_a_carer_whose_date_of_birth_we_know_is_not_asked_their_age(
    carer_client: Client, carer: Member, brief: Brief
) -> None:
    carer.person.date_of_birth = datetime.date(1960, 5, 1)
    carer.person.save()
    assert 'name="under_18"' not in carer_client.get(interested(brief)).content.decode()


def test_a_carer_of_another_organisation_answers_as_someone_new(
    client: Client, carer_b: Member, brief: Brief
) -> None:
    from coproduce.conftest import signed_in

    other = signed_in(client, carer_b.user)
    assert 'name="full_name"' in other.get(interested(brief)).content.decode()
    other.post(interested(brief), NEW)
    expression = ExpressionOfInterest.objects.get()
    assert expression.person != carer_b.person
    assert expression.person.organisation_id == brief.project.organisation_id


def test_someone_new_chooses_the_language_we_use_else_it_is_the_pages(
    client: Client, brief: Brief
) -> None:
    client.post(interested(brief), {**NEW, "preferred_language": "cy"})
    assert Person.objects.get(email="Sunita@example.org").preferred_language == "cy"
    client.post(interested(brief), {**NEW, "email": "ann@example.org", "full_name": "Ann"})
    assert Person.objects.get(email="ann@example.org").preferred_language == "en"
