"""Whole journeys in real Chromium, each page checked with axe-core along the way.

Written as given / when / then. Fields are found by their labels, as a person (or a
screen reader) finds them, except in Welsh, where the sign-in helper uses ids.
"""

import json
import re
from pathlib import Path

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from coproduce.browser_tests.conftest import (
    check_axe,
    choose,
    sign_in,
    submit,
    success_banner,
    summary_value,
    totp_code,
)
from coproduce.conftest import Member
from coproduce.people import actions
from coproduce.people.models import ErasureRequest, Person
from coproduce.people.tests.factories import CaredForFactory, CarerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_carer_changes_access_needs_and_downloads_their_data(
    page: Page, live_server: LiveServer, carer: Member
) -> None:
    # Given Margaret, a carer who looks after her husband Bill
    CaredForFactory(profile=carer.person.carer_profile, name="Bill")

    # When she signs in with her email address and password
    sign_in(page, live_server, carer)

    # Then she is on the home page, welcomed, with no second factor asked of her
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome")
    check_axe(page)

    # When she opens "Your information" from the menu
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Your information").click()

    # Then she sees everything held about her, including Bill
    expect(page.get_by_role("heading", level=1)).to_have_text("Your information")
    expect(page.get_by_role("heading", name="Bill")).to_be_visible()
    expect(summary_value(page, "What helps")).to_have_text("Not given")
    check_axe(page)

    # When she changes her access needs: a hearing loop and large print
    page.get_by_role("link", name="Change access needs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Access needs")
    check_axe(page)
    page.get_by_label("Hearing loop").check()
    page.get_by_label("Large print").check()
    submit(page, page.get_by_role("button", name="Save"))

    # Then she is back on her information with a success banner and the new value
    expect(page).to_have_url(f"{live_server.url}/you/")
    expect(success_banner(page)).to_contain_text("Access needs saved")
    expect(summary_value(page, "What helps")).to_have_text("Hearing loop, Large print")
    check_axe(page)

    # When she downloads all her information
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download all this information (JSON file)").click()
    download = download_info.value

    # Then she gets a JSON file with her name, Bill and her new access needs in it
    assert download.suggested_filename == f"coproduce-information-{carer.person.pk}.json"
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["details"]["full_name"] == "Margaret Carer"
    assert data["carer_profile"]["access_needs"] == ["hearing_loop", "large_print"]
    assert [c["name"] for c in data["carer_profile"]["cared_for"]] == ["Bill"]


def test_carer_edits_their_information_without_javascript(
    no_js_page: Page, live_server: LiveServer, carer: Member
) -> None:
    page = no_js_page

    # Given Margaret, on a computer where JavaScript is switched off
    # When she signs in
    sign_in(page, live_server, carer)

    # Then the page really runs without JavaScript (GOV.UK Frontend never started)
    assert "js-enabled" not in page.evaluate("() => document.body.className")
    check_axe(page)

    # When she opens "Your information" and changes her access needs with the checkboxes
    page.get_by_role("link", name="Your information").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your information")
    check_axe(page)
    page.get_by_role("link", name="Change access needs").click()
    check_axe(page)
    page.get_by_label("Step-free access").check()
    page.get_by_label("A quiet space").check()
    submit(page, page.get_by_role("button", name="Save"))

    # Then she sees the success banner and the new value
    expect(page).to_have_url(f"{live_server.url}/you/")
    expect(success_banner(page)).to_contain_text("Access needs saved")
    expect(summary_value(page, "What helps")).to_have_text("Step-free access, A quiet space")
    check_axe(page)

    # When she changes her contact details but leaves her full name empty by mistake
    page.get_by_role("link", name="Change contact details").click()
    check_axe(page)
    page.get_by_label("Full name").fill("")
    page.get_by_label("Name you like to be called").fill("Peggy")
    page.get_by_label("Phone number").fill("01632 960 001")
    submit(page, page.get_by_role("button", name="Save"))

    # Then she sees the GOV.UK error summary, the inline error and what she typed, kept
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link", name="Enter a full name")).to_have_attribute(
        "href", "#id_full_name"
    )
    expect(page.locator("#id_full_name-error")).to_have_text(
        re.compile(r"Error:\s*Enter a full name")
    )
    expect(page.get_by_label("Full name")).to_have_attribute(
        "aria-describedby", re.compile("id_full_name-error")
    )
    expect(page.get_by_label("Name you like to be called")).to_have_value("Peggy")
    expect(page.get_by_label("Phone number")).to_have_value("01632 960 001")
    check_axe(page)

    # When she puts her name back and saves
    page.get_by_label("Full name").fill("Margaret Carer-Jones")
    submit(page, page.get_by_role("button", name="Save"))

    # Then her new details are saved and shown
    expect(success_banner(page)).to_contain_text("Contact details saved")
    expect(summary_value(page, "Full name")).to_have_text("Margaret Carer-Jones")
    expect(summary_value(page, "Name you like to be called")).to_have_text("Peggy")
    check_axe(page)
    carer.person.refresh_from_db()
    assert (carer.person.full_name, carer.person.known_as) == ("Margaret Carer-Jones", "Peggy")


def test_coordinator_sets_up_two_factor_finds_people_and_registers_a_carer(
    page: Page, live_server: LiveServer, coordinator: Member
) -> None:
    # Given Dylan, a coordinator signing in for the first time, and two carers on the books
    CarerFactory(
        organisation=coordinator.organisation, full_name="Alice Example", postcode="CF10 1AA"
    )
    CarerFactory(organisation=coordinator.organisation, full_name="Bob Sample", postcode="LL57 2DG")

    # When he signs in with his email address and password
    page.goto(f"{live_server.url}/sign-in/")
    check_axe(page)
    page.get_by_label("Email address").fill(coordinator.user.email)
    page.get_by_label("Password", exact=True).fill("correct horse battery staple")
    submit(page, page.get_by_role("button", name="Sign in"))

    # Then he is asked to set up an authenticator app, with a QR code and a key
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    check_axe(page)

    # When he "scans" it (the pending device is read from the database) and types the code
    device = TOTPDevice.objects.get(user=coordinator.user, confirmed=False)
    page.get_by_label("Security code").fill(totp_code(coordinator.user))
    submit(page, page.get_by_role("button", name="Continue"))

    # Then his authenticator is confirmed and he is in
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome")
    device.refresh_from_db()
    assert device.confirmed
    check_axe(page)

    # When he opens People
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="People").click()

    # Then he sees everyone in his organisation (the two carers and himself)
    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    table = page.get_by_role("table")
    expect(table.locator("caption")).to_have_text("3 people")
    check_axe(page)

    # When he searches by postcode
    page.get_by_label("Search by name, email or postcode").fill("CF10")
    submit(page, page.get_by_role("button", name="Search"))

    # Then only Alice is listed, and the search is kept in the box
    expect(table.locator("caption")).to_have_text("1 person")
    expect(table.get_by_role("link", name="Alice Example")).to_be_visible()
    expect(table.get_by_role("link", name="Bob Sample")).to_have_count(0)
    expect(page.get_by_label("Search by name, email or postcode")).to_have_value("CF10")
    check_axe(page)

    # When he registers a carer who phoned in, choosing letters but forgetting the address
    page.get_by_role("button", name="Register a carer").click()  # a link styled as a button
    expect(page.get_by_role("heading", level=1)).to_have_text("Register a carer")
    check_axe(page)
    page.get_by_label("Full name").fill("Jo Newcarer")
    page.get_by_label("Email address").fill("jo@example.org")
    choose(page, "How do they want us to contact them?", "Letter")
    choose(page, "Which language do they want us to use?", "Cymraeg")
    choose(page, "Have they agreed to us keeping their information", "Yes")
    choose(page, "Have they agreed to us contacting them", "Yes")
    submit(page, page.get_by_role("button", name="Register carer"))

    # Then the error summary says what to do, and everything he typed or chose is kept
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary
    message = "You chose letters, so enter a postal address, or choose another way to get in touch"
    expect(summary.get_by_role("link")).to_have_text([message])
    expect(page.get_by_label("Full name")).to_have_value("Jo Newcarer")
    expect(page.get_by_label("Letter")).to_be_checked()
    check_axe(page)

    # When he follows the link in the error summary
    summary.get_by_role("link", name=message).click()

    # Then the field with the problem has focus
    expect(page.locator("#id_preferred_channel")).to_be_focused()
    expect(page.locator("#id_preferred_channel")).to_have_accessible_name("Email")

    # When he adds the postal address and registers again
    page.get_by_label("Postal address").fill("1 High Street\nBangor")
    submit(page, page.get_by_role("button", name="Register carer"))

    # Then Jo is registered and he sees her record
    expect(success_banner(page)).to_contain_text("Jo Newcarer is registered")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jo Newcarer")
    check_axe(page)
    jo = Person.objects.get(full_name="Jo Newcarer")
    assert jo.registered_by == coordinator.user
    assert jo.preferred_language == "cy"
    assert page.url == f"{live_server.url}/people/{jo.pk}/"


def test_carer_switches_to_welsh_before_signing_in(
    page: Page, live_server: LiveServer, carer: Member
) -> None:
    # Given Margaret on the sign-in page, in English
    page.goto(f"{live_server.url}/sign-in/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # When she chooses Cymraeg
    page.get_by_role("button", name="Cymraeg").click()

    # Then the sign-in page is in Welsh, and passes axe in Welsh
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page).to_have_url(f"{live_server.url}/sign-in/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mewngofnodi")
    check_axe(page)

    # When she signs in
    sign_in(page, live_server, carer, check=False)

    # Then the service stays in Welsh, and every page passes axe in Welsh too
    expect(
        page.locator("html"),
        "Cymraeg chosen before signing in was dropped at sign-in (the person's record, "
        "English by default, won over the language she had just chosen)",
    ).to_have_attribute("lang", "cy")
    check_axe(page)
    page.goto(f"{live_server.url}/you/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("heading", level=1)).to_have_text("Eich gwybodaeth")
    check_axe(page)
    page.goto(f"{live_server.url}/you/change/access/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    check_axe(page)


def test_admin_completes_an_erasure_request_made_by_a_carer(
    page: Page, other_page: Page, live_server: LiveServer, carer: Member, admin: Member
) -> None:
    # Given Margaret, a carer, signed in at home
    sign_in(page, live_server, carer, check=False)

    # When she asks for her information to be deleted
    page.goto(f"{live_server.url}/you/")
    page.get_by_role("link", name="Ask us to delete this information").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask us to delete your information")
    check_axe(page)
    page.get_by_label("Is there anything you want to tell us? (optional)").fill(
        "I no longer care for anyone"
    )
    submit(page, page.get_by_role("button", name="Ask us to delete it"))

    # Then she is told an admin will do it within one month
    expect(success_banner(page)).to_contain_text("An admin will complete it within one month")
    check_axe(page)

    # When Amira, an admin, signs in at the office and opens the erasure requests
    admin_page = other_page
    sign_in(admin_page, live_server, admin)
    admin_page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Erasure requests"
    ).click()

    # Then Margaret's request is waiting, with what she said
    row = admin_page.get_by_role("row").filter(has_text="Margaret Carer")
    expect(row).to_contain_text("I no longer care for anyone")
    check_axe(admin_page)

    # When Amira opens it and confirms
    row.get_by_role("link", name="Erase Margaret Carer").click()
    expect(admin_page.get_by_role("heading", level=1)).to_have_text(
        "Erase Margaret Carer's information"
    )
    expect(admin_page.locator(".govuk-warning-text")).to_contain_text("This cannot be undone")
    check_axe(admin_page)
    submit(admin_page, admin_page.get_by_role("button", name="Erase their information"))

    # Then the request is done and the list is empty
    expect(success_banner(admin_page)).to_contain_text("The person's information has been erased")
    expect(admin_page.get_by_text("There are no requests waiting.")).to_be_visible()
    check_axe(admin_page)
    request = ErasureRequest.objects.get(person=carer.person)
    assert request.completed_at is not None
    assert request.completed_by == admin.user
    carer.person.refresh_from_db()
    assert carer.person.full_name == actions.ERASED_NAME
    assert carer.person.email == ""

    # And Margaret's sign-in is closed: her session has ended and her password no longer works
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Email address").fill(carer.user.email)
    page.get_by_label("Password", exact=True).fill("correct horse battery staple")
    submit(page, page.get_by_role("button", name="Sign in"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The email address or password is not right"
    )
    check_axe(page)


def test_signed_in_carer_switches_to_welsh_and_it_sticks(
    page: Page, live_server: LiveServer, carer: Member
) -> None:
    # Given Margaret, signed in, in English
    sign_in(page, live_server, carer, check=False)
    page.goto(f"{live_server.url}/you/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # When she chooses Cymraeg in the header
    page.get_by_role("button", name="Cymraeg").click()

    # Then she stays on the same page, now in Welsh, and it passes axe in Welsh
    expect(page).to_have_url(f"{live_server.url}/you/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("heading", level=1)).to_have_text("Eich gwybodaeth")
    check_axe(page)

    # And her choice is kept on her record, so forms and errors are in Welsh too
    carer.person.refresh_from_db()
    assert carer.person.preferred_language == "cy"
    page.goto(f"{live_server.url}/you/change/details/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    page.locator("#id_full_name").fill("")
    submit(page)
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_axe(page)
