"""You Said, We Did actions in Welsh: written on the action form, shown on the board."""

from django.test import Client
from django.urls import reverse

from coproduce.accountability.models import Action
from coproduce.conftest import Member
from coproduce.people.models import Language, Person
from coproduce.projects.models import Project


def test_an_action_is_recorded_and_changed_with_its_welsh(
    coordinator_client: Client, project: Project
) -> None:
    url = reverse("accountability:record", args=[project.pk])
    assert "In Welsh (optional)" in coordinator_client.get(url).content.decode()
    coordinator_client.post(
        url,
        {
            "title": "Ward leaflet",
            "title_cy": "Taflen y ward",
            "description": "Written with carers",
            "status": "planned",
        },
    )
    action = Action.objects.get(title="Ward leaflet")
    assert (action.title_cy, action.description_cy) == ("Taflen y ward", "")
    edit = reverse("accountability:edit", args=[action.pk])
    coordinator_client.post(
        edit, {"title": "Ward leaflet", "title_cy": "Taflen", "description_cy": "Gyda gofalwyr"}
    )
    action.refresh_from_db()
    assert (action.title_cy, action.description_cy) == ("Taflen", "Gyda gofalwyr")


def test_the_board_shows_the_welsh_to_welsh_readers(
    coordinator_client: Client, coordinator: Member, project: Project
) -> None:
    Action.objects.create(project=project, title="Ward leaflet", title_cy="Taflen y ward")
    Action.objects.create(project=project, title="Parking passes")
    Person.objects.filter(pk=coordinator.person.pk).update(preferred_language=Language.WELSH)
    board = reverse("accountability:board", args=[project.pk])
    page = coordinator_client.get(board).content.decode()
    assert "Taflen y ward" in page
    assert '<span lang="en">Parking passes</span>' in page
