import html
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from coproduce.activities.models import ActivityStatus, ChangeKind
from coproduce.activities.tests.factories import InvitationFactory
from coproduce.activities.tests.planning_setup import activity_of, days_ahead, project_with
from coproduce.conftest import Member


def test_staff_cancel_with_a_reason_and_the_costs_people_had_paid(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer), starts_at=days_ahead(3))
    invitation = InvitationFactory.create(activity=activity, person=carer.person)
    url = reverse("activities:cancel", args=[activity.pk])
    page = html.unescape(coordinator_client.get(url).content.decode())
    assert "This gives 3 days' notice." in page
    assert carer.person.full_name in page
    response = coordinator_client.post(
        url,
        {
            "reason": "The venue flooded",
            f"cost_{invitation.pk}": "£40.50",
            f"cost_note_{invitation.pk}": "Sitter booked",
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    invitation.refresh_from_db()
    assert activity.status == ActivityStatus.CANCELLED
    assert activity.sequence == 1
    assert invitation.cancellation_cost == Decimal("40.50")
    change = activity.changes.get()
    assert (change.kind, change.short_notice, change.reason) == (
        ChangeKind.CANCELLED,
        True,
        "The venue flooded",
    )


def test_a_cancellation_needs_a_reason_and_costs_must_be_money(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer))
    invitation = InvitationFactory.create(activity=activity, person=carer.person)
    response = coordinator_client.post(
        reverse("activities:cancel", args=[activity.pk]),
        {"reason": "", f"cost_{invitation.pk}": "-5", f"cost_note_{invitation.pk}": "Taxi"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Enter why the activity is cancelled" in body
    assert "Enter an amount of money of 0 or more" in body
    assert 'value="-5"' in body
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.SCHEDULED


def test_costs_can_be_recorded_after_cancelling(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer), status=ActivityStatus.CANCELLED)
    invitation = InvitationFactory.create(activity=activity, person=carer.person)
    url = reverse("activities:costs", args=[activity.pk])
    assert coordinator_client.get(url).status_code == 200
    missing_note = coordinator_client.post(url, {f"cost_{invitation.pk}": "12"})
    assert missing_note.status_code == 400
    assert "Say what the costs were for" in missing_note.content.decode()
    response = coordinator_client.post(
        url, {f"cost_{invitation.pk}": "12", f"cost_note_{invitation.pk}": "Train ticket"}
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert (invitation.cancellation_cost, invitation.cancellation_cost_note) == (
        Decimal("12.00"),
        "Train ticket",
    )


def test_a_cancelled_activity_goes_to_its_costs_and_costs_need_a_cancellation(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    cancelled = activity_of(project, status=ActivityStatus.CANCELLED)
    response = coordinator_client.get(reverse("activities:cancel", args=[cancelled.pk]))
    assert response["Location"] == reverse("activities:costs", args=[cancelled.pk])
    scheduled = activity_of(project)
    assert (
        coordinator_client.get(reverse("activities:costs", args=[scheduled.pk])).status_code == 404
    )


def test_members_cannot_cancel_and_other_organisations_get_not_found(
    carer_client: Client, staff_b_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer))
    for name in ("activities:cancel", "activities:costs"):
        url = reverse(name, args=[activity.pk])
        assert carer_client.post(url, {"reason": "x"}).status_code == 403
        assert staff_b_client.post(url, {"reason": "x"}).status_code == 404
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.SCHEDULED
