"""A made-up export of a carers' centre's case-management database, in the shape of the
imports app's "case-management database export" preset: the same rows every time for a
seed. The demo imports 40 of them; `benchmarks/imports.py` imports 100,000.

Every name, address, phone number and email address is invented (the email addresses are
at example.org, the phone numbers in Ofcom's drama range). About one row in 97 has a
mistake a real export has (a date that does not exist, a postcode that is not one), so the
preview and the dry run have problems to show. Channel, language and consent are blank
on some rows, as they are in real exports: the import leaves them unknown.
"""

import random
from collections.abc import Iterator

from coproduce.imports.rules import PRESETS
from coproduce.lib import exports

HEADERS = list(PRESETS["case_management"][1].values())
FORENAMES = (
    "Aled", "Amira", "Bethan", "Carys", "Deepa", "Dewi", "Eleanor", "Farah", "Gareth",
    "Grace", "Hywel", "Imran", "Joan", "Kwame", "Lowri", "Mair", "Nia", "Olu", "Priya",
    "Rhys", "Sian", "Tomasz", "Una", "Wei", "Yusuf", "Zofia",
)  # fmt: skip
SURNAMES = (
    "Ahmed", "Baker", "Chen", "Davies", "Evans", "Francis", "Griffiths", "Hughes", "Iqbal",
    "Jones", "Kowalski", "Lewis", "Morgan", "Nowak", "Owen", "Patel", "Roberts", "Singh",
    "Thomas", "Walker", "Williams", "Young",
)  # fmt: skip
STREETS = ("Mill Lane", "Church Road", "Station Street", "Heol y Bont", "Park View", "Bryn Road")
TOWNS = (("Riverside", "RV"), ("Hillside", "HL"), ("Newtown", "NT"))
CHANNELS = ("Email", "Text", "Letter", "Phone", "")
LANGUAGES = ("English", "English", "Welsh", "")
YES_NO_BLANK = ("Yes", "Yes", "No", "")
GENDERS = ("Female", "Female", "Male", "")
ETHNICITIES = ("White: English, Welsh, Scottish, Northern Irish or British", "white_other",
               "asian_indian", "black_african", "mixed_other", "Prefer not to say")  # fmt: skip
DISABILITIES = ("No", "a_little", "a_lot", "")


def _row(draw: random.Random, number: int) -> list[str]:
    forename, surname = draw.choice(FORENAMES), draw.choice(SURNAMES)
    town, area = draw.choice(TOWNS)
    born = f"{draw.randint(1, 28):02d}/{draw.randint(1, 12):02d}/{draw.randint(1935, 2005)}"
    postcode = f"{area}{draw.randint(1, 9)} {draw.randint(1, 9)}{draw.choice('ABDEFG')}{draw.choice('HJLNPQ')}"
    if number % 97 == 13:
        born = f"31/02/{draw.randint(1940, 1990)}"
    elif number % 97 == 51:
        postcode = "unknown"
    monitoring = draw.choice(("Yes", "No", ""))
    equality = (
        [draw.choice(GENDERS), draw.choice(ETHNICITIES), draw.choice(DISABILITIES)]
        if monitoring == "Yes"
        else ["", "", ""]
    )
    return [
        f"CL{number:06d}",
        forename,
        surname,
        born,
        f"{draw.randint(1, 120)} {draw.choice(STREETS)}",
        town,
        postcode,
        f"01632 960{draw.randint(0, 999):03d}",
        f"{forename.lower()}.{surname.lower()}{number}@example.org",
        draw.choice(CHANNELS),
        draw.choice(LANGUAGES),
        draw.choice(("N", "N", "N", "Y", "")),
        draw.choice(YES_NO_BLANK),
        draw.choice(YES_NO_BLANK),
        monitoring,
        *equality,
    ]


def rows(count: int, seed: int = 16) -> Iterator[list[str]]:
    draw = random.Random(seed)
    for number in range(1, count + 1):
        yield _row(draw, number)


def csv_bytes(count: int, seed: int = 16, extra: list[list[str]] | None = None) -> bytes:
    """The export as a UTF-8 CSV, with `extra` rows at the end."""
    return exports.csv_bytes([HEADERS, *rows(count, seed), *(extra or [])])
