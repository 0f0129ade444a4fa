"""Load the shared reference figures when they are there (a deployment without the shared
folder still migrates: admins then add the figures in the Django admin)."""

import csv
import datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import migrations


def load(apps, schema_editor):
    ReferenceFigure = apps.get_model("payments", "ReferenceFigure")
    path = Path(settings.BASE_DIR).parent / "shared" / "reference" / "benefits_and_rates.csv"
    if not path.exists():
        return
    with path.open(newline="", encoding="utf-8") as file:
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
