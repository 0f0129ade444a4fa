"""What one viewer sees of a proposal's positions, in three queries (positions, the
group, re-proposals), with every privacy choice made by `rules`."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from coproduce.decisions import actions, rules
from coproduce.decisions.models import DecisionRule, Position, PositionChannel, Proposal, Stance
from coproduce.people.models import Person


@dataclass
class Seen:
    me: Person | None  # the viewer, when they are a current member of the group
    closed: rules.NotOpen | None
    your_position: Position | None
    member_count: int
    responded: int
    visible: bool
    counts: list[tuple[Stance, int]] = field(default_factory=list)
    shown: list[rules.Shown] = field(default_factory=list)
    non_responders: list[str] | None = None
    proposer_name: str = ""
    may_record_outcome: bool = False
    revisions: list[Proposal] = field(default_factory=list)


def member_choices(proposal: Proposal) -> list[tuple[int, str]]:
    """The current group as (person id, name), for staff to choose from."""
    return list(actions.group_of(proposal.project).values_list("pk", "full_name"))


def blocking_members(proposal: Proposal) -> list[tuple[int, str]]:
    """Current members whose position is a block, as (person id, name): one query."""
    blocking = proposal.positions.filter(stance=Stance.BLOCK).values("person_id")
    group = actions.group_of(proposal.project).filter(pk__in=blocking)
    return list(group.values_list("pk", "full_name"))


def for_viewer(
    proposal: Proposal, viewer_is_staff: bool, viewer: Person | None, now: datetime.datetime
) -> Seen:
    positions = list(proposal.positions.select_related("person").order_by("recorded_at", "pk"))
    group = actions.group_members(proposal.project)
    members = [(m.person_id, m.name) for m in group]
    member_ids = {pk for pk, _ in members}
    me = viewer if viewer is not None and viewer.pk in member_ids else None
    viewer_id = viewer.pk if viewer is not None else None
    yours = next((p for p in positions if me is not None and p.person_id == me.pk), None)
    responded = {p.person_id for p in positions}
    seen = Seen(
        me=me,
        closed=rules.why_closed(proposal, now),
        your_position=yours,
        member_count=len(members),
        responded=len(member_ids & responded),
        visible=rules.positions_visible(viewer_is_staff, proposal, now),
        revisions=list(proposal.revisions.all()),
    )
    seen.may_record_outcome = viewer_is_staff and rules.may_record_outcome(
        proposal, now, seen.member_count, seen.responded
    )
    if seen.visible:
        names = {p.person_id: p.person.full_name for p in positions}
        seen.shown = rules.shown_positions(
            viewer_is_staff,
            viewer_id,
            positions,
            names,
            {k: str(v) for k, v in PositionChannel.choices},
        )
        seen.counts = rules.stance_counts(p.stance for p in positions)
    if rules.non_responders_visible(viewer_is_staff, proposal, now):
        # Only those asked: in the group by the deadline, and not staff.
        asked = rules.expected_to_respond(group, timezone.localdate(proposal.deadline))
        seen.non_responders = rules.not_responded(asked, responded)
    seen.proposer_name = proposer_name(proposal, viewer_is_staff, viewer_id, positions)
    return seen


def proposer_name(
    proposal: Proposal,
    viewer_is_staff: bool,
    viewer_id: int | None,
    positions: list[Position],
) -> str:
    """The proposer's name, unless naming them would name an anonymous position's author
    to this viewer (then "" and the page says "a member of the group")."""
    proposer = proposal.proposed_by
    if proposer is None:
        return ""
    theirs = next((p for p in positions if p.person_id == proposer.pk), None)
    if theirs is not None and not rules.name_visible(viewer_is_staff, theirs, viewer_id):
        return ""
    return proposer.full_name


def initial_position(position: Position | None) -> dict[str, Any]:
    if position is None:
        return {}
    return {
        "stance": position.stance,
        "comment": position.comment,
        "anonymous_to_group": position.anonymous_to_group,
    }


def initial_outcome(seen: Seen, rule: DecisionRule) -> dict[str, Any]:
    """The outcome the positions point to under the group's rule, and a statement that
    starts with every view."""
    stance_names = {k: str(v) for k, v in Stance.choices}
    allowed = rules.blocks_allowed(rule.kind)
    return {
        "outcome": rules.suggested_outcome((s.stance for s in seen.shown), allowed).value,
        "statement": rules.summary(seen.shown, seen.non_responders or [], stance_names),
    }
