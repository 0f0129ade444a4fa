"""On the demo, at 320 px (the narrowest phone WCAG reflow asks for), the pages with wide
tables do not scroll sideways: projects, people, the audit log, claims (the carer's claim
also at 375 px) and published survey results. Their tables stack, each cell labelled with
its column. Each page also passes axe. The carers' pages from issue 14 are here too: the
invite page's warning about availability, the reply page's access answers, the carer's
home page with its time poll and the carer's plain view of a project."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from coproduce.accounts.models import User
from coproduce.activities.models import Activity
from coproduce.browser_tests import conftest as browsers
from coproduce.conftest import Member
from coproduce.demo import named
from coproduce.payments.models import Claim
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.surveys.models import Survey
from coproduce.tenancy.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROWEST = 320
PHONE = 375


def demo_member(email: str, role: Role) -> Member:
    """A demo account, with the password the browser tests sign in with."""
    user = User.objects.get(email=email)
    user.set_password(browsers.PASSWORD)
    user.save()
    person = Person.objects.get(user=user, organisation__slug="riverside")
    return Member(user=user, person=person, role=role)


def scroll_width(page: Page) -> int:
    width: int = page.evaluate("document.scrollingElement.scrollWidth")
    return width


def fits(page: Page, url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    assert "not found" not in page.title().lower(), url
    assert scroll_width(page) <= width, f"{url} is {scroll_width(page)}px wide at {width}px"
    browsers.check_axe(page)


def sign_out(page: Page) -> None:
    page.context.clear_cookies()


def test_wide_tables_fit_320px_and_the_carers_pages_show_what_they_should(
    page: Page, live_server: LiveServer
) -> None:
    call_command("load_demo", stdout=StringIO())
    base = live_server.url
    discharge = Project.objects.get(title="Hospital discharge that works for carers")
    heads = Activity.objects.get(title="Meeting with head teachers")
    pilot = Activity.objects.get(title="Pilot review meeting")
    survey = Survey.objects.filter(results_published=True).order_by("pk").first()
    assert survey is not None

    # Anyone: published results.
    fits(page, f"{base}/surveys/{survey.public_id}/results/", NARROWEST)

    # Staff: projects, people, claims, and the availability warning before inviting.
    page.set_viewport_size({"width": NARROWEST, "height": 900})
    browsers.sign_in(page, live_server, demo_member(named.COORDINATOR_EMAIL, Role.COORDINATOR))
    for path in ("/projects/", "/people/", f"/projects/{discharge.pk}/payments/"):
        fits(page, base + path, NARROWEST)
    fits(page, f"{base}/activities/{heads.pk}/invite/", NARROWEST)
    warning = page.locator("#outside-availability")
    assert "Jasmine Clarke" in warning.inner_text()
    assert "weekday mornings" in warning.inner_text()
    sign_out(page)

    # Admin: the audit log.
    page.set_viewport_size({"width": NARROWEST, "height": 900})
    browsers.sign_in(page, live_server, demo_member(named.ADMIN_EMAIL, Role.ADMIN), check=False)
    fits(page, f"{base}/audit/", NARROWEST)
    sign_out(page)

    # Margaret: her claim at 320 and 375, her invitation's access answers, her project.
    margaret = demo_member(named.CARER_EMAIL, Role.CARER)
    page.set_viewport_size({"width": NARROWEST, "height": 900})
    browsers.sign_in(page, live_server, margaret, check=False)
    claim = Claim.objects.filter(person=margaret.person).order_by("pk").first()
    assert claim is not None
    for width in (NARROWEST, PHONE):
        fits(page, f"{base}/claims/{claim.pk}/", width)
        assert page.locator("td[data-label='Amount']").first.is_visible()
    fits(page, f"{base}/activities/{pilot.pk}/reply/", NARROWEST)
    body = page.locator("main").inner_text()
    assert "Hearing loop: yes" in body
    assert "You need: Hearing loop. The venue has it." in body
    fits(page, f"{base}/projects/{discharge.pk}/", NARROWEST)
    assert page.locator("#where-it-is").is_visible()
    assert "Stage history" not in page.locator("main").inner_text()
    sign_out(page)

    # Jasmine: the time poll on her home page, one click from answering.
    jasmine = demo_member(named.YOUNG_CARER_EMAIL, Role.CARER)
    page.set_viewport_size({"width": NARROWEST, "height": 900})
    browsers.sign_in(page, live_server, jasmine, check=False)
    fits(page, f"{base}/", NARROWEST)
    assert page.locator("#which-times").is_visible()
    page.get_by_role("link", name="for First get-together").click()
    assert "Which times can you make?" in page.locator("h1").inner_text()
    assert scroll_width(page) <= NARROWEST
    browsers.check_axe(page)
