"""A project of organisation A with a published brief, and a project of organisation B."""

import pytest

from coproduce.conftest import Member
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.recruitment.models import Brief
from coproduce.recruitment.tests.factories import BriefFactory, PublishedBriefFactory


@pytest.fixture
def recruiting_project(coordinator: Member) -> Project:
    """A project of organisation A with no one in its group yet (unlike the shared `project`
    fixture, whose group has A's carer): recruitment is how people join it."""
    project: Project = ProjectFactory.create(
        organisation=coordinator.organisation, coordinator=coordinator.person
    )
    return project


@pytest.fixture
def brief(recruiting_project: Project) -> Brief:
    brief: Brief = PublishedBriefFactory.create(
        project=recruiting_project, title="Hospital discharge"
    )
    return brief


@pytest.fixture
def draft(recruiting_project: Project) -> Brief:
    draft: Brief = BriefFactory.create(project=recruiting_project, title="A draft brief")
    return draft


@pytest.fixture
def b_brief(staff_b: Member) -> Brief:
    project = ProjectFactory.create(organisation=staff_b.organisation, coordinator=staff_b.person)
    b_brief: Brief = PublishedBriefFactory.create(project=project, title="Organisation B's brief")
    return b_brief
