"""Pure decisions about surveys: which questions a respondent sees, what comes next,
whether a survey takes answers, and percentages that add up."""

import datetime
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from coproduce.surveys.models import SurveyStatus


@dataclass(frozen=True)
class Step:
    """A question as the rules see it: its id and, for a conditional question, the
    option (and that option's question) whose choice shows it."""

    question_id: int
    condition_option_id: int | None = None
    condition_question_id: int | None = None


Chosen = Mapping[int, set[int]]  # question id -> the option ids chosen


def shown_steps(steps: Sequence[Step], chosen: Chosen) -> list[Step]:
    """Questions the respondent should see, in order. A conditional question is shown
    only when its earlier question is itself shown and was answered with the option."""
    shown: list[Step] = []
    visible: set[int] = set()
    for step in steps:
        if step.condition_option_id is not None:
            earlier = step.condition_question_id
            if earlier not in visible:
                continue
            if step.condition_option_id not in chosen.get(earlier, set()):
                continue
        shown.append(step)
        visible.add(step.question_id)
    return shown


def next_step(steps: Sequence[Step], current_id: int | None, chosen: Chosen) -> Step | None:
    """The question after `current_id` (the first one when None), skipping questions
    whose condition is not met; None once there are no more."""
    shown = shown_steps(steps, chosen)
    if current_id is None:
        return shown[0] if shown else None
    order = [s.question_id for s in steps]
    position = order.index(current_id)
    for step in shown:
        if order.index(step.question_id) > position:
            return step
    return None


def previous_step(steps: Sequence[Step], current_id: int, chosen: Chosen) -> Step | None:
    shown = shown_steps(steps, chosen)
    order = [s.question_id for s in steps]
    position = order.index(current_id)
    earlier = [s for s in shown if order.index(s.question_id) < position]
    return earlier[-1] if earlier else None


def condition_is_earlier(condition_position: int, question_position: int) -> bool:
    """A question may depend only on a question that comes before it."""
    return condition_position < question_position


class Availability(enum.StrEnum):
    DRAFT = "draft"
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


def availability(
    status: str,
    opens_at: datetime.datetime | None,
    closes_at: datetime.datetime | None,
    now: datetime.datetime,
) -> Availability:
    if status == SurveyStatus.DRAFT:
        return Availability.DRAFT
    if status == SurveyStatus.CLOSED:
        return Availability.CLOSED
    if closes_at is not None and now >= closes_at:
        return Availability.CLOSED
    if opens_at is not None and now < opens_at:
        return Availability.UPCOMING
    return Availability.OPEN


AVAILABILITY_LABELS = {
    Availability.DRAFT: _("Draft"),
    Availability.UPCOMING: _("Not open yet"),
    Availability.OPEN: _("Open"),
    Availability.CLOSED: _("Closed"),
}


def percentages(counts: Sequence[int]) -> list[int]:
    """Whole-number percentages of the total that add up to exactly 100 (largest
    remainder: the parts rounded down, then the biggest remainders get one more)."""
    total = sum(counts)
    if total == 0:
        return [0 for _count in counts]
    exact = [count * 100 / total for count in counts]
    floors = [int(value) for value in exact]
    left = 100 - sum(floors)
    by_remainder = sorted(range(len(counts)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in by_remainder[:left]:
        floors[i] += 1
    return floors


def share(count: int, total: int) -> int:
    """One option's whole-number percentage of respondents, rounded half up (for
    questions where people may choose several options, so shares need not add to 100)."""
    if total == 0:
        return 0
    return (count * 200 + total) // (total * 2)


def answer_text(question: str, answer: str) -> str:
    """How one answer reads within a contribution."""
    return f"{question}: {answer}"


def response_text(title: str, answers: Sequence[tuple[str, str]]) -> str:
    """How a whole response reads as one contribution: the survey's title, then each
    question and its answer, in the survey's order, a paragraph each."""
    return "\n\n".join([title, *(answer_text(q, a) for q, a in answers)])
