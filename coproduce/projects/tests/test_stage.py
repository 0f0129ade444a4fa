from django.test import Client
from django.urls import reverse

from coproduce.projects.models import Project, Stage, StageChange


def url(project: Project) -> str:
    return reverse("projects:stage", args=[project.pk])


def test_staff_move_a_project_forward_and_the_history_shows_it(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(url(project), {"stage": "planning", "note": ""})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.stage == Stage.PLANNING
    page = coordinator_client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert "Consulting to Planning" in page
    assert "Dylan Coordinator" in page


def test_going_back_needs_a_note_and_keeps_what_was_chosen(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(url(project), {"stage": "funding", "note": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Say why the project is going back to Funding" in page
    assert 'value="funding" checked' in page
    response = coordinator_client.post(
        url(project), {"stage": "funding", "note": "revision after consultation"}
    )
    assert response.status_code == 302
    change = StageChange.objects.get(project=project)
    assert (change.from_stage, change.to_stage) == ("consulting", "funding")
    assert change.note == "revision after consultation"


def test_moving_to_the_current_stage_is_an_error(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(url(project), {"stage": "consulting", "note": "hm"})
    assert response.status_code == 400
    assert "already at the Consulting stage" in response.content.decode()
    assert not StageChange.objects.exists()


def test_choosing_no_stage_is_an_error(coordinator_client: Client, project: Project) -> None:
    response = coordinator_client.post(url(project), {})
    assert response.status_code == 400
    assert "Select the stage the project is moving to" in response.content.decode()


def test_only_staff_of_the_projects_organisations_move_it(
    carer_client: Client, staff_b_client: Client, project: Project
) -> None:
    assert carer_client.post(url(project), {"stage": "planning"}).status_code == 403
    assert staff_b_client.post(url(project), {"stage": "planning"}).status_code == 404
    project.refresh_from_db()
    assert project.stage == Stage.CONSULTING


def test_a_note_too_long_to_keep_is_explained_not_a_crash(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(url(project), {"stage": "funding", "note": "x" * 1001})
    assert response.status_code == 400
    assert "Note” must be 1000 characters or less" in response.content.decode()
