import html

from django.test import Client
from django.urls import reverse

from coproduce.activities.models import ActivityStatus, Slot, SlotAnswer
from coproduce.activities.tests.factories import SlotFactory
from coproduce.activities.tests.planning_setup import (
    activity_of,
    date_fields,
    days_ahead,
    finding,
    project_with,
)
from coproduce.conftest import Member


def test_a_member_says_which_times_they_can_make(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = finding(project_with(coordinator, carer))
    first = SlotFactory.create(activity=activity, starts_at=days_ahead(20))
    second = SlotFactory.create(activity=activity, starts_at=days_ahead(21))
    url = reverse("activities:times", args=[activity.pk])
    assert carer_client.get(url).status_code == 200
    incomplete = carer_client.post(url, {f"slot_{first.pk}": "yes"})
    assert incomplete.status_code == 400
    assert "Select whether you can make" in incomplete.content.decode()
    response = carer_client.post(url, {f"slot_{first.pk}": "yes", f"slot_{second.pk}": "no"})
    assert response.status_code == 302
    answers = dict(SlotAnswer.objects.values_list("slot_id", "can_make"))
    assert answers == {first.pk: True, second.pk: False}
    assert SlotAnswer.objects.filter(person=carer.person, recorded_by=carer.user).count() == 2


def test_staff_see_the_best_time_first_and_who_would_be_left_out(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    carer.person.carer_profile.notice_days = 25
    carer.person.carer_profile.save()
    activity = finding(project_with(coordinator, carer))
    soon = SlotFactory.create(activity=activity, starts_at=days_ahead(20))
    later = SlotFactory.create(activity=activity, starts_at=days_ahead(30))
    for slot in (soon, later):
        SlotAnswer.objects.create(slot=slot, person=carer.person, can_make=True)
    body = html.unescape(
        coordinator_client.get(reverse("activities:times", args=[activity.pk])).content.decode()
    )
    assert f"{carer.person.full_name} needs 25 days' notice" in body
    assert "Most can come" in body
    assert body.index("Most can come") < body.index("needs 25 days")


def test_when_nobody_can_make_any_time_staff_are_told_to_propose_others(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = finding(project_with(coordinator, carer))
    slot = SlotFactory.create(activity=activity)
    SlotAnswer.objects.create(slot=slot, person=carer.person, can_make=False)
    body = coordinator_client.get(reverse("activities:times", args=[activity.pk])).content
    assert "Nobody can make these times: propose others." in body.decode()


def test_staff_record_a_member_s_answers_after_a_phone_call(
    coordinator_client: Client, coordinator: Member, carer: Member, carer_b: Member
) -> None:
    activity = finding(project_with(coordinator, carer))
    slot = SlotFactory.create(activity=activity)
    url = reverse("activities:times", args=[activity.pk])
    page = coordinator_client.get(url, {"person": carer.person.pk})
    assert carer.person.full_name in page.content.decode()
    response = coordinator_client.post(url, {"person": carer.person.pk, f"slot_{slot.pk}": "yes"})
    assert response["Location"] == url
    answer = SlotAnswer.objects.get()
    assert (answer.person, answer.recorded_by) == (carer.person, coordinator.user)
    # Only the group's members: not someone of another organisation, nor nonsense.
    assert coordinator_client.get(url, {"person": carer_b.person.pk}).status_code == 404
    assert coordinator_client.get(url, {"person": "x"}).status_code == 404


def test_staff_propose_times_and_nonsense_is_refused(
    coordinator_client: Client, coordinator: Member
) -> None:
    activity = finding(project_with(coordinator))
    url = reverse("activities:propose", args=[activity.pk])
    assert coordinator_client.get(url).status_code == 200
    empty = coordinator_client.post(url, {})
    assert "Enter at least one date and time" in empty.content.decode()
    bad = coordinator_client.post(url, {**date_fields(days_ahead(-1), "date_1"), "time_1": "9am"})
    assert bad.status_code == 400
    assert "The date and time must be in the future" in bad.content.decode()
    response = coordinator_client.post(
        url,
        {
            **date_fields(days_ahead(20), "date_1"),
            "time_1": "10am",
            **date_fields(days_ahead(22), "date_2"),
            "time_2": "6:30pm",
        },
    )
    assert response.status_code == 302
    assert Slot.objects.filter(activity=activity).count() == 2
    slot = Slot.objects.first()
    assert slot is not None
    coordinator_client.post(
        reverse("activities:remove-time", args=[activity.pk]), {"slot": slot.pk}
    )
    assert Slot.objects.filter(activity=activity).count() == 1


def test_choosing_a_time_at_short_notice_needs_a_reason_then_schedules(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = finding(project_with(coordinator, carer))
    slot = SlotFactory.create(activity=activity, starts_at=days_ahead(6))
    url = reverse("activities:choose", args=[activity.pk])
    assert coordinator_client.get(url).status_code == 200
    response = coordinator_client.post(url, {"slot": slot.pk})
    assert response.status_code == 400
    assert "This gives 6 days' notice." in html.unescape(response.content.decode())
    response = coordinator_client.post(url, {"slot": slot.pk, "reason": "Before the board meets"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.status, activity.starts_at) == (ActivityStatus.SCHEDULED, slot.starts_at)
    assert activity.changes.get().short_notice is True
    # Once scheduled, the time-finding pages lead back to the activity.
    assert coordinator_client.get(url)["Location"] == reverse(
        "activities:activity", args=[activity.pk]
    )


def test_members_cannot_propose_or_choose_and_other_organisations_get_not_found(
    carer_client: Client, staff_b_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = finding(project_with(coordinator, carer))
    slot = SlotFactory.create(activity=activity)
    for name in ("activities:propose", "activities:choose", "activities:remove-time"):
        url = reverse(name, args=[activity.pk])
        assert carer_client.post(url, {"slot": slot.pk}).status_code == 403
        assert staff_b_client.post(url, {"slot": slot.pk}).status_code == 404
    times = reverse("activities:times", args=[activity.pk])
    assert staff_b_client.get(times).status_code == 404
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.FINDING_A_TIME
    assert Slot.objects.filter(activity=activity).exists()


def test_someone_outside_the_group_cannot_answer(carer_client: Client, coordinator: Member) -> None:
    activity = finding(project_with(coordinator))
    assert carer_client.get(reverse("activities:times", args=[activity.pk])).status_code == 404
    scheduled = activity_of(project_with(coordinator))
    assert carer_client.get(reverse("activities:times", args=[scheduled.pk])).status_code == 404
