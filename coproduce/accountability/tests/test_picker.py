"""Finding the views an action answers: search by words, theme, channel and response, a
page at a time; adding ticked views and removing linked ones, keeping the search; who may
do it; what an admin never finds; and a fixed number of queries however many views."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.accountability import actions, picker
from coproduce.accountability.models import Action
from coproduce.accountability.tests.conftest import Said, give
from coproduce.conftest import Member
from coproduce.contributions import actions as contribution_actions
from coproduce.contributions.models import (
    Contribution,
    ContributionChannel,
    Privacy,
    ResponseStatus,
)
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory


@pytest.fixture
def bare(project: Project, coordinator: Member) -> Action:
    """An action answering nothing yet."""
    return actions.record_action(
        project, actions.Details(title="Ramps at the door"), [], coordinator.user
    )


def url(action: Action, **query: str) -> str:
    path = reverse("accountability:views", args=[action.pk])
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def found(body: str) -> str:
    """The results part of the page (after the search form)."""
    return body.split('id="found"')[1]


def test_the_page_lists_every_view_to_add_and_none_linked(
    coordinator_client: Client, bare: Action, said: Said
) -> None:
    response = coordinator_client.get(url(bare))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Linked now: 0 views" in body
    assert "4 views found" in body
    for words in ("Ident-words", "Groupanon-words", "Anon-words", "Secret-words"):
        assert words in found(body)


def test_search_by_words_theme_channel_and_response(
    coordinator_client: Client, bare: Action, said: Said, project: Project, coordinator: Member
) -> None:
    body = coordinator_client.get(url(bare, q="MEDICINES")).content.decode()
    assert "1 view found" in body
    assert "Groupanon-words" in found(body)
    theme = project.themes.get(name="Being asked")
    body = coordinator_client.get(url(bare, theme=str(theme.pk))).content.decode()
    assert "2 views found" in body
    assert "Ident-words" in found(body)
    assert "Secret-words" in found(body)
    phoned = give(project, Privacy.IDENTIFIABLE, "Phoned-words", None, [])
    Contribution.objects.filter(pk=phoned.pk).update(channel=ContributionChannel.PHONE)
    body = coordinator_client.get(url(bare, channel="phone")).content.decode()
    assert "1 view found" in body
    assert "Phoned-words" in found(body)
    contribution_actions.respond(
        said.anonymous, ResponseStatus.CONSIDERED, "Read it", coordinator.user
    )
    body = coordinator_client.get(url(bare, status="considered")).content.decode()
    assert "1 view found" in body
    assert "Anon-words" in found(body)
    body = coordinator_client.get(url(bare, q="nothing-like-this")).content.decode()
    assert "No views match" in body


def test_a_bad_filter_comes_back_with_an_error_and_what_was_typed(
    coordinator_client: Client, bare: Action, said: Said
) -> None:
    response = coordinator_client.get(url(bare, q="kept words", theme="99999"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Select one from the list" in body
    assert 'value="kept words"' in body


def test_results_come_a_page_at_a_time_and_keep_the_search(
    coordinator_client: Client, bare: Action, project: Project
) -> None:
    for number in range(picker.PAGE_SIZE + 5):
        give(project, Privacy.IDENTIFIABLE, f"Paged-words {number:02d}", None, [])
    body = coordinator_client.get(url(bare, q="Paged")).content.decode()
    assert f"{picker.PAGE_SIZE + 5} views found" in body
    assert body.count('name="contributions"') == picker.PAGE_SIZE
    assert "?q=Paged&amp;page=2" in body
    second = coordinator_client.get(url(bare, q="Paged", page="2")).content.decode()
    assert second.count('name="contributions"') == 5
    assert "Paged-words 00" in second


def test_adding_keeps_the_search_and_linked_views_leave_the_results(
    coordinator_client: Client, bare: Action, said: Said
) -> None:
    response = coordinator_client.post(
        reverse("accountability:add-views", args=[bare.pk]),
        {"contributions": [str(said.identifiable.pk)], "q": "words", "page": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == url(bare, q="words", page="1")
    assert list(bare.contributions.all()) == [said.identifiable]
    body = coordinator_client.get(url(bare, q="words")).content.decode()
    assert "Linked now: 1 view" in body
    assert "Ident-words" not in found(body)
    assert "3 views found" in body


def test_removing_unlinks_one_view_and_keeps_the_search(
    coordinator_client: Client, action: Action, said: Said
) -> None:
    response = coordinator_client.post(
        reverse("accountability:remove-view", args=[action.pk]),
        {"contribution": str(said.anonymous.pk), "channel": "meeting"},
    )
    assert response.status_code == 302
    assert response["Location"] == url(action, channel="meeting")
    assert said.anonymous not in action.contributions.all()
    assert action.contributions.count() == 3
    again = coordinator_client.post(
        reverse("accountability:remove-view", args=[action.pk]),
        {"contribution": str(said.anonymous.pk)},
    )
    assert again.status_code == 400
    assert "This view is no longer linked to the action" in again.content.decode()


def test_adding_nothing_comes_back_with_an_error(
    coordinator_client: Client, bare: Action, said: Said
) -> None:
    response = coordinator_client.post(
        reverse("accountability:add-views", args=[bare.pk]), {"q": "Ident"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Select the views this action answers" in body
    assert "Ident-words" in found(body)
    assert not bare.contributions.exists()


def test_views_of_another_project_or_out_of_reach_are_never_added(
    admin_client_a: Client, bare: Action, said: Said
) -> None:
    other = ProjectFactory.create(organisation=bare.project.organisation)
    elsewhere = give(other, Privacy.IDENTIFIABLE, "Elsewhere-words", None, [])
    for pk in (elsewhere.pk, said.confidential.pk):
        response = admin_client_a.post(
            reverse("accountability:add-views", args=[bare.pk]), {"contributions": [str(pk)]}
        )
        assert response.status_code == 400
    assert not bare.contributions.exists()


def test_an_admin_never_finds_a_confidential_view_by_its_words(
    admin_client_a: Client, action: Action, said: Said
) -> None:
    Action.contributions.through.objects.filter(contribution=said.confidential).delete()
    body = admin_client_a.get(url(action, q="Secret")).content.decode()
    assert "0 views found" in body
    assert "Secret-words" not in body
    assert "Connie Confidential" not in body


def test_an_admin_sees_that_a_confidential_link_exists_and_cannot_remove_it(
    admin_client_a: Client, action: Action, said: Said
) -> None:
    body = admin_client_a.get(url(action)).content.decode()
    assert "Linked now: 3 views" in body
    assert "1 more view given in confidence is linked" in body
    assert "Secret-words" not in body
    response = admin_client_a.post(
        reverse("accountability:remove-view", args=[action.pk]),
        {"contribution": str(said.confidential.pk)},
    )
    assert response.status_code == 400
    assert said.confidential in action.contributions.all()


def test_only_the_projects_staff_find_and_change_the_views(
    carer_client: Client, staff_b_client: Client, action: Action, said: Said
) -> None:
    add = reverse("accountability:add-views", args=[action.pk])
    remove = reverse("accountability:remove-view", args=[action.pk])
    assert carer_client.get(url(action)).status_code == 403
    assert staff_b_client.get(url(action)).status_code == 404
    assert carer_client.post(remove, {"contribution": str(said.anonymous.pk)}).status_code == 403
    assert staff_b_client.post(remove, {"contribution": str(said.anonymous.pk)}).status_code == 404
    assert staff_b_client.post(add, {"contributions": [str(said.anonymous.pk)]}).status_code == 404
    assert carer_client.get(add).status_code == 405
    assert action.contributions.count() == 4


def test_the_page_takes_the_same_queries_however_many_views(
    coordinator_client: Client,
    action: Action,
    project: Project,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    give(project, Privacy.IDENTIFIABLE, "Other words", None, ["Extra"])
    with django_assert_num_queries(QUERIES):
        coordinator_client.get(url(action, q="words"))
    for number in range(30):
        given = give(project, Privacy.IDENTIFIABLE, f"More words {number}", None, ["Extra"])
        if number % 3 == 0:
            action.contributions.add(given)
    with django_assert_num_queries(QUERIES):
        response = coordinator_client.get(url(action, q="words"))
    assert response.status_code == 200


QUERIES = 15
