from datetime import timedelta

from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.activities import invitation_actions as actions
from coproduce.activities.models import ActivityStatus, Reply
from coproduce.activities.tests.invitation_setup import group_activity, invited
from coproduce.conftest import Member
from coproduce.notifications.models import Message
from coproduce.people.tests.factories import CarerFactory

QUESTIONS = ["Do you have any dietary needs?", "Which ward did your relative stay on?"]


def test_the_carer_replies_coming_with_their_needs_and_sees_a_confirmation(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person)
    url = reverse("activities:reply", args=[activity.pk])
    page = carer_client.get(url).content.decode()
    assert "Can you come?" in page
    assert "Riverside Carers&#39; Centre" in page
    response = carer_client.post(
        url,
        {"reply": "coming", "support": ["replacement_care", "travel"], "needs_notes": "Quiet room"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("activities:reply-done", args=[activity.pk])
    invitation.refresh_from_db()
    assert invitation.reply == Reply.COMING
    assert invitation.replacement_care_needed
    assert invitation.travel_needed
    assert invitation.needs_notes == "Quiet room"
    assert invitation.replied_by == carer.user
    confirmation = carer_client.get(response["Location"]).content.decode()
    assert "You are coming" in confirmation
    assert "Add it to your calendar" in confirmation
    assert "Replacement care: we are arranging it" in confirmation
    assert Message.objects.filter(kind="activities.reply", person=carer.person).count() == 1


def test_the_reply_form_remembers_the_last_reply(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invited(activity, carer.person)
    url = reverse("activities:reply", args=[activity.pk])
    carer_client.post(url, {"reply": "coming", "support": ["travel"], "needs_notes": "Lift"})
    page = carer_client.get(url).content.decode()
    assert 'value="coming" checked' in page
    assert 'value="travel" checked' in page
    assert "Lift</textarea>" in page


def test_taking_part_another_way_records_which_way(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, other_ways=["phone", "written"])
    invitation = invited(activity, carer.person)
    url = reverse("activities:reply", args=[activity.pk])
    page = carer_client.get(url).content.decode()
    assert "take part another way: Writing to us" in page
    assert "A visit" not in page
    carer_client.post(url, {"reply": "other:written"})
    invitation.refresh_from_db()
    assert (invitation.reply, invitation.other_way) == (Reply.ANOTHER_WAY, "written")
    assert carer_client.post(url, {"reply": "other:visit"}).status_code == 400


def test_registration_questions_must_be_answered_and_typing_is_kept(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, registration_questions=QUESTIONS)
    invitation = invited(activity, carer.person)
    url = reverse("activities:reply", args=[activity.pk])
    response = carer_client.post(
        url,
        {
            "reply": "coming",
            "question_0": "Vegetarian",
            "question_1": " ",
            "needs_notes": "Hearing loop please",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Answer this question" in page
    assert 'value="Vegetarian"' in page
    assert "Hearing loop please" in page
    assert 'href="#id_question_1"' in page
    invitation.refresh_from_db()
    assert invitation.reply == Reply.WAITING
    carer_client.post(url, {"reply": "coming", "question_0": "Vegetarian", "question_1": "Ward 4"})
    invitation.refresh_from_db()
    assert invitation.registration_answers == {QUESTIONS[0]: "Vegetarian", QUESTIONS[1]: "Ward 4"}


def test_people_not_coming_are_not_made_to_answer_the_questions(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, registration_questions=QUESTIONS)
    invited(activity, carer.person)
    response = carer_client.post(
        reverse("activities:reply", args=[activity.pk]), {"reply": "not_coming"}
    )
    assert response.status_code == 302


def test_no_choice_explains_the_problem(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invited(activity, carer.person)
    response = carer_client.post(reverse("activities:reply", args=[activity.pk]), {})
    assert response.status_code == 400
    assert "Select whether you can come" in response.content.decode()


def test_a_full_activity_puts_the_carer_on_the_waiting_list(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    someone = CarerFactory.create(organisation=coordinator.organisation)
    activity = group_activity(coordinator, carer.person, someone, capacity=1)
    invited(activity, someone, reply=Reply.COMING)
    invitation = invited(activity, carer.person)
    response = carer_client.post(
        reverse("activities:reply", args=[activity.pk]), {"reply": "coming"}
    )
    invitation.refresh_from_db()
    assert invitation.reply == Reply.WAITING_LIST
    confirmation = carer_client.get(response["Location"]).content.decode()
    assert "You are on the waiting list" in confirmation


def test_a_cancelled_or_past_activity_takes_no_replies(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    cancelled = group_activity(coordinator, carer.person, status=ActivityStatus.CANCELLED)
    past = group_activity(coordinator, carer.person, starts_at=timezone.now() - timedelta(days=1))
    for activity in (cancelled, past):
        invitation = invited(activity, carer.person)
        url = reverse("activities:reply", args=[activity.pk])
        assert carer_client.get(url).status_code == 200
        assert carer_client.post(url, {"reply": "coming"}).status_code == 400
        invitation.refresh_from_db()
        assert invitation.reply == Reply.WAITING
    assert (
        "is cancelled"
        in carer_client.get(reverse("activities:reply", args=[cancelled.pk])).content.decode()
    )


def test_only_people_invited_can_reply(
    coordinator: Member,
    carer: Member,
    carer_client: Client,
    professional: Member,
    staff_b_client: Client,
    client: Client,
) -> None:
    activity = group_activity(coordinator, carer.person)
    url = reverse("activities:reply", args=[activity.pk])
    assert carer_client.get(url).status_code == 404  # in the organisation, not invited
    invited(activity, carer.person)
    assert staff_b_client.get(url).status_code == 404
    assert staff_b_client.post(url, {"reply": "coming"}).status_code == 404
    assert (
        staff_b_client.get(reverse("activities:reply-done", args=[activity.pk])).status_code == 404
    )
    assert client.get(url).status_code == 302  # sign in first
    assert carer_client.get(reverse("activities:reply", args=[999999])).status_code == 404


def test_the_link_in_the_invitation_lets_people_reply_without_an_account(
    client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person)
    path = actions.reply_path(invitation)
    assert "Can you come?" in client.get(path).content.decode()
    response = client.post(path, {"reply": "not_coming"})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.reply == Reply.NOT_COMING
    assert invitation.replied_by is None
    page = client.get(response["Location"]).content.decode()
    assert "You are not coming" in page
    assert "Add it to your calendar" not in page


def test_a_tampered_or_made_up_link_finds_nothing(
    client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person)
    token = actions.token(invitation)
    forged = signing.dumps(invitation.pk, salt="somewhere-else")
    calendar = actions.token(invitation, actions.CALENDAR_SALT)  # only for the calendar
    for bad in (token[:-2] + "xx", forged, calendar, "nonsense"):
        for name in ("invitation-reply", "invitation-reply-done", "invitation-follow-up"):
            url = reverse(f"activities:{name}", args=[bad])
            assert client.get(url).status_code == 404
            assert client.post(url, {"reply": "coming", "text": "hi"}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.reply == Reply.WAITING


def test_the_reply_page_links_back_to_the_activity(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invited(activity, carer.person)
    page = carer_client.get(reverse("activities:reply", args=[activity.pk])).content.decode()
    back = reverse("activities:activity", args=[activity.pk])
    assert f'<a href="{back}" class="govuk-back-link">' in page


def test_a_first_reply_ticks_replacement_care_when_the_profile_records_a_need(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    profile = carer.person.carer_profile
    profile.replacement_care_needs = "Someone to sit with my husband"
    profile.save()
    activity = group_activity(coordinator, carer.person)
    invitation = invited(activity, carer.person)
    url = reverse("activities:reply", args=[activity.pk])
    assert 'value="replacement_care" checked' in carer_client.get(url).content.decode()
    # Once they have replied without it, their answer stands.
    carer_client.post(url, {"reply": "coming"})
    invitation.refresh_from_db()
    assert invitation.replacement_care_needed is False
    assert 'value="replacement_care" checked' not in carer_client.get(url).content.decode()


def test_a_first_reply_leaves_replacement_care_unticked_without_a_recorded_need(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    invited(activity, carer.person)
    page = carer_client.get(reverse("activities:reply", args=[activity.pk])).content.decode()
    assert 'value="replacement_care"' in page
    assert 'value="replacement_care" checked' not in page
