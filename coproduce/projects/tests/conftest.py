"""A project of organisation B (the shared `project`, organisation A's, with A's carer in
its group, is in coproduce/conftest.py)."""

import pytest

from coproduce.conftest import Member
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory


@pytest.fixture
def b_project(staff_b: Member) -> Project:
    project: Project = ProjectFactory.create(
        organisation=staff_b.organisation, coordinator=staff_b.person, title="Zebedee-B project"
    )
    return project
