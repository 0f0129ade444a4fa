import datetime
from decimal import Decimal

import factory

from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import (
    BudgetKind,
    BudgetLine,
    GroupRole,
    Milestone,
    Project,
    ProjectMember,
    Stage,
)
from coproduce.tenancy.tests.factories import OrganisationFactory


class ProjectFactory(factory.django.DjangoModelFactory[Project]):
    class Meta:
        model = Project

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Hospital discharge that works for carers {n}")
    aims = "Carers and ward staff design a discharge checklist together."
    coordinator = factory.SubFactory(
        PersonFactory, organisation=factory.SelfAttribute("..organisation")
    )
    starts_on = datetime.date(2026, 9, 1)
    stage = Stage.CONSULTING


class ProjectMemberFactory(factory.django.DjangoModelFactory[ProjectMember]):
    class Meta:
        model = ProjectMember

    project = factory.SubFactory(ProjectFactory)
    person = factory.SubFactory(
        PersonFactory, organisation=factory.SelfAttribute("..project.organisation")
    )
    role = GroupRole.CARER
    joined_on = datetime.date(2026, 9, 15)


class MilestoneFactory(factory.django.DjangoModelFactory[Milestone]):
    class Meta:
        model = Milestone

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Checklist draft {n} agreed")
    due_on = datetime.date(2026, 11, 30)


class BudgetLineFactory(factory.django.DjangoModelFactory[BudgetLine]):
    class Meta:
        model = BudgetLine

    project = factory.SubFactory(ProjectFactory)
    kind = BudgetKind.CARERS_TIME
    description = "Six meetings, eight carers, three hours each"
    amount = Decimal("2880.00")
