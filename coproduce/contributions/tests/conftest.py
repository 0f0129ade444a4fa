"""A project of organisation A with A's carer in its group, and a second carer in the
group who gives views, so that "another member of the group" can be a viewer."""

import pytest
from django.test import Client

from coproduce.conftest import Member, make_member, signed_in
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory
from coproduce.tenancy.models import Organisation, Role


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
def giver(org_a: Organisation, project: Project) -> Member:
    """Another carer in the group: the one whose views the tests protect."""
    member = make_member(org_a, Role.CARER, "Gwen Giver", email="gwen@example.org")
    ProjectMemberFactory.create(project=project, person=member.person)
    return member


@pytest.fixture
def giver_client(giver: Member) -> Client:
    return signed_in(Client(), giver.user)
