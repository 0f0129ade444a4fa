"""Numbers you can trust: every dashboard figure, counted by the database, equals the same
figure counted here in plain Python from the raw rows of a generated scene (several seeds
and sizes, with another organisation's rows that must never count). Equality shares are
hidden for groups smaller than five."""

import datetime
from collections import Counter, defaultdict
from decimal import Decimal

import pytest

from coproduce.activities.models import ActivityChange, ChangeKind, Invitation
from coproduce.conftest import Member
from coproduce.contributions.models import Contribution, ContributionChannel, ResponseStatus
from coproduce.decisions.models import Outcome, Proposal, ProposalStatus
from coproduce.insight import figures, rules
from coproduce.insight.figures import Scope, Table, moment
from coproduce.insight.tests.factories import Scene, scene
from coproduce.payments.models import Method, Payment
from coproduce.people.models import CarerProfile, Consent, ConsentKind, EqualityMonitoring
from coproduce.projects.models import BudgetLine, GroupRole, Project, ProjectMember
from coproduce.projects.reports import CHARACTERISTICS
from coproduce.tenancy.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

RANGES = [
    (datetime.date(2025, 3, 10), datetime.date(2026, 8, 20)),  # by quarter
    (datetime.date(2025, 9, 1), datetime.date(2026, 2, 14)),  # by month
]


@pytest.fixture(params=[(1, 3), (2, 6)], ids=["seed1-size3", "seed2-size6"])
def generated(request: pytest.FixtureRequest, coordinator: Member, staff_b: Member) -> Scene:
    seed, size = request.param
    return scene(coordinator.organisation, staff_b.organisation, coordinator.user, seed, size)


def scope_of(generated: Scene, start: datetime.date, end: datetime.date) -> Scope:
    projects = Project.objects.filter(organisation=generated.organisation)
    return Scope(generated.organisation, projects, start, end)


def column(table: Table, index: int) -> list[object]:
    return [row[index] for row in table.rows]


def in_dates(at: datetime.datetime, start: datetime.date, end: datetime.date) -> bool:
    return moment(start) <= at < moment(end + datetime.timedelta(days=1))


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_people_new_active_and_lapsed_match_the_register(
    generated: Scene, start: datetime.date, end: datetime.date
) -> None:
    rows = [
        (i.person_id, i.activity.starts_at)
        for i in Invitation.objects.select_related("activity__project")
        if i.attended is True
        and i.activity.project.organisation_id == generated.organisation.pk
        and i.activity.starts_at is not None
    ]
    expected = []
    for period in rules.periods(start, end):
        earlier = rules.before(period)

        def came(p: rules.Period) -> set[int]:
            return {pid for pid, at in rows if moment(p.start) <= at < moment(p.end)}

        active = came(period)
        new = {
            pid
            for pid in active
            if not any(q == pid and at < moment(period.start) for q, at in rows)
        }
        lapsed = came(earlier) - active
        expected.append([period.label, len(new), len(active), len(lapsed)])

    table = figures.people(scope_of(generated, start, end))

    assert table.rows == expected
    if (end - start).days > 366:
        assert any(row[2] for row in expected)  # over the long range, people took part


def consented(person_ids: set[int]) -> list[EqualityMonitoring]:
    latest: dict[int, Consent] = {}
    for consent in Consent.objects.filter(kind=ConsentKind.EQUALITY).order_by("recorded_at", "pk"):
        latest[consent.person_id] = consent
    return [
        answers
        for answers in EqualityMonitoring.objects.select_related("person")
        if answers.person_id in person_ids
        and answers.person.erased_at is None
        and answers.person_id in latest
        and latest[answers.person_id].given
    ]


def category_of(answers: EqualityMonitoring, characteristic: str) -> str | None:
    if characteristic == "ethnic_group":
        if answers.ethnic_group in ("", "prefer_not"):
            return None
        return "white_british" if answers.ethnic_group == "white_british" else "other"
    if characteristic == "young_carer":
        return None if answers.young_carer is None else ("yes" if answers.young_carer else "no")
    value: str = getattr(answers, characteristic)
    return None if value in ("", "prefer_not") else value


def shares_by_hand(person_ids: set[int], characteristic: str, keys: list[str]) -> list[object]:
    counted = Counter(
        c for a in consented(person_ids) if (c := category_of(a, characteristic)) is not None
    )
    total = sum(counted.values())
    return [
        None
        if total < 5 or 0 < counted[key] < 5
        else (Decimal(100) * counted[key] / total).quantize(Decimal("0.1"))
        for key in keys
    ]


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_representation_matches_the_answers_of_those_who_agreed(
    generated: Scene, start: datetime.date, end: datetime.date
) -> None:
    org = generated.organisation
    group = {
        m.person_id
        for m in ProjectMember.objects.select_related("project")
        if m.project.organisation_id == org.pk and m.role == GroupRole.CARER and m.left_on is None
    }
    took_part = {
        i.person_id
        for i in Invitation.objects.select_related("activity__project")
        if i.attended is True
        and i.activity.project.organisation_id == org.pk
        and i.activity.starts_at is not None
        and in_dates(i.activity.starts_at, start, end)
    }
    on_file = {
        p.person_id
        for p in CarerProfile.objects.select_related("person")
        if p.person.organisation_id == org.pk
    }
    scope = scope_of(generated, start, end)

    tables = figures.representation(scope, figures.census_comparison(org))

    shown = 0
    for table, characteristic in zip(tables, CHARACTERISTICS, strict=True):
        keys = [category.key for category in characteristic.categories]
        for index, people in enumerate([group, took_part, on_file], start=1):
            assert column(table, index) == shares_by_hand(people, characteristic.key, keys)
            shown += sum(1 for v in column(table, index) if v is not None)
    assert shown  # some shares are big enough to show


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_notice_matches_the_changes_of_date(
    generated: Scene, start: datetime.date, end: datetime.date
) -> None:
    changes = [
        c
        for c in ActivityChange.objects.select_related("activity__project")
        if c.activity.project.organisation_id == generated.organisation.pk
        and in_dates(c.changed_at, start, end)
    ]
    expected = []
    for kind in ChangeKind:
        mine = [c for c in changes if c.kind == kind]
        average = (
            (Decimal(sum(c.notice_days for c in mine)) / len(mine)).quantize(Decimal("0.1"))
            if mine
            else None
        )
        expected.append([str(kind.label), len(mine), sum(c.short_notice for c in mine), average])

    assert figures.notice(scope_of(generated, start, end)).rows == expected


def contributions_in(
    generated: Scene, start: datetime.date, end: datetime.date
) -> list[Contribution]:
    org = generated.organisation.pk
    return [
        c
        for c in Contribution.objects.select_related("project")
        if (c.project.organisation_id == org if c.project else c.organisation_id == org)
        and start <= c.given_on <= end
    ]


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_channels_match_the_views_given(
    generated: Scene, start: datetime.date, end: datetime.date
) -> None:
    counted = Counter(c.channel for c in contributions_in(generated, start, end))
    expected = [[str(ch.label), counted[ch.value]] for ch in ContributionChannel]

    assert (
        figures.channels(figures.contribution_totals(scope_of(generated, start, end))).rows
        == expected
    )


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_responses_and_their_timing_match_the_views(
    generated: Scene, start: datetime.date, end: datetime.date
) -> None:
    views = contributions_in(generated, start, end)
    statuses = Counter(c.status for c in views)
    bands = [0, 0, 0, 0]
    for c in views:
        if c.responded_at is None or c.status == ResponseStatus.NEW:
            bands[3] += 1
            continue
        taken = c.responded_at - c.recorded_at
        days = datetime.timedelta(days=1)
        bands[0 if taken <= 14 * days else 1 if taken <= 28 * days else 2] += 1

    by_status, timing = figures.responses(
        figures.contribution_totals(scope_of(generated, start, end))
    )

    assert by_status.rows == [[str(s.label), statuses[s.value]] for s in ResponseStatus]
    assert column(timing, 1) == bands
    assert sum(bands) == len(views)


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_decisions_match_the_proposals(
    generated: Scene, start: datetime.date, end: datetime.date
) -> None:
    proposals = [
        p
        for p in Proposal.objects.select_related("project")
        if p.project.organisation_id == generated.organisation.pk
        and in_dates(p.proposed_at, start, end)
    ]
    groups: dict[str, list[Proposal]] = defaultdict(list)
    for p in proposals:
        groups["open" if p.status == ProposalStatus.OPEN else p.outcome].append(p)
    keys = ["open", *[o.value for o in Outcome]]
    expected = [[len(groups[k]), sum(p.short_notice for p in groups[k])] for k in keys]

    table = figures.decisions(scope_of(generated, start, end))

    assert [row[1:] for row in table.rows] == expected


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_payments_match_what_was_approved(
    generated: Scene, start: datetime.date, end: datetime.date
) -> None:
    payments = [
        p
        for p in Payment.objects.select_related("claim__project")
        if p.claim.project.organisation_id == generated.organisation.pk
        and in_dates(p.approved_at, start, end)
    ]
    expected = []
    for method in Method:
        mine = [p for p in payments if p.method == method]
        total = sum((p.amount for p in mine), Decimal("0.00"))
        expected.append(
            [str(method.label), len(mine), sum(p.paid_on is not None for p in mine), total]
        )

    assert figures.payments(scope_of(generated, start, end)).rows == expected


def test_budget_use_matches_the_budget_lines_and_payments(generated: Scene) -> None:
    expected = []
    for project in sorted(generated.projects, key=lambda p: (p.title, p.pk)):
        budget = sum(
            (b.amount for b in BudgetLine.objects.all() if b.project_id == project.pk),
            Decimal("0.00"),
        )
        spent = sum(
            (
                p.amount
                for p in Payment.objects.select_related("claim")
                if p.claim.project_id == project.pk
            ),
            Decimal("0.00"),
        )
        used = (Decimal(100) * spent / budget).quantize(Decimal("0.1")) if budget else None
        expected.append([project.title, budget, spent, used])

    table = figures.budget(scope_of(generated, *RANGES[0]))

    assert table.rows == expected


def test_another_organisations_rows_never_count(coordinator: Member, staff_b: Member) -> None:
    scene(staff_b.organisation, OrganisationFactory.create(), staff_b.user, 3, 4)
    empty = Project.objects.filter(organisation=coordinator.organisation)
    scope = Scope(coordinator.organisation, empty, *RANGES[0])

    dashboard = figures.dashboard(scope)

    for table in [dashboard.people, dashboard.notice, dashboard.decisions, dashboard.payments]:
        assert all(cell in (0, None, Decimal("0.00")) for row in table.rows for cell in row[1:])
    assert set(column(dashboard.channels, 1)) == {0}
    assert all(
        cell is None
        for table in dashboard.representation
        for row in table.rows
        for cell in row[1:4]
    )
