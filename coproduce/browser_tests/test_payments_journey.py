"""A carer who came to two meetings claims for her time and travel, is warned that the
payment may affect her Carer's Allowance, chooses a voucher, the coordinator approves
the claim and the admin (finance) exports it: given, when, then, with axe on every page."""

import csv
import io
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from coproduce.browser_tests.conftest import FakeNotify, check_axe, choose, sign_in, submit
from coproduce.conftest import Member
from coproduce.payments import benefit_actions, reference
from coproduce.payments.models import Claim, Payment, Status
from coproduce.payments.tests.setup import Setting, make_setting, policy_for

pytestmark = pytest.mark.browser


@pytest.fixture
def setting(coordinator: Member, carer: Member) -> Setting:
    """Two past meetings Margaret attended (2 hours, then 90 minutes, travel needed at the
    first); she receives Carer's Allowance, and time is paid at £120 an hour, so a meeting
    is more than the weekly earnings limit."""
    # Browser tests empty the tables after each test, data migrations' rows included.
    reference.load_figures()
    setting = make_setting(coordinator, carer)
    policy_for(coordinator, involvement_rate=Decimal("120.00"))
    benefit_actions.save_benefits(carer.person, carer.user, ["carers_allowance"], consent=True)
    return setting


def test_a_carer_claims_with_a_voucher_after_a_benefits_warning_and_finance_gets_it(
    page: Page,
    other_page: Page,
    live_server: LiveServer,
    coordinator: Member,
    admin: Member,
    carer: Member,
    setting: Setting,
    notify_api: FakeNotify,
) -> None:
    home, office = page, other_page
    base = live_server.url

    # Given Margaret signed in, when she asks for anything new to claim
    sign_in(home, live_server, carer, check=False)
    home.goto(f"{base}/claims/")
    check_axe(home)
    submit(home, home.get_by_role("button", name="Check for anything new to claim"))
    claim = Claim.objects.get(person=carer.person)
    home.goto(f"{base}/claims/{claim.pk}/")
    check_axe(home)

    # Then her claim lists both meetings' time, and the travel to fill in
    table = home.get_by_role("table", name="What is claimed")
    expect(table).to_contain_text("First meeting")
    expect(table).to_contain_text("Second meeting")
    expect(table).to_contain_text("To fill in")

    # When she says she drove, but forgets the miles, she is asked for them
    home.get_by_role("link", name="Change Travel, First meeting").click()
    check_axe(home)
    choose(home, "How did you travel?", "I drove: pay mileage")
    submit(home, home.get_by_role("button", name="Save"))
    expect(home.locator(".govuk-error-summary")).to_be_visible()
    check_axe(home)
    home.get_by_label("Miles there and back").fill("12")
    submit(home, home.get_by_role("button", name="Save"))

    # And she chooses a voucher, on the claim itself (she has not chosen a way before)
    choose(home, "How would you like to be paid?", "Voucher or gift card")
    home.get_by_label("Where should we send the voucher?").fill(carer.person.email)

    # Then she is warned about her Carer's Allowance before she sends it, and chooses
    expect(home.locator("main")).to_contain_text("This payment might affect your benefits")
    expect(home.locator(".govuk-warning-text").first).to_contain_text("Carer's Allowance")
    check_axe(home)
    choose(home, "What would you like us to do?", "Spread the payment over several weeks")
    submit(home, home.get_by_role("button", name="Send the claim"))
    claim.refresh_from_db()
    assert claim.status == Status.SUBMITTED
    assert claim.method == "voucher"
    assert claim.benefit_choice == "spread"

    # When the coordinator approves it from the project's payments
    sign_in(office, live_server, coordinator, check=False)
    office.goto(f"{base}/projects/{setting.project.pk}/payments/")
    check_axe(office)
    office.goto(f"{base}/claims/{claim.pk}/review/")
    check_axe(office)
    choose(office, "Your decision", "Approve the claim")
    submit(office, office.get_by_role("button", name="Confirm"))
    claim.refresh_from_db()
    assert claim.status == Status.APPROVED
    payment = Payment.objects.get(claim=claim)
    assert payment.amount == sum(line.amount for line in claim.lines.all())
    assert (
        payment.amount
        == Decimal("120.00") * 2 + Decimal("120.00") * Decimal("1.5") + Decimal("0.45") * 12
    )

    # Then the coordinator is offered no payee details, and finance's export lists the
    # claim with where to send the voucher
    office.goto(f"{base}/projects/{setting.project.pk}/payments/")
    expect(office.get_by_role("link", name="download a CSV file")).to_have_count(0)
    finance = home  # Margaret is done: the finance admin signs in at that computer
    finance.context.clear_cookies()
    sign_in(finance, live_server, admin, check=False)
    finance.goto(f"{base}/projects/{setting.project.pk}/payments/")
    with finance.expect_download() as download:
        finance.get_by_role("link", name="download a CSV file").click()
    with open(download.value.path(), encoding="utf-8-sig") as exported:
        rows = list(csv.reader(io.StringIO(exported.read())))
    text = "\n".join(",".join(row) for row in rows)
    assert claim.reference in text
    assert carer.person.email in text
