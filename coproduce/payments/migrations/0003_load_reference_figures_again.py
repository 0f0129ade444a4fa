"""Databases migrated before the figures were shipped with the product may have none (the
earlier migration skipped a missing file): load them now. Loading adds only missing rows."""

import importlib

from django.db import migrations

first = importlib.import_module("coproduce.payments.migrations.0002_load_reference_figures")


class Migration(migrations.Migration):
    dependencies = [("payments", "0002_load_reference_figures")]

    operations = [migrations.RunPython(first.load, migrations.RunPython.noop)]
