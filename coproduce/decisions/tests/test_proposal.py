import html
from typing import Any

from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member, signed_in
from coproduce.decisions.models import Outcome, PositionChannel, ProposalStatus, Stance
from coproduce.decisions.tests.factories import (
    PositionFactory,
    carer_in,
    days_from_now,
    project_with,
    proposal_of,
)


def page(client: Client, pk: int) -> str:
    return html.unescape(client.get(reverse("decisions:proposal", args=[pk])).content.decode())


def test_a_member_gives_and_then_changes_their_position(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer), title="Adopt the checklist")
    url = reverse("decisions:proposal", args=[proposal.pk])
    body = page(carer_client, proposal.pk)
    assert "Carers said the first checklist was too long." in body
    assert "Give my position" in body
    response = carer_client.post(
        url, {"stance": "agree_with_reservations", "comment": "Large print"}
    )
    assert response.status_code == 302
    assert "Change my position" in page(carer_client, proposal.pk)
    carer_client.post(url, {"stance": "agree", "comment": ""})
    position = proposal.positions.get()
    assert (position.stance, position.channel) == (Stance.AGREE, PositionChannel.ONLINE)
    assert position.recorded_by == carer.user


def test_a_block_without_a_comment_asks_for_one_keeping_the_choice(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer))
    url = reverse("decisions:proposal", args=[proposal.pk])
    response = carer_client.post(url, {"stance": "block", "comment": "  "})
    body = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "Say why you are blocking the proposal" in body
    assert 'value="block" checked' in body
    long = carer_client.post(url, {"stance": "block", "comment": "Too soon. " * 250})
    long_body = html.unescape(long.content.decode())
    assert long.status_code == 400
    assert "This must be 2000 characters or fewer: it has 2499." in long_body
    assert "Too soon. Too soon." in long_body
    missing = carer_client.post(url, {"comment": "I was not sure"})
    assert "Select your position" in missing.content.decode()
    assert "I was not sure" in missing.content.decode()
    assert not proposal.positions.exists()


def test_after_the_deadline_a_position_is_refused_and_the_form_is_gone(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer), deadline=days_from_now(-1))
    url = reverse("decisions:proposal", args=[proposal.pk])
    body = page(carer_client, proposal.pk)
    assert "Give my position" not in body
    assert "You did not give a position." in body
    response = carer_client.post(url, {"stance": "agree"}, follow=True)
    assert "The deadline has passed: positions can no longer be given" in response.content.decode()
    assert not proposal.positions.exists()


def test_hidden_positions_show_members_only_their_own_and_a_count(
    carer_client: Client, coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    gwen = carer_in(project, "Gwen Morgan")
    carer_in(project, "Huw Silent")
    proposal = proposal_of(project, hide_positions_until_deadline=True)
    PositionFactory.create(proposal=proposal, person=gwen, stance=Stance.BLOCK, comment="Not yet")
    PositionFactory.create(proposal=proposal, person=carer.person, comment="Mine")
    body = page(carer_client, proposal.pk)
    assert "Responses so far: 2 out of 3 members." in body
    assert "Positions are hidden from the group until the deadline" in body
    assert "Gwen Morgan" not in body
    assert "Not yet" not in body
    assert "Huw Silent" not in body
    assert "You said: Agree." in body
    staff = page(coordinator_client, proposal.pk)
    assert "Gwen Morgan" in staff
    assert "Not yet" in staff
    assert "Not yet responded" in staff
    assert "Huw Silent" in staff


def test_hidden_positions_show_to_the_group_after_the_deadline_with_who_did_not_respond(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    gwen = carer_in(project, "Gwen Morgan")
    carer_in(project, "Huw Silent")
    proposal = proposal_of(project, hide_positions_until_deadline=True, deadline=days_from_now(-1))
    PositionFactory.create(proposal=proposal, person=gwen, stance=Stance.BLOCK, comment="Not yet")
    body = page(carer_client, proposal.pk)
    assert "Gwen Morgan" in body
    assert "Not yet" in body
    assert "Did not respond" in body
    assert "Huw Silent" in body


def test_an_anonymous_position_is_shown_to_the_group_without_the_name(
    carer_client: Client, coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    gwen = carer_in(project, "Gwen Morgan")
    proposal = proposal_of(project, allow_anonymous_positions=True, proposed_by=gwen)
    PositionFactory.create(
        proposal=proposal,
        person=gwen,
        stance=Stance.STAND_ASIDE,
        comment="I cannot support it",
        anonymous_to_group=True,
        channel=PositionChannel.PHONE,
    )
    body = page(carer_client, proposal.pk)
    assert "I cannot support it" in body
    assert "A member (anonymous)" in body
    assert "Gwen Morgan" not in body
    assert "By phone" not in body
    assert "Proposed by" in body
    assert "A member of the group" in body
    staff = page(coordinator_client, proposal.pk)
    assert "Gwen Morgan" in staff
    assert "anonymous to the group" in staff


def test_a_member_giving_an_anonymous_position_sees_it_as_theirs(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer), allow_anonymous_positions=True)
    url = reverse("decisions:proposal", args=[proposal.pk])
    assert "Keep my name from the group" in page(carer_client, proposal.pk)
    carer_client.post(url, {"stance": "agree", "anonymous_to_group": "true"})
    assert proposal.positions.get().anonymous_to_group
    body = page(carer_client, proposal.pk)
    assert "<strong>You</strong>" in body


def test_the_decided_proposal_shows_the_outcome_and_any_re_proposal(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    first = proposal_of(
        project,
        status=ProposalStatus.CLOSED,
        outcome=Outcome.REVISED,
        outcome_statement="We will shorten it.",
        decided_at=days_from_now(-1),
    )
    body = page(carer_client, first.pk)
    assert "Revised and re-proposed" in body
    assert "We will shorten it." in body
    assert f"?revises={first.pk}" in body
    second = proposal_of(project, title="The shorter checklist", revises=first)
    body = page(carer_client, first.pk)
    assert "The shorter checklist" in body
    assert f"?revises={first.pk}" not in body
    assert reverse("decisions:proposal", args=[first.pk]) in page(carer_client, second.pk)


def test_who_may_see_a_proposal_and_give_a_position(
    coordinator_client: Client,
    staff_b_client: Client,
    client: Client,
    coordinator: Member,
    carer: Member,
    professional: Member,
) -> None:
    proposal = proposal_of(project_with(coordinator, carer))
    url = reverse("decisions:proposal", args=[proposal.pk])
    assert coordinator_client.get(url).status_code == 200
    assert coordinator_client.post(url, {"stance": "agree"}).status_code == 403
    assert staff_b_client.get(url).status_code == 404
    assert staff_b_client.post(url, {"stance": "agree"}).status_code == 404
    assert signed_in(Client(), professional.user).get(url).status_code == 404
    assert client.get(url).status_code == 302
    assert not proposal.positions.exists()


def test_the_proposal_page_takes_the_same_queries_however_many_positions(
    carer_client: Client, coordinator: Member, carer: Member, django_assert_num_queries: Any
) -> None:
    project = project_with(coordinator, carer)
    proposal = proposal_of(project)
    url = reverse("decisions:proposal", args=[proposal.pk])
    carer_client.get(url)
    with django_assert_num_queries(8) as one:
        carer_client.get(url)
    for n in range(4):
        PositionFactory.create(proposal=proposal, person=carer_in(project, f"Carer {n}"))
    with django_assert_num_queries(len(one.captured_queries)):
        carer_client.get(url)


def test_after_the_deadline_a_member_may_still_withdraw_their_block(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer), deadline=days_from_now(-1))
    PositionFactory.create(
        proposal=proposal, person=carer.person, stance=Stance.BLOCK, comment="Too soon"
    )
    url = reverse("decisions:proposal", args=[proposal.pk])
    body = page(carer_client, proposal.pk)
    assert "Withdraw my block" in body
    assert 'value="block"' not in body
    # Blocking again is not a withdrawal: refused as after any deadline.
    response = carer_client.post(url, {"stance": "block", "comment": "Still"})
    assert response.status_code == 400
    assert proposal.positions.get().comment == "Too soon"
    response = carer_client.post(url, {"stance": "stand_aside", "comment": "Heard"}, follow=True)
    assert "Your block is withdrawn" in response.content.decode()
    assert proposal.positions.get().stance == Stance.STAND_ASIDE
    assert "Withdraw my block" not in page(carer_client, proposal.pk)
