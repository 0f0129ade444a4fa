"""On a 375px phone the project and activity pages do not scroll sideways: wide tables
scroll inside their own focusable region, and the pages still pass axe."""

from collections.abc import Iterator
from decimal import Decimal

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from coproduce.activities import actions
from coproduce.activities.models import Reply
from coproduce.activities.tests.invitation_setup import invited
from coproduce.activities.tests.planning_setup import activity_of, days_ahead, project_with
from coproduce.browser_tests import conftest as browsers
from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects import actions as project_actions
from coproduce.projects.models import Stage
from coproduce.projects.tests.factories import BudgetLineFactory, MilestoneFactory

pytestmark = pytest.mark.browser

PHONE_WIDTH = 375


@pytest.fixture(scope="module")
def phone(request: pytest.FixtureRequest) -> Iterator[Page]:
    """A 375px-wide page with axe loaded. The browser tests' fixtures are not visible
    here, so this uses the same Chromium and axe: their browser when it is already
    running (one Playwright per process), else its own, closed with this module."""
    axe = browsers.AXE_PATH.read_text(encoding="utf-8")

    def narrow(browser: Browser) -> Iterator[Page]:
        context = browser.new_context(
            locale="en-GB", viewport={"width": PHONE_WIDTH, "height": 800}
        )
        context.add_init_script(script=axe)
        yield context.new_page()
        context.close()

    if browsers._session.browser is not None:
        yield from narrow(browsers._session.browser)
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=browsers.CHROMIUM, args=browsers.CHROMIUM_ARGS
        )
        yield from narrow(browser)
        browser.close()


def axe_violations(on: Page) -> list[dict[str, object]]:
    violations: list[dict[str, object]] = on.evaluate(browsers.AXE_RUN, browsers.WCAG_TAGS)
    return violations


def page_scroll_width(on: Page) -> int:
    width: int = on.evaluate("document.documentElement.scrollWidth")
    return width


def test_project_and_activity_pages_fit_a_phone_and_pass_axe(
    phone: Page,
    live_server: LiveServer,
    coordinator: Member,
    carer: Member,
) -> None:
    project = project_with(coordinator, carer)
    for _ in range(3):
        BudgetLineFactory.create(
            project=project,
            amount=Decimal("123456.78"),
            description="Replacement care for carers attending the consultation days",
        )
        MilestoneFactory.create(project=project, title="Report to the commissioning board")
    project_actions.move_stage(
        coordinator.user, project, Stage.PLANNING, "Agreed at the meeting", "Carers were away"
    )
    activity = activity_of(project, title="Hospital discharge checklist workshop")
    actions.move_activity(coordinator.user, activity, days_ahead(2), "The room was double-booked")
    for n in range(3):
        person = CarerFactory.create(
            organisation=coordinator.organisation, full_name=f"Bartholomew Featherstonehaugh {n}"
        )
        invited(
            activity,
            person,
            reply=Reply.COMING,
            replacement_care_needed=True,
            travel_needed=True,
            needs_notes="A seat near the door and a large-print agenda",
        )
    browsers.sign_in(phone, live_server, coordinator, check=False)
    for path in (
        f"/projects/{project.pk}/",
        f"/activities/{activity.pk}/",
        f"/activities/{activity.pk}/invitations/",
    ):
        phone.goto(live_server.url + path)
        assert phone.locator(".app-table-scroll").count() >= 1, path
        assert page_scroll_width(phone) <= PHONE_WIDTH, path
        violations = axe_violations(phone)
        assert not violations, browsers.format_violations(violations, path)
