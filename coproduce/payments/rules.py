"""Pure decisions about payments: amounts, which rate applies, when a payment might affect a
benefit, tax years and budget kinds. No database writes, no request."""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol, TypeVar

from coproduce.payments.models import (
    TIME_KINDS,
    UNPAID_METHODS,
    Basis,
    Benefit,
    LineKind,
    Status,
)
from coproduce.projects.models import BudgetKind

PENNY = Decimal("0.01")
HALF_DAY_MINUTES = 4 * 60
CARERS_ALLOWANCE_LIMIT = "carers_allowance_earnings_limit"
# Benefits that depend on income: any payment for time may affect them.
INCOME_RELATED: frozenset[str] = frozenset(
    {
        Benefit.UNIVERSAL_CREDIT,
        Benefit.PENSION_CREDIT,
        Benefit.ESA,
        Benefit.JSA,
        Benefit.INCOME_SUPPORT,
        Benefit.HOUSING_BENEFIT,
        Benefit.OTHER,
    }
)


def pounds(value: Decimal) -> Decimal:
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def time_amount(basis: str, rate: Decimal, minutes: int) -> Decimal:
    """Pay for `minutes` of someone's time on a basis: hours pro rata, a half day per 4
    hours begun (two at most: a day), one day, or one activity."""
    if minutes <= 0:
        return Decimal("0.00")
    if basis == Basis.HOUR:
        return pounds(rate * minutes / 60)
    if basis == Basis.HALF_DAY:
        return pounds(rate * min(2, -(-minutes // HALF_DAY_MINUTES)))
    return pounds(rate)


def mileage_amount(miles: Decimal, rate: Decimal) -> Decimal:
    return pounds(miles * rate)


def capped(cost: Decimal, cap: Decimal) -> Decimal:
    return pounds(min(cost, cap))


class Dated(Protocol):
    @property
    def applies_from(self) -> datetime.date: ...


D = TypeVar("D", bound=Dated)


def in_force(rows: Iterable[D], day: datetime.date) -> D | None:
    """The row applying on `day`: the latest whose date is on or before it."""
    applying = [row for row in rows if row.applies_from <= day]
    return max(applying, key=lambda row: row.applies_from, default=None)


def backdating_problem(
    applies_from: datetime.date, latest_settled_activity: datetime.date | None
) -> bool:
    """A new rate may not reach back over activities whose claims are approved or paid."""
    return latest_settled_activity is not None and applies_from <= latest_settled_activity


@dataclass(frozen=True)
class LineAmount:
    kind: str
    amount: Decimal


def payable(lines: Iterable[LineAmount], *, expenses_only: bool, method: str) -> Decimal:
    """What the carer is paid for a claim: nothing if they decline or donate; without their
    time if they chose expenses only."""
    if method in UNPAID_METHODS:
        return Decimal("0.00")
    return pounds(
        sum(
            (line.amount for line in lines if not (expenses_only and line.kind in TIME_KINDS)),
            Decimal("0"),
        )
    )


# --- Benefits awareness --------------------------------------------------------------------


def week_of(day: datetime.date) -> datetime.date:
    """The Monday starting the week `day` is in."""
    return day - datetime.timedelta(days=day.weekday())


@dataclass(frozen=True)
class Warning:
    kind: str  # "earnings_limit" or "may_affect"
    week: datetime.date | None = None
    earnings: Decimal = Decimal("0")
    limit: Decimal = Decimal("0")


def benefit_warnings(
    benefits: Sequence[str],
    weekly_earnings: Mapping[datetime.date, Decimal],
    limit_for: Mapping[datetime.date, Decimal | None],
) -> list[Warning]:
    """Warnings for a carer receiving `benefits` who would be paid `weekly_earnings` for
    their time (week start: total paid for time that week, this claim included).

    Carer's Allowance stops for any week whose earnings are over the limit in force then;
    income-related benefits may go down with any earnings."""
    warnings: list[Warning] = []
    if Benefit.CARERS_ALLOWANCE in benefits:
        for week, earnings in sorted(weekly_earnings.items()):
            limit = limit_for.get(week)
            if limit is not None and earnings > limit:
                warnings.append(Warning("earnings_limit", week, earnings, limit))
    if INCOME_RELATED & set(benefits) and any(weekly_earnings.values()):
        warnings.append(Warning("may_affect"))
    return warnings


# --- Tax years and budgets ------------------------------------------------------------------


def tax_year_of(day: datetime.date) -> int:
    """The UK tax year (6 April to 5 April) `day` is in, named by the year it starts."""
    return day.year if day >= datetime.date(day.year, 4, 6) else day.year - 1


def tax_year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 4, 6), datetime.date(year + 1, 4, 5)


BUDGET_KIND: dict[str, str] = {
    LineKind.INVOLVEMENT: BudgetKind.CARERS_TIME,
    LineKind.PREPARATION: BudgetKind.CARERS_TIME,
    LineKind.TRAVEL: BudgetKind.TRAVEL,
    LineKind.REPLACEMENT_CARE: BudgetKind.REPLACEMENT_CARE,
    LineKind.OTHER: BudgetKind.OTHER,
    LineKind.CANCELLATION: BudgetKind.OTHER,
}

# Which claims count as spent and committed on a budget.
SPENT = frozenset({Status.PAID})
COMMITTED = frozenset({Status.SUBMITTED, Status.QUERIED, Status.APPROVED})


@dataclass(frozen=True)
class BudgetRow:
    kind: str
    budget: Decimal
    spent: Decimal
    committed: Decimal
    forecast: Decimal

    @property
    def total(self) -> Decimal:
        return self.spent + self.committed + self.forecast

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.total

    @property
    def overrun(self) -> bool:
        return self.total > self.budget


# --- Claim states -----------------------------------------------------------------------------

CARER_EDITABLE = frozenset({Status.DRAFT, Status.QUERIED})


def may_edit(status: str) -> bool:
    return status in CARER_EDITABLE
