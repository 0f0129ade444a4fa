"""The guidance questions: one statement for each area (culture, structure, practice,
review) and principle (equality, diversity, access, reciprocity), in plain words, in English
and Welsh. Each organisation starts from a copy; platform operators keep this set."""

from typing import Any

from django.db import migrations

from coproduce.selfassessment.guidance import GUIDANCE


def seed(apps: Any, schema_editor: Any) -> None:
    Question = apps.get_model("selfassessment", "Question")
    Question.objects.bulk_create(
        Question(
            organisation=None,
            area=area,
            principle=principle,
            position=position,
            text=text,
            text_cy=text_cy,
        )
        for position, (area, principle, text, text_cy) in enumerate(GUIDANCE, start=1)
    )


def unseed(apps: Any, schema_editor: Any) -> None:
    apps.get_model("selfassessment", "Question").objects.filter(organisation=None).delete()


class Migration(migrations.Migration):
    dependencies = [("selfassessment", "0001_self_assessment")]

    operations = [migrations.RunPython(seed, unseed)]
