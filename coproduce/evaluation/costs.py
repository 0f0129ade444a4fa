"""What a project cost, for its final review: the budget and what was paid, per kind of cost.

Two queries whatever the project's size, each summed in the database: the budget lines, and
the paid claim lines counted as the payments app counts them (time declined, donated or not
asked for is not a cost; see `coproduce.payments.budget.counted`)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum
from django_stubs_ext import StrOrPromise

from coproduce.payments import rules as payments
from coproduce.payments.models import TIME_KINDS, UNPAID_METHODS, Line
from coproduce.projects.models import BudgetKind, BudgetLine, Project

ZERO = Decimal("0")


@dataclass(frozen=True)
class CostRow:
    kind: str
    label: StrOrPromise
    budget: Decimal
    paid: Decimal


@dataclass(frozen=True)
class Costs:
    rows: list[CostRow]

    @property
    def budget(self) -> Decimal:
        return sum((row.budget for row in self.rows), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((row.paid for row in self.rows), ZERO)


def costs_of(project: Project) -> Costs:
    """The project's budget and what was paid, per kind of cost with either (two queries)."""
    budgets = dict(
        BudgetLine.objects.filter(project=project)
        .order_by()
        .values("kind")
        .annotate(total=Sum("amount"))
        .values_list("kind", "total")
    )
    not_a_cost = Q(claim__method__in=UNPAID_METHODS) | Q(
        claim__expenses_only=True, kind__in=TIME_KINDS
    )
    paid_lines = (
        Line.objects.filter(claim__project=project, claim__status__in=payments.SPENT)
        .exclude(not_a_cost)
        .order_by()
        .values("kind")
        .annotate(total=Sum("amount"))
        .values_list("kind", "total")
    )
    paid: dict[str, Decimal] = {}
    for kind, total in paid_lines:
        budget_kind = payments.BUDGET_KIND[kind]
        paid[budget_kind] = paid.get(budget_kind, ZERO) + (total or ZERO)
    rows = [
        CostRow(kind, label, budgets.get(kind) or ZERO, paid.get(kind, ZERO))
        for kind, label in BudgetKind.choices
        if budgets.get(kind) or paid.get(kind)
    ]
    return Costs(rows)
