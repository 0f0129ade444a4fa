import datetime

import pytest

from coproduce.api import rules
from coproduce.api.rules import Area, Level


def test_a_read_scope_never_writes_and_a_write_scope_never_reads() -> None:
    assert rules.allows(["people:read"], Area.PEOPLE, Level.READ)
    assert not rules.allows(["people:read"], Area.PEOPLE, Level.WRITE)
    assert not rules.allows(["people:write"], Area.PEOPLE, Level.READ)


def test_a_scope_for_one_area_does_not_reach_another() -> None:
    assert not rules.allows(["people:read"], Area.CLAIMS, Level.READ)


def test_every_area_has_a_read_and_a_write_scope() -> None:
    assert len(rules.ALL_SCOPES) == 2 * len(Area)
    assert "referrals:write" in rules.ALL_SCOPES


def test_the_prefix_is_read_from_a_token_whose_secret_has_underscores() -> None:
    assert rules.prefix_of("cpd_abc123_se_cr_et") == "abc123"


@pytest.mark.parametrize("text", ["", "cpd", "cpd_", "xyz_abc_def", "cpd__def", "cpd_a-b_c"])
def test_something_that_is_not_a_token_has_no_prefix(text: str) -> None:
    assert rules.prefix_of(text) is None


def test_only_the_token_itself_matches_its_hash() -> None:
    stored = rules.hash_secret("cpd_abc_secret")
    assert rules.secret_matches("cpd_abc_secret", stored)
    assert not rules.secret_matches("cpd_abc_secreT", stored)
    assert "secret" not in stored


def test_a_cursor_means_the_row_it_was_made_after() -> None:
    assert rules.pk_after(rules.cursor_after(41)) == 41


@pytest.mark.parametrize("cursor", ["41", "abc", "", "NDE:1abc:zzz"])
def test_a_cursor_not_given_out_is_refused(cursor: str) -> None:
    with pytest.raises(rules.BadCursor):
        rules.pk_after(cursor)


def test_a_changed_cursor_is_refused() -> None:
    cursor = rules.cursor_after(41)
    with pytest.raises(rules.BadCursor):
        rules.pk_after(cursor[:-1] + ("A" if cursor[-1] != "A" else "B"))


def test_the_window_says_how_long_until_the_next_one() -> None:
    window = rules.window_for(7, now=120.0 + 45.5)
    assert window.key == "api-rate:7:2"
    assert window.retry_after == 15
    assert rules.window_for(7, now=179.99).retry_after == 1


def contribution_problem(**overrides: object) -> str | None:
    given: dict[str, object] = {
        "text": "The ward forgot to tell me",
        "privacy": "identifiable",
        "person_given": True,
        "activity_project_id": None,
        "project_id": None,
        "given_on": None,
        "today": datetime.date(2026, 12, 3),
    }
    return rules.problem_with_contribution(**{**given, **overrides})  # type: ignore[arg-type]


def test_a_contribution_as_it_should_be_has_no_problem() -> None:
    assert contribution_problem() is None


def test_an_anonymous_contribution_may_not_name_a_person() -> None:
    assert "linked to nobody" in str(contribution_problem(privacy="anonymous"))
    assert contribution_problem(privacy="anonymous", person_given=False) is None


def test_a_contribution_must_say_something_without_nul_characters() -> None:
    assert contribution_problem(text="   ") == "text must say something"
    assert "NUL" in str(contribution_problem(text="a\x00b"))


def test_an_activity_of_another_project_is_refused() -> None:
    assert contribution_problem(activity_project_id=1, project_id=2) is not None
    assert contribution_problem(activity_project_id=2, project_id=2) is None


def test_a_contribution_cannot_be_given_tomorrow() -> None:
    assert contribution_problem(given_on=datetime.date(2026, 12, 4)) is not None
