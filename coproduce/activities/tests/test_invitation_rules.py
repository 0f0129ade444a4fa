from datetime import UTC, datetime, timedelta

import pytest
from django.utils import translation

from coproduce.activities import invitation_rules as rules
from coproduce.activities.models import Activity, ActivityStatus, Format, Invitation, Reply

START = datetime(2027, 3, 10, 10, 30, tzinfo=UTC)


def test_someone_wanting_to_come_when_places_are_full_goes_on_the_waiting_list() -> None:
    assert rules.reply_for_place(Reply.COMING, 10, 10) == Reply.WAITING_LIST
    assert rules.reply_for_place(Reply.COMING, 10, 9) == Reply.COMING
    assert rules.reply_for_place(Reply.COMING, None, 500) == Reply.COMING
    assert rules.reply_for_place(Reply.NOT_COMING, 1, 5) == Reply.NOT_COMING


def test_places_are_offered_only_while_there_is_room_and_someone_waiting() -> None:
    assert rules.places_to_offer(10, 9, 3) == 1
    assert rules.places_to_offer(10, 10, 3) == 0
    assert rules.places_to_offer(10, 12, 3) == 0
    assert rules.places_to_offer(10, 2, 3) == 3
    assert rules.places_to_offer(None, 50, 4) == 4


def test_reminder_days_default_to_a_week_and_a_day_before() -> None:
    assert rules.reminder_days(Activity(reminder_days=[])) == [7, 1]
    assert rules.reminder_days(Activity(reminder_days=[1, 14, 3, 3])) == [14, 3, 1]


@pytest.mark.parametrize(
    ("days_before", "expected"),
    [(8, None), (7, 7), (3, 7), (1, 1), (0.5, 1), (-0.1, None)],
)
def test_the_nearest_reminder_whose_time_has_come_is_due(
    days_before: float, expected: int | None
) -> None:
    now = START - timedelta(days=days_before)
    invited_at = START - timedelta(days=30)
    assert rules.reminder_due(START, [7, 1], invited_at, now) == expected


def test_no_reminder_for_people_invited_after_the_reminder_time() -> None:
    now = START - timedelta(days=3)
    assert rules.reminder_due(START, [7, 1], START - timedelta(days=5), now) is None
    assert (
        rules.reminder_due(START, [7, 1], START - timedelta(days=5), START - timedelta(hours=20))
        == 1
    )


def test_the_follow_up_is_due_after_the_days_and_not_long_after() -> None:
    ended = START
    assert not rules.follow_up_due(ended, 3, ended + timedelta(days=2, hours=23))
    assert rules.follow_up_due(ended, 3, ended + timedelta(days=3))
    assert rules.follow_up_due(ended, 3, ended + timedelta(days=10))
    assert not rules.follow_up_due(
        ended, 3, ended + timedelta(days=3 + rules.FOLLOW_UP_WINDOW_DAYS)
    )


def test_check_in_codes_ignore_case_and_spaces_but_not_mistakes() -> None:
    assert rules.check_in_code_matches("ROSE42", " rose 42 ")
    assert not rules.check_in_code_matches("ROSE42", "ROSE43")
    assert not rules.check_in_code_matches("", "")


def test_an_online_activity_is_in_the_calendar_as_online_and_gives_joining_details() -> None:
    activity = Activity(format=Format.ONLINE, joining_details="https://meet.example/abc")
    assert rules.location(activity) == "Online"
    assert rules.place_lines(activity) == ["Online: https://meet.example/abc"]


def test_a_hybrid_activity_gives_the_venue_and_the_joining_details() -> None:
    activity = Activity(
        format=Format.HYBRID,
        venue_name="Mill Hall",
        venue_address="1 Mill Lane\nGuildford",
        joining_details="Zoom 123",
    )
    assert rules.location(activity) == "Mill Hall, 1 Mill Lane Guildford"
    assert rules.place_lines(activity) == [
        "Mill Hall",
        "1 Mill Lane\nGuildford",
        "Online: Zoom 123",
    ]


def test_support_says_what_is_arranged_for_the_person_or_what_is_offered() -> None:
    activity = Activity(format=Format.IN_PERSON, refreshments=True, pre_brief_offered=True)
    offered = rules.support_lines(activity)
    assert "Replacement care: we can arrange or pay for it so you can take part" in offered
    assert "Refreshments are provided" in offered
    invitation = Invitation(
        replacement_care_needed=True, replacement_care_arranged="Crossroads, 9am to 1pm"
    )
    lines = rules.support_lines(activity, invitation)
    assert "Replacement care arranged: Crossroads, 9am to 1pm" in lines


def test_when_is_written_in_uk_time_across_the_clocks_changing() -> None:
    winter = Activity(starts_at=datetime(2027, 1, 12, 10, 30, tzinfo=UTC), duration_minutes=90)
    summer = Activity(starts_at=datetime(2027, 7, 13, 9, 0, tzinfo=UTC), duration_minutes=120)
    with translation.override("en"):
        assert rules.when(winter) == "Tuesday 12 January 2027, 10:30am to 12pm"
        assert rules.when(summer) == "Tuesday 13 July 2027, 10am to 12pm"


def test_registration_questions_are_not_asked_of_people_not_coming() -> None:
    assert rules.needs_answers(Reply.COMING)
    assert rules.needs_answers(Reply.ANOTHER_WAY)
    assert not rules.needs_answers(Reply.NOT_COMING)


def test_the_register_opens_at_the_start_of_a_scheduled_activity_only() -> None:
    def activity(starts_in: timedelta | None, status: str = ActivityStatus.SCHEDULED) -> Activity:
        starts_at = None if starts_in is None else START + starts_in
        return Activity(starts_at=starts_at, status=status, duration_minutes=120)

    soon = activity(timedelta(minutes=5))
    assert rules.register_closed_because(soon, START) is not None
    assert rules.register_closed_because(activity(-timedelta(minutes=5)), START) is None
    called_off = activity(-timedelta(minutes=5), ActivityStatus.CANCELLED)
    assert rules.register_closed_because(called_off, START) is not None
    undated = activity(None, ActivityStatus.FINDING_A_TIME)
    assert rules.register_closed_because(undated, START) is not None
    assert rules.check_in_closed_because(soon, START) is None
    assert rules.check_in_closed_because(activity(timedelta(minutes=61)), START) is not None
    assert rules.check_in_closed_because(called_off, START) is not None


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (150, "2 hours 30 minutes"),
        (120, "2 hours"),
        (60, "1 hour"),
        (61, "1 hour 1 minute"),
        (45, "45 minutes"),
        (1, "1 minute"),
        (0, "0 minutes"),
    ],
)
def test_durations_read_as_hours_and_minutes(minutes: int, words: str) -> None:
    with translation.override("en"):
        assert rules.duration(minutes) == words
