"""The import pages: admins only, their own organisation's imports only, the whole journey
through the pages, and the list in a fixed number of queries."""

import pytest
from django.test import Client, TestCase
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.conftest import Member, make_member, signed_in
from coproduce.imports.models import ImportRun, Status
from coproduce.imports.tests.factories import csv_file, row
from coproduce.people.models import Person
from coproduce.tenancy.models import Organisation, Role

pytestmark = pytest.mark.django_db


def make_run(member: Member, **fields: object) -> ImportRun:
    return ImportRun.objects.create(
        organisation=member.organisation,
        source_system="Casebook",
        file_name="carers.csv",
        kind="csv",
        started_by=member.user,
        **fields,
    )


def test_an_admin_uploads_maps_checks_and_imports_through_the_pages(
    admin_client_a: Client, admin: Member
) -> None:
    file = csv_file([row(), row("C2", born="31/02/1950")])
    response = admin_client_a.post(
        reverse("imports:upload"),
        {"file": file, "source_system": "Casebook", "shape": "spreadsheet"},
    )
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("imports:columns", args=[run.pk])
    assert run.columns["full_name"] == "Name"

    response = admin_client_a.post(
        reverse("imports:columns", args=[run.pk]),
        {**run.columns, "save_as": "Monthly export"},
    )
    assert response.status_code == 302
    body = admin_client_a.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert "date of birth “31/02/1950” is not a real date" in body
    admin_client_a.post(reverse("imports:check", args=[run.pk]))
    body = admin_client_a.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert "Row 3: date of birth “31/02/1950” is not a real date" in body
    with TestCase.captureOnCommitCallbacks(execute=True):
        admin_client_a.post(reverse("imports:start", args=[run.pk]))
    run.refresh_from_db()
    assert (run.status, run.new) == (Status.DONE, 1)
    assert Person.objects.filter(full_name="Ann Jones").exists()
    assert "Monthly export" in admin_client_a.get(reverse("imports:upload")).content.decode()


def test_a_file_that_is_not_csv_or_excel_is_refused_with_the_reason(
    admin_client_a: Client,
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = admin_client_a.post(
        reverse("imports:upload"),
        {
            "file": SimpleUploadedFile("carers.pdf", b"%PDF-1.4"),
            "source_system": "Casebook",
            "shape": "spreadsheet",
        },
    )
    assert response.status_code == 400
    assert "The selected file must be a CSV or Excel (.xlsx) file" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_the_progress_page_shows_rows_done_and_a_refresh_link(
    admin_client_a: Client, admin: Member
) -> None:
    run = make_run(admin, status=Status.RUNNING, total_rows=100_000, rows_done=40_000)
    body = admin_client_a.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert "40000 of 100000 rows checked" in body
    assert f'href="{reverse("imports:run", args=[run.pk])}"' in body


def test_another_organisations_admin_cannot_see_or_start_an_import(
    admin: Member, org_b: Organisation
) -> None:
    run = make_run(admin, status=Status.CHECKED)
    admin_b = signed_in(Client(), make_member(org_b, Role.ADMIN, "Bryn Admin").user)
    assert admin_b.get(reverse("imports:run", args=[run.pk])).status_code == 404
    assert admin_b.post(reverse("imports:start", args=[run.pk])).status_code == 404
    assert "carers.csv" not in admin_b.get(reverse("imports:list")).content.decode()
    run.refresh_from_db()
    assert run.status == Status.CHECKED


@pytest.mark.parametrize("who", ["carer_client", "coordinator_client"])
def test_carers_and_coordinators_cannot_import(
    who: str, request: pytest.FixtureRequest, admin: Member
) -> None:
    client: Client = request.getfixturevalue(who)
    run = make_run(admin)
    assert client.get(reverse("imports:list")).status_code == 403
    assert client.get(reverse("imports:run", args=[run.pk])).status_code == 403


def test_signed_out_people_are_sent_to_sign_in(admin: Member) -> None:
    response = Client().get(reverse("imports:list"))
    assert response.status_code == 302
    assert "sign-in" in response["Location"]


@pytest.mark.parametrize("runs", [1, 30])
def test_the_list_takes_the_same_queries_however_many_imports(
    admin_client_a: Client,
    admin: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
    runs: int,
) -> None:
    for _ in range(runs):
        make_run(admin, status=Status.DONE, new=3)
    with django_assert_num_queries(6):
        response = admin_client_a.get(reverse("imports:list"))
    assert response.status_code == 200
