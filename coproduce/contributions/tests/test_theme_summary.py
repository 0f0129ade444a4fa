from django.test import Client
from django.urls import reverse

from coproduce.contributions import actions
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.projects.models import Project


def test_the_coordinator_sees_counts_per_theme(
    coordinator_client: Client, project: Project
) -> None:
    for _ in range(3):
        actions.set_themes(ContributionFactory.create(project=project), ["Transport"])
    page = coordinator_client.get(reverse("contributions:themes", args=[project.pk]))
    body = page.content.decode()
    assert "Transport" in body
    assert ">3</td>" in body


def test_members_do_not_see_the_theme_analysis(carer_client: Client, project: Project) -> None:
    assert carer_client.get(reverse("contributions:themes", args=[project.pk])).status_code == 403
