from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from coproduce.breaks import rules

QUESTIONS = rules.DEFAULT_ELIGIBILITY
ALL_MET = {
    "necessary_care": "yes",
    "effect_of_caring": ["health_at_risk"],
    "significant_impact": "yes",
}


def test_all_three_conditions_met_is_eligible_with_reasons() -> None:
    outcome = rules.evaluate(QUESTIONS, ALL_MET)
    assert outcome.eligible
    assert len(outcome.reasons) == 3
    assert outcome.unanswered == []


@pytest.mark.parametrize(
    ("key", "answer", "reason"),
    [
        ("necessary_care", "no", "The need must arise from providing necessary care to an adult."),
        ("effect_of_caring", ["none"], "Caring must put their health at risk"),
        ("significant_impact", "no", "There must be, or be likely to be, a significant impact"),
    ],
)
def test_any_condition_not_met_means_not_eligible_and_says_which(
    key: str, answer: object, reason: str
) -> None:
    outcome = rules.evaluate(QUESTIONS, {**ALL_MET, key: answer})
    assert not outcome.eligible
    assert any(r.startswith(reason) for r in outcome.reasons)


def test_one_outcome_is_enough_for_the_second_condition() -> None:
    assert rules.evaluate(QUESTIONS, {**ALL_MET, "effect_of_caring": ["recreation"]}).eligible


def test_unanswered_questions_are_listed_and_not_eligible() -> None:
    outcome = rules.evaluate(QUESTIONS, {"necessary_care": "yes"})
    assert not outcome.eligible
    assert outcome.unanswered == ["effect_of_caring", "significant_impact"]


def test_a_scheme_can_set_its_own_questions() -> None:
    custom = {
        "questions": [
            {
                "key": "registered",
                "kind": "yes_no",
                "text": "Registered as a carer with the GP?",
                "met": "Registered.",
                "not_met": "Must be registered.",
            }
        ]
    }
    assert rules.evaluate(custom, {"registered": "yes"}).eligible
    assert rules.evaluate(custom, {"registered": "no"}).reasons == ["Must be registered."]


def test_unknown_kind_of_question_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown kind"):
        rules.question_met({"kind": "essay"}, "words")


def test_reasons_are_given_in_welsh_too() -> None:
    with translation.override("cy"):
        outcome = rules.evaluate(QUESTIONS, ALL_MET)
    english = rules.evaluate(QUESTIONS, ALL_MET)
    assert outcome.reasons != english.reasons


def test_amounts_must_be_positive_pence_and_within_the_maximum() -> None:
    maximum = Decimal("500.00")
    assert rules.amount_problem(Decimal("300.00"), maximum) is None
    assert rules.amount_problem(Decimal("500.00"), maximum) is None
    assert "£500.00 or less" in (rules.amount_problem(Decimal("500.01"), maximum) or "")
    assert "more than £0" in (rules.amount_problem(Decimal("0"), maximum) or "")
    assert "pounds and pence" in (rules.amount_problem(Decimal("10.005"), maximum) or "")


def test_a_second_break_within_the_repeat_period_is_too_soon() -> None:
    assert rules.repeat_too_soon(date(2026, 6, 1), date(2027, 5, 31), 365)
    assert not rules.repeat_too_soon(date(2026, 6, 1), date(2027, 6, 1), 365)
    assert not rules.repeat_too_soon(None, date(2027, 6, 1), 365)


def test_the_same_carer_is_recognised_despite_spacing_and_case() -> None:
    born = date(1950, 2, 3)
    assert rules.same_carer_key("Mary O'Neill", born) == rules.same_carer_key("mary  oneill", born)
    assert rules.same_carer_key("Mary O'Neill", born) != rules.same_carer_key(
        "Mary O'Neill", date(1950, 2, 4)
    )
