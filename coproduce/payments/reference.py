"""Dated reference figures (earnings limits, benefit rates): loaded from the shared CSV and
kept in the database, where admins add rows for new tax years without a code change."""

import csv
import datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from coproduce.payments import rules
from coproduce.payments.models import ReferenceFigure

RATES_CSV = Path(settings.BASE_DIR).parent / "shared" / "reference" / "benefits_and_rates.csv"


def load_figures(path: Path = RATES_CSV) -> int:
    """Add the CSV's rows that are not in the database yet (by key and date); never
    changes a row an admin has edited. Returns how many were added; 0 if there is no file."""
    if not path.exists():
        return 0
    with path.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    added = 0
    for row in rows:
        _, created = ReferenceFigure.objects.get_or_create(
            key=row["key"].strip(),
            applies_from=datetime.date.fromisoformat(row["applies_from"].strip()),
            defaults={
                "value": Decimal(row["value"].strip()),
                "unit": row["unit"].strip(),
                "source_note": row["source_note"].strip(),
            },
        )
        added += created
    return added


def figure_on(key: str, day: datetime.date) -> Decimal | None:
    """The figure for `key` in force on `day`, or None if none applies yet."""
    row = rules.in_force(ReferenceFigure.objects.filter(key=key, applies_from__lte=day), day)
    return None if row is None else row.value


def figures_on(key: str, days: set[datetime.date]) -> dict[datetime.date, Decimal | None]:
    """The figure for `key` in force on each of `days`, in one query."""
    rows = list(ReferenceFigure.objects.filter(key=key))
    return {day: (row.value if (row := rules.in_force(rows, day)) else None) for day in days}
