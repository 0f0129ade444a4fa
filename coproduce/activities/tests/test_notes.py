from django.test import Client
from django.urls import reverse

from coproduce.activities.tests.planning_setup import activity_of, project_with
from coproduce.conftest import Member


def test_staff_keep_the_agenda_and_notes_and_the_group_sees_them(
    coordinator_client: Client, carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer))
    url = reverse("activities:notes", args=[activity.pk])
    assert coordinator_client.get(url).status_code == 200
    response = coordinator_client.post(
        url, {"agenda": "Welcome\nThe checklist", "notes": "We agreed the first draft"}
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.notes == "We agreed the first draft"
    page = carer_client.get(reverse("activities:activity", args=[activity.pk])).content.decode()
    assert "We agreed the first draft" in page


def test_members_cannot_change_notes_and_other_organisations_get_not_found(
    carer_client: Client, staff_b_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer))
    url = reverse("activities:notes", args=[activity.pk])
    assert carer_client.post(url, {"agenda": "x", "notes": "x"}).status_code == 403
    assert staff_b_client.get(url).status_code == 404
    activity.refresh_from_db()
    assert activity.notes == ""
