"""Receipts: the coordinator who approves a claim can open them, and so can the carer who
gave them; nobody else can learn they exist. They are served with safe headers, and a
replaced receipt is deleted only once the change is saved."""

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member, make_member, signed_in
from coproduce.payments import actions
from coproduce.payments.models import Line
from coproduce.payments.tests.setup import Setting, drafted_claim, setting
from coproduce.tenancy.models import Organisation, Role

__all__ = ["setting"]

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 20
DOCX = b"PK\x03\x04" + b"0" * 20


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def with_receipt(setting: Setting, carer: Member, name: str, content: bytes) -> Line:
    claim = drafted_claim(setting, carer)
    line = actions.add_line(claim, setting.meetings[0], "other")
    upload = SimpleUploadedFile(name, content, "image/png")
    return actions.save_cost(line, Decimal("4.00"), "Parking", upload)


def receipt_url(line: Line) -> str:
    return reverse("payments:receipt", args=[line.claim_id, line.pk])


def test_the_coordinator_opens_the_receipt_from_the_claim_page(
    setting: Setting, carer: Member, coordinator_client: Client
) -> None:
    line = with_receipt(setting, carer, "parking.png", PNG)
    page = coordinator_client.get(reverse("payments:claim", args=[line.claim_id]))
    assert f'href="{receipt_url(line)}"' in page.content.decode()
    response = coordinator_client.get(receipt_url(line))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG  # type: ignore[attr-defined]
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_the_carer_opens_their_own_receipt_and_an_admin_can_too(
    setting: Setting, carer: Member, carer_client: Client, admin_client_a: Client
) -> None:
    line = with_receipt(setting, carer, "parking.png", PNG)
    assert carer_client.get(receipt_url(line)).status_code == 200
    assert admin_client_a.get(receipt_url(line)).status_code == 200


def test_nobody_else_can_open_a_receipt_or_tell_that_it_exists(
    setting: Setting,
    carer: Member,
    org_a: Organisation,
    staff_b_client: Client,
    carer_b: Member,
    professional_client: Client,
    client: Client,
) -> None:
    line = with_receipt(setting, carer, "parking.png", PNG)
    another_carer = make_member(org_a, Role.CARER, "Another Carer", "another@example.org")
    for outsider in (
        staff_b_client,
        signed_in(Client(), carer_b.user),
        signed_in(Client(), another_carer.user),
        professional_client,
    ):
        assert outsider.get(receipt_url(line)).status_code == 404
    assert client.get(receipt_url(line)).status_code == 302  # to sign in
    wrong_claim = reverse("payments:receipt", args=[line.claim_id + 1000, line.pk])
    assert staff_b_client.get(wrong_claim).status_code == 404


def test_a_line_without_a_receipt_has_nothing_to_open(
    setting: Setting, carer: Member, coordinator_client: Client
) -> None:
    claim = drafted_claim(setting, carer)
    line = claim.lines.get(kind="travel")
    assert coordinator_client.get(receipt_url(line)).status_code == 404


def test_files_other_than_pdfs_and_pictures_are_downloaded_not_shown(
    setting: Setting, carer: Member, coordinator_client: Client
) -> None:
    line = with_receipt(setting, carer, "receipt.docx", DOCX)
    response = coordinator_client.get(receipt_url(line))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment")


def test_a_file_whose_bytes_are_not_a_kind_we_take_is_only_ever_downloaded(
    setting: Setting, carer: Member, coordinator_client: Client, media: Path
) -> None:
    line = with_receipt(setting, carer, "parking.png", PNG)
    Path(line.receipt.path).write_bytes(b"<html><script>alert(1)</script>")
    response = coordinator_client.get(receipt_url(line))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_replaced_receipt_is_deleted_once_the_change_is_saved(
    setting: Setting, carer: Member, django_capture_on_commit_callbacks: Any
) -> None:
    line = with_receipt(setting, carer, "first.png", PNG)
    first = line.receipt.path
    with django_capture_on_commit_callbacks(execute=True):
        actions.save_cost(line, Decimal("4.00"), "Parking", SimpleUploadedFile("second.png", PNG))
    assert not os.path.exists(first)
    assert os.path.exists(line.receipt.path)


def test_a_replaced_receipt_stays_when_the_change_is_rolled_back(
    setting: Setting, carer: Member, django_capture_on_commit_callbacks: Any
) -> None:
    line = with_receipt(setting, carer, "first.png", PNG)
    first = line.receipt.path
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        actions.save_cost(line, Decimal("4.00"), "Parking", SimpleUploadedFile("second.png", PNG))
        transaction.set_rollback(True)  # the request failed after the receipt was saved
    line.refresh_from_db()
    assert line.receipt.path == first
    assert os.path.exists(first)
