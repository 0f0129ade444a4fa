from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member


def test_switching_to_welsh_sets_a_cookie_and_translates_pages(client: Client, db: None) -> None:
    response = client.post(reverse("accounts:language"), {"language": "cy", "next": "/sign-in/"})
    assert response["Location"] == "/sign-in/"
    assert response.cookies["coproduce_language"].value == "cy"
    page = client.get(reverse("accounts:sign-in"))
    assert '<html lang="cy"' in page.content.decode()
    assert "Mewngofnodi" in page.content.decode()


def test_a_signed_in_persons_choice_is_recorded_on_their_record(
    carer_client: Client, carer: Member
) -> None:
    carer_client.post(reverse("accounts:language"), {"language": "cy"})
    carer.person.refresh_from_db()
    assert carer.person.preferred_language == "cy"
    # Their record, not the cookie, now decides: a fresh browser shows Welsh too.
    fresh = Client()
    fresh.force_login(carer.user)
    assert '<html lang="cy"' in fresh.get(reverse("people:you")).content.decode()


def test_unknown_language_falls_back_to_english(client: Client, db: None) -> None:
    response = client.post(reverse("accounts:language"), {"language": "fr"})
    assert response.cookies["coproduce_language"].value == "en"


def test_language_switch_never_redirects_off_site(client: Client, db: None) -> None:
    response = client.post(
        reverse("accounts:language"), {"language": "cy", "next": "//evil.example/"}
    )
    assert response["Location"] == reverse("pages:home")


def test_welsh_chosen_before_signing_in_is_kept_after(client: Client, carer: Member) -> None:
    client.post(reverse("accounts:language"), {"language": "cy", "next": "/sign-in/"})
    client.post(
        reverse("accounts:sign-in"),
        {"email": carer.user.email, "password": "correct horse battery staple"},
    )
    carer.person.refresh_from_db()
    assert carer.person.preferred_language == "cy"
    assert '<html lang="cy"' in client.get(reverse("pages:home")).content.decode()


def test_signing_in_without_choosing_keeps_the_recorded_language(
    client: Client, carer: Member
) -> None:
    carer.person.preferred_language = "cy"
    carer.person.save()
    client.post(
        reverse("accounts:sign-in"),
        {"email": carer.user.email, "password": "correct horse battery staple"},
    )
    carer.person.refresh_from_db()
    assert carer.person.preferred_language == "cy"
