import pytest
from django.db import IntegrityError, transaction

from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member
from coproduce.decisions import actions
from coproduce.decisions.models import (
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

ONLINE_AGREE = actions.Given(Stance.AGREE, "", PositionChannel.ONLINE, False)


def draft(**fields: object) -> actions.Draft:
    values: dict[str, object] = {
        "title": "Use the revised checklist",
        "background": "Carers asked for a shorter checklist.",
        "options": "Use it on two wards, or keep the leaflet.",
        "deadline": days_from_now(30),
        "hide_positions_until_deadline": False,
        "allow_anonymous_positions": False,
    }
    return actions.Draft(**{**values, **fields})  # type: ignore[arg-type]


def test_putting_a_proposal_tells_every_current_member_but_the_proposer_once(
    coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, coordinator, carer)
    gone = carer_in(project, "Gwen Left")
    project.members.filter(person=gone).update(left_on=days_from_now(-1).date())
    proposal = actions.put_proposal(coordinator.user, project, coordinator.person, draft())
    sent = Message.objects.filter(kind="decisions.proposed")
    assert [m.person_id for m in sent] == [carer.person.pk]
    message = sent.get()
    assert "Use the revised checklist" in message.body
    assert f"/decisions/{proposal.pk}/" in message.body
    assert message.idempotency_key == f"decisions.{proposal.pk}.proposed.{carer.person.pk}"


def test_a_proposal_with_a_deadline_in_the_past_is_refused(coordinator: Member) -> None:
    project = project_with(coordinator)
    with pytest.raises(actions.DeadlinePassed):
        actions.put_proposal(coordinator.user, project, None, draft(deadline=days_from_now(-1)))
    assert not Proposal.objects.filter(project=project).exists()


def test_a_member_has_one_position_and_changing_it_updates_it(
    coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer))
    actions.record_position(carer.user, proposal, carer.person, ONLINE_AGREE)
    changed = actions.Given(Stance.STAND_ASIDE, " Not sure ", PositionChannel.ONLINE, False)
    actions.record_position(carer.user, proposal, carer.person, changed)
    position = proposal.positions.get()
    assert (position.stance, position.comment) == (Stance.STAND_ASIDE, "Not sure")
    assert not AuditEvent.objects.exists()


def test_the_database_allows_one_position_per_member(coordinator: Member, carer: Member) -> None:
    proposal = proposal_of(project_with(coordinator, carer))
    PositionFactory.create(proposal=proposal, person=carer.person)
    with pytest.raises(IntegrityError), transaction.atomic():
        PositionFactory.create(proposal=proposal, person=carer.person)


def test_a_block_without_a_comment_is_refused_here_and_by_the_database(
    coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer))
    block = actions.Given(Stance.BLOCK, "   ", PositionChannel.ONLINE, False)
    with pytest.raises(actions.CommentNeeded):
        actions.record_position(carer.user, proposal, carer.person, block)
    with pytest.raises(IntegrityError), transaction.atomic():
        PositionFactory.create(proposal=proposal, person=carer.person, stance=Stance.BLOCK)


def test_no_position_after_the_deadline_or_once_decided(coordinator: Member, carer: Member) -> None:
    project = project_with(coordinator, carer)
    late = proposal_of(project, deadline=days_from_now(-0.01))
    with pytest.raises(actions.Closed) as closed:
        actions.record_position(carer.user, late, carer.person, ONLINE_AGREE)
    assert closed.value.why == "deadline_passed"
    decided = proposal_of(
        project,
        status=ProposalStatus.CLOSED,
        outcome=Outcome.AGREED,
        decided_at=days_from_now(-1),
    )
    with pytest.raises(actions.Closed):
        actions.record_position(carer.user, decided, carer.person, ONLINE_AGREE)
    assert not late.positions.exists()


def test_anonymity_is_kept_only_when_the_proposal_allows_it(
    coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    anonymous = actions.Given(Stance.AGREE, "", PositionChannel.ONLINE, True)
    plain = proposal_of(project)
    allowed = proposal_of(project, allow_anonymous_positions=True)
    assert not actions.record_position(
        carer.user, plain, carer.person, anonymous
    ).anonymous_to_group
    assert actions.record_position(carer.user, allowed, carer.person, anonymous).anonymous_to_group


def test_staff_recording_a_position_for_a_member_is_audited(
    coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer))
    by_phone = actions.Given(Stance.AGREE, "Said yes on the phone", PositionChannel.PHONE, False)
    position = actions.record_position(coordinator.user, proposal, carer.person, by_phone)
    assert (position.channel, position.recorded_by) == (PositionChannel.PHONE, coordinator.user)
    event = AuditEvent.objects.get()
    assert (event.person, event.actor) == (carer.person, coordinator.user)


def test_the_outcome_is_recorded_once_after_the_deadline_and_the_group_is_told_once(
    coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, coordinator, carer)
    proposal = proposal_of(project, deadline=days_from_now(-1))
    actions.record_outcome(coordinator.user, proposal, Outcome.AGREED, " All views heard ")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.outcome) == (ProposalStatus.CLOSED, Outcome.AGREED)
    assert proposal.outcome_statement == "All views heard"
    assert proposal.decided_by == coordinator.user
    with pytest.raises(actions.NotYet):
        actions.record_outcome(coordinator.user, proposal, Outcome.NOT_AGREED, "Again")
    sent = Message.objects.filter(kind="decisions.outcome")
    assert [m.person_id for m in sent] == [carer.person.pk]
    assert "All views heard" in sent.get().body


def test_the_outcome_waits_until_everyone_has_responded_or_the_deadline(
    coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    other = carer_in(project, "Gwen Morgan")
    proposal = proposal_of(project)
    actions.record_position(carer.user, proposal, carer.person, ONLINE_AGREE)
    with pytest.raises(actions.NotYet):
        actions.record_outcome(coordinator.user, proposal, Outcome.AGREED, "Early")
    actions.record_position(coordinator.user, proposal, other, ONLINE_AGREE)
    actions.record_outcome(coordinator.user, proposal, Outcome.AGREED, "Everyone agreed")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CLOSED


def test_recording_agreed_over_a_standing_block_is_refused_here_too(
    coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    proposal = proposal_of(project, deadline=days_from_now(-1))
    PositionFactory.create(
        proposal=proposal, person=carer.person, stance=Stance.BLOCK, comment="No"
    )
    with pytest.raises(actions.BlockStands, match="1 block stands"):
        actions.record_outcome(coordinator.user, proposal, Outcome.AGREED, "Agreed")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    actions.record_outcome(coordinator.user, proposal, Outcome.AGREED, "Agreed", " Met ")
    proposal.refresh_from_db()
    assert (proposal.outcome, proposal.block_reason) == (Outcome.AGREED, "Met")


def test_a_member_withdrawing_their_block_lets_the_group_agree(
    coordinator: Member, carer: Member
) -> None:
    proposal = proposal_of(project_with(coordinator, carer))
    block = actions.Given(Stance.BLOCK, "Not yet", PositionChannel.ONLINE, False)
    actions.record_position(carer.user, proposal, carer.person, block)
    actions.record_position(carer.user, proposal, carer.person, ONLINE_AGREE)
    actions.record_outcome(coordinator.user, proposal, Outcome.AGREED, "Everyone agreed")
    proposal.refresh_from_db()
    assert (proposal.outcome, proposal.block_reason) == (Outcome.AGREED, "")


def test_a_fallback_vote_counts_rounds_of_revision(coordinator: Member, carer: Member) -> None:
    project = project_with(coordinator, carer)
    actions.set_rule(coordinator.user, project, RuleKind.FALLBACK_VOTE, 2)
    first = actions.put_proposal(coordinator.user, project, None, draft())
    second = actions.put_proposal(coordinator.user, project, None, draft(), revises=first)
    assert (first.round, second.round) == (1, 2)
    gwen = carer_in(project, "Gwen Morgan")
    for proposal in (first, second):
        Proposal.objects.filter(pk=proposal.pk).update(deadline=days_from_now(-1))
        PositionFactory.create(proposal=proposal, person=carer.person, stance=Stance.AGREE)
        PositionFactory.create(proposal=proposal, person=gwen, stance=Stance.BLOCK, comment="No")
    with pytest.raises(actions.BlockStands):
        actions.record_outcome(coordinator.user, first, Outcome.AGREED, "By vote")
    # Round 2: one agrees, one blocks: a tie does not carry the vote.
    with pytest.raises(actions.BlockStands):
        actions.record_outcome(coordinator.user, second, Outcome.AGREED, "By vote")
    PositionFactory.create(
        proposal=second, person=carer_in(project, "Huw Jones"), stance=Stance.AGREE
    )
    actions.record_outcome(coordinator.user, second, Outcome.AGREED, "By vote")
    assert Proposal.objects.get(pk=second.pk).outcome == Outcome.AGREED


def test_a_short_notice_deadline_needs_a_reason_and_is_counted(
    coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    with pytest.raises(actions.ReasonNeeded):
        actions.put_proposal(coordinator.user, project, None, draft(deadline=days_from_now(3)))
    actions.put_proposal(
        coordinator.user,
        project,
        None,
        draft(deadline=days_from_now(3), short_notice_reason="Board on Friday"),
    )
    actions.put_proposal(coordinator.user, project, None, draft(short_notice_reason="ignored"))
    assert actions.short_notice_counts([project.pk]) == {project.pk: 1}
    assert list(Proposal.objects.values_list("short_notice_reason", flat=True).order_by("pk")) == [
        "Board on Friday",
        "",
    ]
