"""The public "say you are interested" form answers odd input with a message, not a crash."""

from django.test import Client
from django.urls import reverse

from coproduce.recruitment.models import Brief, ExpressionOfInterest
from coproduce.recruitment.tests.test_interested import NEW


def test_a_year_too_big_for_the_calendar_is_not_a_real_date(client: Client, brief: Brief) -> None:
    url = reverse("recruitment:interested", args=[brief.public_id])
    answer = {**NEW, "date_of_birth-day": "1", "date_of_birth-month": "1"}
    response = client.post(url, {**answer, "date_of_birth-year": "99999999999"})
    assert response.status_code == 400
    assert "Date of birth must be a real date" in response.content.decode()
    assert not ExpressionOfInterest.objects.exists()


def test_a_date_of_birth_before_1900_is_refused(client: Client, brief: Brief) -> None:
    url = reverse("recruitment:interested", args=[brief.public_id])
    answer = {**NEW, "date_of_birth-day": "1", "date_of_birth-month": "1"}
    response = client.post(url, {**answer, "date_of_birth-year": "1850"})
    assert response.status_code == 400
    assert "must be the same as or after 1 January 1900" in response.content.decode()
