from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.payments import actions
from coproduce.payments.models import Claim, Status
from coproduce.payments.tests.setup import (
    Setting,
    drafted_claim,
    make_setting,
    setting,
)

__all__ = ["setting"]


def test_a_carer_checks_for_new_claims_and_sees_them(
    setting: Setting, carer: Member, carer_client: Client
) -> None:
    response = carer_client.post(reverse("payments:claims"), follow=True)
    assert "3 new things to claim" in response.content.decode()
    body = carer_client.get(reverse("payments:claims")).content.decode()
    assert "Discharge" in body
    assert "Draft" in body


def test_checking_goes_straight_to_the_one_claim_to_finish(
    coordinator: Member, carer: Member, carer_client: Client
) -> None:
    make_setting(coordinator, carer)
    response = carer_client.post(reverse("payments:claims"))
    claim = Claim.objects.get(person=carer.person)
    assert response["Location"] == reverse("payments:claim", args=[claim.pk])


def test_checking_with_two_claims_to_finish_shows_the_list(
    coordinator: Member, carer: Member, carer_client: Client
) -> None:
    make_setting(coordinator, carer)
    make_setting(coordinator, carer)
    response = carer_client.post(reverse("payments:claims"))
    assert Claim.objects.filter(person=carer.person, status=Status.DRAFT).count() == 2
    assert response["Location"] == reverse("payments:claims")


def test_a_claim_without_a_payment_method_asks_for_one_and_sends_in_one_go(
    setting: Setting, carer: Member, carer_client: Client
) -> None:
    claim = drafted_claim(setting, carer)
    actions.save_travel(claim.lines.get(kind="travel"), "mileage", Decimal("10"), None, None)
    Claim.objects.filter(pk=claim.pk).update(method="", voucher_send_to="")
    body = carer_client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    assert "How would you like to be paid?" in body
    method_url = reverse("payments:method", args=[claim.pk])
    assert f'href="{method_url}"' not in body
    response = carer_client.post(
        reverse("payments:submit", args=[claim.pk]),
        {"method": "voucher", "voucher_send_to": "margaret@example.org"},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == Status.SUBMITTED
    assert (claim.method, claim.voucher_send_to) == ("voucher", "margaret@example.org")


def test_a_half_filled_payment_method_on_the_claim_is_reshown_and_nothing_is_sent(
    setting: Setting, carer: Member, carer_client: Client
) -> None:
    claim = drafted_claim(setting, carer)
    Claim.objects.filter(pk=claim.pk).update(method="", voucher_send_to="")
    response = carer_client.post(
        reverse("payments:submit", args=[claim.pk]),
        {"method": "bank", "account_name": "M Jones", "sort_code": "", "account_number": "1"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    summary = body.split('class="govuk-error-summary"')[1].split("</ul>")[0]
    assert "Enter a sort code" in summary
    assert "Enter a valid account number like 00733445" in summary
    assert 'value="M Jones"' in body
    claim.refresh_from_db()
    assert (claim.status, claim.method, claim.account_name) == (Status.DRAFT, "", "")


@pytest.mark.parametrize("count", [1, 5])
def test_your_claims_runs_a_fixed_number_of_queries(
    coordinator: Member,
    carer: Member,
    carer_client: Client,
    count: int,
    django_assert_num_queries: Any,
) -> None:
    for _ in range(count):
        drafted_claim(make_setting(coordinator, carer), carer)
    # session, user, membership, person, claims, lines
    with django_assert_num_queries(6):
        response = carer_client.get(reverse("payments:claims"))
    assert response.status_code == 200


def test_a_carer_sees_their_claim_but_not_another_organisations(
    setting: Setting, carer: Member, carer_client: Client, staff_b_client: Client
) -> None:
    claim = drafted_claim(setting, carer)
    url = reverse("payments:claim", args=[claim.pk])
    body = carer_client.get(url).content.decode()
    assert "First meeting" in body
    assert "£70.00" in body
    assert staff_b_client.get(url).status_code == 404


def test_another_carer_of_the_same_organisation_cannot_see_the_claim(
    setting: Setting, carer: Member, professional: Member
) -> None:
    from coproduce.conftest import signed_in

    claim = drafted_claim(setting, carer)
    client = signed_in(Client(), professional.user)
    assert client.get(reverse("payments:claim", args=[claim.pk])).status_code == 404


def test_a_mileage_claim_without_miles_says_so_and_keeps_what_was_typed(
    setting: Setting, carer: Member, carer_client: Client
) -> None:
    claim = drafted_claim(setting, carer)
    travel = claim.lines.get(kind="travel")
    url = reverse("payments:line", args=[claim.pk, travel.pk])
    response = carer_client.post(url, {"mode": "mileage", "miles": "", "fares": "3.20"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter the miles you drove there and back" in body
    assert 'value="3.20"' in body
    response = carer_client.post(url, {"mode": "mileage", "miles": "10"})
    assert response.status_code == 302
    travel.refresh_from_db()
    assert travel.amount == Decimal("4.50")


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "cannot be less than £0"),
        ("99999", "must be £5000.00 or less"),
        ("12.345", "pounds and pence only"),
        ("lots", "pounds and pence, like 12.50"),
    ],
)
def test_bad_amounts_get_a_specific_message(
    setting: Setting, carer: Member, carer_client: Client, amount: str, message: str
) -> None:
    claim = drafted_claim(setting, carer)
    line = actions.add_line(claim, setting.meetings[0], "other")
    response = carer_client.post(
        reverse("payments:line", args=[claim.pk, line.pk]),
        {"amount": amount, "description": "Parking"},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'value="Parking"' in response.content.decode()


def test_a_receipt_of_the_wrong_kind_is_refused(
    setting: Setting, carer: Member, carer_client: Client
) -> None:
    claim = drafted_claim(setting, carer)
    line = actions.add_line(claim, setting.meetings[0], "other")
    bad = SimpleUploadedFile("receipt.exe", b"MZ\x90\x00 not a receipt")
    response = carer_client.post(
        reverse("payments:line", args=[claim.pk, line.pk]),
        {"amount": "4.00", "description": "Parking", "receipt": bad},
    )
    assert response.status_code == 400
    assert "must be a PDF, JPG, PNG or Word" in response.content.decode()


def test_a_receipt_that_is_too_large_is_refused(
    setting: Setting, carer: Member, carer_client: Client, settings: Any
) -> None:
    settings.MAX_UPLOAD_BYTES = 100
    claim = drafted_claim(setting, carer)
    line = actions.add_line(claim, setting.meetings[0], "other")
    big = SimpleUploadedFile("r.png", b"\x89PNG\r\n\x1a\n" + b"0" * 200)
    response = carer_client.post(
        reverse("payments:line", args=[claim.pk, line.pk]), {"amount": "4.00", "receipt": big}
    )
    assert response.status_code == 400
    assert "must be smaller than" in response.content.decode()


def test_other_expenses_need_a_receipt(
    setting: Setting, carer: Member, carer_client: Client, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    claim = drafted_claim(setting, carer)
    line = actions.add_line(claim, setting.meetings[0], "other")
    url = reverse("payments:line", args=[claim.pk, line.pk])
    response = carer_client.post(url, {"amount": "4.00"})
    assert "Add a receipt for this expense" in response.content.decode()
    receipt = SimpleUploadedFile("r.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    assert carer_client.post(url, {"amount": "4.00", "receipt": receipt}).status_code == 302
    line.refresh_from_db()
    assert line.receipt_name == "r.png"
    assert line.amount == Decimal("4.00")


def test_adding_a_cost_for_an_activity_not_attended_says_why(
    setting: Setting, carer: Member, carer_client: Client
) -> None:
    claim = drafted_claim(setting, carer)
    url = reverse("payments:add-line", args=[claim.pk])
    response = carer_client.post(url, {"activity": setting.meetings[0].pk, "kind": "travel"})
    assert response.status_code == 400
    assert "Travel for First meeting is already claimed" in response.content.decode()
    response = carer_client.post(url, {"activity": setting.meetings[0].pk, "kind": "other"})
    assert response.status_code == 302


def test_a_carer_cannot_add_preparation_time(
    setting: Setting, carer: Member, carer_client: Client
) -> None:
    claim = drafted_claim(setting, carer)
    response = carer_client.post(
        reverse("payments:add-line", args=[claim.pk]),
        {"activity": setting.meetings[0].pk, "kind": "preparation", "minutes": "30"},
    )
    assert response.status_code == 400


def test_staff_allow_preparation_time(
    setting: Setting, carer: Member, coordinator_client: Client
) -> None:
    claim = drafted_claim(setting, carer)
    response = coordinator_client.post(
        reverse("payments:add-line", args=[claim.pk]),
        {"activity": setting.meetings[0].pk, "kind": "preparation", "minutes": "30"},
    )
    assert response.status_code == 302
    assert claim.lines.get(kind="preparation").amount == Decimal("10.00")


def test_a_carer_chooses_a_voucher_and_submits(
    setting: Setting, carer: Member, carer_client: Client
) -> None:
    claim = drafted_claim(setting, carer)
    travel = claim.lines.get(kind="travel")
    carer_client.post(reverse("payments:line", args=[claim.pk, travel.pk]), {"mode": "none"})
    response = carer_client.post(
        reverse("payments:method", args=[claim.pk]), {"method": "voucher", "voucher_send_to": ""}
    )
    assert response.status_code == 400
    assert "Enter where we should send the voucher" in response.content.decode()
    carer_client.post(
        reverse("payments:method", args=[claim.pk]),
        {"method": "voucher", "voucher_send_to": "margaret@example.org"},
    )
    response = carer_client.post(reverse("payments:submit", args=[claim.pk]), follow=True)
    assert "Your claim is sent" in response.content.decode()
    claim.refresh_from_db()
    assert (claim.status, claim.method) == (Status.SUBMITTED, "voucher")


def test_bank_details_are_checked(setting: Setting, carer: Member, carer_client: Client) -> None:
    claim = drafted_claim(setting, carer)
    response = carer_client.post(
        reverse("payments:method", args=[claim.pk]),
        {"method": "bank", "account_name": "M Jones", "sort_code": "30-94", "account_number": "7"},
    )
    body = response.content.decode()
    assert "Enter a valid sort code like 309430" in body
    assert "Enter a valid account number like 00733445" in body


def test_the_benefits_warning_is_shown_with_options_and_a_link(
    setting: Setting, carer: Member, carer_client: Client
) -> None:
    from coproduce.payments.tests.test_actions import big_week

    claim = big_week(setting, carer)
    body = carer_client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    assert "Allowance stops for any week when earnings are over £196.00" in body
    assert "Spread the payment over several weeks" in body
    assert "https://www.gov.uk/carers-allowance/eligibility" in body


def test_sending_an_unfinished_claim_lists_everything_to_do(
    setting: Setting, carer: Member, carer_client: Client
) -> None:
    from coproduce.payments.tests.test_actions import big_week

    claim = big_week(setting, carer)
    response = carer_client.post(reverse("payments:submit", args=[claim.pk]))
    assert response.status_code == 400
    summary = response.content.decode().split('class="govuk-error-summary"')[1].split("</ul>")[0]
    assert "Choose what you would like us to do about your benefits" in summary
    assert "Choose how you would like to be paid" in summary
    claim.refresh_from_db()
    assert claim.status == Status.DRAFT


def test_submit_is_post_only_and_scoped(
    setting: Setting, carer: Member, carer_client: Client, staff_b_client: Client
) -> None:
    claim = drafted_claim(setting, carer)
    url = reverse("payments:submit", args=[claim.pk])
    assert carer_client.get(url).status_code == 405
    assert staff_b_client.post(url).status_code == 404
    assert Claim.objects.get(pk=claim.pk).status == Status.DRAFT


def test_your_download_has_your_claims_and_benefits(
    setting: Setting, carer: Member, carer_client: Client
) -> None:
    import json

    from coproduce.payments import benefit_actions

    claim = drafted_claim(setting, carer)
    benefit_actions.save_benefits(carer.person, carer.user, ["carers_allowance"], consent=True)
    data = json.loads(carer_client.get(reverse("people:you-download")).content)
    assert data["claims"][0]["reference"] == claim.reference
    assert {line["activity"] for line in data["claims"][0]["lines"]} == {
        "First meeting",
        "Second meeting",
    }
    assert data["benefits"] == ["carers_allowance"]
