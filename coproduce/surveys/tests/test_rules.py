import datetime

import pytest

from coproduce.surveys import rules
from coproduce.surveys.rules import Availability, Step

# 1: yes/no (options 10 yes, 11 no); 2: only after "yes"; 3: always; 4: only after 2's option 20
STEPS = [Step(1), Step(2, 10, 1), Step(3), Step(4, 20, 2)]


def ids(steps: list[Step]) -> list[int]:
    return [s.question_id for s in steps]


def test_a_conditional_question_is_shown_only_after_its_answer() -> None:
    assert ids(rules.shown_steps(STEPS, {1: {10}})) == [1, 2, 3]
    assert ids(rules.shown_steps(STEPS, {1: {11}})) == [1, 3]
    assert ids(rules.shown_steps(STEPS, {})) == [1, 3]


def test_a_question_depending_on_a_hidden_question_stays_hidden() -> None:
    assert ids(rules.shown_steps(STEPS, {1: {11}, 2: {20}})) == [1, 3]
    assert ids(rules.shown_steps(STEPS, {1: {10}, 2: {20}})) == [1, 2, 3, 4]


def test_next_question_skips_questions_whose_condition_is_not_met() -> None:
    assert rules.next_step(STEPS, None, {}) == Step(1)
    assert rules.next_step(STEPS, 1, {1: {11}}) == Step(3)
    assert rules.next_step(STEPS, 1, {1: {10}}) == Step(2, 10, 1)
    assert rules.next_step(STEPS, 3, {1: {11}}) is None


def test_previous_question_skips_hidden_ones_too() -> None:
    assert rules.previous_step(STEPS, 3, {1: {11}}) == Step(1)
    assert rules.previous_step(STEPS, 3, {1: {10}}) == Step(2, 10, 1)
    assert rules.previous_step(STEPS, 1, {}) is None


def test_a_question_can_depend_only_on_an_earlier_one() -> None:
    assert rules.condition_is_earlier(1, 2)
    assert not rules.condition_is_earlier(2, 2)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([1, 1, 1], [34, 33, 33]),
        ([2, 1], [67, 33]),
        ([1, 0, 0], [100, 0, 0]),
        ([0, 0], [0, 0]),
        ([1, 1, 1, 1, 1, 1, 1], [15, 15, 14, 14, 14, 14, 14]),
        ([5, 3, 2], [50, 30, 20]),
    ],
)
def test_percentages_add_up_to_exactly_one_hundred(counts: list[int], expected: list[int]) -> None:
    result = rules.percentages(counts)
    assert result == expected
    assert sum(result) == (100 if sum(counts) else 0)


def test_shares_of_respondents_round_half_up() -> None:
    assert rules.share(1, 8) == 13  # 12.5
    assert rules.share(2, 3) == 67
    assert rules.share(0, 0) == 0


NOW = datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


def test_a_survey_takes_answers_only_when_open_and_within_its_dates() -> None:
    assert rules.availability("draft", None, None, NOW) is Availability.DRAFT
    assert rules.availability("open", None, None, NOW) is Availability.OPEN
    assert rules.availability("open", NOW + DAY, None, NOW) is Availability.UPCOMING
    assert rules.availability("open", NOW - DAY, NOW, NOW) is Availability.CLOSED
    assert rules.availability("closed", None, NOW + DAY, NOW) is Availability.CLOSED


def test_an_answer_reads_as_question_then_answer() -> None:
    assert rules.answer_text("Who helped?", "Family") == "Who helped?: Family"
