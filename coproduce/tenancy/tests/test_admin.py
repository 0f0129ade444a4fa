"""The Django admin is for platform operators only, and behind the second factor."""

from django.test import Client

from coproduce.conftest import Member, signed_in
from coproduce.tenancy.tests.factories import UserFactory


def test_organisation_staff_cannot_use_the_django_admin(coordinator: Member) -> None:
    response = signed_in(Client(), coordinator.user).get("/django-admin/people/erasurerequest/")
    assert response.status_code == 302
    assert "/django-admin/login/" in response["Location"]


def test_an_operator_without_a_verified_second_factor_is_kept_out(db: None) -> None:
    operator = UserFactory.create(email="operator@example.org", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(operator)
    response = client.get("/django-admin/")
    assert response.status_code == 302
    assert "/django-admin/login/" in response["Location"]


def test_an_operator_with_a_verified_second_factor_gets_in(db: None) -> None:
    operator = UserFactory.create(email="operator@example.org", is_staff=True, is_superuser=True)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=operator, name="op", confirmed=True)
    client = Client()
    client.force_login(operator)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    assert client.get("/django-admin/").status_code == 200
