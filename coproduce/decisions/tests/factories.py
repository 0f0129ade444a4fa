import datetime
from typing import Any

import factory
from django.utils import timezone

from coproduce.conftest import Member
from coproduce.decisions.models import Position, PositionChannel, Proposal, Stance
from coproduce.people.models import Person
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory
from coproduce.tenancy.tests.factories import UserFactory


class ProposalFactory(factory.django.DjangoModelFactory[Proposal]):
    class Meta:
        model = Proposal

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Use the revised discharge checklist {n}")
    background = "Carers said the first checklist was too long."
    options = "Use the revised checklist on two wards, or keep the current leaflet."
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    proposed_at = factory.LazyFunction(timezone.now)


class PositionFactory(factory.django.DjangoModelFactory[Position]):
    class Meta:
        model = Position

    proposal = factory.SubFactory(ProposalFactory)
    person = factory.SubFactory(
        CarerFactory, organisation=factory.SelfAttribute("..proposal.project.organisation")
    )
    stance = Stance.AGREE
    channel = PositionChannel.ONLINE
    recorded_by = factory.SubFactory(UserFactory)
    recorded_at = factory.LazyFunction(timezone.now)


def project_with(coordinator: Member, *members: Member | Person, **fields: Any) -> Project:
    """A project of the coordinator's organisation with these people in its group."""
    project: Project = ProjectFactory.create(
        organisation=coordinator.organisation,
        coordinator=coordinator.person,
        title="Hospital discharge",
        **fields,
    )
    for member in members:
        person = member.person if isinstance(member, Member) else member
        ProjectMemberFactory.create(project=project, person=person)
    return project


def carer_in(project: Project, name: str) -> Person:
    """Another carer, without an account, in the project's group."""
    person: Person = CarerFactory.create(organisation=project.organisation, full_name=name)
    ProjectMemberFactory.create(project=project, person=person)
    return person


def proposal_of(project: Project, **fields: Any) -> Proposal:
    proposal: Proposal = ProposalFactory.create(project=project, **fields)
    return proposal


def days_from_now(days: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)
