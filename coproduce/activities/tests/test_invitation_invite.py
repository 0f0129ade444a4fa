import pytest
from django.test import Client
from django.urls import reverse

from coproduce.activities.models import ActivityStatus, Invitation
from coproduce.activities.tests.invitation_setup import group_activity
from coproduce.conftest import Member
from coproduce.notifications.models import Message
from coproduce.people.tests.factories import CarerFactory


def test_the_coordinator_invites_the_whole_group_by_default(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    other = CarerFactory.create(organisation=coordinator.organisation, full_name="Aled Evans")
    activity = group_activity(coordinator, carer.person, other)
    url = reverse("activities:invite", args=[activity.pk])
    html = coordinator_client.get(url).content.decode()
    assert "Margaret Carer" in html
    assert "Aled Evans" in html
    assert html.count("checked") == 2
    response = coordinator_client.post(url, {"people": [str(carer.person.pk), str(other.pk)]})
    assert response.status_code == 302
    assert response["Location"] == reverse("activities:invitations", args=[activity.pk])
    assert Invitation.objects.filter(activity=activity).count() == 2
    assert Message.objects.filter(kind="activities.invitation").count() == 2


def test_the_coordinator_can_choose_who_to_invite(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    other = CarerFactory.create(organisation=coordinator.organisation)
    activity = group_activity(coordinator, carer.person, other)
    coordinator_client.post(
        reverse("activities:invite", args=[activity.pk]), {"people": [str(other.pk)]}
    )
    assert list(activity.invitations.values_list("person_id", flat=True)) == [other.pk]


def test_choosing_nobody_explains_the_problem(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    response = coordinator_client.post(reverse("activities:invite", args=[activity.pk]), {})
    assert response.status_code == 400
    assert "Select at least one person to invite" in response.content.decode()
    assert not Invitation.objects.exists()


def test_someone_outside_the_group_cannot_be_slipped_in(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    outsider = CarerFactory.create(organisation=coordinator.organisation)
    activity = group_activity(coordinator, carer.person)
    response = coordinator_client.post(
        reverse("activities:invite", args=[activity.pk]), {"people": [str(outsider.pk)]}
    )
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_an_activity_without_a_date_cannot_have_invitations_yet(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(
        coordinator, carer.person, status=ActivityStatus.FINDING_A_TIME, starts_at=None
    )
    url = reverse("activities:invite", args=[activity.pk])
    assert "Set a date for this activity" in coordinator_client.get(url).content.decode()
    response = coordinator_client.post(url, {"people": [str(carer.person.pk)]})
    assert response.status_code == 400
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_only_staff_of_the_organisation_can_invite(
    method: str,
    coordinator: Member,
    carer: Member,
    carer_client: Client,
    staff_b_client: Client,
) -> None:
    activity = group_activity(coordinator, carer.person)
    url = reverse("activities:invite", args=[activity.pk])
    data = {"people": [str(carer.person.pk)]}
    assert getattr(carer_client, method)(url, data).status_code == 403
    assert getattr(staff_b_client, method)(url, data).status_code == 404
    assert not Invitation.objects.exists()
