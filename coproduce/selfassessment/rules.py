"""Pure decisions about the self-assessment: no writes, no request."""

from coproduce.accountability.models import ActionStatus
from coproduce.selfassessment.models import Area, Principle, Round

# Carers' figures for a group smaller than this are not shown (they could identify people).
MIN_CARERS = 5
# How many of the biggest gaps between staff and carers the results point out.
BIGGEST_GAPS = 3
# A gap this large (a point on the four-point scale) is worth talking about.
NOTABLE_GAP = 1.0

AREAS = list(Area)
PRINCIPLES = list(Principle)
# The colours of You Said, We Did actions, for the same statuses.
STATUS_TAGS = {
    ActionStatus.PLANNED: "govuk-tag--blue",
    ActionStatus.IN_PROGRESS: "govuk-tag--yellow",
    ActionStatus.DONE: "govuk-tag--green",
    ActionStatus.NOT_POSSIBLE: "govuk-tag--grey",
}


def suppressed(side: str, people: int) -> bool:
    """Whether a group's figure is hidden: carers' groups of fewer than MIN_CARERS."""
    return side == "carers" and people < MIN_CARERS


def gap(staff: float | None, carers: float | None) -> float | None:
    """How much higher staff scored than carers (negative: carers scored higher); None
    when either figure is missing or hidden."""
    if staff is None or carers is None:
        return None
    return round(staff - carers, 2)


def change(now: float | None, before: float | None) -> float | None:
    if now is None or before is None:
        return None
    return round(now - before, 2)


def may_answer(round_: Round) -> bool:
    return round_.is_open


def carer_comments_shown(carers_answered: int) -> bool:
    """Carers' comments are shown (never with names) once enough carers answered that no
    comment points to one person by elimination."""
    return carers_answered >= MIN_CARERS
