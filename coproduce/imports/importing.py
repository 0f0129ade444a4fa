"""Checking and importing a file: every row is read and sorted (new person, update of
someone known by their id in the other system, possible match to confirm, or problem),
then everything is written in one transaction, so a failure leaves nothing half-imported.

The check (`plan`) writes nothing but the run's progress. `apply` writes in bulk, a fixed
number of queries per thousand rows: people, their carer profiles, their ids in the other
system, the consents and equality answers the file gives, and an audit entry for each.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Field, Model
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy

from coproduce.accounts.models import User
from coproduce.audit.models import AuditAction, AuditEvent, DataCategory
from coproduce.imports import reading, rules
from coproduce.imports.models import ImportRun, PossibleMatch, SourceRecord, Status
from coproduce.lib.uploads import delete_on_commit
from coproduce.people.models import (
    CarerProfile,
    Consent,
    ConsentKind,
    EqualityMonitoring,
    Person,
)

BATCH = 1000
STOPPED = gettext_lazy(
    "The import stopped because of a fault, and nothing was imported. Try again, or ask for help"
)
PROGRESS_EVERY = 2000
PERSON_FIELDS = ("full_name", "date_of_birth", "address", "postcode", "phone", "email")
CONSENTS = {
    "consent_contact": ConsentKind.CONTACT,
    "consent_data_use": ConsentKind.DATA_USE,
    "consent_equality": ConsentKind.EQUALITY,
}
BLOCKS = ("no_email", "no_sms", "no_letter", "no_phone")


@dataclass
class Plan:
    total: int = 0
    new: list[rules.Row] = field(default_factory=list)
    updates: list[tuple[int, rules.Row]] = field(default_factory=list)  # (person, row)
    matches: list[tuple[int, rules.Row]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    errors: int = 0


def open_table(run: ImportRun) -> reading.Table:
    """The run's file, read; FileRefused if it cannot be, or lacks a chosen column."""
    try:
        handle = run.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise reading.FileRefused("The uploaded file has gone: upload it again") from None
    table = reading.read(run.kind, handle)
    problem = rules.mapping_problem(run.columns, table.headers)
    if problem:
        raise reading.FileRefused(problem)
    return table


def positions(run: ImportRun, headers: list[str]) -> dict[str, int]:
    return {name: headers.index(heading) for name, heading in run.columns.items()}


def preview(run: ImportRun, today: datetime.date) -> list[rules.Row]:
    """The first rows of the file, read, for the person to see before checking it all."""
    table = open_table(run)
    where = positions(run, table.headers)
    first = islice(table.rows, rules.PREVIEW_ROWS)
    words = rules.Words.now()
    return [rules.read_row(number, cells, where, today, words) for number, cells in first]


def _known_ids(run: ImportRun) -> dict[str, int]:
    records = SourceRecord.objects.filter(
        organisation_id=run.organisation_id, source_system=run.source_system
    )
    return dict(records.values_list("source_id", "person_id"))


def _known_people(run: ImportRun) -> dict[tuple[str, datetime.date, str], int]:
    people = (
        Person.objects.filter(
            organisation_id=run.organisation_id, erased_at=None, date_of_birth__isnull=False
        )
        .exclude(postcode="")
        .order_by("-pk")
        .values_list("pk", "full_name", "date_of_birth", "postcode")
    )
    return {rules.match_key(name, born, code): pk for pk, name, born, code in people if born}


def _problem(found: Plan, row: rules.Row) -> None:
    found.errors += 1
    if len(found.problems) < rules.PROBLEMS_KEPT:
        found.problems.append(rules.described(row))


def plan(
    run: ImportRun, today: datetime.date, progress: Callable[[int], object] | None = None
) -> Plan:
    """Read every row and sort it. Writes nothing; FileRefused for a file that cannot be
    read as a whole."""
    table = open_table(run)
    where = positions(run, table.headers)
    known_ids, known_people = _known_ids(run), _known_people(run)
    seen: dict[str, int] = {}
    found = Plan()
    words = rules.Words.now()
    for number, cells in table.rows:
        found.total += 1
        if progress is not None and found.total % PROGRESS_EVERY == 0:
            progress(found.total)
        row = rules.read_row(number, cells, where, today, words)
        source_id = row.values.get("source_id")
        if source_id and source_id in seen:
            row.problems.append(rules.again_problem(source_id, seen[source_id]))
        if row.problems:
            _problem(found, row)
            continue
        if source_id:
            seen[source_id] = number
        key = row.key()
        if source_id and source_id in known_ids:
            found.updates.append((known_ids[source_id], row))
        elif key is not None and key in known_people:
            found.matches.append((known_people[key], row))
        else:
            found.new.append(row)
    return found


# --- Writing -----------------------------------------------------------------------------


def update_many(objects: Iterable[Model], fields: Sequence[str]) -> None:
    """Save `fields` of each of `objects` (all of one model): one statement run for every
    row. Django's bulk_update builds a CASE per column in Python, which is slow at scale."""
    objects = list(objects)
    if not objects:
        return
    meta = objects[0]._meta
    columns = [meta.get_field(name) for name in fields]
    concrete = [c for c in columns if isinstance(c, Field)]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(c.column)} = %s" for c in concrete)
    pk = meta.pk
    assert pk is not None
    assert len(concrete) == len(columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(pk.column)} = %s"
    rows = [
        [c.get_db_prep_save(getattr(o, c.attname), connection) for c in concrete] + [o.pk]
        for o in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _batches(items: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


@dataclass
class Writer:
    run: ImportRun
    actor: User | None
    detail: str

    def _consents(self, pairs: list[tuple[int, rules.Row]], current: dict[Any, bool]) -> None:
        made = [
            Consent(
                person_id=pk,
                kind=kind,
                given=row.values[name],
                wording_version=settings.CONSENT_WORDING_VERSION,
                recorded_by=self.actor,
            )
            for pk, row in pairs
            for name, kind in CONSENTS.items()
            if row.values.get(name) is not None and current.get((pk, kind)) != row.values[name]
        ]
        Consent.objects.bulk_create(made, batch_size=BATCH)

    def _equality(self, pairs: list[tuple[int, rules.Row]]) -> None:
        answered = {pk: row for pk, row in pairs if row.values.get("consent_equality") is not None}
        # Withdrawn consent deletes the answers, as people.actions.save_equality does.
        withdrawn = [pk for pk, row in answered.items() if not row.values["consent_equality"]]
        EqualityMonitoring.objects.filter(person_id__in=withdrawn).delete()
        given = {pk: row for pk, row in answered.items() if row.values["consent_equality"]}
        existing = EqualityMonitoring.objects.in_bulk(list(given), field_name="person_id")
        changed: list[EqualityMonitoring] = []
        made: list[EqualityMonitoring] = []
        for pk, row in given.items():
            answers = {f: row.values[f] for f in rules.EQUALITY_FIELDS if row.values.get(f)}
            if not answers:
                continue
            equality = existing.get(pk) or EqualityMonitoring(person_id=pk)
            for name, value in answers.items():
                setattr(equality, name, value)
            equality.updated_at = timezone.now()
            (changed if equality.pk else made).append(equality)
        EqualityMonitoring.objects.bulk_create(made, batch_size=BATCH)
        update_many(changed, [*rules.EQUALITY_FIELDS, "updated_at"])

    def _audit(self, pairs: list[tuple[int, rules.Row]]) -> None:
        AuditEvent.objects.bulk_create(
            [
                AuditEvent(
                    organisation_id=self.run.organisation_id,
                    actor=self.actor,
                    person_id=pk,
                    action=AuditAction.CHANGED,
                    categories=sorted(
                        [DataCategory.CONTACT]
                        + (
                            [DataCategory.DISABILITY, DataCategory.ETHNICITY]
                            if row.values.get("consent_equality") is not None
                            else []
                        )
                    ),
                    detail=self.detail,
                )
                for pk, row in pairs
            ],
            batch_size=BATCH,
        )

    def _profile(self, profile: CarerProfile, row: rules.Row) -> None:
        if row.values.get("preferred_channel"):
            profile.preferred_channel = row.values["preferred_channel"]
        if row.values.get("do_not_contact") is not None:
            for block in BLOCKS:
                setattr(profile, block, row.values["do_not_contact"])

    def create(self, rows: list[rules.Row]) -> None:
        for batch in _batches(rows):
            people = [
                Person(
                    organisation_id=self.run.organisation_id,
                    registered_by=self.actor,
                    # Unknown stays unknown (blank): the person is asked, not assumed.
                    preferred_language=row.values.get("language") or "",
                    **{
                        f: row.values.get(f) or ("" if f != "date_of_birth" else None)
                        for f in PERSON_FIELDS
                    },
                )
                for row in batch
            ]
            Person.objects.bulk_create(people)
            pairs = [(p.pk, row) for p, row in zip(people, batch, strict=True)]
            profiles = []
            for pk, row in pairs:
                profile = CarerProfile(person_id=pk, preferred_channel="")
                self._profile(profile, row)
                profiles.append(profile)
            CarerProfile.objects.bulk_create(profiles)
            SourceRecord.objects.bulk_create(
                [
                    SourceRecord(
                        organisation_id=self.run.organisation_id,
                        source_system=self.run.source_system,
                        source_id=row.values["source_id"],
                        person_id=pk,
                        run=self.run,
                    )
                    for pk, row in pairs
                    if row.values.get("source_id")
                ]
            )
            self._consents(pairs, {})
            self._equality(pairs)
            self._audit(pairs)

    def update(self, pairs: list[tuple[int, rules.Row]], link: bool = False) -> None:
        """Update known people with what the file says; a blank cell keeps what we hold.
        `link`: also record their id in the other system (a confirmed match)."""
        for batch in _batches(pairs):
            ids = [pk for pk, _row in batch]
            people = Person.objects.in_bulk(ids)
            profiles = CarerProfile.objects.in_bulk(ids, field_name="person_id")
            new_profiles = []
            for pk, row in batch:
                person = people[pk]
                for name in PERSON_FIELDS:
                    if row.values.get(name):
                        setattr(person, name, row.values[name])
                if row.values.get("language"):
                    person.preferred_language = row.values["language"]
                profile = profiles.get(pk)
                if profile is None:
                    profile = CarerProfile(person_id=pk, preferred_channel="")
                    new_profiles.append(profile)
                self._profile(profile, row)
            now = timezone.now()
            for person in people.values():
                person.updated_at = now
            for profile in profiles.values():
                profile.updated_at = now
            update_many(people.values(), [*PERSON_FIELDS, "preferred_language", "updated_at"])
            update_many(profiles.values(), ["preferred_channel", *BLOCKS, "updated_at"])
            CarerProfile.objects.bulk_create(new_profiles)
            latest: dict[Any, bool] = {}
            consents = Consent.objects.filter(person_id__in=ids).order_by("recorded_at", "pk")
            for person_id, kind, given in consents.values_list("person_id", "kind", "given"):
                latest[(person_id, kind)] = given
            self._consents(batch, latest)
            self._equality(batch)
            if link:
                SourceRecord.objects.bulk_create(
                    [
                        SourceRecord(
                            organisation_id=self.run.organisation_id,
                            source_system=self.run.source_system,
                            source_id=row.values["source_id"],
                            person_id=pk,
                            run=self.run,
                        )
                        for pk, row in batch
                        if row.values.get("source_id")
                    ],
                    ignore_conflicts=True,
                )
            self._audit(batch)


def as_json(row: rules.Row) -> dict[str, Any]:
    values = dict(row.values)
    if values.get("date_of_birth") is not None:
        values["date_of_birth"] = values["date_of_birth"].isoformat()
    return values


def from_json(number: int, values: dict[str, Any]) -> rules.Row:
    values = dict(values)
    if values.get("date_of_birth"):
        values["date_of_birth"] = datetime.date.fromisoformat(values["date_of_birth"])
    return rules.Row(number, values)


@transaction.atomic
def apply(run: ImportRun, found: Plan, actor: User | None) -> None:
    """Write the whole plan, or nothing."""
    writer = Writer(run, actor, f"Imported from {run.source_system} (import {run.pk})")
    writer.create(found.new)
    writer.update(found.updates)
    PossibleMatch.objects.bulk_create(
        [
            PossibleMatch(run=run, row_number=row.number, person_id=pk, row=as_json(row))
            for pk, row in found.matches
        ],
        batch_size=BATCH,
    )


# --- The background job ------------------------------------------------------------------

# What an import keeps from its file (its row problems, and rows nobody has decided on) is
# forgotten this long after it finished.
KEEP_ROWS_FOR = datetime.timedelta(days=30)


def _finish(run_id: int, **fields: Any) -> None:
    ImportRun.objects.filter(pk=run_id).update(finished_at=timezone.now(), **fields)


def _delete_file(run: ImportRun) -> None:
    if run.file:
        delete_on_commit(run.file)
        ImportRun.objects.filter(pk=run.pk).update(file="")


def delete_file_on_commit(run: ImportRun) -> None:
    """Forget the run's file once the transaction that refused it commits."""
    delete_on_commit(run.file)
    run.file = ""
    run.save(update_fields=["file"])


def perform(run_id: int) -> None:
    """Import a queued run: claim it, check every row (the progress others see), then write
    everything in one transaction. A file refused, or any failure while writing, leaves
    nothing imported and says why. The file is deleted either way."""
    claimed = ImportRun.objects.filter(pk=run_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now(), rows_done=0
    )
    if claimed != 1:
        return
    run = ImportRun.objects.select_related("started_by").get(pk=run_id)
    today = timezone.localdate()

    def progress(done: int) -> None:
        ImportRun.objects.filter(pk=run_id).update(
            rows_done=done, total_rows=Greatest("total_rows", done)
        )

    try:
        found = plan(run, today, progress)
        apply(run, found, run.started_by)
    except reading.FileRefused as refused:
        _finish(run_id, status=Status.FAILED, refusal=str(refused))
    except Exception:
        _finish(run_id, status=Status.FAILED, refusal=str(STOPPED))
        _delete_file(run)
        raise
    else:
        _finish(
            run_id,
            status=Status.DONE,
            total_rows=found.total,
            rows_done=found.total,
            new=len(found.new),
            updated=len(found.updates),
            to_confirm=len(found.matches),
            errors=found.errors,
            problems=found.problems,
        )
    _delete_file(run)


def forget_old_rows(now: datetime.datetime | None = None) -> int:
    """Clear what old imports kept from their files; how many imports were cleared."""
    before = (now or timezone.now()) - KEEP_ROWS_FOR
    old = ImportRun.objects.filter(finished_at__lt=before)
    PossibleMatch.objects.filter(run__in=old, decision="").delete()
    return old.exclude(problems=[]).update(problems=[])
