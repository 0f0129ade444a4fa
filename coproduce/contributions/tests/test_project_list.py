from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.conftest import Member
from coproduce.contributions.models import Privacy
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.projects.models import Project


def views_of_every_kind(project: Project, giver: Member) -> None:
    for privacy, text in [
        (Privacy.IDENTIFIABLE, "Named view about parking"),
        (Privacy.ANONYMOUS_TO_GROUP, "Unnamed view about the ward"),
        (Privacy.CONFIDENTIAL, "Secret view about my marriage"),
    ]:
        ContributionFactory.create(project=project, person=giver.person, privacy=privacy, text=text)
    ContributionFactory.create(project=project, privacy=Privacy.ANONYMOUS, text="Nobody's view")


def test_the_coordinator_sees_every_view_and_who_gave_it(
    coordinator_client: Client, project: Project, giver: Member
) -> None:
    views_of_every_kind(project, giver)
    body = coordinator_client.get(reverse("contributions:project", args=[project.pk])).content
    page = body.decode()
    for text in ("Named view", "Unnamed view", "Secret view", "Nobody&#39;s view"):
        assert text in page
    assert page.count("Gwen Giver") == 3


def test_another_member_of_the_group_sees_names_only_where_the_giver_allowed(
    carer_client: Client, project: Project, giver: Member
) -> None:
    views_of_every_kind(project, giver)
    page = carer_client.get(reverse("contributions:project", args=[project.pk])).content.decode()
    assert "Named view" in page
    assert "Unnamed view" in page
    assert "Secret view" not in page
    assert page.count("Gwen Giver") == 1


def test_the_admin_is_staff_but_not_a_coordinator_so_cannot_read_confidential_views(
    admin_client_a: Client, project: Project, giver: Member
) -> None:
    views_of_every_kind(project, giver)
    page = admin_client_a.get(reverse("contributions:project", args=[project.pk])).content.decode()
    assert "Secret view" not in page
    assert "Unnamed view" in page


def test_the_list_can_be_filtered_by_response_and_channel(
    coordinator_client: Client, project: Project
) -> None:
    ContributionFactory.create(project=project, text="Said on the phone", channel="phone")
    ContributionFactory.create(project=project, text="Said in the room", channel="meeting")
    url = reverse("contributions:project", args=[project.pk])
    page = coordinator_client.get(url, {"channel": "phone", "status": "new"}).content.decode()
    assert "Said on the phone" in page
    assert "Said in the room" not in page


def test_the_list_runs_a_fixed_number_of_queries(
    coordinator_client: Client,
    project: Project,
    giver: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    url = reverse("contributions:project", args=[project.pk])
    ContributionFactory.create(project=project, person=giver.person)
    coordinator_client.get(url)
    with django_assert_num_queries(11):
        coordinator_client.get(url)
    ContributionFactory.create_batch(20, project=project, person=giver.person)
    with django_assert_num_queries(11):
        coordinator_client.get(url)


def test_people_outside_the_project_cannot_see_its_views(
    staff_b_client: Client, carer_b: Member, project: Project
) -> None:
    url = reverse("contributions:project", args=[project.pk])
    assert staff_b_client.get(url).status_code == 404
    assert Client().get(url).status_code == 302
