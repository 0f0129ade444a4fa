import datetime
import html

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.conftest import Member
from coproduce.decisions.models import (
    DecisionRule,
    Outcome,
    PositionChannel,
    Proposal,
    ProposalStatus,
    RuleKind,
    Stance,
)
from coproduce.decisions.tests.factories import (
    PositionFactory,
    carer_in,
    days_from_now,
    project_with,
    proposal_of,
)
from coproduce.notifications.models import Message
from coproduce.projects.models import GroupRole, ProjectMember
from coproduce.projects.tests.factories import ProjectMemberFactory


def test_the_outcome_page_starts_with_every_view_and_who_did_not_respond(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    gwen = carer_in(project, "Gwen Morgan")
    carer_in(project, "Huw Silent")
    proposal = proposal_of(project, deadline=days_from_now(-1), allow_anonymous_positions=True)
    PositionFactory.create(
        proposal=proposal,
        person=carer.person,
        stance=Stance.AGREE_WITH_RESERVATIONS,
        comment="Needs large print",
    )
    PositionFactory.create(
        proposal=proposal,
        person=gwen,
        stance=Stance.BLOCK,
        comment="Not on my ward",
        anonymous_to_group=True,
        channel=PositionChannel.WRITING,
    )
    body = html.unescape(
        coordinator_client.get(reverse("decisions:outcome", args=[proposal.pk])).content.decode()
    )
    statement = body.split('name="statement"', 1)[1].split("</textarea>", 1)[0]
    assert "- Margaret Carer: Agree with reservations. Needs large print" in statement
    assert "- Anonymous: Block. Not on my ward" in statement
    assert "Gwen Morgan" not in statement
    assert "Did not respond: Huw Silent." in statement
    assert 'value="not_agreed" checked' in body
    assert "Gwen Morgan" in body  # staff see the name outside the statement


def test_staff_record_the_outcome_and_the_group_is_told_once(
    coordinator_client: Client, carer_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer), deadline=days_from_now(-1))
    url = reverse("decisions:outcome", args=[proposal.pk])
    data = {"outcome": "revised", "statement": "We will shorten the checklist and ask again."}
    assert coordinator_client.post(url, data).status_code == 302
    assert coordinator_client.post(url, data).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.outcome) == (ProposalStatus.CLOSED, Outcome.REVISED)
    assert Message.objects.filter(kind="decisions.outcome").count() == 1
    body = carer_client.get(reverse("decisions:proposal", args=[proposal.pk])).content.decode()
    assert "We will shorten the checklist and ask again." in body


def test_an_empty_or_huge_statement_is_refused_keeping_what_was_typed(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer), deadline=days_from_now(-1))
    url = reverse("decisions:outcome", args=[proposal.pk])
    empty = coordinator_client.post(url, {"outcome": "agreed", "statement": "  "})
    assert empty.status_code == 400
    assert "Write the outcome statement" in empty.content.decode()
    huge = coordinator_client.post(url, {"statement": "All heard. " * 2000})
    body = html.unescape(huge.content.decode())
    assert huge.status_code == 400
    assert "This must be 20000 characters or fewer" in body
    assert "Select what the group decided" in body
    assert "All heard. All heard." in body
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN


def test_the_outcome_waits_for_the_deadline_unless_everyone_has_responded(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer))
    url = reverse("decisions:outcome", args=[proposal.pk])
    response = coordinator_client.get(url, follow=True)
    assert "1 member has not yet" in html.unescape(response.content.decode())
    PositionFactory.create(proposal=proposal, person=carer.person)
    assert coordinator_client.get(url).status_code == 200


def test_members_cannot_record_the_outcome_and_other_organisations_get_not_found(
    carer_client: Client, staff_b_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer), deadline=days_from_now(-1))
    url = reverse("decisions:outcome", args=[proposal.pk])
    data = {"outcome": "agreed", "statement": "Agreed"}
    assert carer_client.get(url).status_code == 403
    assert carer_client.post(url, data).status_code == 403
    assert staff_b_client.get(url).status_code == 404
    assert staff_b_client.post(url, data).status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN


def blocked_proposal(coordinator: Member, carer: Member, **fields: object) -> Proposal:
    """A proposal past its deadline: the carer agrees, Gwen blocks."""
    project = project_with(coordinator, carer)
    gwen = carer_in(project, "Gwen Morgan")
    proposal = proposal_of(project, deadline=days_from_now(-1), **fields)
    PositionFactory.create(proposal=proposal, person=carer.person, stance=Stance.AGREE)
    PositionFactory.create(
        proposal=proposal, person=gwen, stance=Stance.BLOCK, comment="Not on my ward"
    )
    return proposal


def test_agreed_over_a_standing_block_is_refused_with_a_clear_message(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = blocked_proposal(coordinator, carer)
    url = reverse("decisions:outcome", args=[proposal.pk])
    form = html.unescape(coordinator_client.get(url).content.decode())
    assert "1 block stands. Before recording that the group agreed, address it" in form
    assert 'name="block_reason"' in form
    for outcome in ("agreed", "agreed_with_reservations"):
        response = coordinator_client.post(url, {"outcome": outcome, "statement": "We agreed."})
        body = html.unescape(response.content.decode())
        assert response.status_code == 400
        assert "1 block stands, so the group cannot be recorded as agreeing" in body
        assert "We agreed." in body
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN


def test_agreed_over_a_block_with_the_reason_the_group_accepted_is_recorded_and_shown(
    coordinator_client: Client, carer_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = blocked_proposal(coordinator, carer)
    url = reverse("decisions:outcome", args=[proposal.pk])
    reason = "Gwen's ward is left out of the pilot, so her block is met; she agreed at the meeting."
    data = {"outcome": "agreed", "statement": "We agreed.", "block_reason": reason}
    assert coordinator_client.post(url, data).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.outcome, proposal.block_reason) == (Outcome.AGREED, reason)
    page = html.unescape(
        carer_client.get(reverse("decisions:proposal", args=[proposal.pk])).content.decode()
    )
    assert "Why the group went ahead despite a block" in page
    assert reason in page


def test_a_block_is_addressed_by_a_revised_proposal_or_by_not_agreeing(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = blocked_proposal(coordinator, carer)
    url = reverse("decisions:outcome", args=[proposal.pk])
    data = {"outcome": "revised", "statement": "We will change it.", "block_reason": "ignored"}
    assert coordinator_client.post(url, data).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.outcome, proposal.block_reason) == (Outcome.REVISED, "")


def test_consensus_minus_one_lets_one_block_stand(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    proposal = blocked_proposal(coordinator, carer)
    DecisionRule.objects.create(project=proposal.project, kind=RuleKind.CONSENSUS_MINUS_ONE)
    url = reverse("decisions:outcome", args=[proposal.pk])
    form = html.unescape(coordinator_client.get(url).content.decode())
    assert "Consensus minus one" in form
    assert 'value="agreed" checked' in form
    assert 'name="block_reason"' not in form
    assert (
        coordinator_client.post(url, {"outcome": "agreed", "statement": "Agreed."}).status_code
        == 302
    )
    proposal.refresh_from_db()
    assert (proposal.outcome, proposal.block_reason) == (Outcome.AGREED, "")


def test_did_not_respond_names_only_members_asked_by_the_deadline_not_staff_or_latecomers(
    coordinator_client: Client, coordinator: Member, admin: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    deadline = days_from_now(-3)
    ProjectMemberFactory.create(
        project=project, person=coordinator.person, role=GroupRole.COORDINATOR
    )
    ProjectMemberFactory.create(project=project, person=admin.person)  # staff, in the group
    late = carer_in(project, "Lowri Latecomer")
    ProjectMember.objects.filter(person=late).update(
        joined_on=timezone.localdate(deadline) + datetime.timedelta(days=1)
    )
    carer_in(project, "Huw Silent")
    proposal = proposal_of(project, deadline=deadline)
    PositionFactory.create(proposal=proposal, person=carer.person)
    body = html.unescape(
        coordinator_client.get(reverse("decisions:outcome", args=[proposal.pk])).content.decode()
    )
    statement = body.split('name="statement"', 1)[1].split("</textarea>", 1)[0]
    assert "Did not respond: Huw Silent." in statement
