import datetime
from decimal import Decimal

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.payments import reference
from coproduce.tenancy.tests.factories import UserFactory


def operator_client() -> Client:
    operator = UserFactory.create(email="operator@example.org", is_staff=True, is_superuser=True)
    device = TOTPDevice.objects.create(user=operator, name="op", confirmed=True)
    client = Client()
    client.force_login(operator)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def test_an_operator_adds_next_years_earnings_limit_without_a_code_change(db: None) -> None:
    response = operator_client().post(
        "/django-admin/payments/referencefigure/add/",
        {
            "key": "carers_allowance_earnings_limit",
            "value": "204.00",
            "unit": "GBP_per_week",
            "applies_from": "2027-04-06",
            "source_note": "2027/28",
        },
    )
    assert response.status_code == 302
    day = datetime.date(2027, 5, 1)
    assert reference.figure_on("carers_allowance_earnings_limit", day) == Decimal("204.00")
