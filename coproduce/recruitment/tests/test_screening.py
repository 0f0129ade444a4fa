import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.audit.models import AuditAction, AuditEvent
from coproduce.conftest import Member
from coproduce.notifications.models import Message
from coproduce.projects.models import ProjectMember
from coproduce.recruitment.models import Brief, ExpressionOfInterest, State
from coproduce.recruitment.tests.factories import ExpressionFactory

SCREENED_OK = {
    "genuine_carer": "yes",
    "genuine_carer_note": "Known to us",
    "safeguarding_notes": "",
}


def url(name: str, expression: ExpressionOfInterest) -> str:
    return reverse(f"recruitment:{name}", args=[expression.pk])


def screened(expression: ExpressionOfInterest, **fields: Any) -> ExpressionOfInterest:
    values: dict[str, Any] = {"state": State.SCREENED, "genuine_carer": True, **fields}
    ExpressionOfInterest.objects.filter(pk=expression.pk).update(**values)
    expression.refresh_from_db()
    return expression


def trained(member: Member) -> None:
    member.user.memberships.update(safeguarding_trained=True)


def test_staff_see_everyone_interested_with_where_they_are(
    coordinator_client: Client, brief: Brief
) -> None:
    ExpressionFactory.create(brief=brief, person__full_name="Rita Received")
    ExpressionFactory.create(brief=brief, person__full_name="Yusuf Young", under_18=True)
    html = coordinator_client.get(
        reverse("recruitment:expressions", args=[brief.pk])
    ).content.decode()
    assert "Rita Received" in html
    assert "Yusuf Young" in html
    assert "Under 18" in html
    assert "Received: 2" in html


@pytest.mark.parametrize("rows", [2, 60])
def test_the_screening_list_runs_a_fixed_number_of_queries(
    coordinator_client: Client, brief: Brief, rows: int, django_assert_num_queries: object
) -> None:
    ExpressionFactory.create_batch(rows, brief=brief)
    # session, user, membership, OTP device, brief, counts by state, count, page
    with django_assert_num_queries(8):  # type: ignore[operator]
        response = coordinator_client.get(reverse("recruitment:expressions", args=[brief.pk]))
    assert response.status_code == 200


def test_carers_cannot_screen(carer_client: Client, brief: Brief) -> None:
    expression = ExpressionFactory.create(brief=brief)
    assert carer_client.get(reverse("recruitment:expressions", args=[brief.pk])).status_code == 403
    assert carer_client.get(url("expression", expression)).status_code == 403
    assert carer_client.post(url("expression-screen", expression), SCREENED_OK).status_code == 403


def test_other_organisations_answers_are_not_found(
    coordinator_client: Client, b_brief: Brief
) -> None:
    theirs = ExpressionFactory.create(brief=b_brief)
    assert (
        coordinator_client.get(reverse("recruitment:expressions", args=[b_brief.pk])).status_code
        == 404
    )
    for name in ("expression", "expression-screen", "expression-not-this-time"):
        assert coordinator_client.get(url(name, theirs)).status_code == 404
    assert coordinator_client.post(url("expression-invite", theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.state == State.RECEIVED


def test_screening_records_the_check_and_who_did_it(
    coordinator_client: Client, coordinator: Member, brief: Brief
) -> None:
    expression = ExpressionFactory.create(brief=brief)
    response = coordinator_client.post(url("expression-screen", expression), SCREENED_OK)
    assert response["Location"] == url("expression", expression)
    expression.refresh_from_db()
    assert expression.state == State.SCREENED
    assert expression.genuine_carer is True
    assert expression.screened_by == coordinator.user
    change = expression.history.get()
    assert (change.from_state, change.to_state, change.changed_by) == (
        State.RECEIVED,
        State.SCREENED,
        coordinator.user,
    )
    page = coordinator_client.get(url("expression", expression)).content.decode()
    assert "Known to us" in page
    viewed = AuditEvent.objects.filter(person=expression.person, action=AuditAction.VIEWED)
    assert viewed.filter(actor=coordinator.user).exists()
    assert "Invite them to join" in page


def test_online_groups_need_safeguarding_notes_when_screening(
    coordinator_client: Client, brief: Brief
) -> None:
    brief.online_group = True
    brief.save()
    expression = ExpressionFactory.create(brief=brief)
    response = coordinator_client.post(url("expression-screen", expression), SCREENED_OK)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter safeguarding notes: the group meets online" in html
    assert "Known to us" in html
    expression.refresh_from_db()
    assert expression.state == State.RECEIVED


def test_inviting_sends_one_invitation(
    coordinator_client: Client, brief: Brief, django_capture_on_commit_callbacks: Any
) -> None:
    expression = screened(ExpressionFactory.create(brief=brief))
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(url("expression-invite", expression))
    assert response.status_code == 302
    expression.refresh_from_db()
    assert expression.state == State.INVITED
    again = coordinator_client.post(url("expression-invite", expression))
    assert again.status_code == 400
    assert "cannot go from" in again.content.decode()
    invitation = Message.objects.get(kind="recruitment.invited")
    assert invitation.person == expression.person
    assert brief.title in invitation.body


def test_someone_who_is_not_a_genuine_carer_cannot_be_invited(
    coordinator_client: Client, brief: Brief
) -> None:
    expression = screened(ExpressionFactory.create(brief=brief), genuine_carer=False)
    response = coordinator_client.post(url("expression-invite", expression))
    assert response.status_code == 400
    assert "Record that they are a genuine carer" in response.content.decode()
    assert not Message.objects.exists()


def test_not_this_time_needs_a_kind_reason_which_is_sent_to_them(
    coordinator_client: Client, brief: Brief
) -> None:
    expression = ExpressionFactory.create(brief=brief)
    page = url("expression-not-this-time", expression)
    assert coordinator_client.get(page).status_code == 200
    response = coordinator_client.post(page, {"reason": "  "})
    assert response.status_code == 400
    assert "Tell them kindly why not this time" in response.content.decode()
    reason = "We had many more carers than places. We will tell you about the next one."
    coordinator_client.post(page, {"reason": reason})
    expression.refresh_from_db()
    assert expression.state == State.NOT_THIS_TIME
    assert expression.decline_reason == reason
    assert reason in Message.objects.get(kind="recruitment.not_this_time").body
    assert expression.history.get().note == reason


def test_an_invited_person_is_made_a_member_of_the_group(
    coordinator_client: Client, brief: Brief
) -> None:
    expression = screened(ExpressionFactory.create(brief=brief))
    coordinator_client.post(url("expression-invite", expression))
    today = datetime.date.today()
    response = coordinator_client.post(
        url("expression-member", expression),
        {
            "role": "carer",
            "joined_on-day": str(today.day),
            "joined_on-month": str(today.month),
            "joined_on-year": str(today.year),
        },
    )
    assert response.status_code == 302
    member = ProjectMember.objects.get(project=brief.project)
    assert (member.person, member.role, member.joined_on) == (expression.person, "carer", today)
    expression.refresh_from_db()
    assert expression.state == State.MEMBER
    assert [c.to_state for c in expression.history.all()] == [State.INVITED, State.MEMBER]


def test_only_invited_people_can_be_made_members(coordinator_client: Client, brief: Brief) -> None:
    expression = ExpressionFactory.create(brief=brief)
    response = coordinator_client.get(url("expression-member", expression))
    assert response["Location"] == url("expression", expression)
    assert not ProjectMember.objects.exists()


def test_a_person_who_withdraws_is_recorded(coordinator_client: Client, brief: Brief) -> None:
    expression = ExpressionFactory.create(brief=brief)
    coordinator_client.post(url("expression-withdraw", expression))
    expression.refresh_from_db()
    assert expression.state == State.WITHDRAWN
    page = coordinator_client.get(url("expression", expression)).content.decode()
    assert "Nothing more to do" in page


def test_staff_without_safeguarding_training_cannot_screen_under_18s(
    coordinator_client: Client, brief: Brief
) -> None:
    expression = ExpressionFactory.create(brief=brief, under_18=True)
    page = coordinator_client.get(url("expression", expression)).content.decode()
    assert "Only staff trained in safeguarding" in page
    for name in ("expression-screen", "expression-not-this-time", "expression-member"):
        response = coordinator_client.get(url(name, expression))
        assert response.status_code == 403
        assert "Only safeguarding-trained staff can do this" in response.content.decode()
    assert (
        coordinator_client.post(url("expression-screen", expression), SCREENED_OK).status_code
        == 403
    )
    assert (
        coordinator_client.post(url("expression-invite", screened(expression))).status_code == 403
    )
    expression.refresh_from_db()
    assert expression.history.count() == 0
    assert not Message.objects.exists()


def test_trained_staff_invite_under_18s_only_with_a_guardians_consent(
    coordinator_client: Client, coordinator: Member, brief: Brief
) -> None:
    trained(coordinator)
    expression = ExpressionFactory.create(brief=brief, under_18=True)
    coordinator_client.post(url("expression-screen", expression), SCREENED_OK)
    refused = coordinator_client.post(url("expression-invite", expression))
    assert refused.status_code == 400
    assert "Record a parent or guardian" in refused.content.decode()

    partial = coordinator_client.post(
        url("expression-screen", expression), {**SCREENED_OK, "guardian_name": "Mrs Jones"}
    )
    assert partial.status_code == 400
    assert "Select how the parent or guardian gave consent" in partial.content.decode()
    today = datetime.date.today()
    coordinator_client.post(
        url("expression-screen", expression),
        {
            **SCREENED_OK,
            "guardian_name": "Mrs Jones",
            "guardian_consent_how": "in_writing",
            "guardian_consent_on-day": str(today.day),
            "guardian_consent_on-month": str(today.month),
            "guardian_consent_on-year": str(today.year),
        },
    )
    assert coordinator_client.post(url("expression-invite", expression)).status_code == 302
    expression.refresh_from_db()
    assert expression.state == State.INVITED
    assert expression.guardian_name == "Mrs Jones"
    page = coordinator_client.get(url("expression", expression)).content.decode()
    assert "Mrs Jones, in writing (a letter or a signed form), on" in page
