import datetime

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import GroupRole, Project, ProjectMember
from coproduce.projects.tests.factories import ProjectMemberFactory


def members_url(project: Project) -> str:
    return reverse("projects:members", args=[project.pk])


def add_url(project: Project) -> str:
    return reverse("projects:member-add", args=[project.pk])


def joining(person_pk: int, **overrides: str) -> dict[str, str]:
    data = {
        "person": str(person_pk),
        "role": "carer",
        "joined_on-day": "1",
        "joined_on-month": "10",
        "joined_on-year": "2026",
    }
    data.update(overrides)
    return data


def test_staff_see_the_group_with_roles_and_joining_dates(
    coordinator_client: Client, project: Project
) -> None:
    page = coordinator_client.get(members_url(project)).content.decode()
    assert "Margaret Carer" in page
    assert "Carer member" in page
    assert "15 September 2026" in page


def test_the_group_list_is_for_staff_of_the_project(
    carer_client: Client, staff_b_client: Client, project: Project
) -> None:
    assert carer_client.get(members_url(project)).status_code == 403
    assert staff_b_client.get(members_url(project)).status_code == 404


def test_staff_find_a_person_and_add_them_to_the_group(
    coordinator_client: Client, project: Project
) -> None:
    person = CarerFactory.create(organisation=project.organisation, full_name="Olu Adeyemi")
    page = coordinator_client.get(add_url(project), {"q": "adeyemi"}).content.decode()
    assert "Olu Adeyemi" in page
    assert "Margaret Carer" not in page  # already in the group
    response = coordinator_client.post(add_url(project), joining(person.pk, q="adeyemi"))
    assert response.status_code == 302
    member = ProjectMember.objects.get(project=project, person=person)
    assert member.role == GroupRole.CARER
    assert member.joined_on == datetime.date(2026, 10, 1)
    assert AuditEvent.objects.filter(person=person).exists()


def test_a_person_of_another_organisation_cannot_be_added(
    coordinator_client: Client, project: Project, carer_b: Member
) -> None:
    page = coordinator_client.get(add_url(project), {"q": "Bob"}).content.decode()
    assert "Bob Other-Carer" not in page
    response = coordinator_client.post(add_url(project), joining(carer_b.person.pk))
    assert response.status_code == 400
    assert "Select the person joining the group" in response.content.decode()
    assert not ProjectMember.objects.filter(person=carer_b.person).exists()


def test_adding_without_a_date_keeps_the_choices_made(
    coordinator_client: Client, project: Project
) -> None:
    person = CarerFactory.create(organisation=project.organisation, full_name="Olu Adeyemi")
    response = coordinator_client.post(
        add_url(project), joining(person.pk, **{"role": "professional", "joined_on-day": ""})
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Date they joined must include a day" in page
    assert 'value="professional" checked' in page
    assert f'value="{person.pk}" checked' in page


def test_staff_record_someone_leaving_the_group(
    coordinator_client: Client, carer_client: Client, project: Project, carer: Member
) -> None:
    member = project.members.get(person=carer.person)
    url = reverse("projects:member-leave", args=[project.pk, member.pk])
    early = {"left_on-day": "1", "left_on-month": "9", "left_on-year": "2026"}
    response = coordinator_client.post(url, early)
    assert response.status_code == 400
    assert "must be the same as or after the date they joined" in response.content.decode()
    response = coordinator_client.post(url, {**early, "left_on-month": "12"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.left_on == datetime.date(2026, 12, 1)
    # Left members no longer see the project.
    assert "Hospital discharge" not in carer_client.get(reverse("projects:list")).content.decode()
    assert carer_client.get(reverse("projects:detail", args=[project.pk])).status_code == 404


def test_leaving_is_recorded_only_for_members_of_the_staffs_projects(
    coordinator_client: Client, staff_b_client: Client, project: Project, b_project: Project
) -> None:
    b_member = ProjectMemberFactory.create(project=b_project)
    member = project.members.get()
    assert (
        staff_b_client.get(
            reverse("projects:member-leave", args=[project.pk, member.pk])
        ).status_code
        == 404
    )
    assert (
        coordinator_client.get(
            reverse("projects:member-leave", args=[project.pk, b_member.pk])
        ).status_code
        == 404
    )


@pytest.mark.parametrize("people", [2, 20])
def test_the_group_page_takes_the_same_queries_for_small_or_large_groups(
    coordinator_client: Client,
    project: Project,
    django_assert_num_queries: DjangoAssertNumQueries,
    people: int,
) -> None:
    for _ in range(people):
        ProjectMemberFactory.create(project=project)
    with django_assert_num_queries(6):
        response = coordinator_client.get(members_url(project))
    assert response.content.decode().count("Record leaving") == people + 1
