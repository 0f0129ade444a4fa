"""A round's figures, checked against a computation of their own from the raw rows, on
generated answers: means by area and principle, by area, by principle and overall, for staff
and carers; carers' groups of fewer than five hidden; the gap; the change since the round
before; the biggest gaps."""

import random
from collections import defaultdict
from collections.abc import Callable

import pytest

from coproduce.conftest import Member
from coproduce.selfassessment import actions, rules
from coproduce.selfassessment.models import Answer, Round
from coproduce.selfassessment.results import Row, biggest_gaps, results_of
from coproduce.selfassessment.tests.factories import carers_answer, opened, staff_answer
from coproduce.tenancy.models import Organisation
from coproduce.tenancy.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def scorer(seed: int) -> Callable[[int, int], int | None]:
    """Random scores (one in eight "I don't know"), the same for the same seed."""

    def score(question: int, who: int) -> int | None:
        value = random.Random(f"{seed}-{question}-{who}").randint(0, 8)
        return None if value == 0 else 1 + value % 4

    return score


def expected(round_: Round, level: str) -> dict[tuple[str, ...], tuple[float | None, bool]]:
    """From the raw rows, in Python: (key, side) -> (mean to 2 places or None, hidden)."""
    scores: dict[tuple[str, ...], list[int]] = defaultdict(list)
    people: dict[tuple[str, ...], set[int]] = defaultdict(set)
    rows = Answer.objects.filter(submission__round=round_).values_list(
        "question__area", "question__principle", "submission__side", "submission_id", "score"
    )
    for area, principle, side, submission, score in rows:
        if score is None:
            continue
        key = {
            "cell": (area, principle),
            "area": (area,),
            "principle": (principle,),
            "overall": (),
        }[level] + (side,)
        scores[key].append(score)
        people[key].add(submission)
    result = {}
    for key, values in scores.items():
        hidden = key[-1] == "carers" and len(people[key]) < 5
        result[key] = (None if hidden else round(sum(values) / len(values), 2), hidden)
    return result


def check(rows: list[Row], round_: Round, level: str) -> None:
    want = expected(round_, level)
    for row in rows:
        for side, figure in (("staff", row.staff), ("carers", row.carers)):
            mean, hidden = want.get((*row.key, side), (None, False))
            assert figure.mean == pytest.approx(mean), (row.key, side)
            assert figure.hidden == hidden, (row.key, side)


@pytest.mark.parametrize(("staff", "carers", "seed"), [(3, 4, 1), (2, 7, 2), (5, 12, 3)])
def test_the_figures_match_an_independent_computation(
    org_a: Organisation, staff: int, carers: int, seed: int
) -> None:
    before = opened(org_a, "Last year", days_ago=400)
    staff_answer(before, UserFactory.create_batch(staff), scorer(seed + 100))
    carers_answer(before, carers + 1, scorer(seed + 200))
    actions.close_round(before)
    now = opened(org_a, "This year", days_ago=10)
    staff_answer(now, UserFactory.create_batch(staff), scorer(seed))
    carers_answer(now, carers, scorer(seed + 300))

    results = results_of(now, before)

    assert results.answered == {"staff": staff, "carers": carers}
    check(results.cells, now, "cell")
    check(results.areas, now, "area")
    check(results.principles, now, "principle")
    check([results.overall], now, "overall")
    assert len(results.cells) == 16
    previous = expected(before, "area")
    for row in results.areas:
        then = previous.get((*row.key, "staff"), (None, False))[0]
        assert row.staff_change == rules.change(row.staff.mean, then)
        if row.staff.mean is not None and row.carers.mean is not None:
            assert row.gap == pytest.approx(row.staff.mean - row.carers.mean, abs=0.011)
        else:
            assert row.gap is None


def test_four_carers_figures_are_hidden_and_five_are_shown(org_a: Organisation) -> None:
    round_ = opened(org_a)
    carers_answer(round_, 4, lambda q, w: 2)
    results = results_of(round_, None)
    assert all(row.carers.hidden and row.carers.mean is None for row in results.cells)
    assert results.overall.carers.hidden
    carers_answer(round_, 1, lambda q, w: 2)
    results = results_of(round_, None)
    assert all(row.carers.mean == 2.0 for row in results.cells)


def test_a_group_counts_people_who_scored_not_people_who_said_they_dont_know(
    org_a: Organisation,
) -> None:
    round_ = opened(org_a)
    # Five carers answer; one says "I don't know" to the first statement only.
    carers_answer(round_, 5, lambda q, w: None if (q, w) == (0, 0) else 3)
    results = results_of(round_, None)
    first = results.cells[0]
    assert first.carers.hidden
    assert first.carers.people == 4
    assert results.cells[1].carers.mean == 3.0


def test_the_biggest_gaps_come_first_either_way(
    org_a: Organisation, coordinator: Member, admin: Member
) -> None:
    round_ = opened(org_a)
    # Staff score everything 3; carers 1 on the first statement, 4 on the second, else 3.
    staff_answer(round_, [coordinator.user, admin.user], lambda q, w: 3)
    carers_answer(round_, 5, lambda q, w: {0: 1, 1: 4}.get(q, 3))
    gaps = results_of(round_, None).biggest_gaps
    assert [(row.key, row.gap) for row in gaps] == [
        (("culture", "equality"), 2.0),
        (("culture", "diversity"), -1.0),
    ]
    assert biggest_gaps([]) == []
