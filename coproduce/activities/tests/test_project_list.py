from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.activities import actions, views
from coproduce.activities.models import ActivityStatus
from coproduce.activities.tests.planning_setup import (
    activity_of,
    days_ahead,
    finding,
    project_with,
)
from coproduce.conftest import Member, signed_in


def test_staff_see_upcoming_past_and_finding_activities_with_short_notice_flagged(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    activity_of(project, title="Next workshop", starts_at=days_ahead(30))
    activity_of(project, title="Last workshop", starts_at=days_ahead(-30))
    finding(project, title="Focus group")
    moved = activity_of(project, title="Moved meeting", starts_at=days_ahead(30))
    actions.move_activity(coordinator.user, moved, days_ahead(2), "The room was double-booked")
    html = coordinator_client.get(reverse("activities:list", args=[project.pk])).content.decode()
    for title in ("Next workshop", "Last workshop", "Focus group", "Moved meeting"):
        assert title in html
    assert html.index("Next workshop") < html.index("Past activities") < html.index("Last workshop")
    assert "Short notice" in html
    assert "1 change to an activity gave less notice than people needed" in html
    assert reverse("activities:plan", args=[project.pk]) in html


def test_past_scheduled_activities_show_that_they_took_place(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    activity_of(project, title="Next workshop", starts_at=days_ahead(30))
    held = activity_of(project, title="Last workshop", starts_at=days_ahead(-30))
    activity_of(
        project, title="Called off", starts_at=days_ahead(-20), status=ActivityStatus.CANCELLED
    )
    html = coordinator_client.get(reverse("activities:list", args=[project.pk])).content.decode()
    coming, past = html.split("Past activities", 1)
    assert "Scheduled" in coming
    assert "Took place" not in coming
    assert "Took place" in past
    assert "Scheduled" not in past
    assert "Cancelled" in past
    page = coordinator_client.get(reverse("activities:activity", args=[held.pk])).content.decode()
    assert "Took place" in page
    assert ">Scheduled<" not in page.replace("\n", "").replace(" ", "")


def test_group_members_see_the_activities_and_are_asked_when_they_can_come(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    activity_of(project, title="Next workshop")
    activity_of(project, title="Called off", status=ActivityStatus.CANCELLED)
    choosing = finding(project, title="Focus group")
    response = carer_client.get(reverse("activities:list", args=[project.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Next workshop" in html
    assert "Called off" in html
    assert reverse("activities:times", args=[choosing.pk]) in html
    assert "tell us which times you can make" in html
    assert reverse("activities:plan", args=[project.pk]) not in html


def test_people_outside_the_group_and_other_organisations_get_not_found(
    carer_client: Client, staff_b_client: Client, coordinator: Member
) -> None:
    url = reverse("activities:list", args=[project_with(coordinator).pk])
    assert carer_client.get(url).status_code == 404
    assert staff_b_client.get(url).status_code == 404


def test_anonymous_visitors_are_asked_to_sign_in(client: Client, coordinator: Member) -> None:
    response = client.get(reverse("activities:list", args=[project_with(coordinator).pk]))
    assert response.status_code == 302


@pytest.mark.parametrize("rows", [2, 45])  # 45: more past activities than a page
def test_the_list_runs_a_fixed_number_of_queries(
    coordinator_client: Client,
    coordinator: Member,
    rows: int,
    django_assert_num_queries: object,
) -> None:
    project = project_with(coordinator)
    for n in range(rows):
        activity = activity_of(project, starts_at=days_ahead(n - rows // 2))
        if n % 2:
            actions.move_activity(coordinator.user, activity, days_ahead(n + 1), "Short")
    # session, user, membership, OTP device, project, coming activities, how many ended,
    # a page of them, short-notice count
    with django_assert_num_queries(9):  # type: ignore[operator]
        response = coordinator_client.get(reverse("activities:list", args=[project.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [2, 45])
def test_the_list_for_a_member_runs_a_fixed_number_of_queries(
    carer: Member, coordinator: Member, rows: int, django_assert_num_queries: object
) -> None:
    project = project_with(coordinator, carer)
    for n in range(rows):
        activity_of(project, starts_at=days_ahead(n - rows // 2))
    client = signed_in(Client(), carer.user)
    # session, user, membership, project, coming activities, how many ended, a page of them
    with django_assert_num_queries(7):  # type: ignore[operator]
        response = client.get(reverse("activities:list", args=[project.pk]))
    assert response.status_code == 200


def test_an_activity_is_coming_up_until_it_has_ended_then_past_activities_come_in_pages(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    now = timezone.now()
    activity_of(project, title="Still going", starts_at=now - timedelta(minutes=30))
    activity_of(project, title="Just ended", starts_at=now - timedelta(minutes=150))
    for n in range(views.PAST_PER_PAGE):
        activity_of(project, title=f"Old meeting {n}", starts_at=days_ahead(-10 - n))
    url = reverse("activities:list", args=[project.pk])
    first = coordinator_client.get(url).content.decode()
    coming, past = first.split("Past activities", 1)
    assert "Still going" in coming  # 120 minutes long, started 30 minutes ago
    assert "Just ended" in past
    assert "Page 1 of 2" in past
    assert f"Old meeting {views.PAST_PER_PAGE - 1}" not in first  # the oldest: page 2
    second = coordinator_client.get(url + "?page=2").content.decode()
    assert f"Old meeting {views.PAST_PER_PAGE - 1}" in second
    assert "Just ended" not in second
    assert "Still going" in second  # what is coming up is on every page
