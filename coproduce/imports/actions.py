"""Verbs of an import: upload a file, choose its columns (and save them to use again),
check it (a dry run: counts and problems, nothing written), start the import (a background
job), and decide a possible match. Each is one transaction; the people an import creates
or changes are audited as it writes them (`importing`)."""

import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.imports import importing, reading, rules, tasks
from coproduce.imports.models import Decision, ImportRun, Mapping, PossibleMatch, Status
from coproduce.tenancy.models import Organisation


class NotReady(Exception):
    """The run is not in a state to do this (already started, or not yet checked)."""


@transaction.atomic
def upload(
    actor: User,
    organisation: Organisation,
    file: UploadedFile,
    kind: str,
    headers: list[str],
    source_system: str,
    columns: dict[str, str],
) -> ImportRun:
    """Keep an uploaded file (already read by the form, which found its `kind` and
    `headers`) for its columns to be chosen; `columns` are a preset's or a saved
    mapping's, used where the file has them."""
    return ImportRun.objects.create(
        organisation=organisation,
        source_system=source_system.strip(),
        file=file,
        file_name=(file.name or "")[-200:],
        kind=kind,
        headers=headers,
        columns=rules.suggested_columns(headers, columns),
        started_by=actor,
    )


@transaction.atomic
def choose_columns(
    organisation: Organisation, run: ImportRun, columns: dict[str, str], save_as: str
) -> ImportRun:
    """Use `columns` for the run (its checked counts are then out of date), and keep them
    under `save_as`, if given, for the next export of the same shape."""
    if run.status not in (Status.UPLOADED, Status.MAPPED, Status.CHECKED):
        raise NotReady()
    run.columns = columns
    run.status = Status.MAPPED
    run.new = run.updated = run.to_confirm = run.errors = run.total_rows = 0
    run.problems = []
    run.save()
    if save_as.strip():
        Mapping.objects.update_or_create(
            organisation=organisation, name=save_as.strip(), defaults={"columns": columns}
        )
    return run


@transaction.atomic
def check(run: ImportRun, today: datetime.date | None = None) -> ImportRun:
    """The dry run: read every row and count what the import would do. Writes only the
    run's counts; a file that cannot be read is refused, and its file deleted."""
    if run.status not in (Status.MAPPED, Status.CHECKED):
        raise NotReady()
    try:
        found = importing.plan(run, today or timezone.localdate())
    except reading.FileRefused as refused:
        run.status, run.refusal, run.finished_at = Status.FAILED, str(refused), timezone.now()
        run.save()
        importing.delete_file_on_commit(run)
        return run
    run.status = Status.CHECKED
    run.total_rows = found.total
    run.new, run.updated = len(found.new), len(found.updates)
    run.to_confirm, run.errors = len(found.matches), found.errors
    run.problems = found.problems
    run.save()
    return run


@transaction.atomic
def start(actor: User, run: ImportRun) -> ImportRun:
    """Queue the checked run's import; the worker does it (`tasks.import_rows`)."""
    queued = ImportRun.objects.filter(pk=run.pk, status=Status.CHECKED).update(
        status=Status.QUEUED, started_by=actor, rows_done=0
    )
    if queued != 1:
        raise NotReady()
    transaction.on_commit(lambda: tasks.import_rows.enqueue(run.pk))
    run.refresh_from_db()
    return run


@transaction.atomic
def decide(actor: User, match: PossibleMatch, decision: str) -> bool:
    """Apply a possible match as the person decided: update the person already known, or
    add a new one. False if it was decided already (by someone else, or a double click)."""
    claimed = PossibleMatch.objects.filter(pk=match.pk, decision="").update(
        decision=decision, decided_by=actor, decided_at=timezone.now(), row={}
    )
    if claimed != 1:
        return False
    row = importing.from_json(match.row_number, match.row)
    writer = importing.Writer(
        match.run,
        actor,
        f"Imported from {match.run.source_system} (import {match.run_id}), confirmed",
    )
    if decision == Decision.SAME:
        writer.update([(match.person_id, row)], link=True)
    else:
        writer.create([row])
    return True
