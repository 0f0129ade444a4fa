import datetime
import html

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory
from coproduce.conftest import Member
from coproduce.projects.models import Project, Stage, StageChange


def url(project: Project) -> str:
    return reverse("projects:stage", args=[project.pk])


def carers_attended(project: Project, carer: Member, stage: str = Stage.CONSULTING) -> None:
    """A carer member of the group attended an activity of `stage`, a week ago."""
    activity = ActivityFactory.create(
        project=project, stage=stage, starts_at=timezone.now() - datetime.timedelta(days=7)
    )
    InvitationFactory.create(activity=activity, person=carer.person, attended=True)


def test_staff_move_a_project_forward_and_the_history_shows_it(
    coordinator_client: Client, project: Project, carer: Member
) -> None:
    carers_attended(project, carer)
    form = coordinator_client.get(url(project)).content.decode()
    assert "carers_absent_reason" not in form
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


def test_moving_on_from_a_stage_without_carers_asks_why_and_shows_what_is_missing(
    coordinator_client: Client, project: Project
) -> None:
    form = html.unescape(coordinator_client.get(url(project)).content.decode())
    assert "Carers took no part in the Consulting stage" in form
    assert "a carer member attended an activity" in form
    assert "a carer member led or co-facilitated an activity" in form
    assert 'name="carers_absent_reason"' in form
    response = coordinator_client.post(url(project), {"stage": "planning", "note": "On time"})
    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "Say why the project is moving on although carers took no part in the Consulting" in page
    assert 'value="planning" checked' in page
    assert "On time" in page
    assert not StageChange.objects.exists()


def test_the_reason_for_moving_on_without_carers_is_kept_in_the_stage_history(
    coordinator_client: Client, project: Project
) -> None:
    reason = "The group asked us to draft the plan over the summer"
    response = coordinator_client.post(
        url(project), {"stage": "planning", "note": "", "carers_absent_reason": f" {reason} "}
    )
    assert response.status_code == 302
    change = StageChange.objects.get(project=project)
    assert (change.carers_absent, change.carers_absent_reason) == (True, reason)
    page = coordinator_client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    history = page[page.index('id="history"') :]
    assert "Moved on without carers" in history
    assert reason in history


def test_going_back_from_a_stage_without_carers_needs_no_reason_for_them(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(
        url(project), {"stage": "funding", "note": "funding fell through"}
    )
    assert response.status_code == 302
    change = StageChange.objects.get(project=project)
    assert (change.carers_absent, change.carers_absent_reason) == (False, "")


def test_a_note_too_long_to_keep_is_explained_not_a_crash(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(url(project), {"stage": "funding", "note": "x" * 1001})
    assert response.status_code == 400
    assert "Note” must be 1000 characters or less" in response.content.decode()
