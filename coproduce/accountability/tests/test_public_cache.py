"""The public board kept in the cache (coproduce/lib/public_cache.py): served to the next
signed-out reader without the database, emptied by any write, never kept for a signed-in
reader, kept per language, and each reader gets their own CSRF token."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries, Settings

from coproduce.accountability import actions
from coproduce.accountability.models import Action
from coproduce.accountability.tests.conftest import public_id
from coproduce.conftest import Member
from coproduce.projects.models import Project

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NONCE = re.compile(r' nonce="([^"]*)"')


@pytest.fixture
def kept(settings: Settings, project: Project, action: Action, coordinator: Member) -> str:
    """Public pages kept (as with Redis), and the project's board public: its address."""
    settings.PUBLIC_PAGE_CACHE = True
    cache.clear()
    actions.choose_public(project, True, coordinator.user)
    return reverse("accountability:public-board", kwargs={"board_uuid": public_id(project)})


def without_tokens(body: bytes) -> str:
    return NONCE.sub("", TOKEN.sub("", body.decode()))


def test_the_next_reader_gets_the_kept_board_without_the_database(
    kept: str, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    first = Client().get(kept)
    assert first.status_code == 200
    assert "Carers asked before discharge" in first.content.decode()
    with django_assert_num_queries(0):
        again = Client().get(kept)
    assert again.status_code == 200
    assert without_tokens(again.content) == without_tokens(first.content)


def test_any_write_empties_it_even_a_bulk_update(
    kept: str, action: Action, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    Client().get(kept)
    with django_capture_on_commit_callbacks(execute=True):
        Action.objects.filter(pk=action.pk).update(title="Wards phone every carer")
    body = Client().get(kept).content.decode()
    assert "Wards phone every carer" in body
    assert "Carers asked before discharge" not in body


def test_a_board_made_private_is_gone_from_the_next_request(
    kept: str,
    project: Project,
    coordinator: Member,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    assert Client().get(kept).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        actions.choose_public(project, False, coordinator.user)
    assert Client().get(kept).status_code == 404


def test_a_signed_in_reader_is_never_served_from_it(kept: str, carer_client: Client) -> None:
    Client().get(kept)
    with CaptureQueriesContext(connection) as asked:
        assert carer_client.get(kept).status_code == 200
    assert len(asked) > 0  # rendered for them, with their session


def test_each_language_is_kept_apart(kept: str) -> None:
    english = Client().get(kept).content.decode()
    welsh = Client().get(kept, HTTP_ACCEPT_LANGUAGE="cy").content.decode()
    assert '<html lang="en"' in english
    assert '<html lang="cy"' in welsh


def test_each_reader_gets_their_own_working_csrf_token(kept: str) -> None:
    Client().get(kept)  # kept by someone else's request
    reader = Client(enforce_csrf_checks=True)
    body = reader.get(kept).content.decode()
    token = TOKEN.search(body)
    assert token is not None
    assert "@@" not in body
    answer = reader.post(
        reverse("accounts:language"),
        {"language": "cy", "next": kept, "csrfmiddlewaretoken": token.group(1)},
    )
    assert answer.status_code == 302  # not refused as a forgery


def test_nothing_is_kept_without_a_shared_cache(
    settings: Settings, project: Project, action: Action, coordinator: Member
) -> None:
    settings.PUBLIC_PAGE_CACHE = False
    actions.choose_public(project, True, coordinator.user)
    url = reverse("accountability:public-board", kwargs={"board_uuid": public_id(project)})
    Client().get(url)
    with CaptureQueriesContext(connection) as asked:
        assert Client().get(url).status_code == 200
    assert len(asked) > 0
