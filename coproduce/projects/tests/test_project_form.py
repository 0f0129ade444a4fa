from typing import Any

from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member, signed_in
from coproduce.projects.models import Project, Stage, StageChange
from coproduce.tenancy.tests.factories import PartnershipFactory

NEW = reverse("projects:new")


def form(coordinator: Member, **overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Young carers' breaks",
        "aims": "Young carers shape their own breaks.",
        "scope": "",
        "coordinator": str(coordinator.person.pk),
        "starts_on-day": "4",
        "starts_on-month": "1",
        "starts_on-year": "2027",
        "ends_on-day": "",
        "ends_on-month": "",
        "ends_on-year": "",
        "stage": "funding",
    }
    data.update(overrides)
    return data


def test_staff_create_a_project_starting_at_funding_with_its_first_stage_recorded(
    coordinator_client: Client, coordinator: Member
) -> None:
    page = coordinator_client.get(NEW).content.decode()
    assert 'value="funding" checked' in page
    response = coordinator_client.post(NEW, form(coordinator))
    project = Project.objects.get(title="Young carers' breaks")
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:detail", args=[project.pk])
    assert project.organisation == coordinator.organisation
    assert project.stage == Stage.FUNDING
    assert StageChange.objects.filter(project=project, from_stage="", to_stage="funding").exists()


def test_an_end_date_before_the_start_is_refused_and_everything_typed_is_kept(
    coordinator_client: Client, coordinator: Member
) -> None:
    response = coordinator_client.post(
        NEW,
        form(coordinator, **{"ends_on-day": "3", "ends_on-month": "1", "ends_on-year": "2027"}),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "The end date must be the same as or after the start date" in page
    assert "There is a problem" in page
    assert "Young carers&#39; breaks" in page
    assert 'name="ends_on-day" type="text" value="3"' in page
    assert not Project.objects.exists()


def test_the_coordinator_must_be_staff_of_the_organisation(
    coordinator_client: Client,
    coordinator: Member,
    admin: Member,
    carer: Member,
    staff_b: Member,
) -> None:
    for person in (carer.person, staff_b.person):
        response = coordinator_client.post(NEW, {**form(coordinator), "coordinator": person.pk})
        assert response.status_code == 400
        assert "Choose the project&#39;s coordinator from the list" in response.content.decode()
    page = coordinator_client.get(NEW).content.decode()
    assert "Amira Admin" in page
    assert "Margaret Carer" not in page
    assert "Bea Other-Organisation" not in page


def test_carers_and_professionals_cannot_create_projects(
    carer_client: Client, professional: Member
) -> None:
    assert carer_client.get(NEW).status_code == 403
    assert signed_in(Client(), professional.user).post(NEW, {}).status_code == 403


def test_a_partnership_project_is_seen_by_every_partners_staff(
    coordinator_client: Client, coordinator: Member, staff_b: Member, staff_b_client: Client
) -> None:
    partnership = PartnershipFactory.create(
        name="Riverside and Hillside", lead=coordinator.organisation
    )
    partnership.organisations.set([coordinator.organisation, staff_b.organisation])
    assert "Riverside and Hillside" in coordinator_client.get(NEW).content.decode()
    coordinator_client.post(NEW, form(coordinator, partnership=str(partnership.pk)))
    project = Project.objects.get()
    assert project.partnership == partnership
    assert (
        "Young carers&#39; breaks" in staff_b_client.get(reverse("projects:list")).content.decode()
    )
    assert staff_b_client.get(reverse("projects:detail", args=[project.pk])).status_code == 200


def test_staff_change_a_projects_details(
    coordinator_client: Client, coordinator: Member, project: Project
) -> None:
    url = reverse("projects:edit", args=[project.pk])
    page = coordinator_client.get(url).content.decode()
    assert "Hospital discharge that works for carers" in page
    assert 'name="stage"' not in page
    data = form(coordinator, title="Discharge, done with carers", scope="Two wards")
    response = coordinator_client.post(url, data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Discharge, done with carers"
    assert project.stage == Stage.CONSULTING


def test_changing_a_project_is_for_staff_of_its_organisations_only(
    carer_client: Client, staff_b_client: Client, project: Project
) -> None:
    url = reverse("projects:edit", args=[project.pk])
    assert carer_client.get(url).status_code == 403
    assert staff_b_client.get(url).status_code == 404
