"""The demo's import at Riverside: the admin imported 40 carers from a (made-up) export of
the centre's case-management database, through the real actions. Two rows have the name,
date of birth and postcode of carers already on file, so they wait for the admin to say
whether they are the same people; a few rows have mistakes, shown as problems."""

from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from coproduce.accounts.models import User
from coproduce.demo import crm_export
from coproduce.imports import actions, forms, importing, rules
from coproduce.imports.models import ImportRun
from coproduce.people.models import Person
from coproduce.tenancy.models import Organisation

ROWS = 40


@dataclass(frozen=True)
class ImportSummary:
    new: int
    to_confirm: int
    problems: int


def _known_again(person: Person, number: int) -> list[str]:
    """A row for someone already on file, under a new id in the other system."""
    first, _space, last = person.full_name.partition(" ")
    assert person.date_of_birth is not None
    return [
        f"CL9{number:05d}", first, last, person.date_of_birth.strftime("%d/%m/%Y"),
        "", "", person.postcode, "", "", "", "", "", "", "", "", "", "", "",
    ]  # fmt: skip


def build(centre: Organisation, admin: User) -> ImportSummary:
    known = list(
        Person.objects.filter(organisation=centre, user=None, date_of_birth__isnull=False)
        .exclude(postcode="")
        .order_by("pk")[:2]
    )
    content = crm_export.csv_bytes(
        ROWS, extra=[_known_again(p, i) for i, p in enumerate(known, start=1)]
    )
    file = SimpleUploadedFile("casebook-export.csv", content, "text/csv")
    kind, table = forms.file_problem(file)
    assert table is not None
    run = actions.upload(
        admin, centre, file, kind, table.headers, "Casebook", rules.PRESETS["case_management"][1]
    )
    run = actions.choose_columns(centre, run, run.columns, "Casebook monthly export")
    actions.check(run)
    actions.start(admin, run)
    importing.perform(run.pk)  # as the worker would (the task it queued finds it done)
    run = ImportRun.objects.get(pk=run.pk)
    return ImportSummary(new=run.new, to_confirm=run.to_confirm, problems=run.errors)
