from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict
from pytest_django import Settings

from coproduce.lib.uploads import UploadField, kind_of, upload_problem

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
