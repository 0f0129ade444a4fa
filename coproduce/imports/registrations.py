"""What imports add to the apps below them, registered when the app starts
(ImportsConfig.ready): a person's ids in other systems and rows of theirs waiting for a
decision, in their download and erasure; and the scheduled forgetting of what old imports
kept from their files.

What remains of an import once it is finished: its counts, the name of the file and
system, who started it, and for 30 days the row problems (which quote the file) and the
undecided possible matches. The uploaded file itself is deleted as the import finishes."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from coproduce.imports import tasks
from coproduce.imports.models import PossibleMatch, SourceRecord
from coproduce.notifications import schedule
from coproduce.people import personal_data
from coproduce.people.models import Person


def exported(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    """The person's ids in the organisation's other systems."""
    records = SourceRecord.objects.filter(person=person).order_by("source_system", "pk")
    return [{"system": r.source_system, "id": r.source_id} for r in records]


def erase(person: Person) -> None:
    SourceRecord.objects.filter(person=person).delete()
    PossibleMatch.objects.filter(person=person).delete()


def register() -> None:
    schedule.add(tasks.forget_old_import_rows)
    personal_data.register(
        personal_data.PersonalData(
            "imported_from",
            exported,
            erase,
            ("imports.SourceRecord", "imports.PossibleMatch"),
            title=_("Where your record was imported from"),
            labels={"system": _("System"), "id": _("Your id there")},
        )
    )
