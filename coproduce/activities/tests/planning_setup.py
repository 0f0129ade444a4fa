"""Helpers for the planning tests: a project of organisation A with the carer in its group."""

import datetime
from typing import Any

from django.utils import timezone

from coproduce.activities.models import Activity, ActivityStatus
from coproduce.activities.rules import LONDON
from coproduce.activities.tests.factories import ActivityFactory
from coproduce.conftest import Member
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory


def project_with(coordinator: Member, *members: Member, **fields: Any) -> Project:
    project: Project = ProjectFactory.create(
        organisation=coordinator.organisation,
        coordinator=coordinator.person,
        title="Hospital discharge",
        **fields,
    )
    for member in members:
        ProjectMemberFactory.create(project=project, person=member.person)
    return project


def activity_of(project: Project, **fields: Any) -> Activity:
    activity: Activity = ActivityFactory.create(project=project, **fields)
    return activity


def finding(project: Project, **fields: Any) -> Activity:
    return activity_of(project, status=ActivityStatus.FINDING_A_TIME, starts_at=None, **fields)


def days_ahead(days: int, hour: int = 10, minute: int = 30) -> datetime.datetime:
    """A London wall-clock time `days` calendar days from today."""
    day = timezone.now().astimezone(LONDON).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LONDON)


def date_fields(moment: datetime.datetime, prefix: str = "date") -> dict[str, str]:
    local = moment.astimezone(LONDON)
    return {
        f"{prefix}-day": str(local.day),
        f"{prefix}-month": str(local.month),
        f"{prefix}-year": str(local.year),
    }
