"""Census 2021 unpaid carers, read as data from reference/census2021_unpaid_care.csv.

The file is parsed once per process. `carer_shares(area_code, characteristic)` gives the
percentage of an area's unpaid carers in each category of a characteristic, as far as
the figures allow, from the most local area that has them (the area itself, then its
country, then England and Wales). See reference/README.md for the source.
"""

import csv
import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.utils.translation import gettext_noop

CSV_PATH = Path(__file__).parent / "reference" / "census2021_unpaid_care.csv"
ENGLAND_AND_WALES = "K04000001"
COUNTRY_BY_PREFIX = {"E": "E92000001", "W": "W92000004"}
HUNDRED = Decimal(100)
# The CSV's area names, marked so the Welsh catalogue has them: pages show them translated.
AREA_NAMES = (gettext_noop("England"), gettext_noop("Wales"), gettext_noop("England and Wales"))


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    values: dict[tuple[str, str], Decimal]  # (measure, category) -> value

    def value(self, measure: str, category: str = "all") -> Decimal | None:
        return self.values.get((measure, category))


@dataclass(frozen=True)
class AreaShares:
    area_code: str
    area_name: str
    shares: dict[str, Decimal]  # category -> percentage of the area's unpaid carers


@functools.cache
def areas(path: Path = CSV_PATH) -> dict[str, Area]:
    """Every area in the file, by ONS code. Rows that are not numbers are skipped."""
    found: dict[str, Area] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            try:
                value = Decimal(row["value"])
            except (InvalidOperation, TypeError):
                continue
            code = row["area_code"].strip()
            area = found.setdefault(code, Area(code, row["area_name"].strip(), {}))
            area.values[(row["measure"].strip(), row["category"].strip())] = value
    return found


def areas_to_try(area_code: str) -> list[str]:
    """The area itself, then its country, then England and Wales."""
    code = area_code.strip().upper()
    chain = [code] if code else []
    if country := COUNTRY_BY_PREFIX.get(code[:1]):
        chain.append(country)
    chain.append(ENGLAND_AND_WALES)
    return list(dict.fromkeys(chain))


HOURS_BANDS = ("hours_19_or_less", "hours_20_to_49", "hours_50_plus")


def _care_hours(area: Area) -> dict[str, Decimal] | None:
    carers = area.value("unpaid_carers")
    if not carers:
        return None
    bands = {band: area.value("unpaid_carers", band) for band in HOURS_BANDS}
    found = {band: HUNDRED * n / carers for band, n in bands.items() if n is not None}
    return found or None


def _young_carer(area: Area) -> dict[str, Decimal] | None:
    carers = area.value("unpaid_carers")
    young = area.value("unpaid_carers_aged_5_to_17")
    if not carers or young is None:
        return None
    share = HUNDRED * young / carers
    return {"yes": share, "no": HUNDRED - share}


def _ethnic_group(area: Area) -> dict[str, Decimal] | None:
    white_british = area.value("share_of_carers_white_british")
    if white_british is None:
        return None
    return {"white_british": white_british, "other": HUNDRED - white_british}


# Which characteristics the figures can describe. Age, sex and disability are published
# only as age-standardised rates, which are not shares of carers, so they are left out.
DERIVATIONS: dict[str, Callable[[Area], dict[str, Decimal] | None]] = {
    "care_hours": _care_hours,
    "young_carer": _young_carer,
    "ethnic_group": _ethnic_group,
}


def carer_shares(area_code: str, characteristic: str, path: Path = CSV_PATH) -> AreaShares | None:
    derive = DERIVATIONS.get(characteristic)
    if derive is None:
        return None
    known = areas(path)
    for code in areas_to_try(area_code):
        area = known.get(code)
        if area is not None and (found := derive(area)):
            return AreaShares(area_code=area.code, area_name=area.name, shares=found)
    return None
