"""The rules of the self-assessment's figures."""

from coproduce.selfassessment import rules


def test_carers_groups_of_fewer_than_five_are_hidden_and_staff_groups_never() -> None:
    assert rules.suppressed("carers", 4)
    assert not rules.suppressed("carers", 5)
    assert not rules.suppressed("staff", 1)


def test_the_gap_is_staff_less_carers_and_unknown_when_either_is_missing() -> None:
    assert rules.gap(3.5, 2.0) == 1.5
    assert rules.gap(2.0, 3.25) == -1.25
    assert rules.gap(None, 3.0) is None
    assert rules.gap(3.0, None) is None


def test_the_change_since_the_last_round_needs_both_rounds() -> None:
    assert rules.change(3.0, 2.5) == 0.5
    assert rules.change(3.0, None) is None


def test_carers_comments_are_shown_only_once_five_carers_answered() -> None:
    assert not rules.carer_comments_shown(4)
    assert rules.carer_comments_shown(5)
