"""Generated scenes for the dashboards: an organisation's projects (and another
organisation's, which must never count) with carers, equality answers, activities and
their registers, changes of date, views and responses, proposals, claims and payments,
drawn at random from a seed so each test can vary the data and check every figure against
its own count of the raw rows."""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.activities.models import Activity, ActivityChange, ChangeKind, Invitation
from coproduce.activities.tests.factories import ActivityFactory
from coproduce.contributions.models import Contribution, ContributionChannel, ResponseStatus
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.decisions.models import Outcome, Proposal, ProposalStatus
from coproduce.decisions.tests.factories import ProposalFactory
from coproduce.payments.models import Claim, Method, Payment, Status
from coproduce.people.actions import record_consent
from coproduce.people.models import (
    AgeBand,
    CareHours,
    ConsentKind,
    Disability,
    EqualityMonitoring,
    Person,
    Sex,
)
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import BudgetKind, GroupRole, Project
from coproduce.projects.tests.factories import (
    BudgetLineFactory,
    ProjectFactory,
    ProjectMemberFactory,
)
from coproduce.tenancy.models import Organisation

FIRST_DAY = datetime.date(2025, 1, 1)
DAYS = 700  # the scene spans from FIRST_DAY to almost two years on
ETHNIC = ("white_british", "white_irish", "indian", "african", "prefer_not", "")


def when(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@dataclass
class Scene:
    organisation: Organisation
    projects: list[Project]
    other: Project  # another organisation's project, which no figure may count


def _carer(rng: random.Random, organisation: Organisation, user: User) -> Person:
    person: Person = CarerFactory.create(organisation=organisation)
    if rng.random() < 0.85:
        EqualityMonitoring.objects.create(
            person=person,
            age_band=rng.choice([a.value for a in AgeBand] + [""]),
            sex=rng.choice([s.value for s in Sex] + [""]),
            ethnic_group=rng.choice(ETHNIC),
            disability=rng.choice([d.value for d in Disability]),
            care_hours=rng.choice([c.value for c in CareHours]),
            young_carer=rng.choice([True, False, None]),
        )
        # Mostly yes; sometimes yes then withdrawn (the answers must then not count).
        record_consent(user, person, ConsentKind.EQUALITY, True)
        if rng.random() < 0.15:
            record_consent(user, person, ConsentKind.EQUALITY, False)
    if rng.random() < 0.05:
        person.erased_at = timezone.now()
        person.save(update_fields=["erased_at"])
    return person


def _day(rng: random.Random) -> datetime.date:
    return FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))


def _project_rows(rng: random.Random, project: Project, carers: list[Person], user: User) -> None:
    members = rng.sample(carers, k=min(len(carers), rng.randint(3, 12)))
    for person in members:
        left = rng.random() < 0.2
        ProjectMemberFactory.create(
            project=project,
            person=person,
            role=GroupRole.CARER if rng.random() < 0.9 else GroupRole.PROFESSIONAL,
            left_on=_day(rng) if left else None,
        )
    for kind in rng.sample(list(BudgetKind), k=rng.randint(0, 3)):
        BudgetLineFactory.create(
            project=project, kind=kind, amount=Decimal(rng.randrange(100, 3000))
        )
    for _ in range(rng.randint(2, 6)):
        activity: Activity = ActivityFactory.create(project=project, starts_at=when(_day(rng)))
        for person in rng.sample(carers, k=min(len(carers), rng.randint(0, 8))):
            Invitation.objects.create(
                activity=activity, person=person, attended=rng.choice([True, True, False, None])
            )
        for _ in range(rng.randint(0, 3)):
            days = rng.randint(0, 30)
            short = days < 14 and rng.random() < 0.7
            ActivityChange.objects.create(
                activity=activity,
                kind=rng.choice(list(ChangeKind)),
                notice_days=days,
                required_days=14,
                short_notice=short,
                reason="A room fell through" if short else "",
                changed_by=user,
                changed_at=when(_day(rng), rng.randint(0, 23)),
            )
    for _ in range(rng.randint(0, 10)):
        status = rng.choice(list(ResponseStatus))
        contribution: Contribution = ContributionFactory.create(
            project=project,
            channel=rng.choice(list(ContributionChannel)),
            given_on=_day(rng),
            status=status,
            response="" if status == ResponseStatus.NEW else "We changed the leaflet",
        )
        if status != ResponseStatus.NEW:
            recorded = contribution.recorded_at
            Contribution.objects.filter(pk=contribution.pk).update(
                recorded_at=recorded - datetime.timedelta(days=60),
                responded_at=recorded
                - datetime.timedelta(days=60)
                + datetime.timedelta(hours=rng.randint(1, 50 * 24)),
            )
    for _ in range(rng.randint(0, 4)):
        closed = rng.random() < 0.7
        short = rng.random() < 0.3
        proposed = when(_day(rng))
        proposal: Proposal = ProposalFactory.create(
            project=project,
            proposed_at=proposed,
            decided_at=proposed + datetime.timedelta(days=10) if closed else None,
            status=ProposalStatus.CLOSED if closed else ProposalStatus.OPEN,
            outcome=rng.choice(list(Outcome)) if closed else "",
            short_notice=short,
            short_notice_reason="The funder's deadline" if short else "",
        )
        assert proposal.pk
    for person in rng.sample(members, k=min(len(members), rng.randint(0, 4))):
        method = rng.choice(list(Method))
        claim = Claim.objects.create(
            organisation=project.organisation,
            project=project,
            person=person,
            status=rng.choice([Status.APPROVED, Status.PAID]),
            method=method,
        )
        paid = claim.status == Status.PAID
        Payment.objects.create(
            claim=claim,
            amount=Decimal(rng.randrange(0, 30000)) / 100,
            method=method,
            approved_by=user,
            approved_at=when(_day(rng)),
            paid_on=_day(rng) if paid else None,
            reference="BACS-1" if paid else "",
        )


def scene(
    organisation: Organisation, other: Organisation, user: User, seed: int, size: int
) -> Scene:
    """`size` projects of `organisation` (and one of `other`), drawn from `seed`."""
    rng = random.Random(seed)
    carers = [_carer(rng, organisation, user) for _ in range(size * 6)]
    projects = []
    for n in range(size):
        project: Project = ProjectFactory.create(
            organisation=organisation, title=f"Project {n:02d}"
        )
        _project_rows(rng, project, carers, user)
        projects.append(project)
    others = [_carer(rng, other, user) for _ in range(8)]
    other_project: Project = ProjectFactory.create(organisation=other)
    _project_rows(rng, other_project, others, user)
    # Open-door feedback to the organisation, outside any project.
    for _ in range(rng.randint(1, 4)):
        Contribution.objects.create(
            organisation=organisation,
            project=None,
            channel=ContributionChannel.OPEN_DOOR,
            privacy="anonymous",
            text="The car park is hard to find",
            given_on=_day(rng),
        )
    return Scene(organisation, projects, other_project)
