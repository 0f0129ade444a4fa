"""A project's budget for carers' time and costs: spent (paid), committed (sent or approved,
not yet paid) and forecast (planned activities and who is expected), per kind of cost."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from coproduce.activities.models import Activity, ActivityStatus, Reply
from coproduce.payments import rules
from coproduce.payments.models import TIME_KINDS, UNPAID_METHODS, Line, PaymentPolicy
from coproduce.projects.models import BudgetKind, BudgetLine, GroupRole, Project

# The kinds of cost claims are made against, in the order shown.
CLAIM_KINDS = (
    BudgetKind.CARERS_TIME,
    BudgetKind.TRAVEL,
    BudgetKind.REPLACEMENT_CARE,
    BudgetKind.OTHER,
)


def counted(kind: str, amount: Decimal, expenses_only: bool, method: str) -> Decimal:
    """What a line adds to the budget: what will actually be paid for it."""
    if method in UNPAID_METHODS or (expenses_only and kind in TIME_KINDS):
        return Decimal("0")
    return amount


def claimed(project: Project) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Spent and committed per budget kind, from the project's claim lines (one query)."""
    spent: dict[str, Decimal] = defaultdict(Decimal)
    committed: dict[str, Decimal] = defaultdict(Decimal)
    rows = Line.objects.filter(claim__project=project).values_list(
        "kind", "amount", "claim__status", "claim__expenses_only", "claim__method"
    )
    for kind, amount, status, expenses_only, method in rows:
        value = counted(kind, amount, expenses_only, method)
        budget_kind = rules.BUDGET_KIND[kind]
        if status in rules.SPENT:
            spent[budget_kind] += value
        elif status in rules.COMMITTED:
            committed[budget_kind] += value
    return spent, committed


def forecast(project: Project) -> dict[str, Decimal]:
    """Planned activities still to come, times the carers expected at each (those coming,
    or else the whole carer group), at the rates in force on their dates. Replacement care
    is forecast at the cap for everyone who said they need it."""
    result: dict[str, Decimal] = defaultdict(Decimal)
    policies = list(PaymentPolicy.objects.filter(organisation_id=project.organisation_id))
    group = project.members.filter(role=GroupRole.CARER, left_on=None).count()
    carer = Q(invitations__person__carer_profile__isnull=False)
    activities = Activity.objects.filter(
        project=project, status=ActivityStatus.SCHEDULED, starts_at__gte=timezone.now()
    ).annotate(
        invited=Count("invitations", filter=carer),
        coming=Count("invitations", filter=carer & Q(invitations__reply=Reply.COMING)),
        care=Count(
            "invitations",
            filter=carer
            & Q(invitations__reply=Reply.COMING, invitations__replacement_care_needed=True),
        ),
    )
    for activity in activities:
        assert activity.starts_at is not None
        policy = rules.in_force(policies, timezone.localdate(activity.starts_at))
        if policy is None:
            continue
        expected = activity.coming if activity.invited else group
        each = rules.time_amount(
            policy.involvement_basis, policy.involvement_rate, activity.duration_minutes
        )
        result[BudgetKind.CARERS_TIME] += each * expected
        result[BudgetKind.REPLACEMENT_CARE] += policy.replacement_care_cap * activity.care
    return result


def budget_rows(project: Project) -> list[rules.BudgetRow]:
    budgets: dict[str, Decimal] = defaultdict(Decimal)
    for line in BudgetLine.objects.filter(project=project, kind__in=CLAIM_KINDS):
        budgets[line.kind] += line.amount
    spent, committed = claimed(project)
    expected = forecast(project)
    return [
        rules.BudgetRow(
            kind=kind,
            budget=budgets[kind],
            spent=spent[kind],
            committed=committed[kind],
            forecast=expected[kind],
        )
        for kind in CLAIM_KINDS
    ]
