"""Files to import, made in the test: a CSV or an Excel workbook from rows of cells."""

import csv
import io
from collections.abc import Sequence

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook  # type: ignore[import-untyped]

SPREADSHEET = [
    "ID", "Name", "Date of birth", "Address", "Postcode", "Phone", "Email", "Contact by",
    "Language", "Do not contact", "Consent to contact", "Consent to keep data",
]  # fmt: skip


def csv_bytes(rows: list[list[str]], headers: list[str] | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers or SPREADSHEET)
    writer.writerows(rows)
    return out.getvalue().encode()


def csv_file(rows: list[list[str]], name: str = "carers.csv", **kw: object) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, csv_bytes(rows, **kw), "text/csv")  # type: ignore[arg-type]


def xlsx_file(rows: Sequence[Sequence[object]], name: str = "carers.xlsx") -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(SPREADSHEET)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile(name, out.getvalue(), "application/octet-stream")


def row(
    source_id: str = "C1",
    name: str = "Ann Jones",
    born: str = "03/02/1950",
    postcode: str = "CF10 1AA",
    channel: str = "letter",
    language: str = "Welsh",
    dnc: str = "no",
    contact: str = "yes",
    data: str = "yes",
    email: str = "ann@example.org",
) -> list[str]:
    return [
        source_id, name, born, "1 High Street", postcode, "029 2000 0000", email, channel,
        language, dnc, contact, data,
    ]  # fmt: skip
