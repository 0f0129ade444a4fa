"""A project's name and aims in Welsh: written on the project form, read by Welsh readers."""

from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.people.models import Language, Person
from coproduce.projects.models import Project
from coproduce.projects.tests.test_project_form import NEW, form


def test_staff_write_a_projects_name_and_aims_in_welsh(
    coordinator_client: Client, coordinator: Member
) -> None:
    assert "In Welsh (optional)" in coordinator_client.get(NEW).content.decode()
    coordinator_client.post(NEW, form(coordinator, title_cy="Seibiannau gofalwyr ifanc"))
    project = Project.objects.get(title="Young carers' breaks")
    assert (project.title_cy, project.aims_cy) == ("Seibiannau gofalwyr ifanc", "")
    url = reverse("projects:edit", args=[project.pk])
    coordinator_client.post(url, form(coordinator, title_cy="", aims_cy="Gofalwyr ifanc"))
    project.refresh_from_db()
    assert (project.title_cy, project.aims_cy) == ("", "Gofalwyr ifanc")


def test_a_carer_reads_the_project_in_welsh(
    carer_client: Client, carer: Member, project: Project
) -> None:
    project.title_cy = "Gadael yr ysbyty"
    project.save()
    Person.objects.filter(pk=carer.person.pk).update(preferred_language=Language.WELSH)
    page = carer_client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert '<h1 class="govuk-heading-l">Gadael yr ysbyty</h1>' in page
    assert f'<span lang="en">{project.aims}</span>' in page  # the aims are not in Welsh yet
    assert "app-welsh-missing" in page
