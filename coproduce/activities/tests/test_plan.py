import html as html_lib
import re
from typing import Any

from django.test import Client
from django.urls import reverse

from coproduce.activities.models import Activity, ActivityStatus, LeadRole
from coproduce.activities.tests.planning_setup import date_fields, days_ahead, project_with
from coproduce.conftest import Member


def in_person(**overrides: Any) -> dict[str, Any]:
    data = {
        "kind": "workshop",
        "title": "Discharge checklist workshop",
        "description": "We design the checklist together.",
        "format": "in_person",
        "when": "now",
        **date_fields(days_ahead(30)),
        "time": "10:30am",
        "duration_minutes": "120",
        "venue_name": "Riverside Carers' Centre",
        "venue_address": "1 Mill Lane\nGuildford",
        "step_free": "yes",
        "hearing_loop": "no",
        "parking": "unknown",
        "accessible_toilet": "yes",
        "quiet_room": "unknown",
        "refreshments": "yes",
        "support": ["pre_brief", "de_brief"],
        "other_ways": ["phone", "written"],
        "reminder_days": "7, 1",
    }
    data.update(overrides)
    return data


def test_staff_see_the_form_with_every_other_way_to_take_part_offered(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    response = coordinator_client.get(reverse("activities:plan", args=[project.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    boxes = re.findall(r'<input[^>]*name="other_ways"[^>]*>', html)
    assert len(boxes) == 4
    assert all("checked" in box for box in boxes)
    assert carer.person.full_name in html  # can be named as a lead


def test_staff_plan_an_in_person_activity_with_a_carer_leading(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    data = in_person(**{f"lead_{carer.person.pk}": LeadRole.CARER_LED})
    response = coordinator_client.post(reverse("activities:plan", args=[project.pk]), data)
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("activities:activity", args=[activity.pk])
    assert activity.status == ActivityStatus.SCHEDULED
    assert activity.starts_at == days_ahead(30)
    assert (activity.step_free, activity.hearing_loop, activity.parking) == (True, False, None)
    assert activity.other_ways == ["phone", "written"]
    assert activity.reminder_days == [7, 1]
    assert activity.leads.get().person == carer.person
    assert activity.changes.get().notice_days == 30


def test_staff_plan_an_online_activity_and_find_a_time_later(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    data = in_person(
        format="online",
        when="later",
        time="",
        joining_details="https://meet.example.org/abc",
        step_free="",
        **date_fields(days_ahead(30)),
    )
    response = coordinator_client.post(reverse("activities:plan", args=[project.pk]), data)
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.status == ActivityStatus.FINDING_A_TIME
    assert activity.starts_at is None
    assert activity.venue_name == ""
    assert activity.step_free is None


def post_errors(client: Client, project_pk: int, data: dict[str, Any]) -> str:
    response = client.post(reverse("activities:plan", args=[project_pk]), data)
    assert response.status_code == 400
    assert not Activity.objects.exists()
    return html_lib.unescape(response.content.decode())


def test_a_date_in_the_past_is_refused_and_what_was_typed_is_kept(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    html = post_errors(
        coordinator_client, project.pk, in_person(**date_fields(days_ahead(-3)), title="Kept")
    )
    assert "The date must be today or in the future" in html
    assert 'value="Kept"' in html
    assert "There is a problem" in html


def test_times_that_do_not_exist_or_run_past_midnight_are_refused(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    html = post_errors(coordinator_client, project.pk, in_person(time="25:00"))
    assert "Enter a real time" in html
    html = post_errors(coordinator_client, project.pk, in_person(time="11pm"))
    assert "The activity must finish by midnight" in html


def test_a_venue_needs_each_access_question_answered(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    html = post_errors(coordinator_client, project.pk, in_person(hearing_loop=""))
    assert "Select whether the venue has a hearing loop, or 'Not known'" in html


def test_a_venue_with_nothing_known_about_access_is_refused(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    unknown = dict.fromkeys(
        ["step_free", "hearing_loop", "parking", "accessible_toilet", "quiet_room"], "unknown"
    )
    html = post_errors(coordinator_client, project.pk, in_person(**unknown))
    assert "Tell us about access at the venue" in html
    response = coordinator_client.post(
        reverse("activities:plan", args=[project.pk]),
        in_person(**unknown, access_notes="Ground floor, ramp at the side door"),
    )
    assert response.status_code == 302


def test_online_activities_need_joining_details(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    html = post_errors(coordinator_client, project.pk, in_person(format="hybrid"))
    assert "Enter how people join online" in html


def test_at_least_one_other_way_to_take_part_is_offered(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    html = post_errors(coordinator_client, project.pk, in_person(other_ways=[]))
    assert "Select at least one other way to take part" in html


def test_short_notice_warns_who_needs_more_and_needs_a_reason(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    carer.person.carer_profile.notice_days = 21
    carer.person.carer_profile.save()
    project = project_with(coordinator, carer)
    data = in_person(**date_fields(days_ahead(10)))
    html = post_errors(coordinator_client, project.pk, data)
    assert "This gives 10 days' notice." in html
    assert "Your organisation promises at least 14 days' notice." in html
    assert f"{carer.person.full_name} needs 21 days' notice." in html
    assert "Give a reason for the short notice" in html
    response = coordinator_client.post(
        reverse("activities:plan", args=[project.pk]), {**data, "reason": "Ward closing"}
    )
    assert response.status_code == 302
    change = Activity.objects.get().changes.get()
    assert (change.short_notice, change.reason, change.required_days) == (
        True,
        "Ward closing",
        21,
    )


def test_carers_cannot_plan_and_other_organisations_get_not_found(
    carer_client: Client, staff_b_client: Client, coordinator: Member, carer: Member
) -> None:
    url = reverse("activities:plan", args=[project_with(coordinator, carer).pk])
    assert carer_client.get(url).status_code == 403
    assert carer_client.post(url, in_person()).status_code == 403
    assert staff_b_client.get(url).status_code == 404
    assert staff_b_client.post(url, in_person()).status_code == 404
    assert not Activity.objects.exists()
