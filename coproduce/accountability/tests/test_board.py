import re

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.accountability import actions, board
from coproduce.accountability.models import Action, ActionStatus, Comment
from coproduce.accountability.tests.conftest import (
    ANONYMOUS_WORDS,
    CONFIDENTIAL_WORDS,
    GROUP_ANONYMOUS_WORDS,
    IDENTIFIABLE_WORDS,
    Said,
    give,
    public_id,
)
from coproduce.conftest import Member
from coproduce.contributions.models import Privacy
from coproduce.projects.models import Project


def board_url(project: Project) -> str:
    return reverse("accountability:board", args=[project.pk])


def public_url(project: Project, easy_read: bool = False) -> str:
    name = "accountability:public-easy-read" if easy_read else "accountability:public-board"
    return reverse(name, kwargs={"board_uuid": public_id(project)})


def test_the_group_sees_each_theme_with_what_was_done(
    carer_client: Client, action: Action, done_action: Action, project: Project
) -> None:
    body = carer_client.get(board_url(project)).content.decode()
    assert "You said: Being asked" in body
    assert "You said: Medicines" in body
    assert "Other things you said" in body  # the anonymous view has no theme
    assert "Carers asked before discharge" in body
    assert "Medicines explained at discharge" in body
    assert body.index("You said: Being asked") < body.index("You said: Medicines")


def test_the_group_sees_words_and_allowed_names_and_counts_confidential_views(
    carer_client: Client, action: Action, project: Project
) -> None:
    body = carer_client.get(board_url(project)).content.decode()
    assert "Ident-words" in body
    assert "Ida Identifiable" in body
    assert "Groupanon-words" in body
    assert "Gwen Groupanon" not in body
    assert "Anon-words" in body
    assert "Secret-words" not in body
    assert "Connie Confidential" not in body
    assert "And 1 view given in confidence." in body


def test_staff_see_anonymous_to_group_names_but_never_confidential_words_on_the_board(
    coordinator_client: Client, action: Action, project: Project
) -> None:
    body = coordinator_client.get(board_url(project)).content.decode()
    assert "Gwen Groupanon" in body
    assert "Secret-words" not in body
    assert "Record an action" in body


def test_someone_not_in_the_group_cannot_see_the_board(
    professional_client: Client, staff_b_client: Client, action: Action, project: Project
) -> None:
    assert professional_client.get(board_url(project)).status_code == 404
    assert staff_b_client.get(board_url(project)).status_code == 404


def test_signing_in_is_needed_for_the_groups_board(client: Client, project: Project) -> None:
    assert client.get(board_url(project)).status_code == 302


def test_the_public_board_is_not_there_until_the_project_chooses_it(
    client: Client, action: Action, project: Project, coordinator: Member
) -> None:
    board = actions.choose_public(project, False, coordinator.user)
    url = reverse("accountability:public-board", kwargs={"board_uuid": board.public_id})
    assert client.get(url).status_code == 404
    actions.choose_public(project, True, coordinator.user)
    assert client.get(url).status_code == 200


def test_the_public_board_shows_no_names_no_group_comments_and_no_unapproved_words(
    client: Client, action: Action, project: Project, coordinator: Member
) -> None:
    actions.add_comment(action, coordinator.person, "A comment for the group only", staff=True)
    actions.choose_public(project, True, coordinator.user)
    for url in (public_url(project), public_url(project, easy_read=True)):
        body = client.get(url).content.decode()
        for name in ("Ida Identifiable", "Gwen Groupanon", "Connie Confidential"):
            assert name not in body
        assert "A comment for the group only" not in body
        # Nobody approved any words: none are quoted, in any privacy.
        for words in (IDENTIFIABLE_WORDS, GROUP_ANONYMOUS_WORDS, ANONYMOUS_WORDS):
            assert words.split(":")[0] not in body
        assert CONFIDENTIAL_WORDS.split(":")[0] not in body


def test_the_public_board_carries_the_organisations_name(
    client: Client, action: Action, project: Project, coordinator: Member
) -> None:
    actions.choose_public(project, True, coordinator.user)
    body = client.get(public_url(project)).content.decode()
    assert "Riverside Carers" in body


def test_the_easy_read_board_says_what_was_done_in_short_sentences(
    carer_client: Client, action: Action, project: Project, coordinator: Member
) -> None:
    actions.change_status(action, ActionStatus.NOT_POSSIBLE, coordinator.user, reason="No money")
    url = reverse("accountability:easy-read", args=[project.pk])
    body = carer_client.get(url).content.decode()
    assert "You told us about: Being asked" in body
    assert "We could not do this." in body
    assert "This is why: No money" in body
    assert "Ida Identifiable" not in body


def test_an_empty_board_says_so(carer_client: Client, project: Project) -> None:
    body = carer_client.get(board_url(project)).content.decode()
    assert "Nothing has been recorded yet." in body


def add_rows(project: Project, said: Said, coordinator: Member, count: int) -> None:
    for n in range(count):
        more = give(project, Privacy.IDENTIFIABLE, f"More {n}", None, [f"Theme {n}"])
        action = actions.record_action(
            project,
            actions.Details(title=f"Action {n}"),
            [more, said.confidential],
            coordinator.user,
        )
        Comment.objects.create(
            action=action, person=coordinator.person, text="Yes", status="published"
        )
        actions.add_public_comment(action, "From the public", "Pat")
        published = actions.add_public_comment(action, "Shown publicly", "")
        actions.moderate(published, True, coordinator.user)
        actions.propose_quote(action, more, f"People told us about {n}", coordinator.user)


@pytest.mark.parametrize("name", ["accountability:board", "accountability:easy-read"])
def test_the_groups_board_takes_the_same_queries_however_many_rows(
    name: str,
    carer_client: Client,
    project: Project,
    said: Said,
    coordinator: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    url = reverse(name, args=[project.pk])
    add_rows(project, said, coordinator, 2)
    with django_assert_num_queries(13):
        assert carer_client.get(url).status_code == 200
    add_rows(project, said, coordinator, 25)  # more than a page
    with django_assert_num_queries(13):
        assert carer_client.get(url).status_code == 200


def test_the_public_board_takes_the_same_queries_however_many_rows(
    client: Client,
    project: Project,
    said: Said,
    coordinator: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    actions.choose_public(project, True, coordinator.user)
    url = public_url(project)
    add_rows(project, said, coordinator, 2)
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 200
    add_rows(project, said, coordinator, 25)  # more than a page
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 200


def action_numbers(body: str) -> set[int]:
    """Which of add_rows' actions a board page shows (as card titles)."""
    return {int(n) for n in re.findall(r">\s*Action (\d+)\s*<", body)}


def test_a_long_board_comes_in_pages_and_its_summary_counts_every_action(
    client: Client, project: Project, said: Said, coordinator: Member
) -> None:
    actions.choose_public(project, True, coordinator.user)
    add_rows(project, said, coordinator, board.ACTIONS_PER_PAGE + 3)
    first = client.get(public_url(project)).content.decode()
    second = client.get(public_url(project) + "?page=2").content.decode()
    total = board.ACTIONS_PER_PAGE + 3
    assert f"{total} planned" in first
    assert f"{total} planned" in second
    assert "Page 1 of 2" in first
    assert "Page 2 of 2" in second
    on_first, on_second = action_numbers(first), action_numbers(second)
    assert len(on_first) == board.ACTIONS_PER_PAGE
    assert len(on_second) == 3
    assert on_first | on_second == set(range(total))
    # The most recently changed first: the first three recorded are on page 2.
    assert on_second == {0, 1, 2}


def test_done_comes_before_planned_across_pages(
    client: Client, project: Project, said: Said, coordinator: Member
) -> None:
    actions.choose_public(project, True, coordinator.user)
    add_rows(project, said, coordinator, board.ACTIONS_PER_PAGE + 1)
    oldest = Action.objects.get(title="Action 0")
    actions.change_status(oldest, ActionStatus.DONE, coordinator.user)
    first = client.get(public_url(project)).content.decode()
    assert 0 in action_numbers(first)
    assert "1 thing done" in first


def test_a_board_quotes_a_few_views_for_each_action_and_says_there_are_more(
    carer_client: Client, project: Project, coordinator: Member
) -> None:
    many = [
        give(project, Privacy.IDENTIFIABLE, f"View number {n}", None, ["Transport"])
        for n in range(board.SAID_PER_ACTION + 2)
    ]
    actions.record_action(project, actions.Details(title="Buses"), many, coordinator.user)
    body = carer_client.get(board_url(project)).content.decode()
    quoted = [n for n in range(len(many)) if f"View number {n}”" in body]
    assert len(quoted) == board.SAID_PER_ACTION
    assert "People said more than this" in body
