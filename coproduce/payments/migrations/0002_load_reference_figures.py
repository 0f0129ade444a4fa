"""Load the reference figures shipped with the product (payments/figures/). A missing file
is an error: without the figures, benefits warnings would silently never appear."""

import csv
import datetime
from decimal import Decimal
from pathlib import Path

from django.db import migrations

FIGURES = Path(__file__).resolve().parents[1] / "figures" / "benefits_and_rates.csv"


def load(apps, schema_editor):
    ReferenceFigure = apps.get_model("payments", "ReferenceFigure")
    with FIGURES.open(newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            ReferenceFigure.objects.get_or_create(
                key=row["key"].strip(),
                applies_from=datetime.date.fromisoformat(row["applies_from"].strip()),
                defaults={
                    "value": Decimal(row["value"].strip()),
                    "unit": row["unit"].strip(),
                    "source_note": row["source_note"].strip(),
                },
            )


class Migration(migrations.Migration):
    dependencies = [("payments", "0001_claims_and_rates")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
