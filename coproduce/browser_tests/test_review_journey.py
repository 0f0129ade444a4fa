"""The end of a project with carers: its evaluation, then its final review, to publication.
Given, when, then, with axe on every new page."""

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from coproduce.browser_tests.conftest import (
    FakeNotify,
    check_axe,
    choose,
    sign_in,
    submit,
    success_banner,
)
from coproduce.conftest import Member
from coproduce.contributions.models import Privacy
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.evaluation.models import Review, ReviewComment
from coproduce.evaluation.tests.factories import EvaluationQuestionFactory, agreed
from coproduce.notifications.models import Message
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import Project, Stage
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def project(coordinator: Member, carer: Member) -> Project:
    """At the Review stage: Margaret (who signs in) and Gwen (who reads Welsh) in the group,
    an agreed evaluation question, and a view from someone who gave it anonymously."""
    project: Project = ProjectFactory.create(
        organisation=coordinator.organisation,
        coordinator=coordinator.person,
        title="Leaving hospital: carers' voices",
        aims="Carers are told before the person they care for comes home.",
        stage=Stage.REVIEW,
    )
    ProjectMemberFactory.create(project=project, person=carer.person)
    gwen = CarerFactory.create(
        organisation=coordinator.organisation, full_name="Gwen Cymraeg", preferred_language="cy"
    )
    ProjectMemberFactory.create(project=project, person=gwen)
    agreed(EvaluationQuestionFactory.create(project=project, text="Were you told in time?"))
    ContributionFactory.create(project=project, person=None, privacy=Privacy.ANONYMOUS)
    return project


def test_the_coordinator_drafts_the_review_the_group_agrees_and_anyone_can_read_it(
    page: Page,
    other_page: Page,
    live_server: LiveServer,
    coordinator: Member,
    carer: Member,
    project: Project,
    notify_api: FakeNotify,
) -> None:
    office, home = page, other_page
    base = live_server.url

    # --- Given the project's evaluation plan, the coordinator writes the review ------------
    sign_in(office, live_server, coordinator, check=False)
    office.goto(f"{base}/projects/{project.pk}/")
    office.get_by_role("link", name="Why, what would move it up, and the evaluation plan").click()
    expect(office.get_by_role("cell", name="Were you told in time?", exact=True)).to_be_visible()
    office.get_by_role("link", name="The final review").click()
    check_axe(office)
    office.get_by_role("button", name="Write the review").click()
    check_axe(office)
    submit(office, office.get_by_role("button", name="Save the review"))
    expect(office.locator(".govuk-error-summary")).to_contain_text(
        "Enter the outcomes against the project"
    )
    check_axe(office)
    office.get_by_label("Outcomes against the project's aims", exact=True).fill(
        "Carers on two wards are now phoned two days before discharge."
    )
    office.get_by_label("What changed for carers", exact=True).fill(
        "Carers have time to get the house ready."
    )
    office.get_by_label("Easy-read summary", exact=True).fill(
        "Carers get a phone call.\nThe call comes 2 days before."
    )
    office.get_by_label("Easy-read summary in Welsh (optional)").fill(
        "Mae gofalwyr yn cael galwad."
    )
    submit(office, office.get_by_role("button", name="Save the review"))
    expect(success_banner(office)).to_contain_text("The review is saved")
    check_axe(office)

    # --- When Margaret reads the draft, comments and agrees -----------------------------
    sign_in(home, live_server, carer, check=False)
    home.goto(f"{base}/projects/{project.pk}/")
    home.get_by_role("link", name="Read the final review").click()
    expect(home.get_by_text("Carers have time to get the house ready.")).to_be_visible()
    check_axe(home)
    home.get_by_role("button", name="Comment and say whether you agree").click()
    check_axe(home)
    choose(home, "Do you agree with this draft of the review?", "I agree with this draft")
    home.get_by_label("Your comment (optional)").fill("Say which wards, please.")
    submit(home, home.get_by_role("button", name="Send my comment"))
    expect(success_banner(home)).to_contain_text("Your comment is sent to the coordinator")
    assert ReviewComment.objects.get().person == carer.person

    # --- Then the coordinator sees it, and publishes -----------------------------------
    office.reload()
    expect(office.get_by_text("Say which wards, please.")).to_be_visible()
    expect(office.get_by_text("1 agree, 0 say not yet, 1 have not said")).to_be_visible()
    office.get_by_role("button", name="Publish and send the review").click()
    check_axe(office)
    submit(office, office.get_by_role("button", name="Publish and send it"))
    expect(success_banner(office)).to_contain_text("published and sent to 2 people")
    check_axe(office)

    # Each member is sent it once, in their own language; the anonymous giver cannot be.
    told = Message.objects.filter(kind="evaluation.review")
    assert told.count() == 2
    assert told.get(person__full_name="Gwen Cymraeg").subject.startswith("Beth ddysgon ni")
    assert len(notify_api.sent("email")) == 2

    # --- And anyone, signed out, reads it: the page, easy read and the PDF ---------------
    public_link = office.get_by_role(
        "link", name="The published review (anyone with the link can read it)"
    ).get_attribute("href")
    assert public_link
    anyone = home.context.browser.new_page()  # type: ignore[union-attr]
    anyone.goto(base + public_link)
    expect(anyone.get_by_role("heading", level=1)).to_have_text(
        re.compile("What we learnt: Leaving hospital")
    )
    expect(anyone.get_by_text("Carers on two wards are now phoned")).to_be_visible()
    expect(anyone.get_by_text("Margaret")).to_have_count(0)
    expect(anyone.get_by_text("Say which wards")).to_have_count(0)
    check_axe(anyone)
    anyone.get_by_role("link", name="Easy read").click()
    expect(anyone.get_by_text("The call comes 2 days before.")).to_be_visible()
    check_axe(anyone)
    anyone.get_by_role("button", name="Cymraeg").click()
    expect(anyone.get_by_text("Mae gofalwyr yn cael galwad.")).to_be_visible()
    check_axe(anyone)
    review = Review.objects.get()
    pdf = anyone.request.get(f"{base}/reviews/{review.public_id}/review.pdf")
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    anyone.close()
