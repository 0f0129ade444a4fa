"""Pure decisions about projects: no writes, no request."""

import datetime
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from coproduce.projects.models import Stage

STAGES: tuple[Stage, ...] = tuple(Stage)

# --- Stages -------------------------------------------------------------------------------


def stage_in_plain_words(stage: str) -> tuple[str, str]:
    """What is happening at a stage, and what happens next, for carers in the group."""
    words = {
        Stage.FUNDING: (
            _("We are finding the money to run the project."),
            _("Next, we bring together a group of carers to work on it."),
        ),
        Stage.MEMBERSHIP: (
            _("We are bringing together the carers and others who will work on the project."),
            _("Next, we ask carers what they think and what matters to them."),
        ),
        Stage.CONSULTING: (
            _("We are asking carers and others what they think and what matters to them."),
            _("Next, the group plans what to do about what people said."),
        ),
        Stage.PLANNING: (
            _("The group is planning what to do, from what people said."),
            _("Next, the group puts the plan into practice."),
        ),
        Stage.REVISION: (
            _("The group is changing the plan after hearing what people thought of it."),
            _("Next, the group puts the changed plan into practice."),
        ),
        Stage.DELIVERY: (
            _("The group is putting the plan into practice."),
            _("Next, the group looks at how well it worked."),
        ),
        Stage.EVALUATION: (
            _("The group is looking at how well the changes worked."),
            _("Next, the group looks back on the whole project."),
        ),
        Stage.REVIEW: (
            _("The group is looking back on the whole project and what it changed."),
            _("This is the last stage: we will tell you what happens after it."),
        ),
    }
    return words[Stage(stage)]


def stage_position(stage: str) -> int:
    return [s.value for s in STAGES].index(stage)


def is_backwards(current: str, new: str) -> bool:
    """Going back to an earlier stage, as in revision after consultation."""
    return stage_position(new) < stage_position(current)


def stage_move_problem(current: str, new: str, note: str) -> str | None:
    """Why a project cannot move from `current` to `new` with this note, or None."""
    if new == current:
        return _("The project is already at the %(stage)s stage. Choose a different stage.") % {
            "stage": Stage(current).label
        }
    if is_backwards(current, new) and not note.strip():
        return _(
            "Say why the project is going back to %(stage)s, like ‘revision after consultation’"
        ) % {"stage": Stage(new).label}
    return None


def stage_entries(
    changes: Iterable[tuple[str, datetime.datetime]],
) -> dict[str, datetime.datetime]:
    """When each stage was last entered, from (to_stage, changed_at) pairs in any order."""
    entered: dict[str, datetime.datetime] = {}
    for stage, at in changes:
        if stage not in entered or at > entered[stage]:
            entered[stage] = at
    return entered


# --- Carers' involvement at each stage ----------------------------------------------------


@dataclass(frozen=True)
class StageInvolvement:
    stage: Stage
    reached: bool
    ways: tuple[str, ...]  # the kinds of evidence, in the order given; empty when none

    @property
    def carers_took_part(self) -> bool:
        return bool(self.ways)


def carer_involvement(
    entered: Collection[str], evidence: Mapping[str, Collection[str]]
) -> list[StageInvolvement]:
    """For each of the eight stages, whether carers took part in it.

    This is derived from evidence, never ticked: `entered` is every stage the project has
    been in (from its stage history, including the current stage), and `evidence` maps a
    kind of carer participation to the stages in which it happened, for example::

        {"attended": {"consulting"}, "led": {"planning", "consulting"}}

    where "attended" means a carer member of the group attended an activity of that stage
    and "led" that one led or co-facilitated it. Further kinds of evidence (contributions
    carers made, decisions they took part in) are added as further keys, without changing
    this function. A stage with evidence counts as reached even if the history lacks it.
    """
    result = []
    for stage in STAGES:
        ways = tuple(kind for kind, stages in evidence.items() if stage.value in stages)
        result.append(
            StageInvolvement(stage=stage, reached=stage.value in entered or bool(ways), ways=ways)
        )
    return result


def carers_took_part_in(stage: str, evidence: Mapping[str, Collection[str]]) -> bool:
    """Whether any kind of evidence shows carers taking part in `stage`."""
    return any(stage in stages for stages in evidence.values())


def missing_evidence(stage: str, evidence: Mapping[str, Collection[str]]) -> list[str]:
    """The kinds of evidence (in the order given) of which `stage` has none."""
    return [kind for kind, stages in evidence.items() if stage not in stages]


def moves_on_without_carers(
    current: str, new: str, evidence: Mapping[str, Collection[str]]
) -> bool:
    """Whether moving from `current` to `new` moves the project on (forwards) from a stage
    in which carers took no part: such a move needs a reason, recorded in the history, and
    counts against the project's rung. Going back (for revision) is not moving on."""
    if new == current or is_backwards(current, new):
        return False
    return not carers_took_part_in(current, evidence)


def carers_absent_problem(current: str) -> str:
    """The error when a reason for moving on without carers is needed but not given."""
    return _(
        "Say why the project is moving on although carers took no part in the %(stage)s stage"
    ) % {"stage": Stage(current).label}


# --- Dates, money, milestones ---------------------------------------------------------------


def dates_problem(starts_on: datetime.date, ends_on: datetime.date | None) -> str | None:
    if ends_on is not None and ends_on < starts_on:
        return _("The end date must be the same as or after the start date")
    return None


MAXIMUM_BUDGET_LINE = Decimal("1000000")


def amount_problem(amount: Decimal) -> str | None:
    """Why an amount cannot be a budget line, or None."""
    if amount < 0:
        return _("The amount must be £0 or more")
    if amount > MAXIMUM_BUDGET_LINE:
        return _("The amount must be £1,000,000 or less")
    if amount != amount.quantize(Decimal("0.01")):
        return _("Enter the amount in pounds and pence, like 120.50")
    return None


def milestone_state(
    due_on: datetime.date, done_on: datetime.date | None, today: datetime.date
) -> str:
    """ "done", "overdue" (due before today and not done) or "due"."""
    if done_on is not None:
        return "done"
    if due_on < today:
        return "overdue"
    return "due"


# --- Group make-up -----------------------------------------------------------------------

# Fewer answers than this and a make-up is not shown, so nobody can be picked out.
SMALLEST_GROUP_SHOWN = 5
# A group is under-represented when its share in the group is below half its share in the
# population compared with, and that population share is at least 5%. Both conditions
# keep the flag for real gaps: tiny population shares would flag noise in small groups.
UNDER_REPRESENTED_RATIO = Decimal("0.5")
SMALLEST_SHARE_FLAGGED = Decimal("5")


def shares(counts: Mapping[str, int]) -> dict[str, Decimal] | None:
    """Each category's percentage of the answers, or None when too few answered to show."""
    total = sum(counts.values())
    if total < SMALLEST_GROUP_SHOWN:
        return None
    return {key: Decimal(100) * n / total for key, n in counts.items()}


def under_represented(group_share: Decimal | None, population_share: Decimal | None) -> bool:
    """Whether a category is under-represented in the group against a population.

    Unknown shares (too few to show, or no figure for the area) never flag.
    """
    if group_share is None or population_share is None:
        return False
    if population_share < SMALLEST_SHARE_FLAGGED:
        return False
    return group_share < population_share * UNDER_REPRESENTED_RATIO
