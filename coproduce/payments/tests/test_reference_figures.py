"""The reference figures ship with the product; a missing or malformed file is loud."""

import datetime
import importlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from coproduce.payments import reference
from coproduce.payments.models import ReferenceFigure


def test_the_figures_live_inside_the_repository() -> None:
    repository = Path(__file__).resolve().parents[3]
    assert reference.RATES_CSV.is_relative_to(repository)
    assert reference.RATES_CSV.exists()


def test_the_migration_loads_the_shipped_figures(db: None) -> None:
    """(Run here: tests that empty every table may have run first on this worker.)"""
    ReferenceFigure.objects.all().delete()
    migration = importlib.import_module("coproduce.payments.migrations.0002_load_reference_figures")
    migration.load(apps, None)
    shipped = {(row["key"], row["applies_from"]) for row in reference.read_figures()}
    loaded = set(ReferenceFigure.objects.values_list("key", "applies_from"))
    assert shipped == loaded
    assert reference.figure_on(
        "carers_allowance_earnings_limit", datetime.date(2025, 5, 1)
    ) == Decimal("196.00")


def test_a_missing_file_is_an_error_not_no_warnings(db: None, tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match="reference figures are missing"):
        reference.load_figures(tmp_path / "missing.csv")


@pytest.mark.parametrize(
    "content",
    [
        "key,value,unit,applies_from,source_note\n",
        "key,value,unit,applies_from,source_note\nlimit,lots,GBP,2025-04-07,note\n",
        "key,value,unit,applies_from,source_note\nlimit,196.00,GBP,7 April 2025,note\n",
        "key,value,unit\nlimit,196.00,GBP\n",
    ],
    ids=["no rows", "amount not a number", "date not ISO", "columns missing"],
)
def test_a_malformed_file_is_refused_whole(db: None, tmp_path: Path, content: str) -> None:
    path = tmp_path / "figures.csv"
    path.write_text(content, encoding="utf-8")
    before = ReferenceFigure.objects.count()
    with pytest.raises(ImproperlyConfigured):
        reference.load_figures(path)
    assert ReferenceFigure.objects.count() == before
