import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from coproduce.activities import rules
from coproduce.activities.rules import GroupMember, LeftOut, LeftOutBecause, SlotTime

LONDON = ZoneInfo("Europe/London")
UTC = datetime.UTC


def london(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=LONDON)  # type: ignore[misc,arg-type]


# --- Notice ----------------------------------------------------------------------------


def test_notice_counts_whole_days_between_dates_whatever_the_time_of_day() -> None:
    assert rules.notice_days(london(2027, 5, 3, 23, 50), london(2027, 5, 6, 9, 0)) == 3
    assert rules.notice_days(london(2027, 5, 3, 0, 5), london(2027, 5, 6, 23, 0)) == 3


def test_an_activity_later_today_or_in_the_past_gives_no_notice() -> None:
    assert rules.notice_days(london(2027, 5, 3, 9, 0), london(2027, 5, 3, 18, 0)) == 0
    assert rules.notice_days(london(2027, 5, 3, 9, 0), london(2027, 5, 1, 18, 0)) == 0


def test_notice_across_the_clocks_going_forward_in_march() -> None:
    # BST starts at 1am GMT on Sunday 28 March 2027: that day has only 23 hours.
    now = london(2027, 3, 27, 23, 30)  # Saturday night, GMT
    assert rules.notice_days(now, london(2027, 3, 28, 10, 0)) == 1
    assert rules.notice_days(now, london(2027, 3, 29, 0, 30)) == 2
    # 14 days from 21 March (GMT) to 4 April (BST), though only 14 days less an hour pass.
    assert rules.notice_days(london(2027, 3, 21, 10, 0), london(2027, 4, 4, 10, 0)) == 14


def test_notice_across_the_clocks_going_back_in_october() -> None:
    # BST ends at 2am BST on Sunday 31 October 2027: that day has 25 hours.
    now = london(2027, 10, 30, 23, 30)  # Saturday night, BST (22:30 UTC)
    assert rules.notice_days(now, london(2027, 10, 31, 23, 30)) == 1
    assert rules.notice_days(london(2027, 10, 24, 0, 30), london(2027, 11, 7, 0, 10)) == 14


def test_notice_uses_london_dates_for_moments_given_in_other_time_zones() -> None:
    # 23:30 UTC on 4 June is 00:30 on 5 June in London (BST).
    now = datetime.datetime(2027, 6, 4, 23, 30, tzinfo=UTC)
    starts = datetime.datetime(2027, 6, 6, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    # 9am in New York on 6 June is 2pm in London on 6 June: one day after 5 June.
    assert rules.notice_days(now, starts) == 1
    # 1am in Sydney on 7 June is 4pm in London on 6 June.
    sydney = datetime.datetime(2027, 6, 7, 1, 0, tzinfo=ZoneInfo("Australia/Sydney"))
    assert rules.notice_days(now, sydney) == 1


def test_required_notice_is_the_larger_of_the_policy_and_anyone_s_own_need() -> None:
    assert rules.required_notice(14, []) == 14
    assert rules.required_notice(14, [7, 10]) == 14
    assert rules.required_notice(14, [7, 21]) == 21


def test_short_notice_is_less_notice_than_required() -> None:
    now = london(2027, 5, 3, 9, 0)
    assert rules.is_short_notice(now, london(2027, 5, 16, 9, 0), 14, []) is True
    assert rules.is_short_notice(now, london(2027, 5, 17, 9, 0), 14, []) is False
    assert rules.is_short_notice(now, london(2027, 5, 17, 9, 0), 14, [21]) is True


def test_the_notice_check_names_who_needs_more_and_how_much() -> None:
    notice = rules.check_notice(
        london(2027, 5, 3, 9, 0), london(2027, 5, 13, 9, 0), 7, {"Ann": 14, "Bea": 3}
    )
    assert (notice.given, notice.required, notice.short, notice.policy_short) == (
        10,
        14,
        True,
        False,
    )
    assert notice.needs_more == (rules.NeedsMore("Ann", 14),)


# --- Times as typed ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("10:30", datetime.time(10, 30)),
        ("10.30am", datetime.time(10, 30)),
        ("2pm", datetime.time(14, 0)),
        ("2:15 PM", datetime.time(14, 15)),
        ("12pm", datetime.time(12, 0)),
        ("12am", datetime.time(0, 0)),
        ("14:00", datetime.time(14, 0)),
        ("0:00", datetime.time(0, 0)),
    ],
)
def test_times_are_read_as_people_type_them(typed: str, expected: datetime.time) -> None:
    assert rules.parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["24:00", "25:00", "13pm", "10:60", "noonish", "", "0am"])
def test_times_that_do_not_exist_are_refused(typed: str) -> None:
    assert rules.parse_time(typed) is None


def test_the_hour_skipped_when_the_clocks_go_forward_does_not_exist() -> None:
    assert rules.london_datetime(datetime.date(2027, 3, 28), datetime.time(1, 30)) is None
    moment = rules.london_datetime(datetime.date(2027, 3, 28), datetime.time(10, 0))
    assert moment is not None
    assert moment.astimezone(UTC).hour == 9


def test_an_activity_must_finish_by_midnight() -> None:
    assert rules.ends_by_midnight(london(2027, 5, 3, 22, 0), 120) is True
    assert rules.ends_by_midnight(london(2027, 5, 3, 22, 30), 120) is False


def test_reminder_days_are_read_from_a_list() -> None:
    assert rules.parse_reminder_days("7, 1") == [7, 1]
    assert rules.parse_reminder_days("1 and 7 and 7") == [7, 1]
    assert rules.parse_reminder_days("") == []
    assert rules.parse_reminder_days("seven") is None
    assert rules.parse_reminder_days("90") is None


def test_money_is_read_in_pounds_and_pence() -> None:
    assert rules.parse_money("£12.50") == Decimal("12.50")
    assert rules.parse_money("1,200") == Decimal("1200.00")
    assert rules.parse_money("") == Decimal("0")
    assert rules.parse_money("-3") is None
    assert rules.parse_money("1.234") is None
    assert rules.parse_money("ten") is None


# --- Ranking proposed times -------------------------------------------------------------

NOW = london(2027, 5, 3, 9, 0)  # a Monday
TUESDAY_MORNING = SlotTime(1, london(2027, 5, 25, 10, 0))
THURSDAY_EVENING = SlotTime(2, london(2027, 5, 27, 18, 0))
SATURDAY = SlotTime(3, london(2027, 5, 29, 11, 0))
ANN = GroupMember(10, "Ann", 14)
BEA = GroupMember(11, "Bea", 14, frozenset({"weekday_evening"}))
CAL = GroupMember(12, "Cal", 14)


def test_the_time_most_people_can_make_comes_first() -> None:
    answers = {
        (1, 10): True,
        (1, 11): True,
        (1, 12): False,
        (2, 10): True,
        (2, 11): True,
        (2, 12): True,
    }
    ranked = rules.rank_slots(
        [TUESDAY_MORNING, THURSDAY_EVENING], [ANN, BEA, CAL], answers, NOW, 14
    )
    assert [r.key for r in ranked] == [2, 1]
    assert ranked[0].can_come == ["Ann", "Bea", "Cal"]
    assert ranked[0].best
    assert not ranked[1].best
    # Bea said yes to Tuesday morning but is only free on weekday evenings.
    assert ranked[1].can_come == ["Ann"]
    assert ranked[1].left_out == [
        LeftOut("Bea", LeftOutBecause.OUTSIDE_AVAILABILITY),
        LeftOut("Cal", LeftOutBecause.CANNOT_MAKE),
    ]


def test_on_a_tie_the_earlier_time_comes_first_and_both_are_best() -> None:
    answers = {(1, 10): True, (3, 10): True}
    ranked = rules.rank_slots([SATURDAY, TUESDAY_MORNING], [ANN], answers, NOW, 14)
    assert [r.key for r in ranked] == [1, 3]
    assert all(r.best for r in ranked)


def test_a_time_giving_less_notice_than_someone_needs_leaves_them_out() -> None:
    soon = SlotTime(4, london(2027, 5, 10, 10, 0))  # 7 days away
    needs_three_weeks = GroupMember(13, "Dee", 21)
    ranked = rules.rank_slots(
        [soon, TUESDAY_MORNING],
        [ANN, needs_three_weeks],
        {(4, 10): True, (4, 13): True, (1, 10): True, (1, 13): True},
        NOW,
        14,
    )
    by_key = {r.key: r for r in ranked}
    assert by_key[4].left_out == [
        LeftOut("Ann", LeftOutBecause.NOT_ENOUGH_NOTICE, 14),
        LeftOut("Dee", LeftOutBecause.NOT_ENOUGH_NOTICE, 21),
    ]
    assert by_key[4].short_notice is True
    # 22 days' notice: enough for Dee.
    assert by_key[1].can_come == ["Ann", "Dee"]


def test_people_who_have_not_answered_are_not_counted_but_are_listed() -> None:
    ranked = rules.rank_slots([TUESDAY_MORNING], [ANN], {}, NOW, 14)
    assert ranked[0].count == 0
    assert ranked[0].left_out == [LeftOut("Ann", LeftOutBecause.NO_ANSWER)]
    # Still waiting for answers is not the same as nobody being able to come.
    assert rules.nobody_can_come(ranked) is False


def test_when_nobody_can_make_any_time_the_group_is_told_to_propose_others() -> None:
    answers = {(1, 10): False, (2, 10): False}
    ranked = rules.rank_slots([TUESDAY_MORNING, THURSDAY_EVENING], [ANN], answers, NOW, 14)
    assert rules.nobody_can_come(ranked) is True
    assert not any(r.best for r in ranked)
    assert rules.nobody_can_come([]) is False


def test_availability_periods_follow_the_carer_profile_choices() -> None:
    assert rules.availability_period(TUESDAY_MORNING.starts_at) == "weekday_morning"
    assert rules.availability_period(london(2027, 5, 25, 14, 0)) == "weekday_afternoon"
    assert rules.availability_period(THURSDAY_EVENING.starts_at) == "weekday_evening"
    assert rules.availability_period(SATURDAY.starts_at) == "weekend_daytime"
    assert rules.availability_period(london(2027, 5, 30, 19, 0)) == "weekend_evening"
