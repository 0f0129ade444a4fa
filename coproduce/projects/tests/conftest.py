"""A project of organisation A, coordinated by A's coordinator, with A's carer in its group."""

import pytest
from django.test import Client

from coproduce.conftest import Member, signed_in
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory


@pytest.fixture
def project(coordinator: Member, carer: Member) -> Project:
    project: Project = ProjectFactory.create(
        organisation=coordinator.organisation,
        coordinator=coordinator.person,
        title="Hospital discharge that works for carers",
    )
    ProjectMemberFactory.create(project=project, person=carer.person)
    return project


@pytest.fixture
def b_project(staff_b: Member) -> Project:
    project: Project = ProjectFactory.create(
        organisation=staff_b.organisation, coordinator=staff_b.person, title="Zebedee-B project"
    )
    return project


@pytest.fixture
def professional_client(professional: Member) -> Client:
    return signed_in(Client(), professional.user)
