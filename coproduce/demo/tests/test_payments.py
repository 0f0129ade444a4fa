"""The demo's payments, built on the demo's projects: the journey the issue asks for."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.conftest import signed_in
from coproduce.demo import builders
from coproduce.demo import payments as demo_payments
from coproduce.demo.named import ADMIN_EMAIL, CARER_EMAIL, COORDINATOR_EMAIL
from coproduce.payments import approval_actions, budget
from coproduce.payments.models import Claim, Payment, Status
from coproduce.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(built_demo: str) -> demo_payments.PaymentsSummary:
    """The demo's payments as its build reported them, read back from the database."""
    claims = Claim.objects.filter(organisation__slug="riverside")
    margaret = claims.get(person__email=CARER_EMAIL, status=Status.DRAFT)
    return demo_payments.PaymentsSummary(
        claims=claims.count(),
        paid=Payment.objects.filter(paid_on__isnull=False).count(),
        margaret_claim=margaret.pk,
    )


def test_margaret_sees_submits_with_a_voucher_the_coordinator_approves_finance_exports(
    demo: demo_payments.PaymentsSummary,
) -> None:
    margaret = signed_in(Client(), User.objects.get(email=CARER_EMAIL))
    claim = Claim.objects.get(pk=demo.margaret_claim)
    assert claim.lines.filter(kind="involvement").count() >= 2
    body = margaret.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    assert "This payment might affect your benefits" in body
    for line in claim.lines.filter(kind="travel"):
        margaret.post(
            reverse("payments:line", args=[claim.pk, line.pk]), {"mode": "fares", "fares": "6.40"}
        )
    response = margaret.post(
        reverse("payments:submit", args=[claim.pk]), {"choice": "voucher"}, follow=True
    )
    assert "Your claim is sent" in response.content.decode()
    claim.refresh_from_db()
    assert (claim.status, claim.method, claim.benefit_choice) == ("submitted", "voucher", "voucher")

    coordinator = signed_in(Client(), User.objects.get(email=COORDINATOR_EMAIL))
    coordinator.post(reverse("payments:review", args=[claim.pk]), {"decision": "approve"})
    assert Payment.objects.get(claim=claim).amount == approval_actions.amount_of(claim)
    export = reverse("payments:export-csv", args=[claim.project_id])
    assert coordinator.get(export).status_code == 403  # payees' details are for finance
    finance = signed_in(Client(), User.objects.get(email=ADMIN_EMAIL))
    assert claim.reference in finance.get(export).content.decode("utf-8-sig")


def test_the_demo_budget_reconciles_with_its_claims(demo: demo_payments.PaymentsSummary) -> None:
    project = Claim.objects.get(pk=demo.margaret_claim).project
    rows = budget.budget_rows(project)
    paid = sum(
        (p.amount for p in Payment.objects.filter(claim__project=project, paid_on__isnull=False)),
        Decimal("0"),
    )
    assert demo.paid > 0
    assert sum(row.spent for row in rows) == paid
    committed = sum(
        (
            approval_actions.amount_of(c)
            for c in Claim.objects.filter(
                project=project, status__in=[Status.SUBMITTED, Status.QUERIED, Status.APPROVED]
            )
        ),
        Decimal("0"),
    )
    assert sum(row.committed for row in rows) == committed


def test_the_demo_has_a_cancellation_cost_claim_and_every_state(
    demo: demo_payments.PaymentsSummary,
) -> None:
    statuses = set(Claim.objects.values_list("status", flat=True))
    assert statuses == set(Status.values) - {Status.QUERIED}
    assert Claim.objects.filter(lines__kind="cancellation").exists()


def test_the_demo_can_be_removed_with_its_payments(demo: demo_payments.PaymentsSummary) -> None:
    demo_payments.remove(Organisation.objects.filter(slug__in=builders.DEMO_SLUGS))
    builders.remove_demo()
    assert not Claim.objects.exists()
