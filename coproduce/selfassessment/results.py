"""A round's scores, computed in SQL: the mean score (1 to 4) and how many people scored,
for staff and for carers, by area and principle, by area, by principle and overall, for
the round and the one before it; the gap between staff and carers; carers' groups of
fewer than five hidden. A fixed number of queries whatever the number of answers."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, Q

from coproduce.selfassessment import rules
from coproduce.selfassessment.models import Answer, Area, Principle, Round, Side, Submission

Key = tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    """One group's figure: its mean score, or None when nobody scored or it is hidden."""

    mean: float | None
    people: int
    hidden: bool = False


NOBODY = Figure(None, 0)


@dataclass
class Row:
    key: Key
    staff: Figure = NOBODY
    carers: Figure = NOBODY
    before_staff: Figure = NOBODY
    before_carers: Figure = NOBODY

    @property
    def area(self) -> str:
        return self.key[0] if self.key and self.key[0] in Area.values else ""

    @property
    def principle(self) -> str:
        return self.key[-1] if self.key and self.key[-1] in Principle.values else ""

    @property
    def gap(self) -> float | None:
        return rules.gap(self.staff.mean, self.carers.mean)

    @property
    def staff_change(self) -> float | None:
        return rules.change(self.staff.mean, self.before_staff.mean)

    @property
    def carers_change(self) -> float | None:
        return rules.change(self.carers.mean, self.before_carers.mean)


@dataclass
class Results:
    round: Round
    previous: Round | None
    answered: dict[str, int]  # staff and carers who answered this round
    cells: list[Row]  # area by principle
    areas: list[Row]
    principles: list[Row]
    overall: Row
    biggest_gaps: list[Row] = field(default_factory=list)


def _figures(
    round_ids: Sequence[int], keys: Sequence[str]
) -> dict[tuple[Any, ...], tuple[float, int]]:
    """(round, *keys, side) -> (mean score, people who scored), in one query."""
    columns = [f"question__{key}" for key in keys]
    rows = (
        Answer.objects.filter(submission__round_id__in=round_ids, score__isnull=False)
        .values("submission__round_id", *columns, "submission__side")
        .annotate(mean=Avg("score"), people=Count("submission", distinct=True))
        .order_by()
    )
    return {
        (row["submission__round_id"], *[row[c] for c in columns], row["submission__side"]): (
            float(row["mean"]),
            int(row["people"]),
        )
        for row in rows
    }


def _figure(found: dict[tuple[Any, ...], tuple[float, int]], key: tuple[Any, ...]) -> Figure:
    if key not in found:
        return NOBODY
    mean, people = found[key]
    side = key[-1]
    if rules.suppressed(side, people):
        return Figure(None, people, hidden=True)
    return Figure(round(mean, 2), people)


def _rows(round_: Round, previous: Round | None, keys: Sequence[str]) -> list[Row]:
    ids = [round_.pk] + ([previous.pk] if previous else [])
    found = _figures(ids, keys)
    choices: list[list[str]] = [
        {"area": Area.values, "principle": Principle.values}[key] for key in keys
    ]
    combinations: list[Key] = [()]
    for values in choices:
        combinations = [(*done, value) for done in combinations for value in values]
    rows = []
    for key in combinations:
        row = Row(
            key,
            staff=_figure(found, (round_.pk, *key, Side.STAFF)),
            carers=_figure(found, (round_.pk, *key, Side.CARERS)),
        )
        if previous is not None:
            row.before_staff = _figure(found, (previous.pk, *key, Side.STAFF))
            row.before_carers = _figure(found, (previous.pk, *key, Side.CARERS))
        rows.append(row)
    return rows


def biggest_gaps(rows: Sequence[Row], count: int = rules.BIGGEST_GAPS) -> list[Row]:
    """The rows where staff and carers differ most (either way), biggest first."""
    with_gap = [row for row in rows if row.gap is not None and row.gap != 0]
    return sorted(with_gap, key=lambda row: (-abs(row.gap or 0), row.key))[:count]


def answered(round_: Round) -> dict[str, int]:
    counts = Submission.objects.filter(round=round_).aggregate(
        staff=Count("pk", filter=Q(side=Side.STAFF)),
        carers=Count("pk", filter=Q(side=Side.CARERS)),
    )
    return {"staff": counts["staff"], "carers": counts["carers"]}


def results_of(round_: Round, previous: Round | None) -> Results:
    """Five queries: who answered, and the figures at four levels for both rounds."""
    cells = _rows(round_, previous, ["area", "principle"])
    return Results(
        round=round_,
        previous=previous,
        answered=answered(round_),
        cells=cells,
        areas=_rows(round_, previous, ["area"]),
        principles=_rows(round_, previous, ["principle"]),
        overall=_rows(round_, previous, [])[0],
        biggest_gaps=biggest_gaps(cells),
    )
