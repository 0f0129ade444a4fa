import html

from django.test import Client
from django.urls import reverse

from coproduce.activities.models import ActivityStatus, ChangeKind
from coproduce.activities.tests.planning_setup import (
    activity_of,
    date_fields,
    days_ahead,
    finding,
    project_with,
)
from coproduce.conftest import Member


def test_staff_move_an_activity_and_the_change_is_recorded(
    coordinator_client: Client, coordinator: Member
) -> None:
    activity = activity_of(project_with(coordinator), starts_at=days_ahead(20))
    url = reverse("activities:move", args=[activity.pk])
    assert coordinator_client.get(url).status_code == 200
    response = coordinator_client.post(url, {**date_fields(days_ahead(27)), "time": "2pm"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.starts_at == days_ahead(27, hour=14, minute=0)
    assert activity.sequence == 1
    change = activity.changes.get()
    assert (change.kind, change.notice_days, change.short_notice) == (ChangeKind.MOVED, 27, False)


def test_moving_at_short_notice_warns_and_needs_a_reason_keeping_what_was_typed(
    coordinator_client: Client, coordinator: Member
) -> None:
    activity = activity_of(project_with(coordinator), starts_at=days_ahead(20))
    url = reverse("activities:move", args=[activity.pk])
    data = {**date_fields(days_ahead(4)), "time": "10:30am"}
    response = coordinator_client.post(url, data)
    body = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "This gives 4 days' notice." in body
    assert "Give a reason for the short notice" in body
    assert 'value="10:30am"' in body
    activity.refresh_from_db()
    assert activity.sequence == 0
    response = coordinator_client.post(url, {**data, "reason": "The speaker can only do then"})
    assert response.status_code == 302
    assert activity.changes.get().short_notice is True


def test_moving_to_the_same_time_or_a_nonsense_time_is_refused(
    coordinator_client: Client, coordinator: Member
) -> None:
    activity = activity_of(project_with(coordinator), starts_at=days_ahead(20))
    url = reverse("activities:move", args=[activity.pk])
    same = coordinator_client.post(url, {**date_fields(days_ahead(20)), "time": "10:30"})
    assert "Enter a different date or time" in same.content.decode()
    missing = coordinator_client.post(url, {"date-day": "31", "date-month": "2", "time": "9am"})
    assert missing.status_code == 400
    assert "New date must include a year" in missing.content.decode()


def test_only_an_activity_with_a_date_can_be_moved(
    coordinator_client: Client, coordinator: Member
) -> None:
    activity = finding(project_with(coordinator))
    response = coordinator_client.get(reverse("activities:move", args=[activity.pk]))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.FINDING_A_TIME


def test_members_cannot_move_and_other_organisations_get_not_found(
    carer_client: Client, staff_b_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer), starts_at=days_ahead(20))
    url = reverse("activities:move", args=[activity.pk])
    data = {**date_fields(days_ahead(27)), "time": "2pm"}
    assert carer_client.get(url).status_code == 403
    assert carer_client.post(url, data).status_code == 403
    assert staff_b_client.post(url, data).status_code == 404
    assert not activity.changes.exists()
