"""Issue 14's "done when" journeys, timed and counted in real Chromium (see journeys.py for
how pages, fields and seconds are counted and how a person's time is modelled):

(a) a carer replies to an invitation from its message's link: at most 2 pages;
(b) a carer claims after a meeting: at most 3 pages;
(c) a phone user (375 px wide) answers a 5-question survey: at most 2 minutes;
(d) a GP refers a carer for a break: at most 3 minutes and 8 questions.

Each test asserts the page and field counts (not the seconds, which depend on the
machine) and prints its figures: run `benchmarks/journeys.py`, or pytest with `-s`.
"""

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from coproduce.activities import invitation_actions
from coproduce.activities.models import Reply
from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory
from coproduce.breaks.models import Referral, ReferralStatus
from coproduce.browser_tests.conftest import sign_in
from coproduce.browser_tests.journeys import Journey
from coproduce.conftest import BreaksScheme, Member
from coproduce.payments.models import Claim
from coproduce.payments.models import Status as ClaimStatus
from coproduce.payments.tests.setup import make_setting
from coproduce.projects.models import Project
from coproduce.surveys.models import Audience, QuestionKind, Response
from coproduce.surveys.tests.factories import SurveyFactory, add_question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def group(page: Page, question: str) -> Page:
    return page.get_by_role("group", name=re.compile("^" + re.escape(question)))  # type: ignore[return-value]


def test_a_gp_refers_a_carer_in_three_minutes_with_eight_questions(
    page: Page, live_server: LiveServer, breaks: BreaksScheme
) -> None:
    sign_in(page, live_server, breaks.gp, check=False)  # from the GP's home page
    journey = Journey("(d) GP referral", page)
    journey.press(page.get_by_role("link", name="Refer a carer for a break"))
    journey.type(page.get_by_label("What is the carer's full name?"), "Mary O'Neill")
    born = page.get_by_role("group", name="What is the carer's date of birth?")
    journey.type(born.get_by_label("Day"), "3")
    journey.type(born.get_by_label("Month"), "2")
    journey.type(born.get_by_label("Year"), "1950")
    journey.choose(group(page, "Which language").get_by_label("English", exact=True))
    journey.press(page.get_by_role("button", name="Continue"))
    journey.choose(group(page, "How would the carer like").get_by_label("Email", exact=True))
    journey.type(page.get_by_label("Email address"), "mary.oneill@example.com")
    journey.press(page.get_by_role("button", name="Continue"))
    journey.choose(group(page, "Does the carer provide").get_by_label("Yes", exact=True))
    journey.choose(page.get_by_label("Their physical or mental health is getting worse"))
    journey.choose(page.get_by_label("Unable to take part in leisure or recreation"))
    journey.choose(group(page, "As a result").get_by_label("Yes", exact=True))
    journey.choose(group(page, "Has the carer agreed").get_by_label("Yes", exact=True))
    journey.press(page.get_by_role("button", name="Continue"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before sending the referral"
    )
    journey.questions = len(
        page.locator(".govuk-summary-list__row").filter(has_not_text="Contact details").all()
    )
    journey.press(page.get_by_role("button", name="Send referral"))
    expect(page.locator(".govuk-panel")).to_contain_text("Referral sent")
    print(journey.finish().report())

    assert Referral.objects.get().status == ReferralStatus.SUBMITTED
    # Three pages of questions, check your answers, the confirmation
    assert journey.pages == 5
    assert journey.questions == 8
    assert journey.fields == 12
    assert journey.seconds < 180 or journey.person_seconds < 180


def test_a_carer_replies_to_an_invitation_from_its_link_in_two_pages(
    page: Page, live_server: LiveServer, project: Project, carer: Member
) -> None:
    activity = ActivityFactory.create(project=project, title="Pilot review meeting")
    invitation = InvitationFactory.create(activity=activity, person=carer.person)
    link = live_server.url + invitation_actions.reply_path(invitation)

    journey = Journey("(a) invitation reply from its link", page)
    journey.open(link)
    journey.choose(group(page, "Can you come?").get_by_label("Yes, I can come", exact=True))
    journey.press(page.get_by_role("button", name="Send reply"))
    expect(page.locator(".govuk-panel")).to_contain_text("You are coming")
    print(journey.finish().report())

    invitation.refresh_from_db()
    assert invitation.reply == Reply.COMING
    assert journey.pages <= 2
    assert journey.fields == 1


def test_a_phone_user_answers_a_five_question_survey_in_two_minutes(
    page: Page, live_server: LiveServer, project: Project
) -> None:
    survey = SurveyFactory.create(project=project, audience=Audience.PUBLIC, title="Coming home")
    add_question(survey, "Were you told when the person you care for would come home?",
                 QuestionKind.YES_NO)  # fmt: skip
    add_question(survey, "How well were you involved in planning it?", QuestionKind.RATING)
    add_question(survey, "Which of these helped?", QuestionKind.MULTIPLE_CHOICE,
                 ["A named contact", "A written plan", "A phone call after"])  # fmt: skip
    add_question(survey, "Where did you hear about this survey?", QuestionKind.SINGLE_CHOICE,
                 ["From the carers' centre", "From the hospital", "Somewhere else"])  # fmt: skip
    add_question(survey, "What one thing would have made it better?")
    page.set_viewport_size({"width": 375, "height": 740})

    journey = Journey("(c) 5-question survey on a 375 px phone", page, phone=True)
    journey.open(f"{live_server.url}/surveys/{survey.public_id}/")
    journey.press(page.get_by_role("button", name="Start"))
    for _question in range(5):
        form = page.locator("#main-content form")
        if form.locator("textarea").count():
            journey.type(form.locator("textarea").first, "A call the day before, please")
        else:
            journey.choose(form.locator("input[type=radio], input[type=checkbox]").first)
        journey.press(page.get_by_role("button", name=re.compile("^Continue")).first)
    journey.press(page.get_by_role("button", name="Send your answers"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    print(journey.finish().report())

    assert Response.objects.filter(survey=survey, submitted_at__isnull=False).count() == 1
    assert journey.fields == 5
    assert journey.pages <= 8  # the start, five questions, check your answers, thank you
    assert journey.person_seconds < 120


def test_a_carer_claims_after_a_meeting(
    page: Page, live_server: LiveServer, coordinator: Member, carer: Member
) -> None:
    """From her signed-in home page, Margaret claims for a meeting she went to (time only:
    no travel to fill in) and sends the claim: at most 3 pages."""
    setting = make_setting(coordinator, carer)
    invitation = setting.invitations[0]
    invitation.travel_needed = False
    invitation.save()
    sign_in(page, live_server, carer, check=False)

    journey = Journey("(b) carer's claim after a meeting", page)
    journey.press(page.get_by_role("link", name="Your claims: payment for your time and costs"))
    journey.press(page.get_by_role("button", name="Check for anything new to claim"))
    # Her one claim opens straight away; she has not said how to be paid before, so the
    # claim asks (the voucher goes to her email address unless she changes it).
    journey.choose(page.get_by_label("Voucher or gift card", exact=True))
    journey.press(page.get_by_role("button", name="Send the claim"))
    print(journey.finish().report())

    claim = Claim.objects.get(person=carer.person)
    assert claim.status == ClaimStatus.SUBMITTED
    assert journey.fields == 1
    assert journey.pages <= 3
