from datetime import UTC, datetime

import pytest

from coproduce.notifications import rules
from coproduce.people.models import CarerProfile, Channel, Person


def carer(preferred: str = Channel.EMAIL, **details: object) -> Person:
    fields: dict[str, object] = {
        "full_name": "Margaret Jones",
        "email": "margaret@example.org",
        "phone": "07700 900982",
        "address": "1 High Street\nGuildford",
        "postcode": "gu1 1aa",
    }
    blocks = {k: details.pop(k) for k in list(details) if k.startswith("no_")}
    fields.update(details)
    person = Person(**fields)
    CarerProfile(person=person, preferred_channel=preferred, **blocks)
    return person


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.SMS, Channel.LETTER, Channel.PHONE])
def test_the_preferred_channel_is_used_when_possible(channel: Channel) -> None:
    assert rules.choose_channel(carer(channel)) == channel


def test_a_blocked_preferred_channel_falls_back_to_email_first() -> None:
    assert rules.choose_channel(carer(Channel.LETTER, no_letter=True)) == Channel.EMAIL


def test_without_email_a_text_is_next() -> None:
    assert rules.choose_channel(carer(Channel.EMAIL, email="")) == Channel.SMS
    assert rules.choose_channel(carer(Channel.EMAIL, no_email=True)) == Channel.SMS


def test_a_landline_cannot_take_a_text_so_a_letter_is_next() -> None:
    assert rules.choose_channel(carer(Channel.SMS, email="", phone="01632 960001")) == (
        Channel.LETTER
    )


def test_without_email_mobile_or_letter_staff_must_phone() -> None:
    person = carer(Channel.EMAIL, no_email=True, no_sms=True, address="", phone="01632 960001")
    assert rules.choose_channel(person) == Channel.PHONE


def test_with_no_way_at_all_there_is_no_channel() -> None:
    person = carer(Channel.EMAIL, email="", phone="", address="")
    assert rules.choose_channel(person) is None
    blocked = carer(Channel.EMAIL, no_email=True, no_sms=True, no_letter=True, no_phone=True)
    assert rules.choose_channel(blocked) is None


def test_people_without_a_carer_profile_get_email() -> None:
    staff = Person(full_name="Dylan", email="dylan@example.org", phone="07700 900982")
    assert rules.choose_channel(staff) == Channel.EMAIL


def test_erased_people_are_not_contacted() -> None:
    person = carer(erased_at=datetime(2026, 11, 1, tzinfo=UTC))
    assert rules.choose_channel(person) is None


def test_uk_mobile_numbers() -> None:
    assert rules.is_uk_mobile("07700 900982")
    assert rules.is_uk_mobile("+44 7700-900982")
    assert not rules.is_uk_mobile("01632 960001")
    assert not rules.is_uk_mobile("0770090098")
    assert not rules.is_uk_mobile("")


def test_letter_lines_are_name_then_address_then_postcode() -> None:
    person = carer(address="1 High Street\n\nGuildford\nGU1 1AA")
    assert rules.letter_address_lines(person) == [
        "Margaret Jones",
        "1 High Street",
        "Guildford",
        "GU1 1AA",
    ]


def test_an_address_on_one_line_is_split_at_commas() -> None:
    person = carer(address="Flat 2, 10 Castle Street, Cardiff", postcode="CF10 1BS")
    assert rules.letter_address_lines(person) == [
        "Margaret Jones",
        "Flat 2",
        "10 Castle Street",
        "Cardiff",
        "CF10 1BS",
    ]


def test_letters_have_at_most_seven_lines_and_keep_every_part() -> None:
    person = carer(address="\n".join(f"Line {n}" for n in range(1, 8)))
    lines = rules.letter_address_lines(person)
    assert len(lines) == 7
    assert lines[5] == "Line 5, Line 6, Line 7"
    assert lines[-1] == "GU1 1AA"


def test_a_letter_needs_an_address_and_a_postcode() -> None:
    with pytest.raises(ValueError, match="at least 3 address lines"):
        rules.letter_address_lines(carer(address=""))
    with pytest.raises(ValueError, match="no postcode"):
        rules.letter_address_lines(carer(postcode=""))
    assert rules.choose_channel(carer(Channel.LETTER, email="", phone="", postcode="")) is None
