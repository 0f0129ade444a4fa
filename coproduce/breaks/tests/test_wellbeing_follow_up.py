from datetime import date, timedelta
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from coproduce.breaks import actions
from coproduce.breaks.models import (
    BreakPayment,
    Referral,
    ReferralStatus,
    WellbeingMoment,
    WellbeingResponse,
)
from coproduce.breaks.tasks import send_wellbeing_follow_ups
from coproduce.conftest import BreaksScheme
from coproduce.notifications.models import Message
from coproduce.people.models import CarerProfile, Person


def paid_referral(breaks: BreaksScheme, *, paid_days_ago: int, consent: bool = True) -> Referral:
    person = Person.objects.create(
        organisation=breaks.scheme.payment_organisation,
        full_name="Ann Lee",
        email="ann@example.org",
    )
    CarerProfile.objects.create(person=person, preferred_channel="email")
    referral = Referral.objects.create(
        scheme=breaks.scheme,
        practice=breaks.practice,
        status=ReferralStatus.PAID,
        carer_name="Ann Lee",
        wellbeing_consent=consent,
        person=person,
        amount=Decimal("300"),
    )
    BreakPayment.objects.create(
        referral=referral,
        amount=Decimal("300"),
        method="voucher",
        paid_on=date.today() - timedelta(days=paid_days_ago),
        reference="V",
    )
    return referral


def test_the_worker_asks_carers_six_weeks_after_payment_once(
    breaks: BreaksScheme, django_capture_on_commit_callbacks: Any
) -> None:
    due = paid_referral(breaks, paid_days_ago=43)
    paid_referral(breaks, paid_days_ago=10)  # too soon
    paid_referral(breaks, paid_days_ago=60, consent=False)  # did not agree
    with django_capture_on_commit_callbacks(execute=True):
        assert send_wellbeing_follow_ups.call() == 1
        send_wellbeing_follow_ups.call()
    messages = Message.objects.filter(kind="breaks.wellbeing")
    assert [m.person_id for m in messages] == [due.person_id]
    assert "/breaks/wellbeing/" in messages[0].body


def test_the_schedule_command_enqueues_the_follow_ups(breaks: BreaksScheme) -> None:
    paid_referral(breaks, paid_days_ago=50)
    out = StringIO()
    call_command("run_schedule", stdout=out)
    assert "send_wellbeing_follow_ups" in out.getvalue()
    assert Message.objects.filter(kind="breaks.wellbeing").count() == 1


def test_the_carer_answers_through_the_link_without_signing_in(
    client: Client, breaks: BreaksScheme
) -> None:
    referral = paid_referral(breaks, paid_days_ago=45)
    link = (
        actions.wellbeing_link(referral)
        .split("testserver")[-1]
        .replace("http://127.0.0.1:8000", "")
    )
    bad = client.post(
        link, {"life_satisfaction": "11", "worthwhile": "7", "happiness": "", "anxiety": "3"}
    )
    assert bad.status_code == 400
    assert "Enter a number from 0 to 10" in bad.content.decode()
    assert 'value="7"' in bad.content.decode()
    good = client.post(
        link, {"life_satisfaction": "7", "worthwhile": "7", "happiness": "6", "anxiety": "3"}
    )
    assert "Thank you" in good.content.decode()
    answer = WellbeingResponse.objects.get(referral=referral, moment=WellbeingMoment.AFTER_BREAK)
    assert answer.anxiety == 3
    again = client.post(
        link, {"life_satisfaction": "1", "worthwhile": "1", "happiness": "1", "anxiety": "9"}
    )
    assert again.status_code == 200
    assert (
        WellbeingResponse.objects.get(referral=referral, moment=WellbeingMoment.AFTER_BREAK).anxiety
        == 3
    )


@pytest.mark.parametrize(
    "token",
    [
        # A signed token carries the time it was made: fixed ids keep pytest-xdist's
        # workers collecting the same tests.
        pytest.param("nonsense", id="nonsense"),
        pytest.param(
            signing.dumps({"referral": 999999}, salt="breaks.wellbeing"), id="unknown-referral"
        ),
    ],
)
def test_a_bad_or_unknown_link_explains_itself(client: Client, db: None, token: str) -> None:
    response = client.get(reverse("breaks:wellbeing", args=[token]))
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
