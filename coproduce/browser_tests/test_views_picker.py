"""The page that finds the views an action answers, at 320 px without JavaScript: search,
tick, add, remove; axe on each state, nothing wider than the screen, and a short page."""

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from coproduce.accountability import actions
from coproduce.browser_tests.conftest import check_axe, sign_in, submit, success_banner
from coproduce.conftest import Member
from coproduce.contributions import actions as contribution_actions
from coproduce.contributions.models import ContributionChannel, Privacy
from coproduce.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.browser

# Enough views for more than one page of results.
VIEWS = 45


def test_the_views_picker_works_without_javascript_at_320px(
    no_js_page: Page, live_server: LiveServer, coordinator: Member
) -> None:
    page = no_js_page
    project = ProjectFactory.create(
        organisation=coordinator.organisation, coordinator=coordinator.person
    )
    for number in range(VIEWS):
        given = contribution_actions.record_contribution(
            organisation=project.organisation,
            project=project,
            channel=ContributionChannel.SURVEY if number % 2 else ContributionChannel.MEETING,
            privacy=Privacy.ANONYMOUS,
            text=f"View number {number}: the discharge letter came late. " * 4,
            person=None,
        )
        if number % 5 == 0:
            contribution_actions.set_themes(given, ["Letters"])
    action = actions.record_action(
        project, actions.Details(title="Letters sent on the day"), [], coordinator.user
    )
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, live_server, coordinator, check=False)
    page.goto(f"{live_server.url}/you-said-we-did/actions/{action.pk}/views/")
    check_axe(page)
    fits(page)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height < 12_000, height

    # Search by words and theme, then add two of what is found.
    page.get_by_label("Words in the view").fill("letter")
    page.get_by_label("Theme").select_option(label="Letters")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("main")).to_contain_text("9 views found")
    check_axe(page)
    fits(page)
    found = page.get_by_role("group", name="Which of these views does it answer?")
    found.get_by_role("checkbox").nth(0).check()
    found.get_by_role("checkbox").nth(1).check()
    submit(page, page.get_by_role("button", name="Add the ticked views"))
    expect(success_banner(page)).to_contain_text("2 views added")
    # The search is kept, and what was added is listed as linked.
    expect(page.get_by_label("Words in the view")).to_have_value("letter")
    expect(page.locator("main")).to_contain_text("Linked now: 2 views")
    expect(page.locator("main")).to_contain_text("7 views found")
    check_axe(page)
    fits(page)

    # Nothing ticked: an error summary, and the results still there.
    submit(page, page.get_by_role("button", name="Add the ticked views"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select the views this action answers"
    )
    check_axe(page)
    fits(page)

    # Remove one linked view.
    page.get_by_role("button", name="Remove").first.click()
    expect(success_banner(page)).to_contain_text("no longer linked")
    expect(page.locator("main")).to_contain_text("Linked now: 1 view")
    assert action.contributions.count() == 1
    check_axe(page)


def fits(page: Page) -> None:
    """Nothing on the page is wider than the screen."""
    wide = page.evaluate("() => document.documentElement.scrollWidth")
    assert wide <= 320, wide
