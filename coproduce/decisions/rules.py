"""Pure decisions about proposals: who sees whose position, when people may respond, when
the outcome can be recorded, what the group's decision rule allows, and the summary of
every position for the outcome statement.

The group's decision rule (a project setting) says when "agreed" may be recorded while
members block:

- Full consensus: never while a block stands.
- Consensus minus one: while one block stands, but not two.
- Consensus with a vote as a fallback: as full consensus until a proposal reaches the
  round the group chose (the first proposal is round 1, each revision one more); from
  then, when more members agree (with or without reservations) than block.

Otherwise a standing block must be addressed before "agreed": by a revised proposal, by
the member withdrawing it (changing their position before the deadline), or by recording
the reason the group accepted for going ahead despite it.

Privacy is decided here and only here, so every page shows the same thing:

- While a proposal hides positions and its deadline has not passed (and it is not yet
  decided), only staff see other people's positions; members see their own and a count.
- A position anonymous to the group is shown to the group without the name, the channel
  or the time (any of which could tell who gave it); staff see it all.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coproduce.decisions.models import (
    Outcome,
    Position,
    Proposal,
    ProposalStatus,
    RuleKind,
    Stance,
)
from coproduce.projects.models import GroupRole

# A comment longer than this is shortened in the pre-filled outcome statement.
SUMMARY_COMMENT_LIMIT = 500
# The latest a deadline may be set, so a proposal cannot wait for ever.
LONGEST_DEADLINE_DAYS = 366


def deadline_passed(proposal: Proposal, now: datetime.datetime) -> bool:
    return now >= proposal.deadline


def is_decided(proposal: Proposal) -> bool:
    return proposal.status == ProposalStatus.CLOSED


def positions_visible(viewer_is_staff: bool, proposal: Proposal, now: datetime.datetime) -> bool:
    """Whether the viewer may see other people's positions (their own they always see)."""
    if viewer_is_staff:
        return True
    if not proposal.hide_positions_until_deadline:
        return True
    return is_decided(proposal) or deadline_passed(proposal, now)


def name_visible(viewer_is_staff: bool, position: Position, viewer_person_id: int | None) -> bool:
    """Whether the viewer may see who gave a position (and how and when they gave it)."""
    if viewer_is_staff:
        return True
    if position.person_id == viewer_person_id:
        return True
    return not position.anonymous_to_group


def non_responders_visible(
    viewer_is_staff: bool, proposal: Proposal, now: datetime.datetime
) -> bool:
    """Staff always see who has not responded yet; the group once the deadline passes."""
    return viewer_is_staff or is_decided(proposal) or deadline_passed(proposal, now)


class NotOpen(StrEnum):
    DECIDED = "decided"
    DEADLINE_PASSED = "deadline_passed"


def why_closed(proposal: Proposal, now: datetime.datetime) -> NotOpen | None:
    """Why positions can no longer be given, or None while they can."""
    if is_decided(proposal):
        return NotOpen.DECIDED
    if deadline_passed(proposal, now):
        return NotOpen.DEADLINE_PASSED
    return None


def why_closed_to(
    proposal: Proposal, now: datetime.datetime, current: str | None, new: str
) -> NotOpen | None:
    """Why this member may not change their position from `current` (None if they have
    none) to `new`, or None if they may. After the deadline, until the outcome is recorded,
    a member may still withdraw a block (change it to any other position), so a block can
    be addressed by the member withdrawing it."""
    why = why_closed(proposal, now)
    if why == NotOpen.DEADLINE_PASSED and current == Stance.BLOCK and new != Stance.BLOCK:
        return None
    return why


def may_withdraw_block(proposal: Proposal, now: datetime.datetime, current: str | None) -> bool:
    """Whether the deadline has passed and this member's block may still be withdrawn."""
    return why_closed(proposal, now) == NotOpen.DEADLINE_PASSED and current == Stance.BLOCK


def may_record_outcome(
    proposal: Proposal, now: datetime.datetime, members: int, responded: int
) -> bool:
    """Staff record the outcome once the deadline has passed or every member has responded."""
    if is_decided(proposal):
        return False
    return deadline_passed(proposal, now) or (members > 0 and responded >= members)


def deadline_problem(deadline: datetime.datetime, now: datetime.datetime) -> str | None:
    """What is wrong with a proposed deadline, in words for the form; None if it is fine."""
    if deadline <= now:
        return _("The deadline must be in the future")
    if deadline > now + datetime.timedelta(days=LONGEST_DEADLINE_DAYS):
        return _("The deadline must be within a year")
    return None


# --- The group's decision rule ------------------------------------------------------------

AGREEING = frozenset({Outcome.AGREED, Outcome.AGREED_WITH_RESERVATIONS})
SUPPORTING = frozenset({Stance.AGREE, Stance.AGREE_WITH_RESERVATIONS})


def blocks_allowed(kind: str) -> int:
    """How many blocks may stand while the group agrees, by consensus."""
    return 1 if kind == RuleKind.CONSENSUS_MINUS_ONE else 0


def vote_allowed(kind: str, vote_after_rounds: int, round_: int) -> bool:
    """Whether this round of a proposal may be settled by the fallback vote."""
    return kind == RuleKind.FALLBACK_VOTE and round_ >= vote_after_rounds


def vote_carried(stances: Iterable[str]) -> bool:
    """More members agree (with or without reservations) than block; standing aside is
    not a vote either way."""
    given = list(stances)
    support = sum(1 for s in given if s in SUPPORTING)
    return support > given.count(Stance.BLOCK)


def block_reason_needed(
    outcome: str, stances: Iterable[str], kind: str, vote_after_rounds: int, round_: int
) -> bool:
    """Whether recording `outcome` needs the reason the group accepted for going ahead
    despite a block: it agrees while more blocks stand than the rule allows, and no
    fallback vote settles it."""
    given = list(stances)
    if outcome not in AGREEING:
        return False
    if given.count(Stance.BLOCK) <= blocks_allowed(kind):
        return False
    return not (vote_allowed(kind, vote_after_rounds, round_) and vote_carried(given))


def outcome_problem(
    outcome: str,
    stances: Iterable[str],
    kind: str,
    vote_after_rounds: int,
    round_: int,
    block_reason: str,
) -> str | None:
    """Why `outcome` cannot be recorded as it stands, in words for the form; None if fine."""
    given = list(stances)
    if not block_reason_needed(outcome, given, kind, vote_after_rounds, round_):
        return None
    if block_reason.strip():
        return None
    blocks = given.count(Stance.BLOCK)
    return ngettext(
        "%(num)s block stands, so the group cannot be recorded as agreeing under its "
        "decision rule. Address the block first: put a revised proposal (record “Revised "
        "and re-proposed”), ask the member to withdraw it, or say why the group accepted "
        "going ahead despite it.",
        "%(num)s blocks stand, so the group cannot be recorded as agreeing under its "
        "decision rule. Address the blocks first: put a revised proposal (record “Revised "
        "and re-proposed”), ask the members to withdraw them, or say why the group accepted "
        "going ahead despite them.",
        blocks,
    ) % {"num": blocks}


def rule_description(kind: str, vote_after_rounds: int) -> str:
    """The group's decision rule in a sentence, for every proposal page."""
    if kind == RuleKind.CONSENSUS_MINUS_ONE:
        return _("Consensus minus one: the group can agree while one member blocks, but not two.")
    if kind == RuleKind.FALLBACK_VOTE:
        return ngettext(
            "Consensus, with a vote as a fallback: from round %(num)s of a proposal, if a "
            "block still stands, the group agrees when more members agree than block.",
            "Consensus, with a vote as a fallback: from round %(num)s of a proposal, if a "
            "block still stands, the group agrees when more members agree than block.",
            vote_after_rounds,
        ) % {"num": vote_after_rounds}
    return _("Full consensus: the group agrees only when no member's block stands.")


# --- Notice for positions --------------------------------------------------------------------


def short_notice_problem(short: bool, reason: str) -> str | None:
    """A deadline giving a member less notice than they need needs a reason."""
    if short and not reason.strip():
        return _("Give a reason for the short notice, or choose a later deadline")
    return None


# --- Positions and the outcome statement -----------------------------------------------------


def stance_counts(stances: Iterable[str]) -> list[tuple[Stance, int]]:
    """How many took each stance, in the order of the stances (zeros included)."""
    given = list(stances)
    return [(stance, given.count(stance.value)) for stance in Stance]


def suggested_outcome(stances: Iterable[str], allowed_blocks: int = 0) -> Outcome:
    """The outcome the positions point to; staff may record another, with the statement."""
    listed = list(stances)
    given = set(listed)
    if listed.count(Stance.BLOCK) > allowed_blocks:
        return Outcome.NOT_AGREED
    if Stance.AGREE_WITH_RESERVATIONS in given:
        return Outcome.AGREED_WITH_RESERVATIONS
    if given & {Stance.AGREE, Stance.STAND_ASIDE}:
        return Outcome.AGREED
    return Outcome.NOT_AGREED


@dataclass(frozen=True)
class Shown:
    """A position as a particular viewer may see it: `name` and `channel` are empty when
    the viewer may not know who gave it."""

    stance: Stance
    comment: str
    name: str
    channel: str
    recorded_at: datetime.datetime | None
    anonymous_to_group: bool
    yours: bool


def shown_positions(
    viewer_is_staff: bool,
    viewer_person_id: int | None,
    positions: Sequence[Position],
    names: dict[int, str],
    channel_names: dict[str, str],
) -> list[Shown]:
    """Positions as the viewer may see them: named ones by name, anonymous ones after
    them in the order of their stance (never in an order that could give them away)."""
    shown = []
    for position in positions:
        named = name_visible(viewer_is_staff, position, viewer_person_id)
        shown.append(
            Shown(
                stance=Stance(position.stance),
                comment=position.comment,
                name=names.get(position.person_id, "") if named else "",
                channel=channel_names.get(position.channel, "") if named else "",
                recorded_at=position.recorded_at if named else None,
                anonymous_to_group=position.anonymous_to_group,
                yours=position.person_id == viewer_person_id,
            )
        )
    order = [s.value for s in Stance]
    return sorted(
        shown, key=lambda s: (s.name == "", s.name.casefold(), order.index(s.stance), s.comment)
    )


@dataclass(frozen=True)
class GroupMember:
    person_id: int
    name: str
    joined_on: datetime.date
    role: str  # GroupRole
    staff: bool  # an admin or coordinator of their organisation


def expected_to_respond(
    members: Iterable[GroupMember], deadline: datetime.date
) -> list[tuple[int, str]]:
    """The members (person id, name) asked for a position: in the group by the day of the
    deadline, as carers or partners. Staff run the decision; they are not asked."""
    return [
        (m.person_id, m.name)
        for m in members
        if not m.staff and m.role != GroupRole.COORDINATOR and m.joined_on <= deadline
    ]


def not_responded(members: Sequence[tuple[int, str]], responded: Iterable[int]) -> list[str]:
    """Names of the current members (person id, name) who have given no position."""
    answered = set(responded)
    return sorted((name for pk, name in members if pk not in answered), key=str.casefold)


def shorten(text: str, limit: int = SUMMARY_COMMENT_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def summary(
    shown: Sequence[Shown], non_responders: Sequence[str], stance_names: dict[str, str]
) -> str:
    """The pre-filled outcome statement: counts, every position (anonymous ones without a
    name, because the statement is shown to the group) and who did not respond."""
    counts = stance_counts(s.stance for s in shown)
    lines = [
        ngettext("%(num)s member gave a position.", "%(num)s members gave a position.", len(shown))
        % {"num": len(shown)},
        "; ".join(f"{stance_names[stance]}: {n}" for stance, n in counts) + ".",
        "",
    ]
    order = [s.value for s in Stance]
    # Anonymous positions go last, by stance: never where their name would sort.
    for s in sorted(
        shown,
        key=lambda s: (
            s.anonymous_to_group,
            "" if s.anonymous_to_group else s.name.casefold(),
            order.index(s.stance),
        ),
    ):
        who = _("Anonymous") if s.anonymous_to_group else s.name
        line = f"- {who}: {stance_names[s.stance]}"
        if s.comment.strip():
            line += f". {shorten(s.comment)}"
        lines.append(line)
    lines.append("")
    if non_responders:
        lines.append(_("Did not respond: %(names)s.") % {"names": ", ".join(non_responders)})
    else:
        lines.append(_("Every member responded."))
    return "\n".join(lines)
