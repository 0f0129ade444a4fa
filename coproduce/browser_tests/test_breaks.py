"""Carers' breaks in real Chromium: a GP refers, the support organisation pays, the carer is told.

Written as given / when / then; every page on the way is checked with axe-core.

GOV.UK Notify is faked at its HTTP edge with `responses`. The page requests are served by
live_server in another thread of this process, and the message is sent from that thread
(django-tasks' immediate backend runs the task when the transaction commits). `responses`
patches `requests`' HTTPAdapter on the class, for the whole process, so it sees those calls
too; the fake records which thread each call came from, to prove that it did.
"""

import re
import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from coproduce.breaks import actions
from coproduce.breaks.models import BreakPayment, Referral, ReferralStatus
from coproduce.browser_tests.conftest import (
    FakeNotify,
    check_axe,
    check_axe_at_widths,
    choose,
    sign_in,
    submit,
    success_banner,
    summary_value,
)
from coproduce.conftest import BreaksScheme, Member
from coproduce.notifications.models import Message, Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_gp_refers_a_carer_who_is_paid_for_a_break_and_told(
    page: Page,
    other_page: Page,
    live_server: LiveServer,
    breaks: BreaksScheme,
    coordinator: Member,
    notify_api: FakeNotify,
    third_page: Page,
) -> None:
    gp = breaks.gp
    carer_page = third_page

    # Given Dr Shah, a GP at Riverside Surgery, which has joined the breaks scheme
    # When she signs in (a professional partner: email and password, no second factor)
    sign_in(page, live_server, gp)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome")
    check_axe(page)

    # And starts a referral with one click from her home page
    page.get_by_role("link", name="Refer a carer for a break").click()
    base = f"{live_server.url}/breaks/refer/{breaks.practice.pk}"

    # Then she is on the first of three pages: who the carer is, and their language
    expect(page).to_have_url(f"{base}/carer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("About the carer")
    check_axe_at_widths(page)
    page.get_by_label("What is the carer's full name?").fill("Mary O'Neill")
    born = page.get_by_role("group", name="What is the carer's date of birth?")
    born.get_by_label("Day").fill("3")
    born.get_by_label("Month").fill("2")
    born.get_by_label("Year").fill("1950")
    choose(page, "Which language does the carer want us to use?", "English")
    submit(page, page.get_by_role("button", name="Continue"))

    # When she says to write to the carer, with a phone number missing digits
    expect(page).to_have_url(f"{base}/contact/")
    expect(page.get_by_role("heading", level=1)).to_have_text("How to reach the carer")
    check_axe_at_widths(page)
    choose(page, "How would the carer like to be contacted?", "Letter")
    page.get_by_label("Phone number").fill("01632 960")
    page.get_by_label("Postal address").fill("4 Mill Lane\nGuildford")
    page.get_by_label("Postcode", exact=True).fill("gu1 4ab")
    submit(page, page.get_by_role("button", name="Continue"))

    # Then the GOV.UK error summary says what to do, and everything she typed is kept
    expect(page).to_have_url(f"{base}/contact/")
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    phone_message = "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
    expect(summary.get_by_role("link")).to_have_text([phone_message])
    expect(summary.get_by_role("link", name=phone_message)).to_have_attribute(
        "href", "#id_carer_phone"
    )
    expect(page.get_by_label("Phone number")).to_have_value("01632 960")
    expect(page.get_by_label("Postal address")).to_have_value("4 Mill Lane\nGuildford")
    expect(page.get_by_label("Postcode", exact=True)).to_have_value("gu1 4ab")
    expect(page.get_by_label("Letter", exact=True)).to_be_checked()
    check_axe_at_widths(page)

    # When she follows the error's link, the phone number box has focus, and she corrects it
    summary.get_by_role("link", name=phone_message).click()
    expect(page.get_by_label("Phone number")).to_be_focused()
    page.get_by_label("Phone number").fill("01632 960 001")
    submit(page, page.get_by_role("button", name="Continue"))

    # Then the last page asks the scheme's eligibility questions and the carer's consent
    expect(page).to_have_url(f"{base}/eligibility/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Eligibility and consent")
    check_axe_at_widths(page)
    choose(page, "Does the carer provide necessary care to an adult?", "Yes")
    page.get_by_label("Their physical or mental health is getting worse or is at risk").check()
    page.get_by_label("Unable to take part in leisure or recreation").check()
    choose(page, "As a result, is there, or is there likely to be, a significant impact", "Yes")
    choose(page, "Has the carer agreed to this referral?", "Yes")
    submit(page, page.get_by_role("button", name="Continue"))

    # Then she checks her answers, and is told the carer meets the criteria
    expect(page).to_have_url(f"{base}/check/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before sending the referral"
    )
    expect(page.locator(".govuk-inset-text")).to_have_text(
        "The carer meets the scheme's eligibility criteria."
    )
    expect(summary_value(page, "Carer's name")).to_have_text("Mary O'Neill")
    expect(summary_value(page, "Contact details")).to_contain_text("GU1 4AB")
    check_axe_at_widths(page)
    assert not Referral.objects.exists()  # nothing is stored until she sends it

    # When she changes the carer's language to Welsh
    page.get_by_role("link", name="Change Language").click()
    expect(page).to_have_url(f"{base}/carer/?change=1")
    expect(page.get_by_label("What is the carer's full name?")).to_have_value("Mary O'Neill")
    choose(page, "Which language does the carer want us to use?", "Cymraeg")
    submit(page, page.get_by_role("button", name="Continue"))

    # Then she is straight back on the check page, and sends the referral
    expect(page).to_have_url(f"{base}/check/")
    expect(summary_value(page, "Contact by")).to_have_text("Letter")
    submit(page, page.get_by_role("button", name="Send referral"))

    # Then it has gone to the carers' centre, and she is told what happens next
    referral = Referral.objects.get(practice=breaks.practice)
    expect(page).to_have_url(f"{live_server.url}/breaks/referrals/{referral.pk}/sent/")
    expect(page.locator(".govuk-panel")).to_contain_text("Referral sent")
    check_axe_at_widths(page)
    page.get_by_role("link", name="Your practice's referrals").click()
    row = page.get_by_role("row").filter(has_text="Mary O'Neill")
    expect(row).to_contain_text("Waiting for a decision")
    check_axe(page)

    # And Mary's letter, in Welsh, asks her about the break she wants, with her own link
    letter = Message.objects.get(kind="breaks.received", person__break_referrals=referral)
    assert "Dywedwch wrthym" in letter.body
    link = re.search(r"https?://[^/\s]+(/breaks/your-break/\S+/)", letter.body)
    assert link is not None

    # When Mary opens it on her own computer (no account) and answers in a minute or two
    mary = carer_page
    mary.goto(live_server.url + link.group(1))
    expect(mary.get_by_role("heading", level=1)).to_have_text(
        "Tell us about the break you would like"
    )
    check_axe_at_widths(mary)
    choose(mary, "Who do you look after?", "Husband, wife or partner")
    choose(mary, "What kind of break would you like?", "A short break away")
    mary.get_by_label("Overall, how satisfied are you with your life nowadays?").fill("4")
    submit(mary, mary.get_by_role("button", name="Send answers"))

    # Then she is asked for all four wellbeing answers or none, keeping what she gave
    expect(mary).to_have_title(re.compile(r"^Error: "))
    expect(
        mary.get_by_label("Overall, how satisfied are you with your life nowadays?")
    ).to_have_value("4")
    expect(mary.get_by_label("A short break away")).to_be_checked()
    check_axe_at_widths(mary)
    mary.get_by_label("Overall, to what extent do you feel").fill("7")
    mary.get_by_label("Overall, how happy did you feel yesterday?").fill("3")
    mary.get_by_label("Overall, how anxious did you feel yesterday?").fill("8")
    submit(mary, mary.get_by_role("button", name="Send answers"))
    expect(mary.locator(".govuk-panel")).to_contain_text("We have your answers")
    check_axe_at_widths(mary)
    referral.refresh_from_db()
    assert (referral.break_kind, referral.wellbeing_consent) == ("short_break", True)

    # When Dylan, a coordinator at the carers' centre that pays, signs in at the office
    office = other_page
    sign_in(office, live_server, coordinator)
    check_axe(office)

    # And opens the referrals waiting
    office.get_by_role("link", name="Carers' break referrals waiting").click()
    expect(office).to_have_url(f"{live_server.url}/breaks/queue/")
    expect(office.get_by_role("heading", level=1)).to_have_text("Break referrals")
    waiting = office.get_by_role("row").filter(has_text="Mary O'Neill")
    expect(waiting).to_contain_text("Riverside Surgery")
    expect(waiting).to_contain_text("Waiting for a decision")
    check_axe(office)

    # And opens Mary's referral
    waiting.get_by_role("link", name="Mary O'Neill").click()
    expect(office).to_have_url(f"{live_server.url}/breaks/queue/{referral.pk}/")
    expect(office.get_by_role("heading", level=1)).to_have_text("Referral for Mary O'Neill")
    expect(summary_value(office, "Eligible")).to_contain_text("Yes")
    check_axe(office)

    # When he approves more than the scheme's most
    choose(office, "Your decision", "Approve")
    office.get_by_label("Amount to pay, in pounds").fill("750")
    submit(office, office.get_by_role("button", name="Save decision"))

    # Then he is told the most it pays, and his choice and amount are kept
    expect(office).to_have_title(re.compile(r"^Error: "))
    too_much = "The amount must be £500.00 or less, the most this scheme pays"
    expect(office.locator(".govuk-error-summary").get_by_role("link")).to_have_text([too_much])
    expect(office.get_by_label("Approve", exact=True)).to_be_checked()
    expect(office.get_by_label("Amount to pay, in pounds")).to_have_value("750")
    check_axe(office)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SUBMITTED

    # When he approves £300
    office.get_by_label("Amount to pay, in pounds").fill("300")
    submit(office, office.get_by_role("button", name="Save decision"))

    # Then it is approved and waiting for payment
    expect(success_banner(office)).to_contain_text("Referral approved")
    expect(summary_value(office, "Status")).to_have_text("Approved, waiting for payment")
    expect(office.get_by_role("heading", name="Record the payment of £300.00")).to_be_visible()
    check_axe(office)

    # When he records the bank transfer made today, with its reference
    today = date.today()
    choose(office, "How was it paid?", "Bank transfer")
    paid_on = office.get_by_role("group", name="Date paid")
    paid_on.get_by_label("Day").fill(str(today.day))
    paid_on.get_by_label("Month").fill(str(today.month))
    paid_on.get_by_label("Year").fill(str(today.year))
    office.get_by_label("Payment reference").fill("BRK-0001")
    submit(office, office.get_by_role("button", name="Record payment"))

    # Then the payment is recorded, once
    expect(success_banner(office)).to_contain_text("Payment recorded")
    expect(summary_value(office, "Status")).to_have_text("Paid")
    expect(office.locator("#main-content")).to_contain_text("Paid £300.00 on", use_inner_text=True)
    expect(office.locator("#main-content")).to_contain_text("reference BRK-0001")
    check_axe(office)
    payment = BreakPayment.objects.get(referral=referral)
    assert (payment.amount, payment.paid_on, payment.reference) == (
        Decimal("300.00"),
        today,
        "BRK-0001",
    )

    # And Mary, who has no email address, has been sent letters through GOV.UK Notify
    # (sent from the live server's thread, not this one: `responses` saw across threads)
    assert notify_api.calls, "GOV.UK Notify was never called"
    assert all(thread != threading.get_ident() for _c, _b, thread in notify_api.calls)
    letters = {body["reference"]: body for body in notify_api.sent("letter")}
    assert set(letters) == {
        f"breaks.referral.{referral.pk}.received",
        f"breaks.referral.{referral.pk}.approved",
        f"breaks.referral.{referral.pk}.paid",
    }
    paid = letters[f"breaks.referral.{referral.pk}.paid"]["personalisation"]
    assert paid["address_line_1"] == "Mary O'Neill"
    assert paid["address_line_2"] == "4 Mill Lane"
    assert paid["address_line_4"] == "GU1 4AB"
    assert "£300.00" in paid["body"]
    assert "BRK-0001" in paid["body"]
    assert (
        "£300.00" in letters[f"breaks.referral.{referral.pk}.approved"]["personalisation"]["body"]
    )
    messages = Message.objects.filter(person__break_referrals=referral)
    assert {m.kind: m.status for m in messages} == {
        "breaks.received": Status.SENT,
        "breaks.approved": Status.SENT,
        "breaks.paid": Status.SENT,
    }

    # When Dr Shah reloads her practice's referrals
    page.reload()

    # Then she sees that Mary has been paid
    expect(page.get_by_role("row").filter(has_text="Mary O'Neill")).to_contain_text("Paid")
    check_axe(page)
    page.get_by_role("link", name="Mary O'Neill").click()
    expect(summary_value(page, "Status")).to_have_text("Paid")
    expect(summary_value(page, "Amount approved")).to_have_text("£300.00")
    check_axe(page)


def test_a_gp_answers_referral_questions_without_javascript(
    no_js_page: Page, live_server: LiveServer, breaks: BreaksScheme
) -> None:
    page = no_js_page

    # Given Dr Shah, on a surgery computer where JavaScript is switched off
    sign_in(page, live_server, breaks.gp)
    assert "js-enabled" not in page.evaluate("() => document.body.className")

    # When she starts a referral from her home page
    page.get_by_role("link", name="Refer a carer for a break").click()
    base = f"{live_server.url}/breaks/refer/{breaks.practice.pk}"
    expect(page).to_have_url(f"{base}/carer/")
    check_axe(page)

    # And continues giving only a date of birth that does not exist
    born = page.get_by_role("group", name="What is the carer's date of birth?")
    born.get_by_label("Day").fill("31")
    born.get_by_label("Month").fill("2")
    born.get_by_label("Year").fill("1950")
    submit(page, page.get_by_role("button", name="Continue"))

    # Then the error summary and the inline errors say what to do, without any script
    expect(page).to_have_url(f"{base}/carer/")
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter the carer's full name")).to_have_attribute(
        "href", "#id_carer_name"
    )
    expect(page.locator("#id_carer_name-error")).to_have_text(
        re.compile(r"Error:\s*Enter the carer's full name")
    )
    date_error = summary.get_by_role("link", name=re.compile("must be a real date"))
    expect(date_error).to_have_attribute("href", "#id_carer_date_of_birth-day")
    expect(born.get_by_label("Day")).to_have_value("31")
    check_axe(page)

    # When she corrects them
    page.get_by_label("What is the carer's full name?").fill("Mary O'Neill")
    born.get_by_label("Day").fill("28")
    choose(page, "Which language does the carer want us to use?", "English")
    submit(page, page.get_by_role("button", name="Continue"))

    # Then she is on the contact page; nothing is stored yet, but the session keeps it all
    expect(page).to_have_url(f"{base}/contact/")
    check_axe(page)
    assert not Referral.objects.exists()

    # And the Back link takes her to the previous page, with her answers filled in
    page.get_by_role("link", name="Back").click()
    expect(page).to_have_url(f"{base}/carer/")
    expect(born.get_by_label("Day")).to_have_value("28")
    expect(page.get_by_label("What is the carer's full name?")).to_have_value("Mary O'Neill")
    check_axe(page)


def test_the_carers_pages_and_the_phone_page_pass_axe(
    page: Page,
    other_page: Page,
    live_server: LiveServer,
    breaks: BreaksScheme,
    coordinator: Member,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a referral sent by the three-minute form, waiting for the carer's answers
    referral = actions.refer(
        breaks.practice,
        breaks.gp.user,
        {
            "carer_name": "Mary O'Neill",
            "carer_date_of_birth": date(1950, 2, 3),
            "carer_language": "en",
            "preferred_channel": "email",
            "carer_email": "mary@example.com",
            "answers": {
                "necessary_care": "yes",
                "effect_of_caring": ["recreation"],
                "significant_impact": "yes",
            },
            "carer_consent": True,
        },
    )
    link = actions.carer_answers_link(referral)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]

    # When the coordinator opens it, and the page to record the carer's answers by phone
    sign_in(other_page, live_server, coordinator, check=False)
    other_page.goto(f"{live_server.url}/breaks/queue/{referral.pk}/")
    expect(other_page.locator("#main-content")).to_contain_text("Waiting for the carer")
    check_axe_at_widths(other_page)
    other_page.get_by_role("link", name="Record their answers from a phone call").click()
    expect(other_page.get_by_role("heading", level=1)).to_have_text(
        "Record Mary O'Neill's answers from a phone call"
    )
    check_axe_at_widths(other_page)

    # Then sending it empty shows the errors, and each page passes axe at both widths
    submit(other_page, other_page.get_by_role("button", name="Send answers"))
    expect(other_page).to_have_title(re.compile(r"^Error: "))
    check_axe_at_widths(other_page)

    # And the carer's page, its errors, its thanks, and an expired link pass too
    page.goto(live_server.url + path)
    submit(page, page.get_by_role("button", name="Send answers"))
    expect(page).to_have_title(re.compile(r"^Error: "))
    check_axe_at_widths(page)
    choose(page, "Who do you look after?", "Parent")
    choose(page, "What kind of break would you like?", "A day out")
    submit(page, page.get_by_role("button", name="Send answers"))
    expect(page.locator(".govuk-panel")).to_contain_text("We have your answers")
    check_axe_at_widths(page)
    monkeypatch.setattr(actions, "CARER_ANSWERS_LIFETIME", timedelta(seconds=-1))
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("This link has expired")
    check_axe_at_widths(page)
