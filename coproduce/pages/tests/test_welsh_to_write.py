"""Staff see what is published or open and still has no Welsh, for their organisation only,
in the same number of queries however many there are."""

from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.accountability.models import Action
from coproduce.activities.tests.factories import ActivityFactory
from coproduce.conftest import Member
from coproduce.decisions.tests.factories import proposal_of
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.recruitment.tests.factories import (
    BriefFactory,
    EasyReadLineFactory,
    PublishedBriefFactory,
)
from coproduce.surveys.tests.factories import SurveyFactory

URL = reverse("pages:welsh-to-write")


def add_items(project: Project, n: int, prefix: str) -> None:
    for i in range(n):
        PublishedBriefFactory.create(project=project, title=f"{prefix} brief {i}")
        ActivityFactory.create(project=project, title=f"{prefix} meeting {i}")
        proposal_of(project, title=f"{prefix} proposal {i}")
        Action.objects.create(project=project, title=f"{prefix} action {i}")
        SurveyFactory.create(project=project, title=f"{prefix} survey {i}", title_cy="")


def test_staff_see_what_has_no_welsh_with_links_to_write_it(
    coordinator_client: Client, project: Project
) -> None:
    add_items(project, 1, "Ours")
    written = PublishedBriefFactory.create(project=project, title="Written brief")
    for name in written.TRANSLATED:
        setattr(written, f"{name}_cy", "Cymraeg" if getattr(written, name) else "")
    written.save()
    lines_only = PublishedBriefFactory.create(project=project, title="Lines brief")
    for name in lines_only.TRANSLATED:
        setattr(lines_only, f"{name}_cy", "Cymraeg" if getattr(lines_only, name) else "")
    lines_only.save()
    EasyReadLineFactory.create(brief=lines_only, text="Come along.")
    BriefFactory.create(project=project, title="Draft brief")  # not published: not listed
    ActivityFactory.create(project=project, title="Welsh meeting", title_cy="Cyfarfod")
    page = coordinator_client.get(URL).content.decode()
    for title in ("Ours brief 0", "Ours meeting 0", "Ours proposal 0", "Ours action 0"):
        assert title in page
    assert "Ours survey 0" in page
    assert project.title in page  # the project's own name and aims
    for title in ("Written brief", "Draft brief", "Welsh meeting"):
        assert title not in page
    assert reverse("recruitment:easy-read", args=[lines_only.pk]) in page
    activity = project.activities.get(title="Ours meeting 0")
    assert reverse("activities:welsh", args=[activity.pk]) in page


def test_it_is_for_staff_of_their_own_organisation(
    coordinator_client: Client,
    carer_client: Client,
    staff_b: Member,
    project: Project,
) -> None:
    theirs = ProjectFactory.create(
        organisation=staff_b.organisation, coordinator=staff_b.person, title="Their project"
    )
    add_items(theirs, 1, "Theirs")
    page = coordinator_client.get(URL).content.decode()
    assert "Their" not in page
    assert carer_client.get(URL).status_code == 403
    assert Client().get(URL).status_code in (302, 403)


def test_the_page_takes_the_same_queries_however_many_items(
    coordinator_client: Client,
    project: Project,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    add_items(project, 1, "Few")
    with django_assert_num_queries(10):
        assert coordinator_client.get(URL).status_code == 200
    add_items(project, 6, "Many")
    with django_assert_num_queries(10):
        assert coordinator_client.get(URL).status_code == 200
