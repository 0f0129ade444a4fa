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


@pytest.mark.parametrize(
    ("typed", "code"),
    [("B82005", "B82005"), (" b82005 ", "B82005"), ("b 820 05", "B82005"), ("H81001", "H81001")],
)
def test_a_practice_code_is_written_as_the_nhs_writes_it(typed: str, code: str) -> None:
    assert rules.normalise_practice_code(typed) == code


@pytest.mark.parametrize("typed", ["", "12345", "B8200", "B820055", "BB2005", "B82O05", "B82005X"])
def test_anything_but_a_letter_and_five_digits_is_not_a_practice_code(typed: str) -> None:
    assert rules.normalise_practice_code(typed) is None


@pytest.mark.parametrize(
    ("lead", "partners", "payer", "chosen"),
    [
        (1, [1, 2], 2, 1),  # the lead is the health partner: it
        (1, [1, 2], 1, 2),  # the lead pays (as in the demo): the other partner
        (1, [1, 5, 3], 1, 3),  # several others: the first made
        (1, [1], 1, 1),  # a partnership of one: the payer itself
        (4, [1, 2], 1, 4),  # a lead not listed among the partners still counts
    ],
)
def test_referrers_belong_with_a_partner_that_does_not_pay(
    lead: int, partners: list[int], payer: int, chosen: int
) -> None:
    assert rules.referrers_organisation_id(lead, partners, payer) == chosen


@pytest.mark.parametrize(
    ("email", "practice_email", "problem"),
    [
        ("gp@nhs.net", "practice.b82005@nhs.net", None),
        ("GP@NHS.NET", "practice.b82005@nhs.net", None),
        ("gp@gmail.com", "practice.b82005@nhs.net", "other_domain"),
        ("gp@nhs.net.evil.example", "practice.b82005@nhs.net", "other_domain"),
        ("gp@nhs.net", "", "no_practice_email"),
    ],
)
def test_only_the_practices_email_domain_may_join(
    email: str, practice_email: str, problem: str | None
) -> None:
    assert rules.joining_email_problem(email, practice_email) == problem
