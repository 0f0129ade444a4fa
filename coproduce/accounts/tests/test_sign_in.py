import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.conftest import Member

PASSWORD = "correct horse battery staple"


def code_for(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def test_sign_in_page_shows_the_form(client: Client, db: None) -> None:
    response = client.get(reverse("accounts:sign-in"))
    assert response.status_code == 200
    assert b'name="email"' in response.content
    assert b'autocomplete="current-password"' in response.content


def test_empty_sign_in_shows_error_summary_and_keeps_nothing_secret(
    client: Client, db: None
) -> None:
    response = client.post(
        reverse("accounts:sign-in"), {"email": "margaret@example", "password": ""}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter your password" in html
    assert 'href="#id_password"' in html
    assert 'value="margaret@example"' in html  # what was typed is kept
    assert "<title>Error:" in html


def test_carer_signs_in_with_email_in_any_case_and_goes_home(client: Client, carer: Member) -> None:
    response = client.post(
        reverse("accounts:sign-in"), {"email": carer.user.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("pages:home")


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(
    client: Client, carer: Member
) -> None:
    response = client.post(
        reverse("accounts:sign-in"), {"email": carer.user.email, "password": "nope"}
    )
    assert response.status_code == 400
    assert "The email address or password is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_in_never_redirects_off_site(client: Client, carer: Member) -> None:
    url = reverse("accounts:sign-in") + "?next=https://evil.example/"
    response = client.post(url, {"email": carer.user.email, "password": PASSWORD})
    assert response["Location"] == reverse("pages:home")


def test_five_failures_lock_the_account_out(
    client: Client, carer: Member, settings: pytest.FixtureRequest
) -> None:
    for _ in range(5):
        client.post(reverse("accounts:sign-in"), {"email": carer.user.email, "password": "wrong"})
    response = client.post(
        reverse("accounts:sign-in"), {"email": carer.user.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_coordinator_must_set_up_two_factor_before_seeing_anything(
    client: Client, coordinator: Member
) -> None:
    response = client.post(
        reverse("accounts:sign-in"), {"email": coordinator.user.email, "password": PASSWORD}
    )
    assert response["Location"].startswith(reverse("accounts:two-factor"))
    # Going straight to a staff page is turned back to the second factor.
    response = client.get(reverse("people:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor"))
    setup = client.get(reverse("accounts:two-factor"))
    assert "Set up your authenticator app" in setup.content.decode()
    assert b"data:image/svg+xml" in setup.content


def test_coordinator_confirms_authenticator_then_reaches_people(
    client: Client, coordinator: Member
) -> None:
    client.post(
        reverse("accounts:sign-in"), {"email": coordinator.user.email, "password": PASSWORD}
    )
    client.get(reverse("accounts:two-factor"))
    device = TOTPDevice.objects.get(user=coordinator.user, confirmed=False)
    response = client.post(reverse("accounts:two-factor"), {"code": code_for(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("people:list")).status_code == 200


def test_wrong_security_code_is_refused_with_a_clear_message(
    client: Client, coordinator: Member
) -> None:
    TOTPDevice.objects.create(user=coordinator.user, name="phone", confirmed=True)
    client.post(
        reverse("accounts:sign-in"), {"email": coordinator.user.email, "password": PASSWORD}
    )
    response = client.post(reverse("accounts:two-factor"), {"code": "12345x"})
    assert response.status_code == 400
    assert "The security code must be 6 digits" in response.content.decode()
    assert client.get(reverse("people:list")).status_code == 302


def test_carer_does_not_need_a_second_factor(client: Client, carer: Member) -> None:
    client.post(reverse("accounts:sign-in"), {"email": carer.user.email, "password": PASSWORD})
    assert client.get(reverse("people:you")).status_code == 200


def test_sign_out_needs_post_and_ends_the_session(carer_client: Client) -> None:
    assert carer_client.get(reverse("accounts:sign-out")).status_code == 405
    carer_client.post(reverse("accounts:sign-out"))
    response = carer_client.get(reverse("people:you"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:sign-in") + "?next=/you/"


def test_sign_in_forms_are_protected_by_csrf(carer: Member) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("accounts:sign-in"), {"email": carer.user.email, "password": PASSWORD}
    )
    assert response.status_code == 403
    assert "this form timed out" in response.content.decode()
