"""A carer changing their claim while the coordinator approves it: each change claims the
claim's row and checks its state again under the lock, so nothing changes after approval
(when the payment has already been worked out from the lines)."""

import threading
from decimal import Decimal

import pytest
from django.db import connection

from coproduce.conftest import Member
from coproduce.payments import actions, approval_actions
from coproduce.payments.models import Claim, Line, Payment, Status
from coproduce.payments.tests.setup import Setting, drafted_claim, setting, submitted_claim

__all__ = ["setting"]


def approved_behind_the_carers_back(setting: Setting, carer: Member, coordinator: Member) -> Line:
    """The carer's page loaded the claim as a draft; meanwhile it was sent and approved."""
    stale = drafted_claim(setting, carer)
    travel = stale.lines.get(kind="travel")
    travel.claim = stale
    approval_actions.approve(submitted_claim(setting, carer), coordinator.user)
    assert stale.status == Status.DRAFT  # what the carer's page still believes
    return travel


def test_a_line_cannot_change_after_the_claim_is_approved(
    setting: Setting, carer: Member, coordinator: Member
) -> None:
    travel = approved_behind_the_carers_back(setting, carer, coordinator)
    paid = Payment.objects.get(claim_id=travel.claim_id).amount
    with pytest.raises(actions.ClaimProblem):
        actions.save_travel(travel, "fares", None, Decimal("99.00"), None)
    with pytest.raises(actions.ClaimProblem):
        actions.save_cost(travel, Decimal("99.00"), "Taxi", None)
    lines = Line.objects.filter(claim_id=travel.claim_id)
    assert sum(line.amount for line in lines) == paid


def test_no_line_is_added_and_no_method_changed_after_approval(
    setting: Setting, carer: Member, coordinator: Member
) -> None:
    travel = approved_behind_the_carers_back(setting, carer, coordinator)
    stale = travel.claim
    with pytest.raises(actions.ClaimProblem):
        actions.add_line(stale, setting.meetings[0], "other")
    with pytest.raises(actions.ClaimProblem):
        actions.choose_method(stale, carer.user, {"method": "bank", "account_number": "1"})
    claim = Claim.objects.get(pk=stale.pk)
    assert (claim.status, claim.method) == (Status.APPROVED, "voucher")
    assert not claim.lines.filter(kind="other").exists()


@pytest.mark.django_db(transaction=True)
def test_an_edit_and_an_approval_at_once_leave_the_payment_equal_to_the_lines(
    setting: Setting, carer: Member, coordinator: Member
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the row lock is proved on PostgreSQL")
    claim = submitted_claim(setting, carer)
    approval_actions.query(claim, coordinator.user, "Was it 10 miles?")
    travel = Claim.objects.get(pk=claim.pk).lines.get(kind="travel")
    travel.claim = Claim.objects.get(pk=claim.pk)
    approval_actions.submit(travel.claim, carer.user, "")
    stale = Claim.objects.get(pk=claim.pk)
    stale.status = Status.QUERIED  # the carer's page, loaded before it was sent again
    travel.claim = stale
    barrier = threading.Barrier(2)

    def edit() -> None:
        barrier.wait()
        try:
            actions.save_travel(travel, "fares", None, Decimal("99.00"), None)
        except actions.ClaimProblem:
            pass
        finally:
            connection.close()

    def approve() -> None:
        barrier.wait()
        try:
            approval_actions.approve(Claim.objects.get(pk=claim.pk), coordinator.user)
        finally:
            connection.close()

    threads = [threading.Thread(target=edit), threading.Thread(target=approve)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    paid = Payment.objects.get(claim_id=claim.pk).amount
    assert sum(line.amount for line in Line.objects.filter(claim_id=claim.pk)) == paid
