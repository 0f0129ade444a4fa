"""A second carer in the shared project's group (coproduce/conftest.py: organisation A's,
with A's carer in its group) who gives views, so that "another member of the group" can be
a viewer."""

import pytest
from django.test import Client

from coproduce.conftest import Member, make_member, signed_in
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectMemberFactory
from coproduce.tenancy.models import Organisation, Role


@pytest.fixture
def giver(org_a: Organisation, project: Project) -> Member:
    """Another carer in the group: the one whose views the tests protect."""
    member = make_member(org_a, Role.CARER, "Gwen Giver", email="gwen@example.org")
    ProjectMemberFactory.create(project=project, person=member.person)
    return member


@pytest.fixture
def giver_client(giver: Member) -> Client:
    return signed_in(Client(), giver.user)
