from datetime import date

import pytest

from coproduce.recruitment import rules
from coproduce.recruitment.models import State
from coproduce.recruitment.rules import BriefStatus, Screening

OPENS, CLOSES = date(2027, 3, 1), date(2027, 3, 31)


def test_an_unpublished_brief_is_a_draft_whatever_the_date() -> None:
    assert rules.brief_status(False, OPENS, CLOSES, date(2027, 3, 10)) == BriefStatus.DRAFT


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2027, 2, 28), BriefStatus.UPCOMING),
        (OPENS, BriefStatus.OPEN),
        (CLOSES, BriefStatus.OPEN),
        (date(2027, 4, 1), BriefStatus.CLOSED),
    ],
)
def test_a_published_brief_is_open_from_its_opening_to_its_closing_date(
    today: date, status: BriefStatus
) -> None:
    assert rules.brief_status(True, OPENS, CLOSES, today) == status


def test_closing_before_opening_is_refused_with_its_own_message() -> None:
    assert rules.dates_problem(OPENS, date(2027, 2, 1)) == rules.CLOSES_BEFORE_OPENING
    assert rules.dates_problem(OPENS, OPENS) is None


def test_a_brief_whose_closing_date_has_passed_cannot_be_published() -> None:
    assert rules.publish_problem(CLOSES, date(2027, 4, 1)) is not None
    assert rules.publish_problem(CLOSES, CLOSES) is None


@pytest.mark.parametrize(
    ("from_state", "to_state"),
    [
        (State.RECEIVED, State.SCREENED),
        (State.RECEIVED, State.NOT_THIS_TIME),
        (State.RECEIVED, State.WITHDRAWN),
        (State.SCREENED, State.SCREENED),
        (State.SCREENED, State.INVITED),
        (State.SCREENED, State.NOT_THIS_TIME),
        (State.INVITED, State.MEMBER),
        (State.INVITED, State.WITHDRAWN),
    ],
)
def test_allowed_moves(from_state: State, to_state: State) -> None:
    assert rules.may_move(from_state, to_state)


@pytest.mark.parametrize(
    ("from_state", "to_state"),
    [
        (State.RECEIVED, State.INVITED),
        (State.RECEIVED, State.MEMBER),
        (State.SCREENED, State.MEMBER),
        (State.SCREENED, State.RECEIVED),
        (State.INVITED, State.SCREENED),
        (State.NOT_THIS_TIME, State.INVITED),
        (State.MEMBER, State.WITHDRAWN),
        (State.WITHDRAWN, State.RECEIVED),
    ],
)
def test_refused_moves(from_state: State, to_state: State) -> None:
    assert not rules.may_move(from_state, to_state)


def test_every_state_has_its_moves_listed() -> None:
    assert set(rules.TRANSITIONS) == set(State)


def test_only_safeguarding_trained_staff_screen_under_18s() -> None:
    assert rules.may_screen(under_18=True, safeguarding_trained=True)
    assert not rules.may_screen(under_18=True, safeguarding_trained=False)
    assert rules.may_screen(under_18=False, safeguarding_trained=False)


def screening(**overrides: object) -> Screening:
    values: dict[str, object] = {
        "under_18": False,
        "online_group": False,
        "genuine_carer": True,
        "safeguarding_notes": "",
        "has_guardian_consent": False,
    }
    values.update(overrides)
    return Screening(**values)  # type: ignore[arg-type]


def test_a_screened_genuine_adult_carer_can_be_invited() -> None:
    assert rules.invite_problems(screening()) == []


def test_invitations_need_a_genuine_carer() -> None:
    assert len(rules.invite_problems(screening(genuine_carer=None))) == 1
    assert len(rules.invite_problems(screening(genuine_carer=False))) == 1


def test_online_groups_need_safeguarding_notes_before_an_invitation() -> None:
    assert len(rules.invite_problems(screening(online_group=True, safeguarding_notes=" "))) == 1
    assert rules.invite_problems(screening(online_group=True, safeguarding_notes="Checked")) == []


def test_under_18s_need_a_guardians_consent_before_an_invitation() -> None:
    assert len(rules.invite_problems(screening(under_18=True))) == 1
    assert rules.invite_problems(screening(under_18=True, has_guardian_consent=True)) == []


def test_age_comes_from_the_date_of_birth_before_the_answer() -> None:
    today = date(2027, 3, 10)
    assert rules.is_under_18(date(2009, 3, 11), None, today)
    assert not rules.is_under_18(date(2009, 3, 10), True, today)
    assert rules.is_under_18(None, True, today)
    assert not rules.is_under_18(None, None, today)


def test_phone_numbers_match_whichever_way_they_are_written() -> None:
    assert rules.phone_key("07700 900982") == rules.phone_key("+44 7700 900982")
    assert rules.phone_key("0044 7700 900982") == "07700900982"
    assert rules.phone_key("+44 (0)1632 960001") == "01632960001"


def test_a_second_answer_with_the_same_email_or_phone_is_a_duplicate() -> None:
    existing = [("sam@example.org", "07700900982")]
    assert rules.is_duplicate("SAM@example.org ", "", existing)
    assert rules.is_duplicate("", "+44 7700 900982", existing)
    assert not rules.is_duplicate("other@example.org", "01632 960001", existing)
    assert not rules.is_duplicate("", "", [("", "")])


def test_areas_are_postcode_districts_or_areas() -> None:
    assert rules.parse_areas("gu1, GU2  rh") == ["GU1", "GU2", "RH"]
    assert rules.parse_areas("Guildford") == []


def test_phone_numbers_in_a_sentence_are_found_for_tapping() -> None:
    assert rules.phone_parts("Phone us on 01632 960 001 or 07700 900982.") == [
        ("Phone us on ", ""),
        ("01632 960 001", "+441632960001"),
        (" or ", ""),
        ("07700 900982", "+447700900982"),
        (".", ""),
    ]


def test_text_without_a_phone_number_is_left_alone() -> None:
    assert rules.phone_parts("Meet on 12 March 2027 at 10:30.") == [
        ("Meet on 12 March 2027 at 10:30.", "")
    ]
    assert rules.phone_parts("") == []
