"""Each kind of public page is kept (coproduce/lib/public_cache.py; the board's own tests,
with the privacy cases, are in coproduce/accountability/tests/test_public_cache.py): the
published brief and its easy read, and published survey results."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries, Settings

from coproduce.lib import public_cache
from coproduce.projects.models import Project
from coproduce.recruitment.models import Brief
from coproduce.recruitment.tests.factories import PublishedBriefFactory
from coproduce.surveys import actions as survey_actions
from coproduce.surveys.models import Survey
from coproduce.surveys.tests.factories import SurveyFactory, add_question


@pytest.fixture(autouse=True)
def kept(settings: Settings) -> None:
    settings.PUBLIC_PAGE_CACHE = True
    cache.clear()


@pytest.fixture
def brief(project: Project) -> Brief:
    brief: Brief = PublishedBriefFactory.create(project=project, title="Help shape discharge")
    return brief


@pytest.fixture
def survey(project: Project) -> Survey:
    survey: Survey = SurveyFactory.create(project=project, audience="public")
    add_question(survey, "How did leaving hospital go?")
    survey_actions.publish_results(survey, [q.pk for q in survey.questions.all()], True)
    return survey


@pytest.mark.parametrize("name", ["recruitment:public-brief", "recruitment:public-easy-read"])
def test_a_published_brief_is_kept_until_it_changes(
    brief: Brief,
    name: str,
    django_assert_num_queries: DjangoAssertNumQueries,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    url = reverse(name, args=[brief.public_id])
    assert "Help shape discharge" in Client().get(url).content.decode()
    with django_assert_num_queries(0):
        assert Client().get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        brief.title = "Help shape leaving hospital"
        brief.save()
    assert "Help shape leaving hospital" in Client().get(url).content.decode()


def test_published_survey_results_are_kept_until_they_change(
    survey: Survey,
    django_assert_num_queries: DjangoAssertNumQueries,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    url = reverse("surveys:published", args=[survey.public_id])
    assert Client().get(url).status_code == 200
    with django_assert_num_queries(0):
        assert Client().get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        survey_actions.publish_results(survey, [], False)
    assert Client().get(url).status_code == 404


def test_writes_to_tables_no_public_page_shows_keep_it() -> None:
    before = public_cache.version()
    for sql in (
        'UPDATE "django_session" SET "expire_date" = 1',
        'INSERT INTO "audit_event" ("id") VALUES (1)',
        'SELECT "recruitment_brief"."id" FROM "recruitment_brief"',
    ):
        written = public_cache.WRITE.match(sql)
        assert written is None or written.group(1).startswith(public_cache.UNSHOWN_TABLES)
    shown = public_cache.WRITE.match('UPDATE "recruitment_brief" SET "title" = %s')
    assert shown is not None
    assert shown.group(1) == "recruitment_brief"
    public_cache.changed()
    assert public_cache.version() == before + 1


def test_a_cache_that_does_not_answer_loses_no_page_and_no_write(
    brief: Brief,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Redis down: the page is made as if there were no cache, and a write still commits
    and answers (emptying the cache after the commit only logs its failure)."""

    def no_answer(*args: Any, **kwargs: Any) -> None:
        raise ConnectionError("Redis is down")

    for method in ("get", "set", "add", "incr"):
        monkeypatch.setattr(cache, method, no_answer)
    url = reverse("recruitment:public-brief", args=[brief.public_id])
    assert "Help shape discharge" in Client().get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Brief.objects.filter(pk=brief.pk).update(title="Help shape leaving hospital")
    assert "Help shape leaving hospital" in Client().get(url).content.decode()
    logged = [r.getMessage() for r in caplog.records]
    assert "The public page cache did not answer" in logged
    assert "Could not empty the public page cache" in logged
