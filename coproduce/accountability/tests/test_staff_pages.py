from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.accountability import actions
from coproduce.accountability.models import Action, ActionStatus, BoardSettings
from coproduce.accountability.tests.conftest import Said
from coproduce.conftest import Member
from coproduce.contributions.models import ResponseStatus
from coproduce.notifications.models import Message
from coproduce.projects.models import Project


def test_coordinator_records_an_action_then_finds_the_views_it_answers(
    coordinator_client: Client, project: Project, said: Said, ida: Member
) -> None:
    url = reverse("accountability:record", args=[project.pk])
    page = coordinator_client.get(url)
    assert page.status_code == 200
    # The form no longer lists every view: they are found on the next page.
    assert "Ident-words" not in page.content.decode()
    response = coordinator_client.post(
        url, {"title": "Ward leaflet", "description": "Written with carers", "status": "planned"}
    )
    action = Action.objects.get(title="Ward leaflet")
    assert response.status_code == 302
    assert response["Location"] == reverse("accountability:views", args=[action.pk])
    body = coordinator_client.get(response["Location"]).content.decode()
    # The owning coordinator may read everything given to the project when choosing.
    assert "Ident-words" in body
    assert "Secret-words" in body
    response = coordinator_client.post(
        reverse("accountability:add-views", args=[action.pk]),
        {"contributions": [said.identifiable.pk, said.anonymous.pk], "form_token": "a" * 32},
    )
    assert response.status_code == 302
    assert set(action.contributions.all()) == {said.identifiable, said.anonymous}
    said.identifiable.refresh_from_db()
    assert said.identifiable.status == ResponseStatus.PLANNED
    assert Message.objects.filter(person=ida.person, kind="accountability.recorded").exists()


def test_an_admin_chooses_a_confidential_view_without_reading_it(
    admin_client_a: Client, project: Project, said: Said, coordinator: Member
) -> None:
    action = actions.record_action(project, actions.Details(title="A"), [], coordinator.user)
    body = admin_client_a.get(reverse("accountability:views", args=[action.pk])).content.decode()
    assert "Secret-words" not in body
    assert "Connie Confidential" not in body


def test_a_form_with_errors_comes_back_with_what_was_typed(
    coordinator_client: Client, project: Project, said: Said
) -> None:
    url = reverse("accountability:record", args=[project.pk])
    response = coordinator_client.post(url, {"description": "Kept text", "status": "planned"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter a short title for the action" in body
    assert "Kept text" in body
    assert not Action.objects.exists()


def test_only_staff_of_the_project_record_actions(
    carer_client: Client, staff_b_client: Client, project: Project
) -> None:
    url = reverse("accountability:record", args=[project.pk])
    assert carer_client.get(url).status_code == 403
    assert staff_b_client.get(url).status_code == 404
    assert carer_client.post(url, {"title": "x", "status": "planned"}).status_code == 403
    assert not Action.objects.exists()


def test_not_possible_needs_a_reason_on_the_status_page(
    coordinator_client: Client, action: Action
) -> None:
    url = reverse("accountability:status", args=[action.pk])
    assert coordinator_client.get(url).status_code == 200
    response = coordinator_client.post(url, {"status": "not_possible", "reason": ""})
    assert response.status_code == 400
    assert "Say why this is not possible" in response.content.decode()
    response = coordinator_client.post(url, {"status": "not_possible", "reason": "No budget"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_POSSIBLE
    assert action.reason == "No budget"


def test_marking_done_on_the_status_page_tells_the_givers(
    coordinator_client: Client, action: Action, ida: Member
) -> None:
    url = reverse("accountability:status", args=[action.pk])
    coordinator_client.post(url, {"status": "done", "evidence": "Checklist in use"})
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert action.evidence == "Checklist in use"
    assert Message.objects.filter(person=ida.person, kind="accountability.done").count() == 1


def test_only_staff_change_an_action(
    carer_client: Client, staff_b_client: Client, action: Action
) -> None:
    for name in ("accountability:status", "accountability:edit"):
        url = reverse(name, args=[action.pk])
        assert carer_client.get(url).status_code == 403
        assert staff_b_client.get(url).status_code == 404
        assert staff_b_client.post(url, {"status": "done", "title": "B"}).status_code == 404
    action.refresh_from_db()
    assert action.status == ActionStatus.PLANNED


def test_editing_leaves_the_linked_views_as_they_are(
    admin_client_a: Client, action: Action, said: Said
) -> None:
    url = reverse("accountability:edit", args=[action.pk])
    assert admin_client_a.get(url).status_code == 200
    response = admin_client_a.post(
        url, {"title": "Renamed", "contributions": [said.identifiable.pk]}
    )
    assert response.status_code == 302
    assert set(action.contributions.all()) == set(said.all())


def test_staff_choose_whether_the_board_is_public(
    coordinator_client: Client, carer_client: Client, staff_b_client: Client, project: Project
) -> None:
    url = reverse("accountability:settings", args=[project.pk])
    assert coordinator_client.get(url).status_code == 200
    assert carer_client.get(url).status_code == 403
    assert staff_b_client.post(url, {"public": "yes"}).status_code == 404
    assert coordinator_client.post(url, {}).status_code == 400
    assert coordinator_client.post(url, {"public": "yes"}).status_code == 302
    assert BoardSettings.objects.get(project=project).public


def test_the_action_list_takes_the_same_queries_however_many_rows(
    coordinator_client: Client,
    carer_client: Client,
    staff_b_client: Client,
    project: Project,
    said: Said,
    coordinator: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    url = reverse("accountability:actions", args=[project.pk])
    for n in range(2):
        actions.record_action(project, actions.Details(title=f"A{n}"), said.all(), coordinator.user)
    with django_assert_num_queries(7):
        assert coordinator_client.get(url).status_code == 200
    for n in range(5):
        actions.record_action(project, actions.Details(title=f"B{n}"), said.all(), coordinator.user)
    with django_assert_num_queries(7):
        assert coordinator_client.get(url).status_code == 200
    assert carer_client.get(url).status_code == 403
    assert staff_b_client.get(url).status_code == 404
