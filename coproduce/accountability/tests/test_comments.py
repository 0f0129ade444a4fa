"""Comments on the public and members' boards, read by staff before they show, and the
answers to "did it make a difference?"."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.accountability import actions, rules
from coproduce.accountability.models import (
    Action,
    ActionStatus,
    Comment,
    CommentStatus,
    Difference,
)
from coproduce.accountability.tests.conftest import Said, public_id
from coproduce.conftest import Member
from coproduce.contributions.models import Contribution, ContributionChannel, Privacy
from coproduce.notifications.models import Message
from coproduce.projects.models import Project


@pytest.fixture(autouse=True)
def fresh_limits() -> None:
    cache.clear()


@pytest.fixture
def public(project: Project, coordinator: Member) -> None:
    actions.choose_public(project, True, coordinator.user)


def public_action_url(project: Project, action: Action) -> str:
    return reverse(
        "accountability:public-action", kwargs={"board_uuid": public_id(project), "pk": action.pk}
    )


def board_url(project: Project) -> str:
    return reverse("accountability:public-board", kwargs={"board_uuid": public_id(project)})


MODERATION = reverse("accountability:moderation")


def test_comment_rules() -> None:
    assert rules.comment_status_for(staff=True) == CommentStatus.PUBLISHED
    assert rules.comment_status_for(staff=False) == CommentStatus.PENDING
    assert rules.comment_shows("published", comment_public=True, on_public_board=True)
    assert rules.comment_shows("published", comment_public=False, on_public_board=False)
    assert not rules.comment_shows("published", comment_public=False, on_public_board=True)
    assert not rules.comment_shows("pending", comment_public=True, on_public_board=True)
    assert not rules.comment_shows("rejected", comment_public=False, on_public_board=False)

    def author(public: bool, name: str, show_name: bool, sees_everyone: bool = False) -> str:
        return rules.comment_author(
            public=public,
            name=name,
            show_name=show_name,
            person_name="Ann",
            sees_everyone=sees_everyone,
        )

    assert author(public=True, name="Pat", show_name=True) == "Pat"
    assert author(public=False, name="", show_name=False) == ""
    assert author(public=False, name="", show_name=True) == "Ann"
    assert author(public=False, name="", show_name=False, sees_everyone=True) == "Ann"


@pytest.mark.usefixtures("public")
def test_anyone_comments_on_the_public_board_and_it_shows_once_published(
    client: Client, coordinator_client: Client, project: Project, action: Action
) -> None:
    url = public_action_url(project, action)
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Pat", "text": "Good to see this"})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.public, comment.person, comment.status) == (True, None, "pending")
    assert "Good to see this" not in client.get(url).content.decode()
    assert "Good to see this" not in client.get(board_url(project)).content.decode()

    queue = coordinator_client.get(MODERATION).content.decode()
    assert "Good to see this" in queue
    coordinator_client.post(
        reverse("accountability:moderate", args=[comment.pk]), {"decision": "publish"}
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    for page in (url, board_url(project)):
        body = client.get(page).content.decode()
        assert "Good to see this" in body
        assert "Pat" in body
    assert "Good to see this" not in coordinator_client.get(MODERATION).content.decode()


@pytest.mark.usefixtures("public")
def test_a_rejected_comment_never_shows(
    client: Client, coordinator_client: Client, project: Project, action: Action
) -> None:
    comment = actions.add_public_comment(action, "Buy cheap watches")
    coordinator_client.post(
        reverse("accountability:moderate", args=[comment.pk]), {"decision": "reject"}
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    assert "cheap watches" not in client.get(public_action_url(project, action)).content.decode()


@pytest.mark.usefixtures("public")
def test_a_public_comment_without_a_name_and_a_too_long_one(
    client: Client, project: Project, action: Action
) -> None:
    url = public_action_url(project, action)
    response = client.post(url, {"name": "Pat", "text": "x" * 2001})
    assert response.status_code == 400
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "2,000 characters or fewer" in body
    assert 'value="Pat"' in body  # what was typed comes back
    client.post(url, {"name": "", "text": "No name"})
    comment = Comment.objects.get()
    assert (comment.name, comment.show_name) == ("", False)


@pytest.mark.usefixtures("public")
def test_one_address_may_send_only_a_few_comments_an_hour(
    client: Client, project: Project, action: Action
) -> None:
    url = public_action_url(project, action)
    for n in range(actions.PUBLIC_COMMENTS_PER_HOUR):
        assert client.post(url, {"text": f"Comment {n}"}).status_code == 302
    refused = client.post(url, {"text": "One too many"})
    assert refused.status_code == 429
    assert "try again later" in refused.content.decode()
    assert Comment.objects.count() == actions.PUBLIC_COMMENTS_PER_HOUR


def test_no_public_comments_on_a_board_that_is_not_public(
    client: Client, project: Project, action: Action, coordinator: Member
) -> None:
    actions.choose_public(project, True, coordinator.user)
    url = public_action_url(project, action)
    actions.choose_public(project, False, coordinator.user)
    assert client.get(url).status_code == 404
    assert client.post(url, {"text": "x"}).status_code == 404
    assert not Comment.objects.exists()


def test_a_carer_cannot_moderate(carer_client: Client, action: Action, carer: Member) -> None:
    comment = actions.add_comment(action, carer.person, "Mine")
    assert carer_client.get(MODERATION).status_code == 403
    url = reverse("accountability:moderate", args=[comment.pk])
    assert carer_client.post(url, {"decision": "publish"}).status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_another_organisations_staff_cannot_see_or_moderate(
    staff_b_client: Client, action: Action, carer: Member
) -> None:
    comment = actions.add_comment(action, carer.person, "Org A only")
    assert "Org A only" not in staff_b_client.get(MODERATION).content.decode()
    url = reverse("accountability:moderate", args=[comment.pk])
    assert staff_b_client.post(url, {"decision": "publish"}).status_code == 404
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_moderating_twice_changes_nothing_more(
    coordinator_client: Client, action: Action, carer: Member, coordinator: Member
) -> None:
    comment = actions.add_comment(action, carer.person, "Once")
    actions.moderate(comment, True, coordinator.user)
    with pytest.raises(actions.AlreadyModerated):
        actions.moderate(comment, False, coordinator.user)
    url = reverse("accountability:moderate", args=[comment.pk])
    assert coordinator_client.post(url, {"decision": "reject"}).status_code == 404
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_the_moderation_queue_takes_the_same_queries_however_many_comments(
    coordinator_client: Client,
    action: Action,
    carer: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    actions.add_comment(action, carer.person, "One")
    actions.add_public_comment(action, "Two", "Pat")
    with django_assert_num_queries(7):
        coordinator_client.get(MODERATION)
    for n in range(30):
        actions.add_public_comment(action, f"More {n}")
    with django_assert_num_queries(7):
        assert coordinator_client.get(MODERATION).status_code == 200


# --- Did it make a difference? --------------------------------------------------------------


def difference_link(said: Said) -> str:
    message = Message.objects.get(kind="accountability.done", person=said.identifiable.person)
    match = re.search(r"https?://\S+(/you-said-we-did/difference/\S+/)", message.body)
    assert match is not None, message.body
    return match.group(1)


def test_the_done_message_asks_whether_it_made_a_difference_and_the_answer_is_a_view(
    client: Client, action: Action, said: Said, coordinator: Member, project: Project
) -> None:
    actions.change_status(action, ActionStatus.DONE, coordinator.user)
    link = difference_link(said)
    page = client.get(link)
    assert page.status_code == 200
    assert "Did it make a difference?" in page.content.decode()
    bad = client.post(link, {"words": "Kept", "privacy": Privacy.IDENTIFIABLE})
    assert bad.status_code == 400
    assert "Kept" in bad.content.decode()
    response = client.post(
        link, {"answer": "yes", "words": "I got home safely", "privacy": Privacy.ANONYMOUS_TO_GROUP}
    )
    assert response.status_code == 302
    difference = Difference.objects.get()
    contribution = difference.contribution
    assert difference.action == action
    assert difference.answer == "yes"
    assert contribution.project == project
    assert contribution.channel == ContributionChannel.FOLLOW_UP
    assert contribution.privacy == Privacy.ANONYMOUS_TO_GROUP
    assert contribution.person == said.identifiable.person
    assert "I got home safely" in contribution.text
    assert contribution.status == "new"  # waits to be considered like any other view


def test_an_anonymous_answer_is_linked_to_nobody(
    client: Client, action: Action, said: Said, coordinator: Member
) -> None:
    actions.change_status(action, ActionStatus.DONE, coordinator.user)
    client.post(difference_link(said), {"answer": "no", "words": "", "privacy": Privacy.ANONYMOUS})
    contribution = Contribution.objects.get(difference__isnull=False)
    assert contribution.person is None


def test_a_difference_link_not_made_by_us_does_not_work(client: Client, db: None) -> None:
    url = reverse("accountability:difference", args=["made-up"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"answer": "yes", "privacy": "anonymous"}).status_code == 404
    assert not Difference.objects.exists()
