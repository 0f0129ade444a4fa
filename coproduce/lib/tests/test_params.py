"""Whole numbers from a request: ASCII digits in range, or nothing. And every view that
reads an id from a query string or a form answers a strange one without a server error."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.activities.rules import parse_reminder_days
from coproduce.activities.tests.factories import SlotFactory
from coproduce.activities.tests.planning_setup import days_ahead, finding, project_with
from coproduce.conftest import Member
from coproduce.lib.params import MAX_ID, row_id, whole_number
from coproduce.projects.models import Project

STRANGE = ["²", "٣", "1²", "99999999999999999999999", str(MAX_ID + 1), "-1", " 7", "1e3", "", "0x1"]


@pytest.mark.parametrize("value", ["0", "7", "0042", str(MAX_ID)])
def test_ascii_digits_are_a_whole_number(value: str) -> None:
    assert whole_number(value) == int(value)


@pytest.mark.parametrize("value", [*STRANGE, None, 7, ["7"]])
def test_anything_else_is_none(value: object) -> None:
    assert whole_number(value) is None


def test_a_row_id_is_one_or_more() -> None:
    assert row_id("0") is None
    assert row_id("1") == 1


def test_bounds_are_kept() -> None:
    assert whole_number("11", high=10) is None
    assert whole_number("3", low=5) is None


@pytest.mark.parametrize("value", ["²", "٣", "99999999999999999999999"])
def test_reminder_days_refuse_strange_digits(value: str) -> None:
    assert parse_reminder_days(value) is None


@pytest.mark.parametrize("value", STRANGE)
def test_the_contributions_list_ignores_a_strange_theme(
    coordinator_client: Client, project: Project, value: str
) -> None:
    url = reverse("contributions:project", args=[project.pk])
    assert coordinator_client.get(url, {"theme": value}).status_code == 200


@pytest.mark.parametrize("value", STRANGE)
def test_proposing_ignores_a_strange_revises(
    coordinator_client: Client, project: Project, value: str
) -> None:
    url = reverse("decisions:propose", args=[project.pk])
    assert coordinator_client.get(url, {"revises": value}).status_code == 200


@pytest.mark.parametrize("value", STRANGE)
def test_adding_a_member_refuses_a_strange_person(
    coordinator_client: Client, project: Project, value: str
) -> None:
    url = reverse("projects:member-add", args=[project.pk])
    response = coordinator_client.post(url, {"person": value, "role": "carer"})
    assert response.status_code == 400


@pytest.mark.parametrize("value", STRANGE)
def test_removing_a_strange_time_removes_nothing(
    coordinator_client: Client, coordinator: Member, carer: Member, value: str
) -> None:
    activity = finding(project_with(coordinator, carer))
    SlotFactory.create(activity=activity, starts_at=days_ahead(20))
    url = reverse("activities:remove-time", args=[activity.pk])
    assert coordinator_client.post(url, {"slot": value}).status_code == 302
    assert activity.slots.count() == 1


@pytest.mark.parametrize("value", STRANGE)
def test_answering_times_for_a_strange_person_is_not_found(
    coordinator_client: Client, coordinator: Member, carer: Member, value: str
) -> None:
    activity = finding(project_with(coordinator, carer))
    url = reverse("activities:times", args=[activity.pk])
    response = coordinator_client.get(url, {"person": value})
    # An empty value means "no one chosen": the staff overview.
    assert response.status_code == (200 if value == "" else 404)
