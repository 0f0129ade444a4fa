"""Checking and importing: the dry run changes nothing, importing creates then updates,
a possible match waits for a person, and a file that fails is imported not at all."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member
from coproduce.imports import actions, forms, importing, rules
from coproduce.imports.models import ImportRun, PossibleMatch, SourceRecord, Status
from coproduce.imports.tests.factories import csv_file, row, xlsx_file
from coproduce.people.models import Consent, Person
from coproduce.people.tests.factories import CarerFactory

pytestmark = pytest.mark.django_db


def uploaded(admin: Member, file: SimpleUploadedFile, system: str = "Casebook") -> ImportRun:
    kind, table = forms.file_problem(file)
    assert table is not None
    run = actions.upload(
        admin.user, admin.organisation, file, kind, table.headers, system,
        rules.PRESETS["spreadsheet"][1],
    )  # fmt: skip
    return actions.choose_columns(admin.organisation, run, run.columns, "")


def imported(admin: Member, file: SimpleUploadedFile) -> ImportRun:
    run = actions.check(uploaded(admin, file))
    with TestCase.captureOnCommitCallbacks(execute=True):
        actions.start(admin.user, run)  # tasks run at once in tests
    run.refresh_from_db()
    return run


def carers(admin: Member) -> Any:
    return Person.objects.filter(organisation=admin.organisation, user=None)


def test_the_dry_run_counts_and_changes_nothing(admin: Member) -> None:
    run = uploaded(admin, csv_file([row(), row("C2", born="31/02/1950")]))
    before = carers(admin).count()

    run = actions.check(run)

    assert (run.status, run.total_rows, run.new, run.updated, run.errors) == (
        Status.CHECKED, 2, 1, 0, 1,
    )  # fmt: skip
    assert run.problems == ["Row 3: date of birth “31/02/1950” is not a real date"]
    assert carers(admin).count() == before
    assert not SourceRecord.objects.exists()


def test_importing_creates_people_with_what_the_file_says_and_audits_them(
    admin: Member,
) -> None:
    run = imported(admin, csv_file([row(), row("C2", name="Bea Ray", channel="", language="")]))

    assert (run.status, run.new, run.errors) == (Status.DONE, 2, 0)
    ann = carers(admin).get(full_name="Ann Jones")
    assert ann.preferred_language == "cy"
    assert ann.carer_profile.preferred_channel == "letter"
    assert set(Consent.objects.filter(person=ann).values_list("kind", "given")) == {
        ("contact", True),
        ("data_use", True),
    }
    bea = carers(admin).get(full_name="Bea Ray")
    assert bea.preferred_language == ""  # not known: asked, never assumed
    assert bea.carer_profile.preferred_channel == ""
    assert AuditEvent.objects.filter(person=ann, detail__startswith="Imported from").exists()
    assert not run.file  # the uploaded file is deleted


def test_importing_the_same_file_again_updates_instead_of_duplicating(admin: Member) -> None:
    imported(admin, csv_file([row()]))
    run = imported(admin, xlsx_file([row(postcode="CF11 9ZZ", dnc="yes", contact="no")]))

    assert (run.new, run.updated) == (0, 1)
    ann = carers(admin).get(full_name="Ann Jones")
    assert ann.postcode == "CF11 9ZZ"
    assert ann.carer_profile.no_email
    assert ann.carer_profile.no_phone
    latest = Consent.objects.filter(person=ann, kind="contact").first()
    assert latest is not None
    assert latest.given is False


def test_a_row_like_someone_known_waits_for_a_person_to_confirm(admin: Member) -> None:
    known = CarerFactory.create(
        organisation=admin.organisation, full_name="Ann Jones", postcode="CF10 1AA"
    )
    known.date_of_birth = datetime.date(1950, 2, 3)
    known.save()

    run = imported(admin, csv_file([row(email="new@example.org")]))

    assert (run.new, run.to_confirm) == (0, 1)
    known.refresh_from_db()
    assert known.email != "new@example.org"  # nothing applied yet
    match = PossibleMatch.objects.get()
    assert actions.decide(admin.user, match, "same") is True
    known.refresh_from_db()
    assert known.email == "new@example.org"
    assert SourceRecord.objects.get().person == known
    assert actions.decide(admin.user, match, "different") is False  # decided once
    assert PossibleMatch.objects.get().row == {}  # the row's words are forgotten


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("carers.csv", "Name,Postcode\nSiân,CF10 1AA\n".encode("cp1252"), "UTF-8"),
        ("carers.pdf", b"%PDF-1.4", "CSV or Excel"),
        ("carers.xlsx", b"PK\x03\x04 not a workbook", "Excel workbook"),
        ("carers.csv", b"", "empty"),
        ("carers.csv", b'Name,Postcode\n"Ann,CF10 1AA\n', "quote"),
    ],
)
def test_a_malformed_file_is_refused_whole_with_the_reason(
    name: str, content: bytes, reason: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        forms.file_problem(SimpleUploadedFile(name, content))
    assert reason in str(refused.value)


def test_a_file_without_a_chosen_column_is_refused_and_nothing_imported(admin: Member) -> None:
    run = uploaded(admin, csv_file([row()]))
    run.columns = {**run.columns, "full_name": "Full name of carer"}
    run.save()

    run = actions.check(run)

    assert run.status == Status.FAILED
    assert "no column called “Full name of carer”" in run.refusal


def test_a_failure_while_writing_leaves_nothing_half_imported(
    admin: Member, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [row(f"C{i}", name=f"Carer {i}") for i in range(1, 2500)]
    run = actions.check(uploaded(admin, csv_file(rows)))
    before = carers(admin).count()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing.Writer, "_audit", broken)
    with TestCase.captureOnCommitCallbacks(execute=True):  # the worker records the failure
        actions.start(admin.user, run)

    run.refresh_from_db()
    assert run.status == Status.FAILED
    assert carers(admin).count() == before
    assert not SourceRecord.objects.exists()
    assert not Consent.objects.filter(person__full_name="Carer 1").exists()
