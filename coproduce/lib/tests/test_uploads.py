import re
from pathlib import Path
from typing import Any, cast

import pytest
from django import forms
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils.datastructures import MultiValueDict
from pytest_django import Settings

from coproduce.lib.uploads import (
    UNKNOWN_TYPE,
    UploadField,
    delete_on_commit,
    kind_of,
    served_type,
    upload_problem,
)

PDF = b"%PDF-1.7 letter"
PNG = b"\x89PNG\r\n\x1a\n...."


def test_a_file_is_known_by_its_first_bytes_and_its_name_together() -> None:
    assert kind_of("letter.PDF", PDF) is not None
    assert kind_of("photo.png", PNG) is not None
    assert kind_of("letter.pdf", b"MZ\x90\x00") is None  # a program renamed
    assert kind_of("photo.pdf", PNG) is None  # a picture called a PDF


def test_each_problem_is_said_plainly() -> None:
    limit = 10 * 1024 * 1024
    assert upload_problem("a.pdf", 0, b"", limit) == "The selected file is empty"
    assert upload_problem("a.pdf", limit + 1, PDF, limit) == (
        "The selected file must be smaller than 10 MB"
    )
    assert upload_problem("a.exe", 10, b"MZ", limit) == (
        "The selected file must be a PDF, JPG, PNG or Word (.docx) file"
    )
    assert upload_problem("a.pdf", 10, PDF, limit) is None


class ReceiptForm(forms.Form):
    receipt = UploadField()


def test_the_field_refuses_a_file_over_the_configured_size(settings: Settings) -> None:
    settings.MAX_UPLOAD_BYTES = 20
    big = SimpleUploadedFile("receipt.pdf", PDF + b"x" * 30)
    form = ReceiptForm(files=MultiValueDict({"receipt": [big]}))
    assert not form.is_valid()
    assert form.errors["receipt"] == ["The selected file must be smaller than 20\xa0bytes"]


def test_the_field_sets_the_content_type_from_the_bytes() -> None:
    form = ReceiptForm(
        files=MultiValueDict({"receipt": [SimpleUploadedFile("r.png", PNG, "text/html")]})
    )
    assert form.is_valid()
    assert form.cleaned_data["receipt"].content_type == "image/png"


def test_a_stored_file_is_served_as_a_kind_we_take_only_when_its_bytes_agree() -> None:
    assert served_type("r.png", PNG) == "image/png"
    assert served_type("r.png", PNG, "image/png") == "image/png"
    assert served_type("r.png", PNG, "text/html") == UNKNOWN_TYPE  # stored type disagrees
    assert served_type("r.png", b"<html><script>") == UNKNOWN_TYPE
    assert served_type("r.html", PNG) == UNKNOWN_TYPE


def stored(tmp_path: Path) -> tuple[FieldFile, Path]:
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("letter.pdf", ContentFile(PDF))
    field = models.FileField(storage=storage)
    return FieldFile(cast(models.Model, None), field, name), tmp_path / name


@pytest.mark.django_db
def test_a_file_is_deleted_only_when_its_transaction_commits(
    tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    file, path = stored(tmp_path)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        delete_on_commit(file)
        assert path.exists()  # not before the commit
    assert not path.exists()


@pytest.mark.django_db
def test_a_file_stays_when_its_transaction_rolls_back(
    tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    file, path = stored(tmp_path)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        delete_on_commit(file)
        transaction.set_rollback(True)
    assert path.exists()


# Ways of deleting a stored file straight away, whatever the transaction does next.
IMMEDIATE_DELETES = re.compile(
    r"\.delete\(\s*save\s*=|storage\.delete\(|\bdelete_file\(|os\.remove\("
)


def test_files_are_deleted_only_through_delete_on_commit() -> None:
    root = Path(__file__).resolve().parents[2]
    here = Path(__file__).resolve().parents[1] / "uploads.py"
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if path != here and "tests" not in path.parts and "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if IMMEDIATE_DELETES.search(line)
    ]
    assert offenders == []
