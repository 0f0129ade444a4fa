from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from coproduce.people import rules
from coproduce.people.models import Consent, Person


def test_postcodes_are_normalised_or_refused() -> None:
    assert rules.normalise_postcode("gu11aa") == "GU1 1AA"
    assert rules.normalise_postcode(" sw1a  1aa ") == "SW1A 1AA"
    assert rules.normalise_postcode("CF10 1EP") == "CF10 1EP"
    assert rules.normalise_postcode("not a postcode") is None
    assert rules.normalise_postcode("12345") is None


@given(st.text(max_size=12))
def test_a_normalised_postcode_is_stable(raw: str) -> None:
    once = rules.normalise_postcode(raw)
    if once is not None:
        assert rules.normalise_postcode(once) == once


def test_phone_numbers_need_ten_to_fifteen_digits() -> None:
    assert rules.normalise_phone("07700  900982") == "07700 900982"
    assert rules.normalise_phone("+44 (0)1632 960001") == "+44 (0)1632 960001"
    assert rules.normalise_phone("999") is None
    assert rules.normalise_phone("call me") is None


def test_a_channel_needs_its_contact_detail() -> None:
    empty = {"email": "", "phone": "", "address": ""}
    assert rules.missing_detail_for_channel("email", **empty) == "email"
    assert rules.missing_detail_for_channel("sms", **empty) == "phone"
    assert rules.missing_detail_for_channel("phone", **empty) == "phone"
    assert rules.missing_detail_for_channel("letter", **empty) == "address"
    assert (
        rules.missing_detail_for_channel("letter", email="", phone="", address="1 High St") is None
    )


def test_the_latest_consent_of_each_kind_is_the_current_one() -> None:
    early = datetime(2026, 1, 1, tzinfo=UTC)
    later = datetime(2026, 6, 1, tzinfo=UTC)
    consents = [
        Consent(pk=2, kind="equality", given=False, recorded_at=later),
        Consent(pk=1, kind="equality", given=True, recorded_at=early),
        Consent(pk=3, kind="contact", given=True, recorded_at=early),
    ]
    current = rules.current_consents(consents)
    assert current["equality"].given is False
    assert current["contact"].given is True
    assert not rules.may_keep_equality_data(consents)
    assert rules.may_keep_equality_data(consents[1:])


def test_young_carers_are_under_eighteen_on_the_day() -> None:
    person = Person(date_of_birth=date(2010, 3, 15))
    assert rules.is_young_carer(person, date(2028, 3, 14))
    assert not rules.is_young_carer(person, date(2028, 3, 15))
    assert not rules.is_young_carer(Person(), date(2028, 3, 15))
