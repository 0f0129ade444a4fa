"""Reading an export: a CSV (UTF-8) or Excel (.xlsx) file, as its heading row and then
its rows of text, each with the row number a spreadsheet shows (the heading is row 1).

What kind a file is comes from its first bytes and its name together, as for every file
people give us (`coproduce.lib.uploads`). A file that cannot be read as a whole is refused
with the reason, in words a person can act on (`FileRefused`): nothing of it is imported.
"""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import (  # type: ignore[import-untyped]
    InvalidFileException,
)

from coproduce.imports.models import Kind

XLSX_SIGNATURE = b"PK\x03\x04"
HEAD_BYTES = 4096
MAX_COLUMNS = 200
MAX_HEADING = 100


class FileRefused(Exception):
    """The whole file is refused; the message says why."""


def kind_of(name: str, head: bytes) -> Kind | None:
    """CSV or XLSX, from the name's extension and the first bytes; None for anything else."""
    lowered = name.lower()
    if lowered.endswith(".xlsx") and head.startswith(XLSX_SIGNATURE):
        return Kind.XLSX
    if lowered.endswith(".csv") and b"\x00" not in head and not head.startswith(XLSX_SIGNATURE):
        return Kind.CSV
    return None


@dataclass
class Table:
    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]  # (spreadsheet row number, cells as text)


def _headers(cells: list[str]) -> list[str]:
    headers = [cell.strip() for cell in cells]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise FileRefused(_("The file has no heading row: its first row must name the columns"))
    if len(headers) > MAX_COLUMNS:
        raise FileRefused(_("The file has more than %(limit)s columns") % {"limit": MAX_COLUMNS})
    seen: set[str] = set()
    for heading in headers:
        if not heading:
            raise FileRefused(_("A column in the heading row has no name"))
        if len(heading) > MAX_HEADING:
            raise FileRefused(
                _("A column heading is longer than %(limit)s characters") % {"limit": MAX_HEADING}
            )
        if heading.casefold() in seen:
            raise FileRefused(_("Two columns are both called “%(heading)s”") % {"heading": heading})
        seen.add(heading.casefold())
    return headers


def _csv(handle: IO[bytes]) -> Table:
    try:
        text = handle.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(
            _(
                "The file is not saved as UTF-8 text. Save it from your spreadsheet as "
                "“CSV UTF-8” and upload it again"
            )
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        first = next(reader, None)
    except csv.Error:
        raise FileRefused(_("The heading row of the file cannot be read as CSV")) from None
    headers = _headers(first or [])

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    yield reader.line_num, cells
        except csv.Error:
            raise FileRefused(
                _("Line %(line)s of the file cannot be read as CSV (a quote is not closed)")
                % {"line": reader.line_num}
            ) from None

    return Table(headers, rows())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx(handle: IO[bytes]) -> Table:
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        first = next(values, None)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, IndexError, ValueError, OSError):
        raise FileRefused(_("The file is not an Excel workbook that can be read")) from None
    headers = _headers([_text(v) for v in first or ()])

    def rows() -> Iterator[tuple[int, list[str]]]:
        for number, row in enumerate(values, start=2):
            cells = [_text(v) for v in row]
            if any(cell.strip() for cell in cells):
                yield number, cells

    return Table(headers, rows())


def read(kind: str, handle: IO[bytes]) -> Table:
    """The file's heading row and an iterator of its rows; FileRefused if it cannot be read
    (reading the rows may also refuse, at the first line that cannot be read)."""
    return _xlsx(handle) if kind == Kind.XLSX else _csv(handle)
