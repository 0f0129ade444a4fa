import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.conftest import Member
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory
from coproduce.tenancy.tests.factories import PartnershipFactory

URL = reverse("projects:list")


def test_staff_see_their_organisations_projects_and_partnership_projects(
    coordinator_client: Client, project: Project, b_project: Project, coordinator: Member
) -> None:
    shared = ProjectFactory.create(
        organisation=b_project.organisation, title="Shared discharge work"
    )
    partnership = PartnershipFactory.create(lead=b_project.organisation)
    partnership.organisations.set([b_project.organisation, coordinator.organisation])
    shared.partnership = partnership
    shared.save()
    page = coordinator_client.get(URL).content.decode()
    assert "Hospital discharge that works for carers" in page
    assert "Shared discharge work" in page
    assert "Zebedee-B" not in page
    assert "Create a project" in page


def test_carers_see_only_the_projects_whose_group_they_are_in(
    carer_client: Client, project: Project, coordinator: Member
) -> None:
    ProjectFactory.create(organisation=coordinator.organisation, title="Not my group")
    response = carer_client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Hospital discharge that works for carers" in page
    assert "Not my group" not in page
    assert "Create a project" not in page


def test_staff_of_another_organisation_see_none_of_its_projects(
    staff_b_client: Client, project: Project
) -> None:
    page = staff_b_client.get(URL).content.decode()
    assert "Hospital discharge" not in page


def test_someone_signed_out_is_sent_to_sign_in(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302


def test_the_project_list_shows_the_stage_coordinator_and_current_members(
    coordinator_client: Client, project: Project
) -> None:
    ProjectMemberFactory.create(project=project, left_on="2026-10-01")
    page = coordinator_client.get(URL).content.decode()
    assert "Consulting" in page
    assert "Dylan Coordinator" in page
    assert (
        '<td data-label="Members" class="govuk-table__cell govuk-table__cell--numeric">1</td>'
        in page
    )


def test_a_carer_sees_how_many_are_in_the_whole_group_not_just_themselves(
    carer_client: Client, project: Project
) -> None:
    ProjectMemberFactory.create_batch(12, project=project)
    ProjectMemberFactory.create(project=project, left_on="2026-10-01")
    page = carer_client.get(URL).content.decode()
    assert (
        '<td data-label="Members" class="govuk-table__cell govuk-table__cell--numeric">13</td>'
        in page
    )


@pytest.mark.parametrize("projects", [2, 20])
def test_the_project_list_takes_the_same_queries_for_few_or_many_projects(
    coordinator_client: Client,
    coordinator: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
    projects: int,
) -> None:
    for _ in range(projects):
        ProjectMemberFactory.create(
            project=ProjectFactory.create(organisation=coordinator.organisation)
        )
    with django_assert_num_queries(6):
        response = coordinator_client.get(URL)
    assert response.content.decode().count("govuk-table__row") == projects + 1


@pytest.mark.parametrize("projects", [2, 12])
def test_a_carer_s_project_list_takes_the_same_queries_for_few_or_many_projects(
    carer_client: Client,
    carer: Member,
    coordinator: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
    projects: int,
) -> None:
    for _ in range(projects):
        project = ProjectFactory.create(organisation=coordinator.organisation)
        ProjectMemberFactory.create(project=project, person=carer.person)
        ProjectMemberFactory.create_batch(2, project=project)
    with django_assert_num_queries(5):
        response = carer_client.get(URL)
    page = response.content.decode()
    assert (
        page.count(
            '<td data-label="Members" class="govuk-table__cell govuk-table__cell--numeric">3</td>'
        )
        == projects
    )
