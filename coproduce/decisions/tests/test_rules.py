import datetime

from django.utils import timezone

from coproduce.decisions import rules
from coproduce.decisions.models import (
    Outcome,
    Position,
    PositionChannel,
    Proposal,
    ProposalStatus,
    RuleKind,
    Stance,
)

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)
CHANNELS = {c.value: str(c.label) for c in PositionChannel}
STANCES = {s.value: str(s.label) for s in Stance}


def proposal(days: float = 7, hide: bool = False, **fields: object) -> Proposal:
    return Proposal(
        deadline=NOW + datetime.timedelta(days=days),
        hide_positions_until_deadline=hide,
        **fields,
    )


def position(
    person_id: int, stance: Stance = Stance.AGREE, anonymous: bool = False, comment: str = ""
) -> Position:
    return Position(
        person_id=person_id,
        stance=stance,
        comment=comment,
        channel=PositionChannel.PHONE,
        anonymous_to_group=anonymous,
        recorded_at=NOW,
    )


def test_positions_are_visible_to_everyone_unless_the_proposal_hides_them() -> None:
    assert rules.positions_visible(False, proposal(), NOW)
    assert rules.positions_visible(True, proposal(hide=True), NOW)
    assert not rules.positions_visible(False, proposal(hide=True), NOW)


def test_hidden_positions_show_once_the_deadline_passes_or_the_group_has_decided() -> None:
    assert rules.positions_visible(False, proposal(days=0, hide=True), NOW)
    assert rules.positions_visible(False, proposal(days=-1, hide=True), NOW)
    decided = proposal(hide=True, status=ProposalStatus.CLOSED)
    assert rules.positions_visible(False, decided, NOW)


def test_an_anonymous_name_is_seen_only_by_staff_and_the_member_themselves() -> None:
    anonymous = position(5, anonymous=True)
    assert rules.name_visible(True, anonymous, None)
    assert rules.name_visible(False, anonymous, 5)
    assert not rules.name_visible(False, anonymous, 6)
    assert not rules.name_visible(False, anonymous, None)
    assert rules.name_visible(False, position(5), 6)


def test_who_has_not_responded_is_seen_by_staff_and_by_the_group_after_the_deadline() -> None:
    assert rules.non_responders_visible(True, proposal(), NOW)
    assert not rules.non_responders_visible(False, proposal(), NOW)
    assert rules.non_responders_visible(False, proposal(days=-1), NOW)
    assert rules.non_responders_visible(False, proposal(status=ProposalStatus.CLOSED), NOW)


def test_positions_close_at_the_deadline_or_when_decided() -> None:
    assert rules.why_closed(proposal(), NOW) is None
    assert rules.why_closed(proposal(days=0), NOW) == rules.NotOpen.DEADLINE_PASSED
    decided = proposal(status=ProposalStatus.CLOSED)
    assert rules.why_closed(decided, NOW) == rules.NotOpen.DECIDED


def test_the_outcome_waits_for_the_deadline_or_for_everyone_to_respond() -> None:
    assert not rules.may_record_outcome(proposal(), NOW, members=3, responded=2)
    assert rules.may_record_outcome(proposal(), NOW, members=3, responded=3)
    assert rules.may_record_outcome(proposal(days=-1), NOW, members=3, responded=0)
    assert not rules.may_record_outcome(proposal(), NOW, members=0, responded=0)
    decided = proposal(days=-1, status=ProposalStatus.CLOSED)
    assert not rules.may_record_outcome(decided, NOW, members=3, responded=3)


def test_a_deadline_must_be_in_the_future_and_within_a_year() -> None:
    assert rules.deadline_problem(NOW - datetime.timedelta(minutes=1), NOW) is not None
    assert rules.deadline_problem(NOW, NOW) is not None
    assert rules.deadline_problem(NOW + datetime.timedelta(days=400), NOW) is not None
    assert rules.deadline_problem(NOW + datetime.timedelta(hours=1), NOW) is None


def test_stances_are_counted_in_order_with_zeros() -> None:
    counts = rules.stance_counts(["agree", "block", "agree"])
    assert counts == [
        (Stance.AGREE, 2),
        (Stance.AGREE_WITH_RESERVATIONS, 0),
        (Stance.STAND_ASIDE, 0),
        (Stance.BLOCK, 1),
    ]


def test_the_suggested_outcome_follows_the_strongest_concern() -> None:
    assert rules.suggested_outcome(["agree", "stand_aside"]) == Outcome.AGREED
    assert rules.suggested_outcome(["agree", "agree_with_reservations"]) == (
        Outcome.AGREED_WITH_RESERVATIONS
    )
    assert rules.suggested_outcome(["agree", "block"]) == Outcome.NOT_AGREED
    assert rules.suggested_outcome([]) == Outcome.NOT_AGREED


def test_the_group_sees_anonymous_positions_without_name_channel_or_time_and_last() -> None:
    names = {1: "Zara", 2: "Aled", 3: "Bryn"}
    positions = [
        position(1),
        position(2, Stance.BLOCK, anonymous=True, comment="Too soon"),
        position(3),
    ]
    shown = rules.shown_positions(False, 3, positions, names, CHANNELS)
    assert [s.name for s in shown] == ["Bryn", "Zara", ""]
    assert shown[0].yours
    hidden = shown[2]
    assert (hidden.channel, hidden.recorded_at, hidden.comment) == ("", None, "Too soon")
    staff = rules.shown_positions(True, None, positions, names, CHANNELS)
    assert [s.name for s in staff] == ["Aled", "Bryn", "Zara"]
    assert staff[0].channel == "By phone"


def test_non_responders_are_the_current_members_without_a_position() -> None:
    members = [(1, "Zara"), (2, "aled"), (3, "Bryn")]
    assert rules.not_responded(members, [3, 9]) == ["aled", "Zara"]


def test_the_summary_lists_every_view_without_anonymous_names() -> None:
    names = {1: "Zara", 2: "Aled"}
    positions = [
        position(1, Stance.AGREE_WITH_RESERVATIONS, comment="Needs  a\nlarge-print version"),
        position(2, Stance.BLOCK, anonymous=True, comment="x" * 900),
    ]
    staff_view = rules.shown_positions(True, None, positions, names, CHANNELS)
    text = rules.summary(staff_view, ["Bryn"], STANCES)
    assert "2 members gave a position." in text
    assert "Agree: 0; Agree with reservations: 1; Stand aside: 0; Block: 1." in text
    assert "- Zara: Agree with reservations. Needs a large-print version" in text
    assert "- Anonymous: Block. " + "x" * 499 + "…" in text
    assert "Aled" not in text
    assert text.index("Zara") < text.index("Anonymous")
    assert "Did not respond: Bryn." in text
    assert "Every member responded." in rules.summary(staff_view, [], STANCES)


def test_deadline_passed_is_at_the_deadline() -> None:
    now = timezone.now()
    assert rules.deadline_passed(Proposal(deadline=now), now)
    assert not rules.deadline_passed(Proposal(deadline=now + datetime.timedelta(seconds=1)), now)


AGREE, BLOCK = Stance.AGREE.value, Stance.BLOCK.value
ASIDE, RESERVED = Stance.STAND_ASIDE.value, Stance.AGREE_WITH_RESERVATIONS.value


def test_full_consensus_never_records_agreed_over_a_block_without_a_reason() -> None:
    stances = [AGREE, AGREE, BLOCK]
    for outcome in (Outcome.AGREED, Outcome.AGREED_WITH_RESERVATIONS):
        problem = rules.outcome_problem(outcome, stances, RuleKind.CONSENSUS, 2, 5, " ")
        assert problem is not None
        assert "1 block stands" in problem
        assert rules.outcome_problem(outcome, stances, RuleKind.CONSENSUS, 2, 5, "Met") is None
    for outcome in (Outcome.NOT_AGREED, Outcome.REVISED):
        assert rules.outcome_problem(outcome, stances, RuleKind.CONSENSUS, 2, 1, "") is None
    assert (
        rules.outcome_problem(Outcome.AGREED, [AGREE, ASIDE], RuleKind.CONSENSUS, 2, 1, "") is None
    )


def test_consensus_minus_one_lets_one_block_stand_but_not_two() -> None:
    kind = RuleKind.CONSENSUS_MINUS_ONE
    assert rules.outcome_problem(Outcome.AGREED, [AGREE, BLOCK], kind, 2, 1, "") is None
    two = rules.outcome_problem(Outcome.AGREED, [AGREE, BLOCK, BLOCK], kind, 2, 1, "")
    assert two is not None
    assert "2 blocks stand" in two


def test_a_fallback_vote_settles_it_from_the_chosen_round_when_more_agree_than_block() -> None:
    kind = RuleKind.FALLBACK_VOTE
    carried = [AGREE, RESERVED, BLOCK, ASIDE, ASIDE]
    assert rules.outcome_problem(Outcome.AGREED, carried, kind, 3, 2, "") is not None
    assert rules.outcome_problem(Outcome.AGREED, carried, kind, 3, 3, "") is None
    assert rules.outcome_problem(Outcome.AGREED, carried, kind, 3, 4, "") is None
    tied = [AGREE, BLOCK, ASIDE]
    assert rules.outcome_problem(Outcome.AGREED, tied, kind, 3, 3, "") is not None
    assert not rules.block_reason_needed(Outcome.AGREED, carried, kind, 3, 3)
    assert rules.block_reason_needed(Outcome.AGREED, tied, kind, 3, 3)


def test_the_suggested_outcome_follows_the_blocks_the_rule_allows() -> None:
    assert rules.suggested_outcome([AGREE, BLOCK]) == Outcome.NOT_AGREED
    assert rules.suggested_outcome([AGREE, BLOCK], allowed_blocks=1) == Outcome.AGREED
    assert rules.suggested_outcome([BLOCK, BLOCK], allowed_blocks=1) == Outcome.NOT_AGREED


def test_each_rule_is_said_in_a_sentence() -> None:
    assert rules.rule_description(RuleKind.CONSENSUS, 2).startswith("Full consensus")
    assert "one member blocks" in rules.rule_description(RuleKind.CONSENSUS_MINUS_ONE, 2)
    assert "from round 4 of a proposal" in rules.rule_description(RuleKind.FALLBACK_VOTE, 4)


def test_short_notice_needs_a_reason() -> None:
    assert rules.short_notice_problem(True, "  ") is not None
    assert rules.short_notice_problem(True, "The board meets soon") is None
    assert rules.short_notice_problem(False, "") is None


def test_after_the_deadline_only_withdrawing_a_block_is_still_allowed() -> None:
    passed = proposal(days=-1)
    assert rules.why_closed_to(passed, NOW, BLOCK, ASIDE) is None
    assert rules.why_closed_to(passed, NOW, BLOCK, BLOCK) == rules.NotOpen.DEADLINE_PASSED
    assert rules.why_closed_to(passed, NOW, AGREE, ASIDE) == rules.NotOpen.DEADLINE_PASSED
    assert rules.why_closed_to(passed, NOW, None, AGREE) == rules.NotOpen.DEADLINE_PASSED
    decided = proposal(days=-1, status=ProposalStatus.CLOSED)
    assert rules.why_closed_to(decided, NOW, BLOCK, AGREE) == rules.NotOpen.DECIDED
    assert rules.may_withdraw_block(passed, NOW, BLOCK)
    assert not rules.may_withdraw_block(proposal(days=1), NOW, BLOCK)


def test_only_members_in_the_group_by_the_deadline_and_not_staff_are_asked() -> None:
    deadline = datetime.date(2026, 11, 30)
    members = [
        rules.GroupMember(1, "Bryn", datetime.date(2026, 11, 30), "carer", False),
        rules.GroupMember(2, "Late", datetime.date(2026, 12, 1), "carer", False),
        rules.GroupMember(3, "Cara", datetime.date(2026, 9, 1), "coordinator", False),
        rules.GroupMember(4, "Staff", datetime.date(2026, 9, 1), "carer", True),
        rules.GroupMember(5, "Pat", datetime.date(2026, 9, 1), "professional", False),
    ]
    assert rules.expected_to_respond(members, deadline) == [(1, "Bryn"), (5, "Pat")]
