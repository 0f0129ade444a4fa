import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from coproduce.projects import rules
from coproduce.projects.models import Stage

ALL_STAGES = [s.value for s in Stage]


def by_stage(rows: list[rules.StageInvolvement]) -> dict[str, rules.StageInvolvement]:
    return {row.stage.value: row for row in rows}


def test_carer_involvement_lists_all_eight_stages_in_order() -> None:
    rows = rules.carer_involvement({"funding"}, {})
    assert [row.stage.value for row in rows] == ALL_STAGES


def test_a_stage_counts_when_carers_attended_or_led_an_activity_in_it() -> None:
    rows = by_stage(
        rules.carer_involvement(
            {"funding", "membership", "consulting", "planning"},
            {"attended": {"consulting"}, "led": {"planning", "consulting"}},
        )
    )
    assert rows["consulting"].carers_took_part
    assert rows["consulting"].ways == ("attended", "led")
    assert rows["planning"].ways == ("led",)
    assert not rows["funding"].carers_took_part
    assert rows["funding"].reached
    assert not rows["delivery"].reached


def test_evidence_of_a_stage_missing_from_the_history_still_counts_as_reached() -> None:
    rows = by_stage(rules.carer_involvement({"funding"}, {"attended": {"review"}}))
    assert rows["review"].reached
    assert rows["review"].carers_took_part


def test_further_kinds_of_evidence_are_just_more_keys() -> None:
    rows = by_stage(
        rules.carer_involvement({"planning"}, {"attended": set(), "contributed": {"planning"}})
    )
    assert rows["planning"].ways == ("contributed",)


@given(
    entered=st.sets(st.sampled_from(ALL_STAGES)),
    evidence=st.dictionaries(st.text(min_size=1), st.sets(st.sampled_from(ALL_STAGES))),
)
def test_carers_took_part_exactly_where_some_evidence_says_so(
    entered: set[str], evidence: dict[str, set[str]]
) -> None:
    for row in rules.carer_involvement(entered, evidence):
        expected = any(row.stage.value in stages for stages in evidence.values())
        assert row.carers_took_part == expected
        assert row.reached == (row.stage.value in entered or expected)


def test_moving_to_the_same_stage_is_refused() -> None:
    problem = rules.stage_move_problem("planning", "planning", "")
    assert problem is not None
    assert "already at the Planning stage" in problem


def test_going_back_needs_a_note_but_going_forward_does_not() -> None:
    assert rules.stage_move_problem("consulting", "revision", "") is None
    assert rules.stage_move_problem("delivery", "revision", "  ") is not None
    assert rules.stage_move_problem("delivery", "revision", "revision after consultation") is None


def test_moving_on_from_a_stage_without_carers_is_moving_on_without_them() -> None:
    evidence = {"attended": {"consulting"}, "led": set[str]()}
    assert rules.moves_on_without_carers("planning", "delivery", evidence)
    assert rules.moves_on_without_carers("funding", "review", evidence)
    assert not rules.moves_on_without_carers("consulting", "planning", evidence)
    # Going back (for revision) or staying put is not moving on.
    assert not rules.moves_on_without_carers("planning", "consulting", evidence)
    assert not rules.moves_on_without_carers("planning", "planning", evidence)
    # With no evidence registered at all, carers took part nowhere.
    assert rules.moves_on_without_carers("consulting", "planning", {})


def test_what_is_missing_is_every_kind_of_evidence_the_stage_lacks() -> None:
    evidence = {"attended": {"consulting"}, "led": {"planning"}, "decided": set[str]()}
    assert rules.missing_evidence("consulting", evidence) == ["led", "decided"]
    assert rules.missing_evidence("delivery", evidence) == ["attended", "led", "decided"]


def test_stage_entries_keep_the_latest_time_each_stage_was_entered() -> None:
    first = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    later = datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)
    entries = rules.stage_entries([("planning", later), ("funding", first), ("planning", first)])
    assert entries == {"planning": later, "funding": first}


def test_an_end_date_before_the_start_is_a_problem() -> None:
    start = datetime.date(2026, 9, 1)
    assert rules.dates_problem(start, datetime.date(2026, 8, 31)) is not None
    assert rules.dates_problem(start, start) is None
    assert rules.dates_problem(start, None) is None


def test_budget_amounts_are_pounds_and_pence_from_nothing_to_a_million() -> None:
    assert rules.amount_problem(Decimal("0")) is None
    assert rules.amount_problem(Decimal("1000000.00")) is None
    assert rules.amount_problem(Decimal("-0.01")) == "The amount must be £0 or more"
    assert rules.amount_problem(Decimal("1000000.01")) == "The amount must be £1,000,000 or less"
    assert rules.amount_problem(Decimal("12.345")) == (
        "Enter the amount in pounds and pence, like 120.50"
    )


def test_a_milestone_is_overdue_only_when_not_done_and_past_its_date() -> None:
    today = datetime.date(2026, 10, 10)
    assert rules.milestone_state(datetime.date(2026, 10, 9), None, today) == "overdue"
    assert rules.milestone_state(datetime.date(2026, 10, 10), None, today) == "due"
    assert rules.milestone_state(datetime.date(2026, 10, 9), today, today) == "done"


def test_shares_are_hidden_when_fewer_than_five_answered() -> None:
    assert rules.shares({"a": 2, "b": 2}) is None
    assert rules.shares({"a": 0, "b": 0}) is None
    assert rules.shares({"a": 1, "b": 4}) == {"a": Decimal(20), "b": Decimal(80)}


def test_a_group_below_half_the_population_share_is_under_represented() -> None:
    assert rules.under_represented(Decimal("10"), Decimal("21"))
    assert not rules.under_represented(Decimal("10.5"), Decimal("21"))
    assert not rules.under_represented(Decimal("0"), Decimal("4.9"))
    assert rules.under_represented(Decimal("0"), Decimal("5"))


def test_unknown_shares_are_never_flagged() -> None:
    assert not rules.under_represented(None, Decimal("50"))
    assert not rules.under_represented(Decimal("0"), None)


@given(
    group=st.decimals(min_value=0, max_value=100, places=2),
    population=st.decimals(min_value=0, max_value=100, places=2),
)
def test_under_representation_follows_the_documented_rule(
    group: Decimal, population: Decimal
) -> None:
    flagged = rules.under_represented(group, population)
    assert flagged == (population >= 5 and group * 2 < population)
    if group >= population:
        assert not flagged
