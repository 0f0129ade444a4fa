import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from coproduce.conftest import Member
from coproduce.contributions.models import Contribution, ResponseStatus
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory


def test_the_queue_shows_what_waits_oldest_first_with_days_waiting(
    coordinator_client: Client, project: Project
) -> None:
    old = ContributionFactory.create(project=project, text="Old view")
    Contribution.objects.filter(pk=old.pk).update(
        recorded_at=timezone.now() - datetime.timedelta(days=9)
    )
    ContributionFactory.create(project=project, text="New view")
    ContributionFactory.create(project=project, text="Done view", status=ResponseStatus.ACTED_ON)
    page = coordinator_client.get(reverse("contributions:queue")).content.decode()
    assert page.index("Old view") < page.index("New view")
    assert "Done view" not in page
    assert ">9</td>" in page


def test_the_queue_is_staff_only_and_only_this_organisation(
    carer_client: Client, staff_b_client: Client, project: Project
) -> None:
    ContributionFactory.create(project=project, text="Riverside view")
    assert carer_client.get(reverse("contributions:queue")).status_code == 403
    assert (
        "Riverside view" not in staff_b_client.get(reverse("contributions:queue")).content.decode()
    )


def test_the_queue_runs_a_fixed_number_of_queries(
    coordinator_client: Client,
    coordinator: Member,
    project: Project,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    other = ProjectFactory.create(organisation=coordinator.organisation)
    ContributionFactory.create(project=project)
    coordinator_client.get(reverse("contributions:queue"))
    with django_assert_num_queries(9):
        coordinator_client.get(reverse("contributions:queue"))
    ContributionFactory.create_batch(10, project=other)
    with django_assert_num_queries(9):
        coordinator_client.get(reverse("contributions:queue"))


def test_your_contributions_lists_only_your_own(
    giver_client: Client, giver: Member, carer: Member, project: Project
) -> None:
    ContributionFactory.create(project=project, person=giver.person, text="Mine")
    ContributionFactory.create(project=project, person=carer.person, text="Theirs")
    page = giver_client.get(reverse("contributions:yours")).content.decode()
    assert "Mine" in page
    assert "Theirs" not in page
