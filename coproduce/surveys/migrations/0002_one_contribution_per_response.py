"""A survey response becomes one contribution: the answers of one response, which used to
be one contribution each, are merged into one (their words in question order, the most
private choice made for any of them, every theme, response and You Said, We Did action
kept). See coproduce/surveys/merging.py."""

import django.db.models.deletion
from django.db import migrations, models

from coproduce.surveys.merging import merge_response_contributions


def forwards(apps, schema_editor):
    merge_response_contributions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accountability", "0002_decisions_answered"),
        ("contributions", "0002_unlink_self_recorded_anonymous"),
        ("surveys", "0001_surveys"),
    ]

    operations = [
        migrations.AlterField(
            model_name="answer",
            name="contribution",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="survey_answers",
                to="contributions.contribution",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
