import pytest
from django.db import IntegrityError, transaction

from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member
from coproduce.decisions import actions
from coproduce.decisions.models import Outcome, PositionChannel, Proposal, ProposalStatus, Stance
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
        "deadline": days_from_now(7),
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
