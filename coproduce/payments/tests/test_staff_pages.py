import csv
import datetime
import io
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member, make_member, signed_in
from coproduce.payments import actions, approval_actions, staff_views
from coproduce.payments.models import Claim, Payment, PaymentPolicy, Status
from coproduce.payments.tests.setup import (
    Setting,
    drafted_claim,
    make_setting,
    setting,
    submitted_claim,
)
from coproduce.tenancy.models import Organisation, Role

__all__ = ["setting"]


def test_the_project_page_shows_claims_and_the_budget(
    setting: Setting, carer: Member, coordinator_client: Client
) -> None:
    submitted_claim(setting, carer)
    response = coordinator_client.get(reverse("payments:project", args=[setting.project.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Margaret Carer" in body
    assert "Waiting for approval" in body
    assert "£74.50" not in body  # not approved yet: shown as committed per kind
    assert "£70.00" in body
    assert "£4.50" in body


def test_the_project_page_is_for_staff_of_the_organisation(
    setting: Setting, carer_client: Client, staff_b_client: Client
) -> None:
    url = reverse("payments:project", args=[setting.project.pk])
    assert carer_client.get(url).status_code == 403
    assert staff_b_client.get(url).status_code == 404


@pytest.mark.parametrize("count", [1, 55])  # 55: more claims than a page
def test_the_project_page_runs_a_fixed_number_of_queries(
    coordinator: Member,
    carer: Member,
    coordinator_client: Client,
    count: int,
    django_assert_num_queries: Any,
) -> None:
    setting = make_setting(coordinator, carer)
    for _n in range(count):
        from coproduce.payments.tests.setup import attended
        from coproduce.people.tests.factories import CarerFactory

        person = CarerFactory.create(organisation=coordinator.organisation)
        other = Member(user=carer.user, person=person, role=carer.role)
        attended(setting.meetings[0], other)
    actions.draft_claims(setting.project, None)
    assert Claim.objects.count() == count + 1
    # session, user, membership, OTP device, project, how many claims, a page of them, budget
    # lines, claim lines, policies, carer group, planned activities
    with django_assert_num_queries(12):
        response = coordinator_client.get(reverse("payments:project", args=[setting.project.pk]))
    assert response.status_code == 200
    pages = -(-(count + 1) // staff_views.CLAIMS_PER_PAGE)
    assert (f"Page 1 of {pages}" in response.content.decode()) is (pages > 1)


def test_staff_draft_claims_from_the_register(
    setting: Setting, carer: Member, coordinator_client: Client
) -> None:
    response = coordinator_client.post(
        reverse("payments:draft", args=[setting.project.pk]), follow=True
    )
    assert "3 new claim lines drafted" in response.content.decode()
    assert Claim.objects.get(person=carer.person).status == Status.DRAFT


def test_a_carer_cannot_draft_for_the_project(setting: Setting, carer_client: Client) -> None:
    assert (
        carer_client.post(reverse("payments:draft", args=[setting.project.pk])).status_code == 403
    )


def test_a_coordinator_approves_and_a_second_approval_is_refused_kindly(
    setting: Setting, carer: Member, coordinator_client: Client
) -> None:
    claim = submitted_claim(setting, carer)
    url = reverse("payments:review", args=[claim.pk])
    assert coordinator_client.post(url, {"decision": "approve"}).status_code == 302
    response = coordinator_client.post(url, {"decision": "approve"}, follow=True)
    assert "Someone else has already dealt with this claim" in response.content.decode()
    assert Payment.objects.filter(claim=claim).count() == 1


def test_a_query_needs_a_question(
    setting: Setting, carer: Member, coordinator_client: Client
) -> None:
    claim = submitted_claim(setting, carer)
    url = reverse("payments:review", args=[claim.pk])
    response = coordinator_client.post(url, {"decision": "query", "message": " "})
    assert response.status_code == 400
    assert "Write the question you want to ask" in response.content.decode()


def test_the_carer_reads_the_coordinators_question_as_written(
    setting: Setting, carer: Member, coordinator_client: Client, carer_client: Client
) -> None:
    claim = submitted_claim(setting, carer)
    url = reverse("payments:review", args=[claim.pk])
    coordinator_client.post(url, {"decision": "query", "message": "Was it <12> miles?"})
    page = carer_client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    assert "The coordinator asks:" in page
    assert "Was it &lt;12&gt; miles?" in page
    assert "&lt;p" not in page


def test_review_is_for_staff_of_the_organisation(
    setting: Setting, carer: Member, carer_client: Client, staff_b_client: Client
) -> None:
    claim = submitted_claim(setting, carer)
    url = reverse("payments:review", args=[claim.pk])
    assert carer_client.post(url, {"decision": "approve"}).status_code == 403
    assert staff_b_client.post(url, {"decision": "approve"}).status_code == 404
    assert Claim.objects.get(pk=claim.pk).status == Status.SUBMITTED


def test_finance_records_the_payment(
    setting: Setting,
    carer: Member,
    coordinator: Member,
    coordinator_client: Client,
    admin_client_a: Client,
) -> None:
    claim = submitted_claim(setting, carer)
    approval_actions.approve(claim, coordinator.user)
    url = reverse("payments:paid", args=[claim.pk])
    assert coordinator_client.get(url).status_code == 403
    response = admin_client_a.post(url, {"paid_on-day": "", "reference": ""})
    assert response.status_code == 400
    assert "Enter the date it was paid" in response.content.decode()
    today = datetime.date.today()
    response = admin_client_a.post(
        url,
        {
            "paid_on-day": today.day,
            "paid_on-month": today.month,
            "paid_on-year": today.year,
            "reference": "BACS-9",
        },
    )
    assert response.status_code == 302
    assert Payment.objects.get(claim=claim).reference == "BACS-9"


def test_the_finance_export_lists_approved_claims_with_payee_details(
    setting: Setting,
    carer: Member,
    coordinator: Member,
    admin_client_a: Client,
) -> None:
    claim = submitted_claim(setting, carer)
    approval_actions.approve(claim, coordinator.user)
    url = reverse("payments:export-csv", args=[setting.project.pk])
    response = admin_client_a.get(url)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][:5] == [
        claim.reference,
        "Margaret Carer",
        "Voucher or gift card",
        "m@example.org",
        "74.50",
    ]
    assert AuditEvent.objects.filter(action="exported", person=carer.person).exists()
    response = admin_client_a.get(reverse("payments:export-xlsx", args=[setting.project.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=5).value == 74.5


@pytest.mark.parametrize("name", ["payments:export-csv", "payments:export-xlsx"])
def test_only_admins_may_download_payees_bank_details(
    setting: Setting,
    carer: Member,
    coordinator: Member,
    coordinator_client: Client,
    carer_client: Client,
    admin_client_a: Client,
    staff_b_client: Client,
    org_b: Organisation,
    name: str,
) -> None:
    claim = drafted_claim(setting, carer)
    actions.save_travel(claim.lines.get(kind="travel"), "mileage", Decimal("10"), None, None)
    bank = {"method": "bank", "account_name": "M Carer", "sort_code": "112233"}
    actions.choose_method(claim, carer.user, {**bank, "account_number": "12345678"})
    approval_actions.approve(approval_actions.submit(claim, carer.user, ""), coordinator.user)
    url = reverse(name, args=[setting.project.pk])
    project_page = reverse("payments:project", args=[setting.project.pk])
    assert admin_client_a.get(url).status_code == 200
    assert url in admin_client_a.get(project_page).content.decode()
    # Coordinators approve claims but do not pay them: no bank details, and no link.
    assert coordinator_client.get(url).status_code == 403
    assert url not in coordinator_client.get(project_page).content.decode()
    assert carer_client.get(url).status_code == 403
    assert staff_b_client.get(url).status_code == 403
    admin_b = signed_in(Client(), make_member(org_b, Role.ADMIN, "Bethan Admin").user)
    assert admin_b.get(url).status_code == 404


def test_admins_set_rates_and_cannot_backdate_over_approved_claims(
    setting: Setting,
    carer: Member,
    coordinator: Member,
    admin_client_a: Client,
    coordinator_client: Client,
) -> None:
    claim = submitted_claim(setting, carer)
    approval_actions.approve(claim, coordinator.user)
    values: dict[str, Any] = {
        "applies_from-day": "1",
        "applies_from-month": "1",
        "applies_from-year": "2026",
        "involvement_basis": "half_day",
        "involvement_rate": "45.00",
        "another_way_minutes": "60",
        "mileage_rate": "0.45",
        "replacement_care_cap": "70",
        "methods": ["bank", "voucher"],
    }
    assert coordinator_client.post(reverse("payments:rates"), values).status_code == 403
    response = admin_client_a.post(reverse("payments:rates"), values)
    assert response.status_code == 400
    assert "New rates must start after" in response.content.decode()
    assert 'value="45.00"' in response.content.decode()
    later = datetime.date.today() + datetime.timedelta(days=30)
    values.update(
        {
            "applies_from-day": str(later.day),
            "applies_from-month": str(later.month),
            "applies_from-year": str(later.year),
        }
    )
    assert admin_client_a.post(reverse("payments:rates"), values).status_code == 302
    assert PaymentPolicy.objects.count() == 2
    assert Payment.objects.get(claim=claim).amount == Decimal("74.50")


@pytest.mark.parametrize("count", [1, 4])
def test_the_rates_page_runs_a_fixed_number_of_queries(
    coordinator: Member, admin_client_a: Client, count: int, django_assert_num_queries: Any
) -> None:
    from coproduce.payments.tests.setup import policy_for

    for n in range(count):
        policy_for(coordinator, applies_from=datetime.date(2020 + n, 4, 6))
    # session, user, membership, OTP device, policies
    with django_assert_num_queries(5):
        assert admin_client_a.get(reverse("payments:rates")).status_code == 200


def test_carers_cannot_see_the_rates_page(carer_client: Client) -> None:
    assert carer_client.get(reverse("payments:rates")).status_code == 403
