"""Reading rows: what each cell says in our terms, or what is wrong with it in plain words."""

import datetime

from coproduce.imports import rules
from coproduce.imports.tests.factories import SPREADSHEET, row

TODAY = datetime.date(2026, 12, 3)
WHERE = {
    name: SPREADSHEET.index(heading) for name, heading in rules.PRESETS["spreadsheet"][1].items()
}


def read(cells: list[str]) -> rules.Row:
    return rules.read_row(12, cells, WHERE, TODAY)


def test_a_good_row_is_read_into_our_fields() -> None:
    got = read(row(postcode="cf101aa", channel="Text"))
    assert got.problems == []
    assert got.values["full_name"] == "Ann Jones"
    assert got.values["date_of_birth"] == datetime.date(1950, 2, 3)
    assert got.values["postcode"] == "CF10 1AA"
    assert got.values["preferred_channel"] == "sms"
    assert got.values["language"] == "cy"
    assert got.values["consent_contact"] is True


def test_an_impossible_date_is_said_in_plain_words_with_its_row() -> None:
    got = read(row(born="31/02/1950"))
    assert rules.described(got) == "Row 12: date of birth “31/02/1950” is not a real date"


def test_other_problems_are_said_in_plain_words() -> None:
    got = read(row(name="", born="soon", postcode="XYZ", channel="pigeon", dnc="maybe"))
    assert got.problems == [
        "there is no name",
        "date of birth “soon” is not a date: write it like 31/01/1950",
        "postcode “XYZ” is not a UK postcode",
        "preferred way to contact “pigeon” is not email, text, letter or phone",
        "do not contact “maybe” is not yes or no",
    ]


def test_blank_channel_language_and_consent_stay_unknown() -> None:
    got = read(row(channel="", language="", dnc="", contact="", data=""))
    assert got.problems == []
    for name in ("preferred_channel", "language", "do_not_contact", "consent_contact"):
        assert name not in got.values


def test_a_mapping_needs_a_name_and_columns_the_file_has() -> None:
    assert rules.mapping_problem({"postcode": "Postcode"}, SPREADSHEET)
    assert rules.mapping_problem({"full_name": "Surname"}, SPREADSHEET)
    assert rules.mapping_problem({"full_name": "Name"}, SPREADSHEET) is None


def test_a_preset_is_used_where_the_file_has_its_columns() -> None:
    chosen = rules.suggested_columns(["name", "Postcode", "Other"], {"full_name": "Name"})
    assert chosen == {"full_name": "name", "postcode": "Postcode"}
