import datetime

import factory

from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import GroupRole, Project, ProjectMember, Stage
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
