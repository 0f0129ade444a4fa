from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.accountability import actions
from coproduce.accountability.models import Action, ActionStatus, Comment
from coproduce.conftest import Member


def action_url(action: Action) -> str:
    return reverse("accountability:action", args=[action.pk])


def test_the_group_sees_an_action_with_its_history_and_what_it_answers(
    carer_client: Client, action: Action, coordinator: Member
) -> None:
    actions.change_status(action, ActionStatus.IN_PROGRESS, coordinator.user, note="Ward 4 first")
    body = carer_client.get(action_url(action)).content.decode()
    assert "Carers asked before discharge" in body
    assert "Planned to In progress" in body
    assert "Ward 4 first" in body
    assert "Ident-words" in body
    assert "Ida Identifiable" in body
    assert "Gwen Groupanon" not in body
    assert "Secret-words" not in body
    assert "Dylan Coordinator" not in body  # who changed it is for staff
    assert "Change the status" not in body


def test_staff_see_who_changed_an_action(coordinator_client: Client, action: Action) -> None:
    body = coordinator_client.get(action_url(action)).content.decode()
    assert "Dylan Coordinator" in body
    assert "Change the status" in body


def test_an_action_is_not_there_for_anyone_outside_the_project(
    professional_client: Client, staff_b_client: Client, carer_b_client: Client, action: Action
) -> None:
    for client in (professional_client, staff_b_client, carer_b_client):
        assert client.get(action_url(action)).status_code == 404


def test_a_group_member_comments_and_others_see_it_without_their_name(
    carer_client: Client, ida_client: Client, action: Action, carer: Member, coordinator: Member
) -> None:
    url = reverse("accountability:comment", args=[action.pk])
    response = carer_client.post(url, {"text": "This made a real difference"})
    assert response.status_code == 302
    assert response["Location"].endswith("#comments")
    comment = Comment.objects.get()
    assert comment.person == carer.person
    # Waiting for staff: its writer sees it (marked so), nobody else does.
    own = carer_client.get(action_url(action)).content.decode()
    assert "This made a real difference" in own
    assert "Waiting to be checked" in own
    assert "This made a real difference" not in ida_client.get(action_url(action)).content.decode()
    actions.moderate(comment, True, coordinator.user)
    body = ida_client.get(action_url(action)).content.decode()
    assert "This made a real difference" in body
    assert "A member of the group" in body
    assert "Margaret Carer" not in body


def test_a_member_who_chooses_to_show_their_name_is_named(
    carer_client: Client, ida_client: Client, action: Action, coordinator: Member
) -> None:
    url = reverse("accountability:comment", args=[action.pk])
    carer_client.post(url, {"text": "Named comment", "show_name": "yes"})
    actions.moderate(Comment.objects.get(), True, coordinator.user)
    body = ida_client.get(action_url(action)).content.decode()
    assert "Named comment" in body
    assert "Margaret Carer" in body


def test_staff_comments_show_at_once(coordinator_client: Client, action: Action) -> None:
    url = reverse("accountability:comment", args=[action.pk])
    coordinator_client.post(url, {"text": "From the coordinator"})
    assert Comment.objects.get().status == "published"


def test_only_the_coordinator_sees_who_commented(
    coordinator_client: Client, admin_client_a: Client, action: Action, carer: Member
) -> None:
    actions.add_comment(action, carer.person, "Good", staff=True)
    assert "Margaret Carer" in coordinator_client.get(action_url(action)).content.decode()
    assert "Margaret Carer" not in admin_client_a.get(action_url(action)).content.decode()


def test_a_comment_too_long_comes_back_with_an_error(carer_client: Client, action: Action) -> None:
    url = reverse("accountability:comment", args=[action.pk])
    response = carer_client.post(url, {"text": "x" * 2001})
    assert response.status_code == 400
    assert "2,000 characters or fewer" in response.content.decode()
    assert not Comment.objects.exists()


def test_only_the_group_and_staff_may_comment(
    professional_client: Client, staff_b_client: Client, client: Client, action: Action
) -> None:
    url = reverse("accountability:comment", args=[action.pk])
    assert professional_client.post(url, {"text": "x"}).status_code == 404
    assert staff_b_client.post(url, {"text": "x"}).status_code == 404
    assert client.post(url, {"text": "x"}).status_code == 302  # to sign in
    assert client.get(url).status_code == 405  # a comment is only ever posted
    assert not Comment.objects.exists()


def test_the_action_page_takes_the_same_queries_however_many_comments(
    carer_client: Client,
    action: Action,
    carer: Member,
    coordinator: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    actions.add_comment(action, carer.person, "One")
    with django_assert_num_queries(10):
        carer_client.get(action_url(action))
    for n in range(5):
        actions.add_comment(action, coordinator.person, f"More {n}")
        actions.change_status(
            action,
            ActionStatus.IN_PROGRESS if n % 2 else ActionStatus.PLANNED,
            coordinator.user,
        )
    with django_assert_num_queries(10):
        carer_client.get(action_url(action))
