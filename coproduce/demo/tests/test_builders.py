from datetime import date, timedelta

import pytest

from coproduce.demo import builders, data, plans
from coproduce.people.models import AgeBand, Condition, Person, Relationship


@pytest.mark.parametrize("today", [date(2026, 1, 1), date(2028, 2, 29), date(2026, 12, 31)])
def test_birth_date_for_makes_someone_exactly_that_age_today(today: date) -> None:
    for age in (12, 16, 17, 18, 64, 85, 90):
        for days in (0, 1, 59, 180, 360):
            born = plans.birth_date_for(today, age, days)
            assert Person(date_of_birth=born).age_on(today) == age


def test_birth_date_for_puts_the_last_birthday_that_many_days_ago() -> None:
    today = date(2026, 6, 15)
    assert plans.birth_date_for(today, 16, 90) == date(2010, 6, 15) - timedelta(days=90)


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (12, AgeBand.UNDER_18),
        (17, AgeBand.UNDER_18),
        (18, AgeBand.AGE_18_24),
        (49, AgeBand.AGE_35_49),
        (50, AgeBand.AGE_50_64),
        (84, AgeBand.AGE_75_84),
        (85, AgeBand.AGE_85_PLUS),
    ],
)
def test_age_band_for(age: int, band: AgeBand) -> None:
    assert plans.age_band_for(age) == band


def test_ascii_slug_drops_accents_and_punctuation() -> None:
    assert plans.ascii_slug("Siân O'Brien") == "sianobrien"
    assert plans.ascii_slug("Małgorzata Wiśniewska") == "malgorzatawisniewska"
    assert plans.ascii_slug("Li Na") == "lina"


def test_describe_caring_names_each_person_and_their_conditions() -> None:
    husband = plans.CaredForPlan(
        name="Tom",
        female=False,
        relationship=Relationship.PARTNER,
        conditions=[Condition.DEMENTIA],
        lives_with_carer=True,
    )
    son = plans.CaredForPlan(
        name="",
        female=False,
        relationship=Relationship.CHILD,
        conditions=[Condition.AUTISM],
        lives_with_carer=True,
    )
    assert plans.describe_caring(True, [husband, son]) == (
        "Cares for her husband, Tom, who has dementia, and her son, who is autistic."
    )


def test_join_phrases_says_has_once() -> None:
    assert plans.join_phrases(["has dementia", "has a long-term illness"]) == (
        "has dementia and a long-term illness"
    )
    assert plans.join_phrases(["is frail", "has dementia"]) == "is frail and has dementia"


def test_totp_keys_are_fixed_forty_hex_characters() -> None:
    key = builders.totp_key_for("admin@riverside.example")
    assert key == builders.totp_key_for("admin@riverside.example")
    assert len(key) == 40
    int(key, 16)
    assert len(builders.base32_secret(key)) == 32


def test_the_same_seed_draws_the_same_carers() -> None:
    today = date(2026, 3, 1)

    def names() -> list[str]:
        draw = plans.Draw.seeded(today)
        drawn = plans.draw_carers(draw, [(data.ENGLISH, 5)], [(20, 80, 5)], plans.RIVERSIDE_AREA)
        return [plan.full_name for plan in drawn]

    assert names() == names()
