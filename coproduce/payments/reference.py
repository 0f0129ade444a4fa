"""Dated reference figures (earnings limits, benefit rates): shipped with the product in
figures/benefits_and_rates.csv and kept in the database, where admins add rows for new tax
years without a code change."""

import csv
import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from coproduce.payments import rules
from coproduce.payments.models import ReferenceFigure

RATES_CSV = Path(__file__).parent / "figures" / "benefits_and_rates.csv"
COLUMNS = ("key", "value", "unit", "applies_from", "source_note")


def load_figures(path: Path = RATES_CSV) -> int:
    """Add the CSV's rows that are not in the database yet (by key and date); never
    changes a row an admin has edited. Returns how many were added. A missing or malformed
    file is an error, never a silent "no figures" (which would hide benefits warnings)."""
    added = 0
    for row in read_figures(path):
        _, created = ReferenceFigure.objects.get_or_create(
            key=row["key"],
            applies_from=row["applies_from"],
            defaults={k: row[k] for k in ("value", "unit", "source_note")},
        )
        added += created
    return added


def read_figures(path: Path = RATES_CSV) -> list[dict[str, Any]]:
    """The rows of a figures CSV, checked: every column there, dates and amounts valid."""
    try:
        with path.open(newline="", encoding="utf-8") as file:
            rows = list(csv.DictReader(file))
    except FileNotFoundError:
        raise ImproperlyConfigured(f"The reference figures are missing: expected {path}") from None
    if not rows:
        raise ImproperlyConfigured(f"{path} has no figures")
    try:
        return [
            {
                "key": row["key"].strip(),
                "applies_from": datetime.date.fromisoformat(row["applies_from"].strip()),
                "value": Decimal(row["value"].strip()),
                "unit": row["unit"].strip(),
                "source_note": row["source_note"].strip(),
            }
            for row in rows
        ]
    except (KeyError, AttributeError, ValueError, ArithmeticError) as problem:
        raise ImproperlyConfigured(
            f"{path} is malformed ({problem!r}); it needs the columns {', '.join(COLUMNS)}"
        ) from None


def figure_on(key: str, day: datetime.date) -> Decimal | None:
    """The figure for `key` in force on `day`, or None if none applies yet."""
    row = rules.in_force(ReferenceFigure.objects.filter(key=key, applies_from__lte=day), day)
    return None if row is None else row.value


def figures_on(key: str, days: set[datetime.date]) -> dict[datetime.date, Decimal | None]:
    """The figure for `key` in force on each of `days`, in one query."""
    rows = list(ReferenceFigure.objects.filter(key=key))
    return {day: (row.value if (row := rules.in_force(rows, day)) else None) for day in days}
