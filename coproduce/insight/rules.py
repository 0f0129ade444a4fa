"""Pure decisions behind the dashboards: the periods a date range is counted in, which
small numbers are hidden, and reading an uploaded Census table (every row checked, each
problem said with its row number)."""

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import gettext as _

from coproduce.projects.rules import SMALLEST_GROUP_SHOWN

# --- Periods -------------------------------------------------------------------------------

MOST_PERIODS = 24
MONTHS_UP_TO_DAYS = 366  # a range up to a year is counted by month, a longer one by quarter
DEFAULT_DAYS = 365


@dataclass(frozen=True)
class Period:
    start: date  # the first day
    end: date  # the day after the last

    @property
    def label(self) -> str:
        if (self.end.year * 12 + self.end.month) - (self.start.year * 12 + self.start.month) == 1:
            return formats.date_format(self.start, "M Y")
        last = self.end - timedelta(days=1)
        return f"{formats.date_format(self.start, 'M')}–{formats.date_format(last, 'M Y')}"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def periods(start: date, end: date) -> list[Period]:
    """The months (or quarters, for a range longer than a year) that the range from `start`
    to `end` (inclusive) touches, at most MOST_PERIODS of them (the latest)."""
    step = 1 if (end - start).days < MONTHS_UP_TO_DAYS else 3
    first = date(start.year, start.month, 1)
    if step == 3:
        first = date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
    found = []
    cursor = first
    while cursor <= end:
        following = _add_months(cursor, step)
        found.append(Period(cursor, following))
        cursor = following
    return found[-MOST_PERIODS:]


def before(period: Period) -> Period:
    """The period of the same length just before `period`."""
    months = (period.end.year * 12 + period.end.month) - (
        period.start.year * 12 + period.start.month
    )
    return Period(_add_months(period.start, -months), period.start)


# --- Small numbers ---------------------------------------------------------------------------


def suppressed(count: int) -> int | None:
    """An equality count as it may be shown: None (hidden) when 1 to 4 people, so nobody can
    be picked out; none is still none."""
    return None if 0 < count < SMALLEST_GROUP_SHOWN else count


def share(count: int, total: int) -> Decimal | None:
    """`count` as a percentage of `total` (one decimal place), hidden when either is a group
    smaller than SMALLEST_GROUP_SHOWN."""
    if total < SMALLEST_GROUP_SHOWN or suppressed(count) is None:
        return None
    return (Decimal(100) * count / total).quantize(Decimal("0.1"))


# --- An uploaded Census table ----------------------------------------------------------------

COLUMNS = ("area_code", "area_name", "measure", "category", "value")
# What the comparisons read (see coproduce.projects.census), and the categories of each.
MEASURES: dict[str, tuple[str, ...]] = {
    "unpaid_carers": ("all", "hours_19_or_less", "hours_20_to_49", "hours_50_plus"),
    "unpaid_carers_aged_5_to_17": ("all",),
    "share_of_carers_white_british": ("all",),
    "usual_residents_aged_5_plus": ("all",),
}
MOST_ROWS = 200
MOST_BYTES = 100_000
AREA_CODE_LENGTH = 9  # an ONS code: a letter and eight digits


@dataclass(frozen=True)
class Figure:
    area_code: str
    area_name: str
    measure: str
    category: str
    value: Decimal


@dataclass
class Read:
    figures: list[Figure]
    problems: list[str]


def _area_code_ok(code: str) -> bool:
    return len(code) == AREA_CODE_LENGTH and code[0].isalpha() and code[1:].isdigit()


def _row_problems(number: int, row: dict[str, str]) -> tuple[Figure | None, list[str]]:
    code = (row.get("area_code") or "").strip().upper()
    name = (row.get("area_name") or "").strip()
    measure = (row.get("measure") or "").strip()
    category = (row.get("category") or "").strip() or "all"
    raw = (row.get("value") or "").strip().replace(",", "")
    said = {"row": number}
    problems = []
    if not _area_code_ok(code):
        problems.append(_("Row %(row)s: the area code must be an ONS code like E06000001") % said)
    if not name or len(name) > 100:
        problems.append(_("Row %(row)s: enter the area's name (100 characters or less)") % said)
    if measure not in MEASURES:
        problems.append(
            _("Row %(row)s: the measure must be one of %(measures)s")
            % {**said, "measures": ", ".join(MEASURES)}
        )
    elif category not in MEASURES[measure]:
        problems.append(
            _("Row %(row)s: the category of %(measure)s must be one of %(categories)s")
            % {**said, "measure": measure, "categories": ", ".join(MEASURES[measure])}
        )
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 0 or value >= Decimal("1e12"):
        problems.append(_("Row %(row)s: the value must be a number of 0 or more") % said)
        value = None
    elif measure.startswith("share_") and value > 100:
        problems.append(_("Row %(row)s: a share must be a percentage, 100 or less") % said)
    if problems or value is None:
        return None, problems
    return Figure(code, name, measure, category, value.quantize(Decimal("0.01"))), []


def read_census_table(content: bytes) -> Read:
    """The figures of an uploaded CSV, or every problem with it (each row numbered as a
    spreadsheet numbers it, the heading being row 1)."""
    if len(content) > MOST_BYTES:
        return Read([], [_("The file must be smaller than 100 KB")])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Read([], [_("The file must be a CSV file saved as UTF-8")])
    reader = csv.DictReader(io.StringIO(text))
    heading = [(name or "").strip() for name in reader.fieldnames or []]
    missing = [column for column in COLUMNS if column not in heading]
    if missing:
        return Read(
            [],
            [
                _("The first row must name the columns %(columns)s; it lacks %(missing)s")
                % {"columns": ", ".join(COLUMNS), "missing": ", ".join(missing)}
            ],
        )
    reader.fieldnames = heading
    figures: list[Figure] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    try:
        rows = list(reader)
    except csv.Error:
        return Read([], [_("The file could not be read as CSV")])
    if len(rows) > MOST_ROWS:
        return Read([], [_("The file must have %(most)s rows or fewer") % {"most": MOST_ROWS}])
    for number, row in enumerate(rows, start=2):
        figure, found = _row_problems(number, row)
        problems.extend(found)
        if figure is None:
            continue
        key = (figure.measure, figure.category)
        if key in seen:
            problems.append(
                _("Row %(row)s: the same measure and category as row %(first)s")
                % {"row": number, "first": seen[key]}
            )
            continue
        seen[key] = number
        figures.append(figure)
    if not problems:
        problems.extend(_whole_table_problems(figures))
    return Read([] if problems else figures, problems)


def _whole_table_problems(figures: list[Figure]) -> list[str]:
    if not figures:
        return [_("The file has no figures")]
    if len({f.area_code for f in figures}) > 1:
        return [_("The file must hold the figures of one area only")]
    if not any(f.measure == "unpaid_carers" and f.category == "all" for f in figures):
        return [_("The file must have the number of unpaid carers (unpaid_carers, all)")]
    return []
