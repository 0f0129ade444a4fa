import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.projects.models import Milestone, Project
from coproduce.projects.tests.factories import MilestoneFactory


def test_staff_add_a_milestone_due_in_the_future(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(
        reverse("projects:milestone-new", args=[project.pk]),
        {
            "title": "Checklist agreed",
            "due_on-day": "30",
            "due_on-month": "11",
            "due_on-year": "2030",
        },
    )
    assert response.status_code == 302
    assert project.milestones.get().due_on == datetime.date(2030, 11, 30)


def test_a_milestone_without_a_real_date_is_refused_keeping_the_title(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(
        reverse("projects:milestone-new", args=[project.pk]),
        {
            "title": "Checklist agreed",
            "due_on-day": "31",
            "due_on-month": "2",
            "due_on-year": "2030",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Due date must be a real date" in page
    assert 'value="Checklist agreed"' in page
    assert not Milestone.objects.exists()


def test_staff_mark_a_milestone_done(coordinator_client: Client, project: Project) -> None:
    milestone = MilestoneFactory.create(project=project)
    url = reverse("projects:milestone-done", args=[project.pk, milestone.pk])
    assert coordinator_client.get(url).status_code == 405
    assert coordinator_client.post(url).status_code == 302
    milestone.refresh_from_db()
    assert milestone.done_on == timezone.localdate()


def test_milestones_are_for_staff_of_the_project_only(
    carer_client: Client, staff_b_client: Client, project: Project
) -> None:
    milestone = MilestoneFactory.create(project=project)
    done = reverse("projects:milestone-done", args=[project.pk, milestone.pk])
    assert carer_client.post(done).status_code == 403
    assert staff_b_client.post(done).status_code == 404
    assert (
        staff_b_client.get(reverse("projects:milestone-new", args=[project.pk])).status_code == 404
    )
    milestone.refresh_from_db()
    assert milestone.done_on is None
