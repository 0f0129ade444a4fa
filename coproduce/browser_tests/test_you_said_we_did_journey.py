"""A carer's view travels from a phone call to a public "You Said, We Did" board, past a
decision the group made by consensus: given, when, then, with axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
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
from coproduce.browser_tests.test_coproduction_journey import fill_date
from coproduce.conftest import Member
from coproduce.contributions.models import Contribution, ResponseStatus
from coproduce.decisions.models import Outcome, Position, PositionChannel, Proposal, Stance
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def project(coordinator: Member, carer: Member) -> Project:
    """Margaret (the carer, who signs in) and Ivy (who does not) are in the group."""
    project: Project = ProjectFactory.create(
        organisation=coordinator.organisation,
        coordinator=coordinator.person,
        title="Leaving hospital: carers' voices",
    )
    ProjectMemberFactory.create(project=project, person=carer.person)
    ivy = CarerFactory.create(organisation=coordinator.organisation, full_name="Ivy Phone")
    ProjectMemberFactory.create(project=project, person=ivy)
    return project


def test_a_view_given_on_the_phone_is_considered_decided_on_and_done_and_the_carer_is_told(
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

    # --- 1. Margaret phones; the coordinator records what she said --------------------
    sign_in(office, live_server, coordinator, check=False)
    office.goto(f"{base}/projects/{project.pk}/")
    office.get_by_role("link", name="What people said").click()
    check_axe(office)
    office.get_by_role("button", name="Record what someone said").click()
    check_axe(office)
    choose(office, "How was it given?", "Phone call")
    choose(
        office,
        "What did they choose before they spoke?",
        "My name can be shown to the project group",
    )
    office.get_by_label("Who said it?").select_option(label=carer.person.full_name)
    office.get_by_label("What did they say?").fill(
        "Nobody rang me before Dad came home. Phone carers two days before discharge."
    )
    submit(office, office.get_by_role("button", name="Record it"))
    expect(success_banner(office)).to_contain_text("recorded and waiting to be considered")
    contribution = Contribution.objects.get()
    assert contribution.person == carer.person

    # The review cannot start while it waits: the queue shows it, oldest first.
    office.get_by_role("navigation", name="Menu").get_by_role("link", name="Contributions").click()
    check_axe(office)
    office.get_by_role("link", name="Margaret Carer: Nobody rang me").click()
    check_axe(office)

    # When the coordinator gives it a theme and says it is considered
    office.get_by_role("button", name="Change themes").click()
    office.get_by_label("Themes").fill("Being told in time")
    submit(office, office.get_by_role("button", name="Save themes"))
    office.get_by_role("button", name="Respond").click()
    check_axe(office)
    choose(office, "What happened to it?", "Considered")
    office.get_by_label("Our response to the person").fill("We will put it to the group.")
    submit(office, office.get_by_role("button", name="Save the response"))
    contribution.refresh_from_db()
    assert contribution.status == ResponseStatus.CONSIDERED
    assert [t.name for t in contribution.themes.all()] == ["Being told in time"]

    # --- 2. The group decides by consensus -------------------------------------------
    office.goto(f"{base}/projects/{project.pk}/decisions/")
    check_axe(office)
    office.get_by_role("button", name="Put a proposal to the group").click()
    check_axe(office)
    office.get_by_label("What are you proposing?", exact=True).fill(
        "Wards phone carers before discharge"
    )
    office.get_by_label("Background", exact=True).fill("Margaret and others were not told in time.")
    office.get_by_label("Options", exact=True).fill("Phone two days before, or on the day.")
    # A deadline in the past is refused, and nothing typed is lost.
    fill_date(office, "Deadline date", timezone.localdate() - timedelta(days=1))
    office.get_by_label("Deadline time").fill("17:00")
    submit(office, office.get_by_role("button", name="Put the proposal to the group"))
    expect(office.locator(".govuk-error-summary")).to_be_visible()
    expect(office.get_by_label("What are you proposing?", exact=True)).to_have_value(
        "Wards phone carers before discharge"
    )
    check_axe(office)
    # Members need their notice (14 days unless they say otherwise): four weeks gives it.
    fill_date(office, "Deadline date", timezone.localdate() + timedelta(days=28))
    submit(office, office.get_by_role("button", name="Put the proposal to the group"))
    proposal = Proposal.objects.get()

    # Margaret gives her position online, from the proposal's page
    sign_in(home, live_server, carer, check=False)
    home.goto(f"{base}/decisions/{proposal.pk}/")
    check_axe(home)
    choose(home, "What is your position?", "Agree with reservations")
    home.get_by_label("Comment").fill("Two days is better, but the day itself is vital too.")
    submit(home, home.get_by_role("button", name="Give my position"))
    check_axe(home)

    # Ivy, who is not online, blocks by phone; the coordinator must give her reason
    office.goto(f"{base}/decisions/{proposal.pk}/record/")
    check_axe(office)
    office.get_by_label("Whose position is it?").select_option(label="Ivy Phone")
    choose(office, "What is their position?", "Block")
    choose(office, "How did they give it?", "By phone")
    submit(office, office.get_by_role("button", name="Record their position"))
    expect(office.locator(".govuk-error-summary")).to_contain_text("why they are blocking")
    office.get_by_label("Comment").fill("Only if the ward also tells the GP.")
    submit(office, office.get_by_role("button", name="Record their position"))
    positions = Position.objects.filter(proposal=proposal)
    assert {(p.person.full_name, p.stance, p.channel) for p in positions} == {
        (carer.person.full_name, Stance.AGREE_WITH_RESERVATIONS, PositionChannel.ONLINE),
        ("Ivy Phone", Stance.BLOCK, PositionChannel.PHONE),
    }

    # Everyone has answered, so the outcome can be recorded; every view is summarised
    office.goto(f"{base}/decisions/{proposal.pk}/outcome/")
    check_axe(office)
    statement = office.get_by_label("Outcome statement")
    expect(statement).to_contain_text("Ivy Phone")
    choose(office, "What did the group decide?", "Revised and re-proposed")
    submit(office, office.get_by_role("button", name="Record the outcome and tell the group"))
    proposal.refresh_from_db()
    assert proposal.outcome == Outcome.REVISED

    # --- 3. We did: the action is recorded, done, and Margaret is told ------------------
    office.goto(f"{base}/projects/{project.pk}/you-said-we-did/actions/new/")
    check_axe(office)
    office.get_by_label("What did or will you do? Give it a short title", exact=True).fill(
        "Wards phone carers two days before discharge"
    )
    choose(office, "Where is it now?", "Done")
    submit(office, office.get_by_role("button", name="Save action"))
    # Then the views it answers are found by their words, and added.
    expect(success_banner(office)).to_contain_text("Now find the views it answers")
    check_axe(office)
    office.get_by_label("Words in the view").fill("rang me")
    office.get_by_role("button", name="Search").click()
    check_axe(office)
    office.get_by_role("group", name="Which of these views does it answer?").get_by_role(
        "checkbox"
    ).first.check()
    submit(office, office.get_by_role("button", name="Add the ticked views"))
    expect(success_banner(office)).to_contain_text("1 view added")
    check_axe(office)
    contribution.refresh_from_db()
    assert contribution.status == ResponseStatus.ACTED_ON
    told = [
        body for body in notify_api.sent("email") if body["email_address"] == carer.person.email
    ]
    assert told, notify_api.calls
    assert "Wards phone carers two days before discharge" in str(told[-1]["personalisation"])

    # Margaret sees the response to what she said
    home.goto(f"{base}/contributions/yours/")
    check_axe(home)
    expect(home.locator("main")).to_contain_text("Acted on")

    # --- 4. The board goes public, with no names --------------------------------------
    office.goto(f"{base}/projects/{project.pk}/you-said-we-did/settings/")
    check_axe(office)
    choose(office, "Show this board to the public?", "Yes")
    submit(office, office.get_by_role("button", name="Save"))
    expect(success_banner(office)).to_be_visible()
    public_link = office.get_by_role("link", name="see the public board")
    public_url = public_link.get_attribute("href")
    assert public_url
    anyone = home.context.browser.new_page()  # type: ignore[union-attr]
    anyone.goto(public_url if public_url.startswith("http") else base + public_url)
    check_axe(anyone)
    expect(anyone.locator("main")).to_contain_text("Wards phone carers two days before discharge")
    expect(anyone.locator("main")).not_to_contain_text(carer.person.full_name)
    anyone.close()
