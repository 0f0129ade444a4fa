import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.activities.models import ActivityStatus, Invitation, Reply
from coproduce.activities.tests.invitation_setup import group_activity, invited
from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory


def started(**fields: object) -> dict[str, object]:
    """An activity that began half an hour ago (the register and check-in are open)."""
    return {"starts_at": timezone.now() - datetime.timedelta(minutes=30), **fields}


def test_staff_tick_who_came_and_for_how_long_in_one_form(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    late = CarerFactory.create(organisation=coordinator.organisation, full_name="Aled Evans")
    absent = CarerFactory.create(organisation=coordinator.organisation)
    activity = group_activity(
        coordinator, carer.person, late, absent, **started(duration_minutes=120)
    )
    came = invited(activity, carer.person, reply=Reply.COMING)
    was_late = invited(activity, late, reply=Reply.COMING)
    stayed_away = invited(activity, absent, reply=Reply.COMING)
    url = reverse("activities:register", args=[activity.pk])
    page = coordinator_client.get(url).content.decode()
    assert "Margaret Carer" in page
    assert 'value="120"' in page
    response = coordinator_client.post(
        url,
        {
            f"attended_{came.pk}": "true",
            f"minutes_{came.pk}": "120",
            f"attended_{was_late.pk}": "true",
            f"minutes_{was_late.pk}": "75",
            f"minutes_{stayed_away.pk}": "120",
        },
    )
    assert response.status_code == 302
    rows = {i.pk: (i.attended, i.attended_minutes) for i in Invitation.objects.all()}
    assert rows == {
        came.pk: (True, 120),
        was_late.pk: (True, 75),
        stayed_away.pk: (False, None),
    }


def test_a_ticked_person_without_minutes_took_part_for_the_whole_activity(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, **started(duration_minutes=90))
    invitation = invited(activity, carer.person)
    coordinator_client.post(
        reverse("activities:register", args=[activity.pk]),
        {f"attended_{invitation.pk}": "true", f"minutes_{invitation.pk}": ""},
    )
    invitation.refresh_from_db()
    assert (invitation.attended, invitation.attended_minutes) == (True, 90)


def test_wrong_minutes_are_explained_and_the_ticks_kept(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, **started())
    invitation = invited(activity, carer.person)
    response = coordinator_client.post(
        reverse("activities:register", args=[activity.pk]),
        {f"attended_{invitation.pk}": "true", f"minutes_{invitation.pk}": "an hour"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the minutes Margaret Carer took part, like 90" in page
    assert 'value="an hour"' in page
    assert 'value="true" checked' in page
    invitation.refresh_from_db()
    assert invitation.attended is None


@pytest.mark.parametrize("rows", [2, 30])
def test_the_register_runs_a_fixed_number_of_queries(
    coordinator_client: Client, coordinator: Member, rows: int, django_assert_num_queries: object
) -> None:
    people = CarerFactory.create_batch(rows, organisation=coordinator.organisation)
    activity = group_activity(coordinator, *people, **started())
    for person in people:
        invited(activity, person)
    # session, user, membership, OTP device, activity, invitations
    with django_assert_num_queries(6):  # type: ignore[operator]
        response = coordinator_client.get(reverse("activities:register", args=[activity.pk]))
    assert response.status_code == 200


def test_only_staff_of_the_organisation_take_the_register(
    coordinator: Member, carer: Member, carer_client: Client, staff_b_client: Client
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person)
    url = reverse("activities:register", args=[activity.pk])
    data = {f"attended_{invitation.pk}": "true"}
    assert carer_client.get(url).status_code == 403
    assert carer_client.post(url, data).status_code == 403
    assert staff_b_client.get(url).status_code == 404
    assert staff_b_client.post(url, data).status_code == 404
    invitation.refresh_from_db()
    assert invitation.attended is None


def test_a_member_checks_in_with_the_code(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, **started(check_in_code="ROSE42"))
    invitation = invited(activity, carer.person, reply=Reply.COMING)
    url = reverse("activities:check-in", args=[activity.pk])
    assert "Check-in code" in carer_client.get(url).content.decode()
    response = carer_client.post(url, {"code": "rose 42"})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert (invitation.attended, invitation.attended_minutes) == (True, activity.duration_minutes)
    assert "You are checked in" in carer_client.get(url).content.decode()


def test_a_wrong_code_is_explained_and_nothing_recorded(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, **started(check_in_code="ROSE42"))
    invitation = invited(activity, carer.person)
    response = carer_client.post(
        reverse("activities:check-in", args=[activity.pk]), {"code": "TULIP7"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "That code is not right" in page
    assert 'value="TULIP7"' in page
    invitation.refresh_from_db()
    assert invitation.attended is None


def test_there_is_no_check_in_without_a_code_an_invitation_or_a_date(
    carer_client: Client, coordinator: Member, carer: Member, staff_b_client: Client
) -> None:
    without_code = group_activity(coordinator, carer.person)
    invited(without_code, carer.person)
    not_invited = group_activity(coordinator, carer.person, check_in_code="ROSE42")
    for activity in (without_code, not_invited):
        url = reverse("activities:check-in", args=[activity.pk])
        assert carer_client.post(url, {"code": "ROSE42"}).status_code == 404
    assert (
        staff_b_client.get(reverse("activities:check-in", args=[not_invited.pk])).status_code == 404
    )


def test_the_register_of_an_activity_that_has_not_started_explains_and_records_nothing(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person, reply=Reply.COMING)
    url = reverse("activities:register", args=[activity.pk])
    page = coordinator_client.get(url).content.decode()
    assert "The register opens when the activity starts" in page
    assert "Save register" not in page
    response = coordinator_client.post(url, {f"attended_{invitation.pk}": "true"})
    assert response.status_code == 400
    invitation.refresh_from_db()
    assert invitation.attended is None


def test_the_register_of_a_cancelled_activity_explains_and_records_nothing(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, **started(status=ActivityStatus.CANCELLED))
    invitation = invited(activity, carer.person, reply=Reply.COMING)
    url = reverse("activities:register", args=[activity.pk])
    response = coordinator_client.get(url)
    assert response.status_code == 200
    assert "This activity was cancelled" in response.content.decode()
    assert "Save register" not in response.content.decode()
    response = coordinator_client.post(url, {f"attended_{invitation.pk}": "true"})
    assert response.status_code == 400
    invitation.refresh_from_db()
    assert invitation.attended is None


@pytest.mark.parametrize(
    ("fields", "explained"),
    [
        ({"starts_at_in": datetime.timedelta(hours=3)}, "Check-in opens an hour before"),
        ({"starts_at_in": datetime.timedelta(hours=-5)}, "This activity has finished"),
        (
            {"starts_at_in": datetime.timedelta(minutes=-10), "status": ActivityStatus.CANCELLED},
            "This activity was cancelled",
        ),
    ],
)
def test_check_in_is_refused_too_early_after_the_end_and_when_cancelled(
    carer_client: Client,
    coordinator: Member,
    carer: Member,
    fields: dict[str, object],
    explained: str,
) -> None:
    starts_in = fields.pop("starts_at_in")
    assert isinstance(starts_in, datetime.timedelta)
    activity = group_activity(
        coordinator,
        carer.person,
        starts_at=timezone.now() + starts_in,
        check_in_code="ROSE42",
        **fields,
    )
    invitation = invited(activity, carer.person, reply=Reply.COMING)
    url = reverse("activities:check-in", args=[activity.pk])
    page = carer_client.get(url).content.decode()
    assert explained in page
    assert 'name="code"' not in page
    assert carer_client.post(url, {"code": "ROSE42"}).status_code == 400
    invitation.refresh_from_db()
    assert invitation.attended is None


def test_check_in_opens_an_hour_before_the_start(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(
        coordinator,
        carer.person,
        starts_at=timezone.now() + datetime.timedelta(minutes=50),
        check_in_code="ROSE42",
    )
    invitation = invited(activity, carer.person, reply=Reply.COMING)
    response = carer_client.post(
        reverse("activities:check-in", args=[activity.pk]), {"code": "ROSE42"}
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.attended is True
