import datetime

from django.test import Client
from django.urls import reverse

from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member
from coproduce.lib.tests.test_pdf import readable
from coproduce.payments import approval_actions, benefit_actions
from coproduce.payments.models import BenefitRecord
from coproduce.payments.tests.setup import Setting, setting, submitted_claim

__all__ = ["setting"]


def test_a_carer_records_benefits_only_with_consent(carer: Member, carer_client: Client) -> None:
    url = reverse("payments:benefits")
    response = carer_client.post(url, {"benefits": ["carers_allowance"]})
    assert response.status_code == 400
    assert "Tick the box to agree" in response.content.decode()
    assert 'value="carers_allowance" checked' in response.content.decode()
    carer_client.post(url, {"benefits": ["carers_allowance"], "consent": "true"})
    assert BenefitRecord.objects.get(person=carer.person).benefits == ["carers_allowance"]
    carer_client.post(url, {"benefits": []})
    assert not BenefitRecord.objects.exists()


def test_staff_see_a_carers_benefits_and_it_is_audited(
    carer: Member,
    coordinator: Member,
    coordinator_client: Client,
    staff_b_client: Client,
    carer_client: Client,
) -> None:
    benefit_actions.save_benefits(carer.person, carer.user, ["universal_credit"], consent=True)
    url = reverse("payments:person-benefits", args=[carer.person.pk])
    assert coordinator_client.get(url).status_code == 200
    assert AuditEvent.objects.filter(action="viewed", actor=coordinator.user).count() == 1
    assert staff_b_client.get(url).status_code == 404
    assert carer_client.get(url).status_code == 403


def test_a_carer_downloads_their_annual_statement(
    setting: Setting, carer: Member, coordinator: Member, carer_client: Client
) -> None:
    claim = submitted_claim(setting, carer)
    approval_actions.approve(claim, coordinator.user)
    approval_actions.mark_paid(claim, coordinator.user, datetime.date(2026, 11, 1), "BACS-1")
    response = carer_client.get(reverse("payments:statement", args=[2026]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    # Tagged for screen readers (PDF/UA), with its title and language.
    assert b"/StructTreeRoot" in readable(response.content)
    body = carer_client.get(reverse("payments:claims")).content.decode()
    assert reverse("payments:statement", args=[2026]) in body


def test_staff_download_a_statement_for_a_carer_of_their_organisation_only(
    carer: Member,
    coordinator: Member,
    coordinator_client: Client,
    staff_b_client: Client,
    carer_client: Client,
) -> None:
    url = reverse("payments:person-statement", args=[carer.person.pk, 2026])
    assert coordinator_client.get(url).status_code == 200
    assert AuditEvent.objects.filter(action="exported", actor=coordinator.user).exists()
    assert staff_b_client.get(url).status_code == 404
    assert carer_client.get(url).status_code == 403
