import pytest
from django.test import Client
from django.urls import reverse

from coproduce.activities import invitation_actions as actions
from coproduce.activities.models import OtherWay, Reply
from coproduce.activities.tests.invitation_setup import group_activity, invited
from coproduce.conftest import Member
from coproduce.notifications.models import Message, Status
from coproduce.people.models import CarerProfile
from coproduce.people.tests.factories import CarerFactory


def test_the_list_shows_replies_needs_and_support(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    other = CarerFactory.create(organisation=coordinator.organisation, full_name="Aled Evans")
    activity = group_activity(coordinator, carer.person, other, other_ways=["phone"])
    invited(
        activity,
        carer.person,
        reply=Reply.COMING,
        replacement_care_needed=True,
        needs_notes="A seat near the door",
    )
    invited(activity, other, reply=Reply.ANOTHER_WAY, other_way=OtherWay.PHONE)
    html = coordinator_client.get(reverse("activities:invitations", args=[activity.pk])).content
    page = html.decode()
    assert "Margaret Carer" in page
    assert "A seat near the door" in page
    assert "To arrange" in page
    assert "A phone call at another time" in page
    assert "Other way followed up: not yet" in page


def test_people_who_could_not_be_messaged_are_listed_to_phone_or_write_to(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    phone_only = CarerFactory.create(
        organisation=coordinator.organisation,
        full_name="Aled Evans",
        email="",
        phone="01483 100200",
    )
    CarerProfile.objects.filter(person=phone_only).update(preferred_channel="phone")
    activity = group_activity(coordinator, carer.person, phone_only)
    actions.invite(activity, [carer.person, phone_only])
    assert Message.objects.get(person=phone_only).status == Status.PHONE_CALL_NEEDED
    page = coordinator_client.get(
        reverse("activities:invitations", args=[activity.pk])
    ).content.decode()
    assert "Phone or write to these people" in page
    assert "01483 100200" in page
    assert page.count("Staff need to phone") == 1


@pytest.mark.parametrize("rows", [2, 40])
def test_the_list_runs_a_fixed_number_of_queries(
    coordinator_client: Client,
    coordinator: Member,
    rows: int,
    django_assert_num_queries: object,
) -> None:
    people = CarerFactory.create_batch(rows, organisation=coordinator.organisation)
    activity = group_activity(coordinator, *people)
    for person in people:
        invited(activity, person, reply=Reply.COMING)
    url = reverse("activities:invitations", args=[activity.pk])
    # session, user, membership, OTP device, activity, invitations, messages not sent
    with django_assert_num_queries(7):  # type: ignore[operator]
        response = coordinator_client.get(url)
    assert response.status_code == 200


def test_only_staff_of_the_organisation_see_the_list(
    coordinator: Member,
    carer: Member,
    coordinator_client: Client,
    carer_client: Client,
    staff_b_client: Client,
) -> None:
    activity = group_activity(coordinator, carer.person)
    invited(activity, carer.person)
    url = reverse("activities:invitations", args=[activity.pk])
    assert carer_client.get(url).status_code == 403
    response = staff_b_client.get(url)
    assert response.status_code == 404
    assert "Margaret Carer" not in response.content.decode()
    missing = reverse("activities:invitations", args=[999999])
    assert coordinator_client.get(missing).status_code == 404


def test_staff_record_support_arranged_and_the_person_is_told(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person, travel_needed=True)
    url = reverse("activities:invitation", args=[activity.pk, invitation.pk])
    assert "Margaret Carer" in coordinator_client.get(url).content.decode()
    response = coordinator_client.post(
        url, {"replacement_care_arranged": "", "travel_arranged": "Taxi booked for 9:45am"}
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.travel_arranged == "Taxi booked for 9:45am"
    message = Message.objects.get(kind="activities.support")
    assert "Travel arranged: Taxi booked for 9:45am" in message.body


def test_support_arranged_that_is_too_long_keeps_what_was_typed(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person)
    url = reverse("activities:invitation", args=[activity.pk, invitation.pk])
    response = coordinator_client.post(
        url, {"replacement_care_arranged": "Sitter from 9am", "travel_arranged": "x" * 1001}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Sitter from 9am" in page
    invitation.refresh_from_db()
    assert invitation.replacement_care_arranged == ""


def test_briefings_and_other_way_follow_up_are_recorded_with_a_button(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, other_ways=["written"])
    invitation = invited(activity, carer.person, reply=Reply.ANOTHER_WAY, other_way="written")
    url = reverse("activities:invitation-record", args=[activity.pk, invitation.pk])
    for what in ("pre_brief", "de_brief", "other_way"):
        assert coordinator_client.post(url, {"what": what}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.pre_brief_given_at is not None
    assert invitation.de_brief_given_at is not None
    assert invitation.other_way_followed_up_at is not None
    assert coordinator_client.post(url, {"what": "nonsense"}).status_code == 400
    assert coordinator_client.get(url).status_code == 405


def test_only_staff_of_the_organisation_see_or_change_an_invitation(
    coordinator: Member, carer: Member, carer_client: Client, staff_b_client: Client
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person)
    for name in ("activities:invitation", "activities:invitation-reply-for"):
        url = reverse(name, args=[activity.pk, invitation.pk])
        assert carer_client.get(url).status_code == 403
        assert staff_b_client.get(url).status_code == 404
    record = reverse("activities:invitation-record", args=[activity.pk, invitation.pk])
    assert carer_client.post(record, {"what": "pre_brief"}).status_code == 403
    assert staff_b_client.post(record, {"what": "pre_brief"}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.pre_brief_given_at is None


def test_an_invitation_to_another_activity_is_not_found(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    elsewhere = invited(group_activity(coordinator, carer.person), carer.person)
    url = reverse("activities:invitation", args=[activity.pk, elsewhere.pk])
    assert coordinator_client.get(url).status_code == 404


def test_staff_record_a_reply_on_someones_behalf(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person)
    url = reverse("activities:invitation-reply-for", args=[activity.pk, invitation.pk])
    page = coordinator_client.get(url).content.decode()
    assert "Reply for Margaret Carer" in page
    response = coordinator_client.post(url, {"reply": "coming", "support": ["travel"]})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "activities:invitation", args=[activity.pk, invitation.pk]
    )
    invitation.refresh_from_db()
    assert invitation.reply == Reply.COMING
    assert invitation.travel_needed
    assert invitation.replied_by == coordinator.user
    assert Message.objects.filter(kind="activities.reply", person=carer.person).count() == 1
