"""Co-production end to end in real Chromium: from a new project to the follow-up after
its first meeting. Written as given / when / then; every new page is checked with axe-core.

A coordinator creates a project and publishes a brief; someone new to the organisation
answers it from the public page; staff screen them, invite them and add them to the
group; the coordinator finds a time that suits the group, schedules the meeting and
invites the group; the member replies through the link in their message, adds the event
to their calendar, and is asked how it went a few days after it.

GOV.UK Notify is faked at its HTTP edge with `responses`, as in test_breaks.py (the same
small fake, copied: the messages are sent from the live server's thread, and `responses`
patches `requests` for the whole process). Time passing before the follow-up is the one
thing done through the ORM: see the comment there.
"""

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from coproduce.accountability import actions as accountability_actions
from coproduce.accountability.models import BoardSettings
from coproduce.activities import calendar
from coproduce.activities.models import Activity, ActivityStatus, Invitation, Reply, Slot
from coproduce.activities.tasks import send_activity_follow_ups
from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory, SlotFactory
from coproduce.browser_tests import test_accessibility as accessibility
from coproduce.browser_tests.conftest import (
    FakeNotify,
    check_axe,
    choose,
    sign_in,
    submit,
    success_banner,
    summary_value,
)
from coproduce.browser_tests.test_accessibility import Report, crawl
from coproduce.conftest import Member, make_member
from coproduce.contributions import actions as contribution_actions
from coproduce.contributions.models import Contribution, Privacy
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.decisions.models import Stance
from coproduce.decisions.tests.factories import PositionFactory, ProposalFactory
from coproduce.notifications.models import Message, Status
from coproduce.payments import actions as payment_actions
from coproduce.payments import approval_actions
from coproduce.payments.models import Claim
from coproduce.payments.tests.setup import attended, past_meeting, policy_for
from coproduce.projects.models import Milestone, Project, ProjectMember, Stage
from coproduce.projects.tests.factories import (
    BudgetLineFactory,
    MilestoneFactory,
    ProjectFactory,
    ProjectMemberFactory,
)
from coproduce.recruitment.models import Brief, EasyReadLine, ExpressionOfInterest, State
from coproduce.recruitment.tests.factories import (
    EasyReadLineFactory,
    ExpressionFactory,
    PublishedBriefFactory,
)
from coproduce.surveys import actions as survey_actions
from coproduce.surveys.models import Survey
from coproduce.surveys.tests.factories import SurveyFactory, add_question
from coproduce.tenancy.models import Organisation, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONDON = ZoneInfo("Europe/London")
MEMBER_NAME = "Rhiannon Pugh"
MEMBER_EMAIL = "rhiannon.pugh@example.org"


def fill_date(page: Page, question: str, day: date) -> None:
    """Fill a GOV.UK date input (a fieldset of Day, Month and Year) found by its legend."""
    group = page.get_by_role("group", name=re.compile("^" + re.escape(question)))
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def link_path(body: str, name: str = "") -> str:
    """The path of the link in a message's body to /invitations/<token>/<name>: the reply
    link when `name` is empty. (Links are to SITE_URL; the test goes to the live server.)"""
    urls: list[str] = re.findall(r"https?://\S+", body)
    paths = [urlsplit(url).path for url in urls]
    found = [p for p in paths if re.fullmatch(rf"/invitations/[^/]+/{re.escape(name)}", p)]
    assert len(found) == 1, f"Not one /invitations/<token>/{name} link in:\n{body}"
    return found[0]


def test_a_project_recruits_a_new_carer_who_replies_to_the_first_meeting_and_is_followed_up(
    page: Page,
    other_page: Page,
    live_server: LiveServer,
    coordinator: Member,
    notify_api: FakeNotify,
) -> None:
    today = timezone.localdate()
    office, public = page, other_page

    # --- 1. The coordinator creates a project and publishes a brief --------------------

    # Given Dylan, a coordinator at Riverside Carers, signed in with his second factor
    sign_in(office, live_server, coordinator, check=False)

    # When he opens Projects from the menu and creates a project
    office.get_by_role("navigation", name="Menu").get_by_role("link", name="Projects").click()
    expect(office).to_have_url(f"{live_server.url}/projects/")
    check_axe(office)
    office.get_by_role("button", name="Create a project").click()
    expect(office).to_have_url(f"{live_server.url}/projects/new/")
    check_axe(office)
    office.get_by_label("Project name", exact=True).fill("Leaving hospital: carers' voices")
    office.get_by_label("Aims", exact=True).fill("Make hospital discharge work for carers")
    expect(office.get_by_label("Coordinator")).to_have_value(str(coordinator.person.pk))
    fill_date(office, "Start date", today)
    choose(office, "Which stage is the project starting at?", "Membership")
    submit(office, office.get_by_role("button", name="Create project"))

    # Then he is on the project's page
    project = Project.objects.get(title="Leaving hospital: carers' voices")
    expect(office).to_have_url(f"{live_server.url}/projects/{project.pk}/")
    expect(success_banner(office)).to_contain_text("Leaving hospital: carers' voices is created")
    expect(office.get_by_role("heading", level=1)).to_have_text("Leaving hospital: carers' voices")
    check_axe(office)

    # When he writes a brief from the project's Briefs page
    office.get_by_role("link", name="Briefs: inviting people to get involved").click()
    expect(office).to_have_url(f"{live_server.url}/projects/{project.pk}/briefs/")
    check_axe(office)
    office.get_by_role("button", name="Write a brief").click()
    check_axe(office)
    office.get_by_label("Title", exact=True).fill("Help us make leaving hospital work for carers")
    office.get_by_label("What the work is", exact=True).fill(
        "Tell us what happened when they left hospital"
    )
    office.get_by_label("How much time it takes", exact=True).fill("Three two-hour meetings")
    office.get_by_label("Where and how", exact=True).fill("At the carers' centre in Guildford")
    choose(office, "Does the group meet online?", "No")
    office.get_by_label("Replacement care", exact=True).check()
    office.get_by_label("Who it is for", exact=True).fill("Carers of someone who was in hospital")
    fill_date(office, "Opening date", today)
    fill_date(office, "Closing date", today + timedelta(days=30))
    submit(office, office.get_by_role("button", name="Save brief"))

    # Then it is saved as a draft
    brief = Brief.objects.get(project=project)
    expect(office).to_have_url(f"{live_server.url}/recruitment/briefs/{brief.pk}/")
    expect(success_banner(office)).to_contain_text("Brief saved as a draft")
    check_axe(office)

    # When he changes it: the group is paid for its time
    office.get_by_role("link", name="Change the brief").click()
    expect(office).to_have_url(f"{live_server.url}/recruitment/briefs/{brief.pk}/edit/")
    expect(office.get_by_label("Title", exact=True)).to_have_value(
        "Help us make leaving hospital work for carers"
    )
    check_axe(office)
    office.get_by_label("Payment offered", exact=True).fill("£20 an hour")
    submit(office, office.get_by_role("button", name="Save brief"))
    expect(success_banner(office)).to_contain_text("Brief saved")

    # And writes one line of its easy-read version, with a picture
    office.get_by_role("link", name="Write the easy-read version").click()
    check_axe(office)
    office.get_by_label("Sentence", exact=True).fill("Tell us about leaving hospital.")
    office.get_by_label("Picture", exact=True).select_option(label="People")
    office.get_by_label("Describe the picture", exact=True).fill("A group of people talking")
    submit(office, office.get_by_role("button", name="Add line"))
    expect(success_banner(office)).to_contain_text("Line added")
    check_axe(office)

    # And publishes the brief
    office.get_by_role("link", name="Back to the brief").click()
    submit(office, office.get_by_role("button", name="Publish"))
    expect(success_banner(office)).to_contain_text("Brief published")
    check_axe(office)
    brief.refresh_from_db()
    assert brief.is_published
    public_url = f"{live_server.url}/briefs/{brief.public_id}/"
    expect(
        office.locator(f'.govuk-inset-text a[href="/briefs/{brief.public_id}/"]')
    ).to_be_visible()

    # Then anyone can read it, and its easy-read version, without signing in
    public.goto(public_url)
    expect(public).to_have_url(public_url)
    expect(public.get_by_role("heading", level=1)).to_have_text(
        "Help us make leaving hospital work for carers"
    )
    expect(public.locator("#main-content")).to_contain_text("£20 an hour")
    check_axe(public)
    public.get_by_role("link", name="Read this in easy read").click()
    expect(public).to_have_url(f"{public_url}easy-read/")
    expect(public.get_by_role("img", name="A group of people talking")).to_be_visible()
    expect(public.locator("#main-content")).to_contain_text("Tell us about leaving hospital.")
    check_axe(public)

    # --- 2. Someone new says they are interested ---------------------------------------

    # When Rhiannon, who is not known to Riverside Carers, says she is interested
    public.get_by_role("button", name="Say you are interested").click()
    expect(public).to_have_url(f"{public_url}interested/")
    check_axe(public)
    public.get_by_label("Your name").fill(MEMBER_NAME)
    public.get_by_label("Email address").fill(MEMBER_EMAIL)
    choose(public, "How should we contact you?", "Email")
    fill_date(public, "Date of birth", date(1968, 6, 14))
    public.get_by_label("Why are you interested?").fill("My dad came home with no support.")
    public.get_by_label("I agree to you keeping these details").check()
    submit(public, public.get_by_role("button", name="Send"))

    # Then she is thanked, and her answer is waiting for staff
    expect(public).to_have_url(f"{public_url}interested/thank-you/")
    expect(public.locator(".govuk-panel")).to_contain_text("Thank you")
    check_axe(public)
    expression = ExpressionOfInterest.objects.get(brief=brief)
    member = expression.person
    assert member is not None
    assert (member.full_name, member.email, member.user_id) == (MEMBER_NAME, MEMBER_EMAIL, None)
    assert expression.state == State.RECEIVED

    # --- 3. Staff screen her, invite her and add her to the group ----------------------

    # When Dylan opens the people interested in the brief
    office.reload()
    office.get_by_role("link", name="1 person interested: screen them").click()
    expect(office).to_have_url(f"{live_server.url}/recruitment/briefs/{brief.pk}/interest/")
    row = office.get_by_role("row").filter(has_text=MEMBER_NAME)
    expect(row).to_contain_text("New to us")
    check_axe(office)
    row.get_by_role("link", name=MEMBER_NAME).click()
    expect(office).to_have_url(f"{live_server.url}/recruitment/interest/{expression.pk}/")
    expect(summary_value(office, "Why they are interested")).to_have_text(
        "My dad came home with no support."
    )
    check_axe(office)

    # And screens her: a genuine carer
    office.get_by_role("link", name="Screen them").click()
    expect(office.get_by_role("heading", level=1)).to_have_text(f"Screen {MEMBER_NAME}")
    check_axe(office)
    choose(office, "Are they a genuine carer?", "Yes")
    office.get_by_label("How do you know?").fill("Spoke to her on the phone")
    submit(office, office.get_by_role("button", name="Save screening"))
    expect(success_banner(office)).to_contain_text("Screening saved")
    expect(summary_value(office, "Genuine carer")).to_have_text("Yes: Spoke to her on the phone")
    check_axe(office)

    # And invites her to join
    submit(office, office.get_by_role("button", name="Invite them to join"))
    expect(success_banner(office)).to_contain_text(f"{MEMBER_NAME} is invited to join")
    check_axe(office)

    # And, when she says yes, adds her to the group
    office.get_by_role("link", name="Add them to the group").click()
    check_axe(office)
    choose(office, "Their role in the group", "Carer member")
    submit(office, office.get_by_role("button", name="Add to the group"))
    expect(success_banner(office)).to_contain_text(f"{MEMBER_NAME} is now in the group")
    check_axe(office)

    # Then she is a carer member of the project's group, and was emailed the invitation
    expression.refresh_from_db()
    assert expression.state == State.MEMBER
    assert ProjectMember.objects.filter(project=project, person=member, left_on=None).exists()
    assert f"recruitment.expression.{expression.pk}.invited" in notify_api.references("email")

    # --- 4. The coordinator finds a time that suits the group -------------------------

    # When he plans the first meeting without a date: the group will find a time
    office.goto(f"{live_server.url}/projects/{project.pk}/")
    office.get_by_role("link", name="Activities").click()
    expect(office).to_have_url(f"{live_server.url}/projects/{project.pk}/activities/")
    check_axe(office)
    office.get_by_role("button", name="Plan an activity").click()
    check_axe(office)
    choose(office, "What kind of activity is it?", "Meeting")
    office.get_by_label("Title", exact=True).fill("First meeting")
    choose(office, "How will people take part?", "In person")
    choose(office, "Do you know when it will be?", "No, find a time that suits the group")
    office.get_by_label("Venue", exact=True).fill("Riverside Carers' Centre")
    office.get_by_label("Venue address").fill("1 Bridge Street\nGuildford\nGU1 4RH")
    for question in (
        "Is there step-free access?",
        "Is there a hearing loop?",
        "Is there parking?",
        "Is there an accessible toilet?",
        "Is there a quiet room?",
    ):
        choose(office, question, "Yes")
    submit(office, office.get_by_role("button", name="Save activity"))

    # Then the activity is finding a time
    activity = Activity.objects.get(project=project)
    expect(office).to_have_url(f"{live_server.url}/activities/{activity.pk}/")
    expect(success_banner(office)).to_contain_text("First meeting is planned")
    expect(office.locator("#main-content")).to_contain_text("Finding a time")
    check_axe(office)

    # When he proposes three times, four to five weeks ahead
    days = [today + timedelta(days=n) for n in (28, 29, 35)]
    office.get_by_role("link", name="Propose times").click()
    check_axe(office)
    for n, (day, clock) in enumerate(zip(days, ("10:30am", "2pm", "10:30am"), strict=True), 1):
        fill_date(office, f"Date {n}", day)
        office.get_by_label(f"Start time {n}", exact=True).fill(clock)
    submit(office, office.get_by_role("button", name="Propose these times"))

    # Then he sees the times, and nobody has answered yet
    expect(office).to_have_url(f"{live_server.url}/activities/{activity.pk}/times/")
    expect(success_banner(office)).to_contain_text("Times proposed: 3")
    expect(office.get_by_role("row")).to_have_count(4)
    check_axe(office)

    # When he records what Rhiannon told him on the phone: only the second time suits her
    office.get_by_role("link", name=f"Record answers for {MEMBER_NAME}").click()
    expect(office.get_by_role("heading", level=1)).to_have_text(
        f"Which times can {MEMBER_NAME} make?"
    )
    check_axe(office)
    groups = office.locator("#main-content fieldset")
    expect(groups).to_have_count(3)
    for index, answer in enumerate(("No, I cannot", "Yes, I can make it", "No, I cannot")):
        groups.nth(index).get_by_label(answer).check()
    submit(office, office.get_by_role("button", name="Save answers"))

    # Then the time she can make comes first, marked as the one most can come to
    expect(success_banner(office)).to_contain_text(f"{MEMBER_NAME}'s answers are saved")
    best = office.get_by_role("row").nth(1)
    expect(best).to_contain_text("Most can come")
    expect(best).to_contain_text(MEMBER_NAME)
    check_axe(office)

    # When he chooses that time: it gives more notice than anyone needs
    chosen = datetime.combine(days[1], time(14, 0), tzinfo=LONDON)
    office.get_by_role("button", name="Choose a time").click()
    check_axe(office)
    best_time = office.get_by_label(f"{days[1].day} {days[1]:%B %Y} at 2pm: 1 can come")
    expect(office.get_by_role("radio")).to_have_count(3)
    best_time.check()
    submit(office, office.get_by_role("button", name="Schedule at this time"))

    # Then the meeting is scheduled at that time, with no short notice
    expect(office).to_have_url(f"{live_server.url}/activities/{activity.pk}/")
    expect(success_banner(office)).to_contain_text("The activity is scheduled")
    expect(office.locator("#main-content")).not_to_contain_text("Short notice")
    check_axe(office)
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.SCHEDULED
    assert activity.starts_at == chosen
    change = activity.changes.get()
    assert (change.short_notice, change.reason) == (False, "")

    # --- 5. The group is invited; Rhiannon replies through the link in her email -------

    # When he invites the group
    office.get_by_role("link", name="Invite people").click()
    check_axe(office)
    expect(office.get_by_label(MEMBER_NAME)).to_be_checked()
    submit(office, office.get_by_role("button", name="Send invitations"))
    expect(success_banner(office)).to_contain_text("Invitation sent to 1 person")
    check_axe(office)

    # Then Rhiannon is emailed an invitation with a link to reply
    invitation = Invitation.objects.get(activity=activity, person=member)
    message = Message.objects.get(kind="activities.invitation", person=member)
    assert message.status == Status.SENT
    assert f"activities.{activity.pk}.invitation.{member.pk}.{activity.sequence}" in (
        notify_api.references("email")
    )

    # When she follows the link (no account, no sign-in) and says she is coming, and needs
    # replacement care for her dad while she is there
    public.goto(live_server.url + link_path(message.body))
    expect(public.get_by_role("heading", level=1)).to_have_text("First meeting")
    expect(summary_value(public, "When")).to_have_text(
        f"{days[1]:%A} {days[1].day} {days[1]:%B %Y}, 2pm to 4pm"
    )
    check_axe(public)
    choose(public, "Can you come?", "Yes, I can come")
    public.get_by_label("Replacement care while I take part").check()
    submit(public, public.get_by_role("button", name="Send reply"))

    # Then she is told she is coming
    expect(public.locator(".govuk-panel")).to_contain_text("You are coming")
    check_axe(public)
    invitation.refresh_from_db()
    assert (invitation.reply, invitation.replacement_care_needed) == (Reply.COMING, True)

    # --- 6. She adds it to her calendar ----------------------------------------------

    with public.expect_download() as download_info:
        public.get_by_role("link", name="Add it to your calendar").click()
    download = download_info.value
    assert download.suggested_filename == f"activity-{activity.pk}.ics"
    ics = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    assert str(ics["METHOD"]) == "REQUEST"
    events = ics.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["UID"]) == calendar.uid(activity)
    assert str(event["UID"]).startswith(f"{activity.uid}@")
    assert event.decoded("SEQUENCE") == activity.sequence
    starts = event.decoded("DTSTART")
    assert starts == chosen
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert starts.utcoffset() == chosen.utcoffset()
    assert (starts.hour, starts.minute) == (14, 0)

    # --- 7. A few days after the meeting, she is asked how it went, once ---------------

    # Given the meeting took place three days ago. (Standing in for time passing: the
    # follow-up task reads the clock, timezone.now(), so the meeting is moved into the
    # past instead: it ended 3 days and an hour ago, the organisation's follow_up_days.)
    assert coordinator.organisation.follow_up_days == 3
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=timezone.now() - timedelta(days=3, hours=1, minutes=activity.duration_minutes)
    )

    # When the worker runs the follow-up task (the tests' immediate backend runs it now)
    first = send_activity_follow_ups.enqueue()
    again = send_activity_follow_ups.enqueue()

    # Then Rhiannon has been sent exactly one follow-up, through Notify, and no more
    assert (first.return_value, again.return_value) == (1, 0)
    follow_ups = Message.objects.filter(kind="activities.follow_up", person=member)
    assert follow_ups.count() == 1
    follow_up = follow_ups.get()
    assert follow_up.status == Status.SENT
    assert (
        notify_api.references("email").count(f"activities.{activity.pk}.follow_up.{member.pk}") == 1
    )

    # And she can answer it through its link
    public.goto(live_server.url + link_path(follow_up.body, "follow-up/"))
    check_axe(public)
    public.get_by_label("Is there anything you would like to add?").fill(
        "The discharge letter came a week late."
    )
    submit(public, public.get_by_role("button", name="Send"))
    check_axe(public)
    assert invitation.follow_up_replies.get().text == "The discharge letter came a week late."


# --- The accessibility crawl, over co-production pages ----------------------------------
# test_accessibility.py crawls from `/` as each role, but its data has no projects, so it
# reaches /projects/ and stops there. The same crawl (its `crawl`, `Report` and
# DESTRUCTIVE list) runs here over a project with a group, a published brief with an answer
# waiting, an activity finding a time and a scheduled one the carer is invited to; the
# pages test_accessibility.py already checks (people, breaks...) are left out.


@pytest.fixture
def coproduction(
    org_a: Organisation, coordinator: Member, carer: Member, settings: Settings
) -> dict[str, Member]:
    settings.NOTIFY_API_KEY = ""  # messages are recorded as not sent, never sent for real
    project = ProjectFactory.create(
        organisation=org_a,
        coordinator=coordinator.person,
        title="Leaving hospital: carers' voices",
        stage=Stage.MEMBERSHIP,
        starts_on=timezone.localdate() - timedelta(days=30),
    )
    MilestoneFactory.create(project=project, due_on=timezone.localdate() + timedelta(days=60))
    BudgetLineFactory.create(project=project)
    ProjectMemberFactory.create(project=project, person=carer.person)
    brief = PublishedBriefFactory.create(project=project)
    EasyReadLineFactory.create(brief=brief, picture="people", alt_text="People talking")
    EasyReadLineFactory.create(brief=brief, text="You will be paid for your time.")
    ExpressionFactory.create(brief=brief)
    finding = ActivityFactory.create(
        project=project,
        title="Second meeting",
        status=ActivityStatus.FINDING_A_TIME,
        starts_at=None,
    )
    for days in (35, 42):
        SlotFactory.create(
            activity=finding,
            starts_at=datetime.combine(
                timezone.localdate() + timedelta(days=days), time(10, 30), tzinfo=LONDON
            ),
        )
    first = ActivityFactory.create(project=project, title="First meeting")
    InvitationFactory.create(activity=first, person=carer.person)
    for privacy in Privacy:
        contribution = ContributionFactory.create(
            project=project,
            privacy=privacy,
            person=None if privacy == Privacy.ANONYMOUS else carer.person,
        )
        contribution_actions.set_themes(contribution, ["Transport"])
    engagement(project, coordinator, carer)
    return {"coordinator": coordinator, "carer": carer}


def engagement(project: Project, coordinator: Member, carer: Member) -> None:
    """A survey, a proposal, a You Said, We Did action on a public board, and claims: the
    carer's draft for a meeting they attended, another carer's waiting for approval."""
    survey = SurveyFactory.create(project=project, audience="public")
    add_question(survey, "How did leaving hospital go?")
    survey_actions.publish_results(survey, [q.pk for q in survey.questions.all()], True)
    ProposalFactory.create(project=project, proposed_by=coordinator.person)
    # A carer's proposal past its deadline with a block standing: the outcome page asks
    # why the group would go ahead despite it.
    blocked = ProposalFactory.create(
        project=project,
        proposed_by=carer.person,
        deadline=timezone.now() - timedelta(days=1),
        title="Meet in the evenings",
    )
    PositionFactory.create(
        proposal=blocked, person=carer.person, stance=Stance.BLOCK, comment="Not after 6pm"
    )
    accountability_actions.record_action(
        project,
        accountability_actions.Details(title="Phone carers before discharge"),
        Contribution.objects.filter(project=project),
        coordinator.user,
    )
    accountability_actions.choose_public(project, True, coordinator.user)
    policy_for(coordinator)
    meeting = past_meeting(project, 10, title="Last month's meeting")
    attended(meeting, carer, travel_needed=True)
    other = make_member(project.organisation, Role.CARER, "Ivy Other", email="ivy@example.org")
    ProjectMemberFactory.create(project=project, person=other.person)
    attended(meeting, other)
    payment_actions.draft_claims(project, None)
    ivy = Claim.objects.get(person=other.person)
    payment_actions.choose_method(
        ivy, other.user, {"method": "voucher", "voucher_send_to": "ivy@example.org"}
    )
    approval_actions.submit(ivy, other.user, "")


def coproduction_state() -> tuple[Any, ...]:
    """What the crawl's empty form submissions must leave as they were."""
    return (
        list(Brief.objects.order_by("pk").values_list("pk", "published_at", "title")),
        list(ExpressionOfInterest.objects.order_by("pk").values_list("pk", "state")),
        list(Milestone.objects.order_by("pk").values_list("pk", "done_on")),
        list(ProjectMember.objects.order_by("pk").values_list("pk", "left_on")),
        list(
            Activity.objects.order_by("pk").values_list(
                "pk", "status", "starts_at", "agenda", "notes", "sequence"
            )
        ),
        list(Slot.objects.order_by("pk").values_list("pk", "starts_at")),
        list(
            Invitation.objects.order_by("pk").values_list(
                "pk",
                "reply",
                "attended",
                "replacement_care_arranged",
                "pre_brief_given_at",
                "de_brief_given_at",
            )
        ),
        list(EasyReadLine.objects.order_by("pk").values_list("pk", "position", "text")),
        list(Contribution.objects.order_by("pk").values_list("pk", "status", "privacy", "text")),
        Message.objects.count(),
    )


COPRODUCTION_PAGES = {
    "coordinator": {
        "/projects/",
        "/projects/<id>/",
        "/projects/<id>/briefs/",
        "/recruitment/briefs/<id>/",
        "/recruitment/briefs/<id>/easy-read/",
        "/recruitment/briefs/<id>/interest/",
        "/recruitment/interest/<id>/",
        "/recruitment/interest/<id>/screen/",
        "/projects/<id>/activities/",
        "/projects/<id>/activities/plan/",
        "/activities/<id>/",
        "/activities/<id>/times/",
        "/activities/<id>/times/propose/",
        "/activities/<id>/times/choose/",
        "/activities/<id>/invite/",
        "/activities/<id>/invitations/",
        "/projects/<id>/contributions/",
        "/projects/<id>/contributions/record/",
        "/projects/<id>/contributions/themes/",
        "/projects/<id>/contributions/respond/",
        "/contributions/",
        "/contributions/<id>/",
        "/contributions/<id>/respond/",
        "/contributions/<id>/themes/",
        "/feedback/org-a/",
        "/projects/<id>/surveys/",
        "/surveys/<id>/",
        "/surveys/<id>/results/",
        "/projects/<id>/decisions/",
        "/projects/<id>/decisions/propose/",
        "/projects/<id>/decisions/rule/",
        "/decisions/<id>/",
        "/decisions/<id>/record/",
        "/decisions/<id>/outcome/",
        "/projects/<id>/stage/",
        "/projects/<id>/you-said-we-did/",
        "/projects/<id>/you-said-we-did/easy-read/",
        "/projects/<id>/you-said-we-did/actions/",
        "/projects/<id>/you-said-we-did/actions/new/",
        "/you-said-we-did/actions/<id>/",
        "/you-said-we-did/actions/<id>/status/",
        "/projects/<id>/payments/",
        "/claims/<id>/review/",
        "/payments/rates/",
    },
    "carer": {
        "/projects/",
        "/projects/<id>/",
        "/projects/<id>/activities/",
        "/activities/<id>/",
        "/activities/<id>/times/",
        "/activities/<id>/reply/",
        "/projects/<id>/contributions/",
        "/projects/<id>/contributions/give/",
        "/contributions/yours/",
        "/contributions/<id>/",
        "/contributions/<id>/privacy/",
        "/feedback/org-a/",
        "/projects/<id>/decisions/",
        "/projects/<id>/decisions/propose/",
        "/decisions/<id>/",
        "/projects/<id>/you-said-we-did/",
        "/you-said-we-did/actions/<id>/",
        "/claims/",
        "/claims/<id>/",
        "/claims/<id>/method/",
        "/claims/benefits/",
    },
}


ELSEWHERE = ("/people/", "/you/", "/breaks/", "/pages/", "/audit/", "/organisation/")


def test_every_public_page_of_a_project_passes_axe(
    page: Page,
    live_server: LiveServer,
    coproduction: dict[str, Member],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Signed out: the public You Said, We Did board, and answering the public survey."""
    monkeypatch.setattr(accessibility, "SKIP_PATHS", (*accessibility.SKIP_PATHS, *ELSEWHERE))
    board = BoardSettings.objects.get()
    survey = Survey.objects.get()
    report = Report()
    start = (f"/you-said-we-did/{board.public_id}/", f"/surveys/{survey.public_id}/")
    crawl(page, live_server.url, report, start=start)
    reached = {kind.split("/")[1] for kind in report.kinds}
    assert {"you-said-we-did", "surveys"} <= reached
    # Starting the survey (its form, submitted by the crawl) leads to its first question.
    assert any("/answers/" in checked for checked in report.checked), report.checked
    assert not report.failures, "\n\n".join(report.failures)


@pytest.mark.parametrize("role", ["coordinator", "carer"])
def test_every_coproduction_page_passes_axe(
    page: Page,
    live_server: LiveServer,
    coproduction: dict[str, Member],
    role: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Only the co-production pages: test_accessibility.py checks the rest.
    monkeypatch.setattr(accessibility, "SKIP_PATHS", (*accessibility.SKIP_PATHS, *ELSEWHERE))
    report = Report()
    before = coproduction_state()
    sign_in(page, live_server, coproduction[role], check=False)
    start = ["/"]
    if role == "carer":
        # Her claim asks how to be paid on the claim itself; the page of its own, linked
        # once she has chosen ("Change"), is checked from here.
        start.append(f"/claims/{Claim.objects.get(person=coproduction[role].person).pk}/method/")

    crawl(page, live_server.url, report, start=start)

    missed = COPRODUCTION_PAGES[role] - report.kinds
    assert not missed, f"The crawl as {role} never reached {sorted(missed)}"
    assert coproduction_state() == before, "Submitting forms empty changed something"
    assert not report.failures, (
        f"{len(report.failures)} problem(s) on {len(report.checked)} pages checked as {role}:\n\n"
        + "\n\n".join(report.failures)
    )
