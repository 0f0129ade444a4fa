"""Every figure the dashboards show, each counted in the database (aggregate or annotate),
never by loading rows into Python: one query a figure, whatever the amount of data.

A figure is a `Table`: a title, its columns and its rows, which the page shows as a chart
and as a table and offers as a CSV. Equality figures are shares of people who agreed to
give their answers, in aggregate only; a group of fewer than five people is hidden.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, Literal

from django.db.models import (
    Avg,
    Count,
    DateTimeField,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from coproduce.activities.models import ActivityChange, ChangeKind, Invitation
from coproduce.contributions.models import Contribution, ContributionChannel, ResponseStatus
from coproduce.decisions.models import Outcome, Proposal, ProposalStatus
from coproduce.insight import rules
from coproduce.insight.models import CensusFigure
from coproduce.payments.models import Method, Payment
from coproduce.people.models import CarerProfile, EqualityMonitoring
from coproduce.projects import census
from coproduce.projects.models import BudgetLine, GroupRole, Project, ProjectMember
from coproduce.projects.reports import CHARACTERISTICS, counts
from coproduce.projects.rules import SMALLEST_GROUP_SHOWN
from coproduce.tenancy.models import Organisation

Kind = Literal["text", "count", "percent", "money", "days"]
Cell = str | int | Decimal | None


@dataclass(frozen=True)
class Column:
    header: StrOrPromise
    kind: Kind = "count"
    plotted: bool = True  # drawn in the chart (numbers only)
    equality: bool = False  # None in it means hidden: fewer than five people


@dataclass
class Table:
    key: str
    title: StrOrPromise
    columns: list[Column]  # the first names the rows
    rows: list[list[Cell]]
    notes: list[str] = field(default_factory=list)

    @property
    def series(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if i and c.plotted and c.kind != "text"]


@dataclass(frozen=True)
class Scope:
    """What a dashboard counts: the projects (already scoped by the access module), the
    dates (inclusive), and whether views given to the organisation outside any project
    (open-door feedback) count too."""

    organisation: Organisation
    projects: QuerySet[Project]
    start: date
    end: date
    whole_organisation: bool = True

    @property
    def since(self) -> datetime:
        return moment(self.start)

    @property
    def until(self) -> datetime:
        return moment(self.end + timedelta(days=1))

    @property
    def project_ids(self) -> QuerySet[Project, Any]:
        return self.projects.order_by().values("pk")


def moment(day: date) -> datetime:
    """The start of `day` in the service's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


# --- People involved over time ------------------------------------------------------------


def _attended(scope: Scope) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        attended=True, activity__project__in=scope.project_ids, activity__starts_at__isnull=False
    )


def _between(start: date, end: date, path: str = "activity__starts_at") -> Q:
    return Q(**{f"{path}__gte": moment(start), f"{path}__lt": moment(end)})


def people(scope: Scope) -> Table:
    """Per month (or quarter): people who attended an activity (active); of them, those who
    never had before (new); and those who attended in the period before but not in this
    one (lapsed). One query."""
    periods = rules.periods(scope.start, scope.end)
    window = _between(rules.before(periods[0]).start, periods[-1].end)
    # One row per person who attended in the window: when they first attended (ever, in
    # these projects), and how often in each period and in the period before each. A
    # single pass over the register, where a subquery per period and person did not end
    # at national scale (docs/benchmarks.md).
    flags: dict[str, Any] = {"first": Min("activity__starts_at")}
    for i, period in enumerate(periods):
        flags[f"in_{i}"] = Count("pk", filter=_between(period.start, period.end))
        earlier = rules.before(period)
        flags[f"before_{i}"] = Count("pk", filter=_between(earlier.start, earlier.end))
    rows = (
        _attended(scope)
        .order_by()
        .values("person_id")
        .annotate(in_window=Count("pk", filter=window), **flags)
        .filter(in_window__gt=0)  # type: ignore[misc]  # (annotated just above)
        .values_list(
            "first", *[f"{kind}_{i}" for i in range(len(periods)) for kind in ("in", "before")]
        )
    )
    totals = {f"{kind}_{i}": 0 for i in range(len(periods)) for kind in ("active", "new", "lapsed")}
    starts = [moment(period.start) for period in periods]
    for first, *counted in rows:
        for i, start in enumerate(starts):
            came, came_before = counted[2 * i], counted[2 * i + 1]
            if came:
                totals[f"active_{i}"] += 1
                if first >= start:
                    totals[f"new_{i}"] += 1
            elif came_before:
                totals[f"lapsed_{i}"] += 1
    return Table(
        key="people",
        title=gettext_lazy("People involved over time"),
        columns=[
            Column(gettext_lazy("Period"), "text"),
            Column(gettext_lazy("New")),
            Column(gettext_lazy("Active")),
            Column(gettext_lazy("Lapsed")),
        ],
        rows=[
            [p.label, totals[f"new_{i}"], totals[f"active_{i}"], totals[f"lapsed_{i}"]]
            for i, p in enumerate(periods)
        ],
        notes=[
            _(
                "Active: attended an activity in the period (the register). New: active for "
                "the first time. Lapsed: active in the period before, but not in this one."
            )
        ],
    )


# --- Representation -----------------------------------------------------------------------


def _answers_of(people_ids: QuerySet[Any, Any]) -> QuerySet[EqualityMonitoring]:
    return EqualityMonitoring.objects.filter(person_id__in=people_ids, person__erased_at=None)


def group_answers(scope: Scope) -> QuerySet[EqualityMonitoring]:
    members = ProjectMember.objects.filter(
        project__in=scope.project_ids, role=GroupRole.CARER, left_on=None
    )
    return _answers_of(members.values("person_id"))


def took_part_answers(scope: Scope) -> QuerySet[EqualityMonitoring]:
    attended = _attended(scope).filter(_between(scope.start, scope.end + timedelta(days=1)))
    return _answers_of(attended.values("person_id"))


def on_file_answers(scope: Scope) -> QuerySet[EqualityMonitoring]:
    carers = CarerProfile.objects.filter(person=OuterRef("person"))
    return EqualityMonitoring.objects.filter(
        Exists(carers), person__organisation_id=scope.organisation.pk, person__erased_at=None
    )


@dataclass(frozen=True)
class Comparison:
    """The population the Census figures describe: the admin's upload, or the figures
    shipped with the product for the organisation's area (or its country)."""

    area_name: str
    local: bool
    shares: dict[str, dict[str, Decimal]]  # characteristic -> category -> percentage


def census_comparison(organisation: Organisation) -> Comparison:
    """One query: the uploaded figures, if any."""
    uploaded = list(CensusFigure.objects.filter(organisation=organisation))
    if uploaded:
        first = uploaded[0]
        area = census.Area(
            first.area_code,
            first.area_name,
            {(f.measure, f.category): f.value for f in uploaded},
        )
        derived = {key: derive(area) for key, derive in census.DERIVATIONS.items()}
        return Comparison(first.area_name, True, {k: v for k, v in derived.items() if v})
    found: dict[str, dict[str, Decimal]] = {}
    name = ""
    for ch in CHARACTERISTICS:
        shipped = census.carer_shares(organisation.area_code, ch.key)
        if shipped:
            found[ch.key] = shipped.shares
            name = name or _(shipped.area_name)
    return Comparison(name, False, found)


def representation(scope: Scope, comparison: Comparison) -> list[Table]:
    """For each characteristic, its categories' shares of the group's carers, of the carers
    who took part in the dates, of the organisation's carers and of the area's carers in
    the Census. Three queries."""
    # One query per population: counted together in one query, each category's count
    # evaluated the population's subquery again (11 s at M against under 1 s for three).
    populations = [
        counts(group_answers(scope)),
        counts(took_part_answers(scope)),
        counts(on_file_answers(scope)),
    ]
    census_header = (
        _("Carers in %(area)s (Census 2021)") % {"area": comparison.area_name}
        if comparison.area_name
        else _("Carers in the area (Census 2021)")
    )
    tables = []
    for ch in CHARACTERISTICS:
        answered = [sum(p[ch.key].values()) for p in populations]
        area = comparison.shares.get(ch.key, {})
        rows: list[list[Cell]] = []
        for cat in ch.categories:
            shares: list[Cell] = [
                rules.share(p[ch.key][cat.key], total)
                for p, total in zip(populations, answered, strict=True)
            ]
            local = area.get(cat.key)
            rows.append(
                [str(cat.label), *shares, None if local is None else local.quantize(Decimal("0.1"))]
            )
        shown = [rules.suppressed(n) for n in answered]
        tables.append(
            Table(
                key=f"makeup-{ch.key}",
                title=ch.title,
                columns=[
                    Column(gettext_lazy("Answer"), "text"),
                    Column(gettext_lazy("The group"), "percent", equality=True),
                    Column(gettext_lazy("Took part"), "percent", equality=True),
                    Column(gettext_lazy("Our carers"), "percent", equality=True),
                    Column(census_header, "percent"),
                ],
                rows=rows,
                notes=[_answered_note(shown)],
            )
        )
    return tables


def _answered_note(shown: list[int | None]) -> str:
    said = [
        str(_("fewer than %(smallest)s") % {"smallest": SMALLEST_GROUP_SHOWN})
        if n is None
        else str(n)
        for n in shown
    ]
    return _(
        "People who answered: the group %(group)s, took part %(took_part)s, our carers %(on_file)s."
    ) % {"group": said[0], "took_part": said[1], "on_file": said[2]}


# --- Notice, changes and cancellations --------------------------------------------------------


def notice(scope: Scope) -> Table:
    """Activities scheduled, moved and cancelled in the dates: how many, how many at short
    notice, and the average days' notice given. One query."""
    changes = ActivityChange.objects.filter(
        activity__project__in=scope.project_ids,
        changed_at__gte=scope.since,
        changed_at__lt=scope.until,
    )
    by_kind = {
        row["kind"]: row
        for row in changes.order_by()
        .values("kind")
        .annotate(
            changes=Count("pk"),
            short=Count("pk", filter=Q(short_notice=True)),
            days=Avg("notice_days"),
        )
    }
    rows: list[list[Cell]] = []
    for kind in ChangeKind:
        row = by_kind.get(kind.value, {"changes": 0, "short": 0, "days": None})
        days = row["days"]
        rows.append(
            [
                str(kind.label),
                row["changes"],
                row["short"],
                None if days is None else Decimal(str(days)).quantize(Decimal("0.1")),
            ]
        )
    return Table(
        key="notice",
        title=gettext_lazy("Notice given, changes and cancellations"),
        columns=[
            Column(gettext_lazy("Change"), "text"),
            Column(gettext_lazy("Activities")),
            Column(gettext_lazy("At short notice")),
            Column(gettext_lazy("Average days' notice"), "days", plotted=False),
        ],
        rows=rows,
    )


# --- Contributions ------------------------------------------------------------------------


def _contributions(scope: Scope) -> QuerySet[Contribution]:
    where = Q(project__in=scope.project_ids)
    if scope.whole_organisation:
        where |= Q(project=None, organisation_id=scope.organisation.pk)
    return Contribution.objects.filter(where, given_on__gte=scope.start, given_on__lte=scope.end)


def channels(totals: dict[str, Any]) -> Table:
    """Views given in the dates, by how they were given (from `contribution_totals`)."""
    return Table(
        key="channels",
        title=gettext_lazy("Channels used"),
        columns=[Column(gettext_lazy("Channel"), "text"), Column(gettext_lazy("Views given"))],
        rows=[[str(c.label), totals[f"channel_{c.value}"]] for c in ContributionChannel],
    )


RESPONSE_BANDS: tuple[tuple[StrOrPromise, int, int | None], ...] = (
    (gettext_lazy("Within 14 days"), 0, 14),
    (gettext_lazy("15 to 28 days"), 14, 28),
    (gettext_lazy("More than 28 days"), 28, None),
)


def contribution_totals(scope: Scope) -> dict[str, Any]:
    """Views given in the dates: by channel, by response, and by how long the response
    took from when the view was recorded. One query."""
    aggregates: dict[str, Count] = {
        f"status_{s.value}": Count("pk", filter=Q(status=s.value)) for s in ResponseStatus
    }
    for c in ContributionChannel:
        aggregates[f"channel_{c.value}"] = Count("pk", filter=Q(channel=c.value))
    answered = Q(responded_at__isnull=False) & ~Q(status=ResponseStatus.NEW)
    for i, (_label, low, high) in enumerate(RESPONSE_BANDS):
        band = answered & Q(responded_at__gt=_after(low)) if low else answered
        if high is not None:
            band &= Q(responded_at__lte=_after(high))
        aggregates[f"band_{i}"] = Count("pk", filter=band)
    aggregates["waiting"] = Count("pk", filter=~answered)
    return _contributions(scope).aggregate(**aggregates)


def responses(totals: dict[str, Any]) -> tuple[Table, Table]:
    """Views by their response, and how long it took (from `contribution_totals`)."""
    by_status = Table(
        key="responses",
        title=gettext_lazy("Contributions by response"),
        columns=[Column(gettext_lazy("Response"), "text"), Column(gettext_lazy("Views"))],
        rows=[[str(s.label), totals[f"status_{s.value}"]] for s in ResponseStatus],
    )
    timing = Table(
        key="response-time",
        title=gettext_lazy("Time to a response"),
        columns=[Column(gettext_lazy("Time taken"), "text"), Column(gettext_lazy("Views"))],
        rows=[
            *[
                [str(label), totals[f"band_{i}"]]
                for i, (label, _l, _h) in enumerate(RESPONSE_BANDS)
            ],
            [_("Still waiting for a response"), totals["waiting"]],
        ],
        notes=[_("Counted from when the view was recorded to when it had its response.")],
    )
    return by_status, timing


def _after(days: int) -> ExpressionWrapper[CombinedExpression]:
    """When the view was recorded, plus `days`."""
    return ExpressionWrapper(F("recorded_at") + timedelta(days=days), output_field=DateTimeField())


# --- Decisions ----------------------------------------------------------------------------


def decisions(scope: Scope) -> Table:
    """Proposals put to groups in the dates, by outcome, and how many gave short notice.
    One query."""
    kinds: list[tuple[str, StrOrPromise, Q]] = [
        ("open", gettext_lazy("Still open"), Q(status=ProposalStatus.OPEN)),
        *[(o.value, o.label, Q(status=ProposalStatus.CLOSED, outcome=o.value)) for o in Outcome],
    ]
    aggregates: dict[str, Count] = {}
    for key, _label, where in kinds:
        aggregates[f"{key}_n"] = Count("pk", filter=where)
        aggregates[f"{key}_short"] = Count("pk", filter=where & Q(short_notice=True))
    totals = Proposal.objects.filter(
        project__in=scope.project_ids, proposed_at__gte=scope.since, proposed_at__lt=scope.until
    ).aggregate(**aggregates)
    return Table(
        key="decisions",
        title=gettext_lazy("Decisions and their outcomes"),
        columns=[
            Column(gettext_lazy("Outcome"), "text"),
            Column(gettext_lazy("Proposals")),
            Column(gettext_lazy("With short notice")),
        ],
        rows=[[str(label), totals[f"{key}_n"], totals[f"{key}_short"]] for key, label, _w in kinds],
    )


# --- Payments and budget --------------------------------------------------------------------

MONEY: DecimalField[Decimal, Decimal] = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0.00")
BUDGET_PROJECTS = 25  # the budget table shows this many projects at most


def payments(scope: Scope) -> Table:
    """Payments approved in the dates, by how carers chose to be paid. One query."""
    rows = {
        row["method"]: row
        for row in Payment.objects.filter(
            claim__project__in=scope.project_ids,
            approved_at__gte=scope.since,
            approved_at__lt=scope.until,
        )
        .order_by()
        .values("method")
        .annotate(
            n=Count("pk"), paid=Count("pk", filter=Q(paid_on__isnull=False)), total=Sum("amount")
        )
    }
    empty = {"n": 0, "paid": 0, "total": ZERO}
    return Table(
        key="payments",
        title=gettext_lazy("Payments by method"),
        columns=[
            Column(gettext_lazy("Method"), "text"),
            Column(gettext_lazy("Approved")),
            Column(gettext_lazy("Paid out")),
            Column(gettext_lazy("Amount"), "money", plotted=False),
        ],
        rows=[
            [
                str(m.label),
                rows.get(m.value, empty)["n"],
                rows.get(m.value, empty)["paid"],
                rows.get(m.value, empty)["total"] or ZERO,
            ]
            for m in Method
        ],
        notes=[_("Payments approved in the dates chosen, whether or not paid out yet.")],
    )


def _sum_of(rows: QuerySet[Any, Any], project: str, amount: str) -> Coalesce:
    """SUM of `amount` over `rows` (correlated to the outer project) as a scalar subquery."""
    summed = rows.order_by().values(project).annotate(total=Sum(amount)).values("total")
    return Coalesce(Subquery(summed, output_field=MONEY), ZERO, output_field=MONEY)


def budget(scope: Scope) -> Table:
    """Each project's budget against the payments approved for it (at any time), for the
    first BUDGET_PROJECTS projects by name. One query."""
    lines = BudgetLine.objects.filter(project=OuterRef("pk"))
    approved = Payment.objects.filter(claim__project=OuterRef("pk"))
    # Not `scope.projects` itself: its DISTINCT (projects reached through partnerships)
    # made PostgreSQL sum every project's budget and payments before taking the first few.
    projects = (
        Project.objects.filter(pk__in=scope.project_ids)
        .order_by("title", "pk")
        .annotate(
            budget=_sum_of(lines, "project", "amount"),
            spent=_sum_of(approved, "claim__project", "amount"),
        )
        .values_list("title", "budget", "spent")[: BUDGET_PROJECTS + 1]
    )
    found = list(projects)
    rows: list[list[Cell]] = [
        [title, amount, paid, _percent(paid, amount)]
        for title, amount, paid in found[:BUDGET_PROJECTS]
    ]
    notes = [_("Payments approved for each project at any time, against its whole budget.")]
    if len(found) > BUDGET_PROJECTS:
        notes.append(_("The first %(num)s projects by name are shown.") % {"num": BUDGET_PROJECTS})
    return Table(
        key="budget",
        title=gettext_lazy("Budget use"),
        columns=[
            Column(gettext_lazy("Project"), "text"),
            Column(gettext_lazy("Budget"), "money", plotted=False),
            Column(gettext_lazy("Paid or approved"), "money", plotted=False),
            Column(gettext_lazy("Budget used"), "percent"),
        ],
        rows=rows,
        notes=notes,
    )


def _percent(part: Decimal, whole: Decimal) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"))


# --- Everything ---------------------------------------------------------------------------


@dataclass
class Dashboard:
    people: Table
    representation: list[Table]
    comparison: Comparison
    notice: Table
    channels: Table
    responses: Table
    response_time: Table
    decisions: Table
    payments: Table
    budget: Table

    def tables(self) -> list[Table]:
        return [
            self.people,
            *self.representation,
            self.notice,
            self.channels,
            self.responses,
            self.response_time,
            self.decisions,
            self.payments,
            self.budget,
        ]

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables() if t.key == key), None)


def dashboard(scope: Scope) -> Dashboard:
    """Every figure, in a fixed number of queries (ten)."""
    comparison = census_comparison(scope.organisation)
    totals = contribution_totals(scope)
    by_status, timing = responses(totals)
    return Dashboard(
        people=people(scope),
        representation=representation(scope, comparison),
        comparison=comparison,
        notice=notice(scope),
        channels=channels(totals),
        responses=by_status,
        response_time=timing,
        decisions=decisions(scope),
        payments=payments(scope),
        budget=budget(scope),
    )
