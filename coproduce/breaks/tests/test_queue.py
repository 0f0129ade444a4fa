import json
import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import responses
from django.db import connection
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from coproduce.breaks import actions, views
from coproduce.breaks.models import BreakPayment, Referral, ReferralStatus
from coproduce.conftest import BreaksScheme, Member
from coproduce.notifications.models import Message, Status

NOTIFY = "https://api.notifications.service.gov.uk/v2/notifications"
ELIGIBLE = {
    "necessary_care": "yes",
    "effect_of_caring": ["health_at_risk"],
    "significant_impact": "yes",
}


@pytest.fixture(autouse=True)
def notify_settings(settings: Settings) -> None:
    settings.NOTIFY_API_KEY = (
        "test-11111111-1111-1111-1111-111111111111-22222222-2222-2222-2222-222222222222"
    )
    settings.NOTIFY_EMAIL_TEMPLATE_ID = "aaaaaaaa-0000-0000-0000-000000000001"
    settings.NOTIFY_SMS_TEMPLATE_ID = "aaaaaaaa-0000-0000-0000-000000000002"
    settings.NOTIFY_LETTER_TEMPLATE_ID = "aaaaaaaa-0000-0000-0000-000000000003"


@pytest.fixture
def notify_api() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        for channel in ("email", "sms", "letter"):
            mock.post(
                f"{NOTIFY}/{channel}",
                json={"id": "bbbbbbbb-0000-0000-0000-000000000001"},
                status=201,
            )
        yield mock


def sent_referral(breaks: BreaksScheme, **overrides: Any) -> Referral:
    values: dict[str, Any] = {
        "carer_name": "Mary O'Neill",
        "carer_date_of_birth": date(1950, 2, 3),
        "carer_address": "4 Mill Lane\nGuildford",
        "carer_postcode": "GU1 4AB",
        "preferred_channel": "letter",
        "relationship": "partner",
        "answers": ELIGIBLE,
        "break_kind": "short_break",
        "carer_consent": True,
        "wellbeing_consent": False,
    }
    values.update(overrides)
    referral = Referral.objects.create(
        scheme=breaks.scheme, practice=breaks.practice, referred_by=breaks.gp.user, **values
    )
    return actions.submit(referral, None)


def test_the_support_organisation_approves_pays_and_everyone_is_told(
    coordinator_client: Client,
    breaks: BreaksScheme,
    notify_api: responses.RequestsMock,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        referral = sent_referral(breaks)
    queue = coordinator_client.get(reverse("breaks:queue")).content.decode()
    assert "Mary O&#39;Neill" in queue or "Mary O'Neill" in queue
    url = reverse("breaks:process", args=[referral.pk])
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(url, {"step": "decide", "decision": "approve", "amount": "300.00"})
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(
            url,
            {
                "step": "pay",
                "method": "bank_transfer",
                "paid_on-day": "14",
                "paid_on-month": "1",
                "paid_on-year": "2026",
                "reference": "BRK-0001",
            },
        )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PAID
    assert referral.payment.amount == Decimal("300.00")
    # The carer (no phone or email) gets letters; the GP gets an email with the outcome.
    kinds = {m.kind: m for m in Message.objects.all()}
    assert set(kinds) == {
        "breaks.received",
        "breaks.approved",
        "breaks.paid",
        "breaks.outcome_for_referrer",
    }
    assert kinds["breaks.paid"].channel == "letter"
    assert kinds["breaks.outcome_for_referrer"].channel == "email"
    assert all(m.status == Status.SENT for m in kinds.values())
    letters = [
        json.loads(str(c.request.body))
        for c in notify_api.calls
        if str(c.request.url).endswith("/letter")
    ]
    letter = next(body for body in letters if body["reference"].endswith(".paid"))
    assert letter["personalisation"]["address_line_1"] == "Mary O'Neill"
    assert "£300.00" in letter["personalisation"]["body"]
    # The GP sees the outcome on the practice's list.
    gp = Client()
    gp.force_login(breaks.gp.user)
    assert "Paid" in gp.get(reverse("breaks:referral", args=[referral.pk])).content.decode()


def test_an_amount_above_the_schemes_maximum_is_refused(
    coordinator_client: Client, breaks: BreaksScheme
) -> None:
    referral = sent_referral(breaks)
    response = coordinator_client.post(
        reverse("breaks:process", args=[referral.pk]),
        {"step": "decide", "decision": "approve", "amount": "750"},
    )
    assert response.status_code == 400
    assert "The amount must be £500.00 or less" in response.content.decode()
    assert 'value="750"' in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SUBMITTED


def test_declining_needs_a_reason(coordinator_client: Client, breaks: BreaksScheme) -> None:
    referral = sent_referral(breaks)
    response = coordinator_client.post(
        reverse("breaks:process", args=[referral.pk]), {"step": "decide", "decision": "decline"}
    )
    assert "Tell the carer why their referral was declined" in response.content.decode()


def test_a_carer_paid_recently_is_flagged(
    coordinator_client: Client, coordinator: Member, breaks: BreaksScheme
) -> None:
    first = sent_referral(breaks)
    actions.decide(first, coordinator.user, approve=True, amount=Decimal("300"), reason="")
    actions.record_payment(
        first, coordinator.user, method="voucher", paid_on=date.today(), reference="V1"
    )
    second = sent_referral(breaks, carer_name="mary o'neill")
    html = coordinator_client.get(reverse("breaks:process", args=[second.pk])).content.decode()
    assert "This carer was paid for a break on" in html


def test_a_referral_is_paid_only_once(coordinator: Member, breaks: BreaksScheme) -> None:
    referral = sent_referral(breaks)
    actions.decide(referral, coordinator.user, approve=True, amount=Decimal("300"), reason="")
    actions.record_payment(
        referral, coordinator.user, method="voucher", paid_on=date.today(), reference="V1"
    )
    with pytest.raises(actions.AlreadyDone):
        actions.record_payment(
            referral, coordinator.user, method="voucher", paid_on=date.today(), reference="V2"
        )
    with pytest.raises(actions.AlreadyDone):
        actions.decide(
            referral, coordinator.user, approve=False, amount=None, reason="Changed mind"
        )
    assert BreakPayment.objects.filter(referral=referral).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_people_paying_at_the_same_moment_make_one_payment(
    coordinator: Member, breaks: BreaksScheme
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite serialises writers; the row lock is proved on PostgreSQL (CI runs both)"
        )
    referral = sent_referral(breaks)
    actions.decide(referral, coordinator.user, approve=True, amount=Decimal("300"), reason="")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def pay(reference: str) -> None:
        barrier.wait()
        try:
            actions.record_payment(
                referral,
                coordinator.user,
                method="bank_transfer",
                paid_on=date.today(),
                reference=reference,
            )
            outcomes.append("paid")
        except actions.AlreadyDone:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=pay, args=(f"R{n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["paid", "refused"]
    assert BreakPayment.objects.filter(referral=referral).count() == 1


def test_the_queue_is_only_for_the_payment_organisations_staff(
    breaks: BreaksScheme, carer_client: Client, staff_b_client: Client, gp_client: Client
) -> None:
    referral = sent_referral(breaks)
    assert carer_client.get(reverse("breaks:queue")).status_code == 403
    assert gp_client.get(reverse("breaks:queue")).status_code == 403
    assert "Mary" not in staff_b_client.get(reverse("breaks:queue")).content.decode()
    assert staff_b_client.get(reverse("breaks:process", args=[referral.pk])).status_code == 404
    assert (
        staff_b_client.post(
            reverse("breaks:process", args=[referral.pk]),
            {"step": "decide", "decision": "decline", "reason": "x"},
        ).status_code
        == 404
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SUBMITTED


@pytest.mark.parametrize("count", [1, 60])  # 60: more than a page
def test_the_queue_runs_a_fixed_number_of_queries(
    coordinator_client: Client, breaks: BreaksScheme, count: int, django_assert_num_queries: Any
) -> None:
    for n in range(count):
        sent_referral(breaks, carer_name=f"Carer {n}")
    # session, user, membership, OTP device, how many referrals, a page with practices
    with django_assert_num_queries(6):
        response = coordinator_client.get(reverse("breaks:queue"))
    assert response.status_code == 200


def test_every_waiting_referral_can_be_reached_a_page_at_a_time(
    coordinator_client: Client, breaks: BreaksScheme
) -> None:
    total = views.QUEUE_PAGE + 5
    for n in range(total):
        sent_referral(breaks, carer_name=f"Queued carer {n:03}")
    first = coordinator_client.get(reverse("breaks:queue")).content.decode()
    second = coordinator_client.get(reverse("breaks:queue") + "?page=2").content.decode()
    shown = {n for n in range(total) for body in (first, second) if f"Queued carer {n:03}" in body}
    assert shown == set(range(total))
    assert "Queued carer 000" in first  # oldest first
    assert f"Queued carer {total - 1:03}" in second
    assert "Page 2 of 2" in second
