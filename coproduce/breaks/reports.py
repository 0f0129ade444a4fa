"""Figures about a scheme for the partnership and its commissioners.

Each figure is worked out from a fixed number of queries whatever the number of
referrals: aggregates in the database, and single value-list queries where the
arithmetic (days between dates, matching the same carer) is simpler in Python.
"""

import datetime
import statistics
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from coproduce.breaks import rules
from coproduce.breaks.models import (
    BreakPayment,
    Practice,
    Referral,
    ReferralStatus,
    Scheme,
    WellbeingMoment,
    WellbeingResponse,
)
from coproduce.lib.exports import Row

DECIDED = [ReferralStatus.APPROVED, ReferralStatus.PAID, ReferralStatus.DECLINED]
APPROVED = [ReferralStatus.APPROVED, ReferralStatus.PAID]
WELLBEING = ("life_satisfaction", "worthwhile", "happiness", "anxiety")


@dataclass(frozen=True)
class Month:
    month: datetime.date
    referrals: int
    approved: int
    paid: int


@dataclass(frozen=True)
class PracticeRow:
    name: str
    code: str
    signed_up: bool
    referrals: int
    paid: int


@dataclass(frozen=True)
class Report:
    scheme: Scheme
    months: list[Month]
    practices: list[PracticeRow]
    referrals: int
    decided: int
    approved: int
    total_paid: Decimal
    approved_unpaid: Decimal
    payments: int
    median_days_to_payment: float | None
    practices_signed_up: int
    practices_total: int
    repeat_carers: int
    wellbeing_pairs: int
    wellbeing_change: dict[str, float | None]

    @property
    def approval_rate(self) -> float | None:
        return self.approved / self.decided if self.decided else None

    @property
    def budget_left(self) -> Decimal:
        """What is left once payments made and approved-but-unpaid are taken off."""
        return self.scheme.budget - self.total_paid - self.approved_unpaid

    @property
    def over_budget(self) -> Decimal:
        """How far payments made and approved-but-unpaid go past the budget (0 if within)."""
        return max(Decimal("0"), -self.budget_left)


def build(scheme: Scheme) -> Report:
    sent = Referral.objects.filter(scheme=scheme).exclude(status=ReferralStatus.DRAFT)
    months = [
        Month(
            row["month"].date() if isinstance(row["month"], datetime.datetime) else row["month"],
            row["referrals"],
            row["approved"],
            row["paid"],
        )
        for row in sent.annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .annotate(
            referrals=Count("pk"),
            approved=Count("pk", filter=Q(status__in=APPROVED)),
            paid=Count("pk", filter=Q(status=ReferralStatus.PAID)),
        )
        .order_by("month")
    ]
    practices = [
        PracticeRow(p["name"], p["code"], p["signed_up_at"] is not None, p["sent"], p["paid"])
        for p in Practice.objects.filter(scheme=scheme)
        .values("name", "code", "signed_up_at")
        .annotate(
            sent=Count("referrals", filter=~Q(referrals__status=ReferralStatus.DRAFT)),
            paid=Count("referrals", filter=Q(referrals__status=ReferralStatus.PAID)),
        )
        .order_by("-sent", "name")
    ]
    counts = sent.aggregate(
        referrals=Count("pk"),
        decided=Count("pk", filter=Q(status__in=DECIDED)),
        approved=Count("pk", filter=Q(status__in=APPROVED)),
        approved_unpaid=Sum("amount", filter=Q(status=ReferralStatus.APPROVED)),
    )
    payments = BreakPayment.objects.filter(referral__scheme=scheme)
    paid = payments.aggregate(total=Sum("amount"), count=Count("pk"))
    waits = [
        (paid_on - submitted.date()).days
        for paid_on, submitted in payments.values_list("paid_on", "referral__submitted_at")
        if submitted is not None
    ]
    pairs, change = wellbeing_change(scheme)
    carers = Counter(
        rules.same_carer_key(name, born)
        for name, born in sent.filter(status=ReferralStatus.PAID).values_list(
            "carer_name", "carer_date_of_birth"
        )
    )
    return Report(
        scheme=scheme,
        months=months,
        practices=practices,
        referrals=counts["referrals"],
        decided=counts["decided"],
        approved=counts["approved"],
        total_paid=paid["total"] or Decimal("0"),
        approved_unpaid=counts["approved_unpaid"] or Decimal("0"),
        payments=paid["count"],
        median_days_to_payment=statistics.median(waits) if waits else None,
        practices_signed_up=sum(1 for p in practices if p.signed_up),
        practices_total=len(practices),
        repeat_carers=sum(1 for n in carers.values() if n > 1),
        wellbeing_pairs=pairs,
        wellbeing_change=change,
    )


def wellbeing_change(scheme: Scheme) -> tuple[int, dict[str, float | None]]:
    """Average change per question between referral and after the break, for carers who
    answered both times (anxiety: a fall is an improvement)."""
    answers: dict[int, dict[str, dict[str, int]]] = {}
    for row in WellbeingResponse.objects.filter(referral__scheme=scheme).values(
        "referral_id", "moment", *WELLBEING
    ):
        answers.setdefault(row["referral_id"], {})[row["moment"]] = row
    pairs = [
        a
        for a in answers.values()
        if WellbeingMoment.AT_REFERRAL in a and WellbeingMoment.AFTER_BREAK in a
    ]
    change: dict[str, float | None] = {
        name: (
            statistics.mean(
                p[WellbeingMoment.AFTER_BREAK][name] - p[WellbeingMoment.AT_REFERRAL][name]
                for p in pairs
            )
            if pairs
            else None
        )
        for name in WELLBEING
    }
    return len(pairs), change


def figures_rows(figures: Report) -> list[Row]:
    """The figures as spreadsheet rows: referrals per month, then per practice."""
    heading: Row = [
        "section",
        "month or practice",
        "practice code",
        "signed up",
        "referrals",
        "approved",
        "paid",
    ]
    months: list[Row] = [
        ["month", m.month.strftime("%Y-%m"), "", "", m.referrals, m.approved, m.paid]
        for m in figures.months
    ]
    practices: list[Row] = [
        ["practice", p.name, p.code, "yes" if p.signed_up else "no", p.referrals, "", p.paid]
        for p in figures.practices
    ]
    return [heading, *months, *practices]
