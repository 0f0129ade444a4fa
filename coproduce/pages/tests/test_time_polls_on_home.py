"""A carer asked "which times can you make?" sees it on their home page and answers one
click away, coming back home afterwards."""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.activities.models import ActivityStatus, SlotAnswer
from coproduce.activities.tests.factories import ActivityFactory, SlotFactory
from coproduce.conftest import Member
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory

HOME = reverse("pages:home")


def poll(project: Project, title: str, days: int = 20) -> Any:
    activity = ActivityFactory.create(
        project=project, title=title, status=ActivityStatus.FINDING_A_TIME, starts_at=None
    )
    start = timezone.now() + datetime.timedelta(days=days)
    SlotFactory.create(activity=activity, starts_at=start)
    SlotFactory.create(activity=activity, starts_at=start + datetime.timedelta(days=1))
    return activity


def test_a_carer_sees_an_open_poll_and_answers_it_from_home(
    carer_client: Client, carer: Member, project: Project
) -> None:
    activity = poll(project, "Young carers' first meeting")
    html = carer_client.get(HOME).content.decode()
    assert "Which times can you make?" in html
    assert "Young carers&#39; first meeting" in html
    assert "You have not answered yet." in html
    link = reverse("activities:times", args=[activity.pk]) + "?from=home"
    assert link in html
    form = carer_client.get(link).content.decode()
    assert "Which times can you make?" in form
    assert f'href="{HOME}" class="govuk-back-link"' in form
    slots = list(activity.slots.all())
    response = carer_client.post(link, {f"slot_{slots[0].pk}": "yes", f"slot_{slots[1].pk}": "no"})
    assert response.status_code == 302
    assert response["Location"] == HOME
    assert SlotAnswer.objects.filter(person=carer.person, can_make=True).count() == 1
    assert "You have answered." in carer_client.get(HOME).content.decode()


def test_polls_the_carer_is_not_asked_are_not_shown(
    carer_client: Client, carer: Member, coordinator: Member, carer_b: Member, project: Project
) -> None:
    other_project = ProjectFactory.create(organisation=coordinator.organisation)
    poll(other_project, "Not my group's meeting")
    b_project = ProjectFactory.create(organisation=carer_b.organisation)
    ProjectMemberFactory.create(project=b_project, person=carer_b.person)
    poll(b_project, "Hillside meeting")
    past = poll(project, "Only past times", days=-3)
    scheduled = poll(project, "Already scheduled")
    scheduled.status = ActivityStatus.SCHEDULED
    scheduled.starts_at = timezone.now() + datetime.timedelta(days=9)
    scheduled.save()
    html = carer_client.get(HOME).content.decode()
    assert "Which times can you make?" not in html
    assert past.title not in html


def test_someone_who_left_the_group_is_not_asked(
    carer_client: Client, carer: Member, project: Project
) -> None:
    poll(project, "After I left")
    project.members.filter(person=carer.person).update(left_on=timezone.localdate())
    assert "After I left" not in carer_client.get(HOME).content.decode()


def test_staff_home_shows_no_time_polls(coordinator_client: Client, project: Project) -> None:
    poll(project, "Staff do not answer here")
    assert "Which times can you make?" not in coordinator_client.get(HOME).content.decode()


@pytest.mark.parametrize("count", [1, 5])
def test_the_polls_take_one_query_however_many(
    carer_client: Client,
    project: Project,
    count: int,
    django_assert_num_queries: Any,
) -> None:
    for n in range(count):
        poll(project, f"Poll {n}")
    with django_assert_num_queries(9):
        html = carer_client.get(HOME).content.decode()
    assert html.count("You have not answered yet.") == count
