"""axe-core on every page a person can reach, as each kind of person.

For each role (anonymous, carer, coordinator, admin, and a GP who refers carers for breaks)
the test signs in for real, starts at
`/` and follows every same-origin link breadth-first (de-duplicated by path, so
/people/3/ and /people/4/ are both visited but ?page=2 is not), up to MAX_PAGES pages.
Each page is checked with axe-core (WCAG 2.0/2.1/2.2 A and AA). Each page's POST forms
are also submitted empty, where that is cheap and harmless, and the page that comes back
(usually the GOV.UK error state) is checked too. All problems are collected and listed
together at the end, so one run shows everything to fix.

Submitting a form empty can never approve a break or record a payment (the decision and
the payment's fields are emptied too, so they fail validation), but the test checks that
afterwards: the crawl must leave every referral as it found it.
"""

import re
import warnings
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Page
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from coproduce.breaks import actions as breaks_actions
from coproduce.breaks.models import BreakPayment, Referral, ReferralStatus
from coproduce.browser_tests.conftest import (
    axe_violations,
    format_violations,
    page_problems,
    sign_in,
)
from coproduce.conftest import BreaksScheme, Member, make_member
from coproduce.evaluation.models import Review
from coproduce.notifications.models import Message
from coproduce.notifications.models import Status as MessageStatus
from coproduce.people import actions
from coproduce.people.models import ConsentKind, Relationship
from coproduce.people.tests.factories import CaredForFactory, CarerFactory
from coproduce.tenancy.models import Organisation, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_PAGES = 120
SKIP_PATHS = ("/sign-out/", "/django-admin/")
# Forms never submitted empty: they delete or end something. "erasure" is here because
# the admin's "Erase their information" form posts to /people/erasure-requests/<pk>/,
# which contains none of the other words.
DESTRUCTIVE = (
    "remove",
    "erase",
    "erasure",
    "delete",
    "sign-out",
    # Forms with nothing to fill in, or only optional fields, that act when sent empty:
    # publish and unpublish a brief; mark a milestone done; invite (a carer to sign in, a
    # practice to join, someone interested to join a group); withdraw an answer; move an
    # easy-read line; send a brief to carers; take an activity's register (everyone
    # unticked is "did not attend"; the people register's error state is checked in
    # test_journeys); an activity's costs, agenda and notes; an invitation's support
    # arranged and its pre-brief or de-brief given (/activities/<id>/invitations/...).
    "publish",
    "done",
    "/invite/",
    "withdrawn",
    "/move/",
    "/send/",
    "/register/",
    "/costs/",
    "/notes/",
    "/invitations/",
    # How people reach the organisation: every field is optional, so sent empty it would
    # clear them all.
    "contact-details",
    "/dealt-with/",
    # Publishing (or not) a comment waiting to be read: each form sends its decision.
    "/you-said-we-did/comments/",
)

LINKS_JS = """() => Array.from(document.querySelectorAll("a[href]"))
  .filter((a) => !a.hasAttribute("download"))
  .map((a) => a.href)"""

# POST forms worth submitting empty: [index in document.forms, the names of its fields].
FORMS_JS = """(destructive) => Array.from(document.forms).flatMap((form, index) => {
  const post = (form.getAttribute("method") || "").toLowerCase() === "post";
  const submit = form.querySelector("button:not([type]), button[type=submit], input[type=submit]");
  const file = form.querySelector("input[type=file]");
  const warning = form.querySelector(".govuk-button--warning");
  const action = (form.action || "").toLowerCase();
  const harmful = destructive.some((word) => action.includes(word));
  const names = Array.from(form.elements).map((el) => el.name).filter(Boolean).sort();
  return post && submit && !file && !warning && !harmful ? [[index, names.join(" ")]] : [];
})"""

# Empty every field the person could fill in (CSRF and other hidden inputs stay).
EMPTY_FORM_JS = """(index) => {
  for (const el of document.forms[index].elements) {
    if (el.type === "hidden" || el.type === "submit" || el.tagName === "BUTTON") continue;
    if (el.type === "checkbox" || el.type === "radio") el.checked = false;
    else if (el.tagName === "SELECT") el.selectedIndex = 0;
    else el.value = "";
  }
}"""


def reach_us_details(organisation: Organisation) -> None:
    """How to reach the organisation, so its front door and "contact us" pages show them."""
    Organisation.objects.filter(pk=organisation.pk).update(
        phone="01632 960 123",
        email="hello@riverside.example",
        postal_address="12 Mill Lane\nRiverside",
        opening_hours="Monday to Friday, 9am to 5pm",
        visit_address="12 Mill Lane",
        premises_access="Step-free entrance, hearing loop",
    )


@pytest.fixture
def community(
    org_a: Organisation,
    coordinator: Member,
    admin: Member,
    carer: Member,
    breaks: BreaksScheme,
    settings: Settings,
) -> dict[str, Member]:
    """Organisation A with its staff and carers, with enough data to fill every page:
    people cared for, consents, equality answers, an open erasure request, and the carers'
    breaks scheme it pays for, with referrals in every state."""
    settings.NOTIFY_API_KEY = ""  # messages are recorded as not sent, never sent for real
    # Margaret (the carer who signs in) cares for Bill, has given consent and answered
    # the equality questions.
    CaredForFactory(profile=carer.person.carer_profile, name="Bill")
    actions.save_consents(carer.user, carer.person, {"data_use": True, "contact": True})
    actions.save_equality(
        carer.user,
        carer.person,
        {
            "consent": True,
            "age_band": "35_49",
            "sex": "female",
            "ethnic_group": "",
            "disability": "no",
            "care_hours": "hours_20_to_49",
            "young_carer": "no",
        },
    )
    # Alice was registered by the coordinator after a phone call and cares for two people.
    alice = actions.register_carer(
        coordinator.user,
        org_a,
        {
            "full_name": "Alice Example",
            "known_as": "Al",
            "email": "alice@example.org",
            "phone": "01632 960001",
            "address": "1 High Street\nCardiff",
            "postcode": "CF10 1AA",
            "date_of_birth": None,
            "preferred_channel": "letter",
            "preferred_language": "cy",
            "consent_data_use": True,
            "consent_contact": False,
        },
    )
    CaredForFactory(profile=alice.carer_profile, name="Mum", relationship=Relationship.PARENT)
    CaredForFactory(
        profile=alice.carer_profile, name="", relationship=Relationship.CHILD, conditions=[]
    )
    # Eve has asked for her information to be deleted; the admin has not done it yet.
    eve = CarerFactory.create(organisation=org_a, full_name="Eve Leaving")
    actions.record_consent(coordinator.user, eve, ConsentKind.DATA_USE, True)
    actions.request_erasure(coordinator.user, eve, "Moving away")
    # A professional partner: a person without a carer profile, whose record is shorter.
    make_member(org_a, Role.PROFESSIONAL, "Priya Professional")
    breaks_referrals(breaks, coordinator)
    self_assessment_under_way(org_a, admin)
    reach_us_details(org_a)
    # A letter to Alice that could not be sent: on the staff home and its own page.
    Message.objects.create(
        organisation=org_a,
        person=alice,
        channel="letter",
        kind="test",
        subject="Your carer's assessment",
        body="Dear Alice,\nWe would like to talk to you.",
        recipient="1 High Street\nCardiff",
        status=MessageStatus.FAILED,
        idempotency_key="test.alice.letter",
    )
    return {"carer": carer, "coordinator": coordinator, "admin": admin, "gp": breaks.gp}


def self_assessment_under_way(organisation: Organisation, admin: Member) -> int:
    """Last year's self-assessment round, closed and published, with its action plan and
    carers' comments; this year's open, answered so far by the admin. Returns the open
    round's id."""
    from coproduce.selfassessment import actions as selfassessment
    from coproduce.selfassessment.tests.factories import carers_answer, opened, staff_answer

    last = opened(organisation, "Last spring", days_ago=365)
    staff_answer(last, [admin.user], lambda q, w: 3, comment="We try hard")
    carers_answer(last, 5, lambda q, w: (q + w) % 4 + 1, comment="Pay is slow")
    selfassessment.close_round(last)
    selfassessment.publish_results(last, True)
    selfassessment.save_plan_action(
        last,
        None,
        {"title": "Pay within ten days", "who": "Finance", "due_on": date(2030, 1, 1)},
        date.today(),
    )
    now = opened(organisation, "This spring", days_ago=7)
    staff_answer(now, [admin.user], lambda q, w: 4)
    return now.pk


ELIGIBLE = {
    "necessary_care": "yes",
    "effect_of_caring": ["health_at_risk", "recreation"],
    "significant_impact": "yes",
}


def _sent(breaks: BreaksScheme, **overrides: Any) -> Referral:
    """A complete referral from Dr Shah, sent."""
    values: dict[str, Any] = {
        "carer_date_of_birth": date(1950, 2, 3),
        "carer_address": "4 Mill Lane\nGuildford",
        "carer_postcode": "GU1 4AB",
        "preferred_channel": "letter",
        "relationship": "partner",
        "answers": ELIGIBLE,
        "break_kind": "short_break",
        "carer_consent": True,
        "wellbeing_consent": False,
        **overrides,
    }
    referral = Referral.objects.create(
        scheme=breaks.scheme, practice=breaks.practice, referred_by=breaks.gp.user, **values
    )
    return breaks_actions.submit(referral, None)


def breaks_referrals(breaks: BreaksScheme, coordinator: Member) -> None:
    """Dr Shah's referrals at Riverside Surgery, for organisation A to decide and pay:

    - Mary O'Neill, paid for a break two months ago, referred again and waiting for a
      decision (so her page warns that she was paid recently);
    - Joan Davies, approved and waiting for payment (so the payment form is shown);
    - Rhys Evans, sent by the three-minute referral, waiting for his own answers;
    - a draft, half answered (so it cannot be sent, even by submitting its check page).
    """
    earlier = _sent(breaks, carer_name="Mary O'Neill", carer_email="mary@example.org")
    breaks_actions.decide(
        earlier, coordinator.user, approve=True, amount=Decimal("300.00"), reason=""
    )
    breaks_actions.record_payment(
        earlier,
        coordinator.user,
        method="voucher",
        paid_on=date.today() - timedelta(days=60),
        reference="V-0001",
    )
    _sent(
        breaks,
        carer_name="Mary O'Neill",
        carer_email="mary@example.org",
        wellbeing_consent=True,
        answers={
            **ELIGIBLE,
            "wellbeing": {"life_satisfaction": 4, "worthwhile": 7, "happiness": 3, "anxiety": 8},
        },
    )
    joan = _sent(breaks, carer_name="Joan Davies", relationship="parent")
    # Sent by the three-minute referral: waiting for the carer to say what break they want
    _sent(breaks, carer_name="Rhys Evans", relationship="", break_kind="", wellbeing_consent=None)
    breaks_actions.decide(joan, coordinator.user, approve=True, amount=Decimal("250.00"), reason="")
    Referral.objects.create(
        scheme=breaks.scheme,
        practice=breaks.practice,
        referred_by=breaks.gp.user,
        carer_name="Sam Draft",
        carer_date_of_birth=date(1962, 7, 14),
        carer_consent=True,
        wellbeing_consent=True,
    )


@dataclass(frozen=True)
class BreaksState:
    """What the crawl must not change: every referral's state and answers, every payment."""

    referrals: dict[int, tuple[Any, ...]]
    payments: list[tuple[Any, ...]]

    @classmethod
    def now(cls) -> "BreaksState":
        rows = Referral.objects.values_list(
            "pk", "status", "amount", "carer_name", "answers", "break_kind", "decided_at"
        )
        payments = BreakPayment.objects.order_by("pk").values_list("pk", "referral_id", "amount")
        return cls(referrals={row[0]: row for row in rows}, payments=list(payments))


@dataclass
class Report:
    checked: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    # Kinds of page visited (not counting pages after an empty submission): /people/<id>/
    kinds: set[str] = field(default_factory=set)

    def audit(self, page: Page, label: str) -> None:
        self.checked.append(label)
        violations = axe_violations(page)
        if violations:
            self.failures.append(format_violations(violations, label))
        for problem in page_problems(page):
            self.failures.append(f"{label}: {problem}")


def _key(url: str) -> str:
    return urlsplit(url).path


def _wanted(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    return (
        f"{parts.scheme}://{parts.netloc}" == origin
        and not parts.path.startswith(SKIP_PATHS)
        and not parts.path.endswith("download.json")
        and "language=" not in parts.query
    )


def _template(path: str) -> str:
    """/people/12/change/details/ -> /people/<id>/change/details/"""
    return re.sub(r"/\d+(?=/)", "/<id>", path)


def _submit_forms_empty(
    page: Page, url: str, path: str, report: Report, submitted: set[tuple[str, str]]
) -> None:
    """Submit each harmless POST form on the page with nothing filled in; check the result.

    Once per form per kind of page: the error state of one person's contact details form
    is the same page as the next person's. A form is told apart by its fields, not its
    place: a referral waiting for a decision and one waiting for payment are the same kind
    of page, with a different form in the same place.
    """
    forms: list[tuple[int, str]] = page.evaluate(FORMS_JS, list(DESTRUCTIVE))
    fresh = True
    for index, names in forms:
        if (_template(path), names) in submitted:
            continue
        submitted.add((_template(path), names))
        if not fresh:  # back to a fresh copy of the page for the next form
            page.goto(url)
        fresh = False
        page.evaluate(EMPTY_FORM_JS, index)
        form = page.locator("form").nth(index)
        button = form.locator("button:not([type]), button[type=submit], input[type=submit]")
        with page.expect_navigation():
            button.first.click()
        report.audit(page, f"{path} after submitting form {index} empty -> {page.url}")


def crawl(page: Page, origin: str, report: Report, start: Sequence[str] = ("/",)) -> None:
    # Breadth-first, but a kind of page not queued before goes ahead of more of the kinds
    # already queued, so the page limit cuts repeats rather than kinds never seen.
    fresh: deque[str] = deque(f"{origin}{path}" for path in start)
    repeats: deque[str] = deque()
    kinds_queued = {_template(path) for path in start}
    seen = set(start)
    submitted: set[tuple[str, str]] = set()
    while fresh or repeats:
        url = fresh.popleft() if fresh else repeats.popleft()
        if sum(1 for c in report.checked if "submitting" not in c) >= MAX_PAGES:
            left = " ".join([*fresh, *repeats])
            warnings.warn(
                f"Crawl stopped at {MAX_PAGES} pages; not checked: {url} {left}", stacklevel=1
            )
            return
        response = page.goto(url)
        assert response is not None
        path = _key(page.url)
        seen.add(path)  # after any redirect
        report.kinds.add(_template(path))
        if response.status >= 400:
            report.failures.append(f"{url} is linked to but answers {response.status}")
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue  # a feed or a file shown in the browser: not a page to audit
        report.audit(page, f"{url} ({response.status})")
        for href in page.evaluate(LINKS_JS):
            href = href.split("#", 1)[0]
            if _wanted(href, origin) and _key(href) not in seen:
                seen.add(_key(href))
                kind = _template(_key(href))
                (repeats if kind in kinds_queued else fresh).append(href)
                kinds_queued.add(kind)
        _submit_forms_empty(page, url, path, report, submitted)


# Pages no link leads to, but that people do see: (role, path, expected status).
EXTRA_PAGES = [
    ("anonymous", "/no-such-page/", 404),
    ("carer", "/no-such-page/", 404),
    ("carer", "/people/", 403),
    ("carer", "/breaks/", 200),
    ("carer", "/welsh-to-write/", 403),
    ("coordinator", "/people/999999/", 404),
    ("coordinator", "/breaks/queue/999999/", 404),
    ("admin", "/no-such-page/", 404),
    ("gp", "/breaks/queue/", 403),
    ("gp", "/people/", 403),
]

# Kinds of page the crawl must reach from `/` by following links, per role.
SELF_ASSESSMENT = {"/self-assessment/", "/self-assessment/<id>/", "/self-assessment/<id>/answer/"}
MUST_REACH = {
    "anonymous": {"/o/org-a/"},
    "carer": SELF_ASSESSMENT,
    "coordinator": {
        "/breaks/queue/",
        "/breaks/queue/<id>/",
        "/breaks/queue/<id>/carer-answers/",
        "/messages/not-sent/",
        "/welsh-to-write/",
        *SELF_ASSESSMENT,
    },
    "admin": {
        "/breaks/queue/",
        "/breaks/queue/<id>/",
        *SELF_ASSESSMENT,
        "/self-assessment/questions/",
        "/organisation/contact-details/",
        "/api/tokens/",
        "/messages/not-sent/",
    },
    "gp": {
        "/breaks/",
        "/breaks/refer/<id>/carer/",
        "/breaks/referrals/<id>/",
        "/breaks/referrals/<id>/check/",
        "/breaks/referrals/<id>/name/",
        "/breaks/referrals/<id>/contact/",
        "/breaks/referrals/<id>/eligibility-effect_of_caring/",
        "/breaks/referrals/<id>/wellbeing/",
    },
}


@pytest.mark.parametrize("role", ["anonymous", "carer", "coordinator", "admin", "gp"])
def test_every_reachable_page_passes_axe(
    page: Page, live_server: LiveServer, community: dict[str, Member], role: str
) -> None:
    report = Report()
    before = BreaksState.now()
    if role != "anonymous":
        sign_in(page, live_server, community[role], check=False)

    crawl(page, live_server.url, report)

    missed = MUST_REACH.get(role, set()) - report.kinds
    assert not missed, f"The crawl as {role} never reached {sorted(missed)}"
    # Submitting forms empty decided, paid, sent and changed nothing. (Submitted as it is,
    # the GP's "Refer a carer" button starts a new, empty draft: that is all it may do.)
    after = BreaksState.now()
    assert after.payments == before.payments
    assert {pk: after.referrals.get(pk) for pk in before.referrals} == before.referrals
    started = [row for pk, row in after.referrals.items() if pk not in before.referrals]
    assert all(row[1] == ReferralStatus.DRAFT and not row[3] for row in started), started

    for extra_role, path, status in EXTRA_PAGES:
        if extra_role == role:
            response = page.goto(f"{live_server.url}{path}")
            assert response is not None
            assert response.status == status, f"{path} answered {response.status}, not {status}"
            report.audit(page, f"{path} ({status})")

    assert report.checked
    assert not report.failures, (
        f"{len(report.failures)} problem(s) on {len(report.checked)} pages checked as {role}:\n\n"
        + "\n\n".join(report.failures)
    )


# The evaluation pages (issue 12) of a project whose plan is under way, as the coordinator
# and as a carer in the group: each page checked, and each form's error state.
EVALUATION_PAGES = {
    "coordinator": [
        "/projects/{pk}/",
        "/projects/{pk}/evaluation/",
        "/projects/{pk}/evaluation/propose/",
        "/projects/{pk}/evaluation/put-to-group/",
        "/projects/{pk}/evaluation/ask/",
        "/projects/{pk}/review/",
        "/projects/{pk}/review/write/",
        "/projects/{pk}/review/publish/",
        "/reviews/{review}/",
        "/reviews/{review}/easy-read/",
    ],
    "carer": [
        "/projects/{pk}/",
        "/projects/{pk}/evaluation/",
        "/projects/{pk}/evaluation/propose/",
        "/projects/{pk}/review/",
        "/projects/{pk}/review/comment/",
        "/reviews/{review}/",
        "/reviews/{review}/easy-read/",
    ],
}


def _evaluation_under_way(coordinator: Member, carer: Member) -> int:
    """A project with questions proposed, with the group and agreed, one asking, one
    activity whose questions are still to ask, and its final review (published, with a
    comment from the carer)."""
    from coproduce.evaluation import actions as evaluation_actions
    from coproduce.evaluation.models import AskWhen
    from coproduce.evaluation.tests.factories import (
        EvaluationQuestionFactory,
        agreed,
        held,
    )
    from coproduce.projects.models import Stage
    from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory

    project = ProjectFactory.create(
        organisation=coordinator.organisation, coordinator=coordinator.person
    )
    ProjectMemberFactory.create(project=project, person=carer.person)
    EvaluationQuestionFactory.create(project=project, proposed_by_carer=True)
    agreed(EvaluationQuestionFactory.create(project=project, ask_when=AskWhen.AFTER_EACH_ACTIVITY))
    evaluation_actions.ask(coordinator.user, project, held(project, Stage.CONSULTING))
    held(project, Stage.CONSULTING, title="Second meeting")
    from coproduce.evaluation import review_actions
    from coproduce.evaluation.models import Agreement

    review = review_actions.save_draft(
        coordinator.user,
        project,
        {"outcomes": "The checklist is used.", "outcomes_cy": "", "easy_read": "We did it."},
    )
    review_actions.comment(review, carer.person, Agreement.NOT_YET, "Say which wards.")
    Review.objects.filter(pk=review.pk).update(published_at=timezone.now())
    return int(project.pk)


@pytest.mark.parametrize("role", ["coordinator", "carer"])
def test_the_evaluation_pages_pass_axe(
    page: Page,
    live_server: LiveServer,
    coordinator: Member,
    carer: Member,
    settings: Settings,
    role: str,
) -> None:
    settings.NOTIFY_API_KEY = ""
    pk = _evaluation_under_way(coordinator, carer)
    sign_in(page, live_server, {"coordinator": coordinator, "carer": carer}[role], check=False)
    report = Report()
    submitted: set[tuple[str, str]] = set()
    for template in EVALUATION_PAGES[role]:
        path = template.format(pk=pk, review=Review.objects.get(project_id=pk).public_id)
        url = f"{live_server.url}{path}"
        response = page.goto(url)
        assert response is not None
        assert response.status == 200, f"{path} answered {response.status}"
        report.audit(page, path)
        _submit_forms_empty(page, url, path, report, submitted)
    assert not report.failures, "\n\n".join(report.failures)


# You Said, We Did's loop (issue 14): words waiting for approval, the comment forms, the
# staff's queue and choice of words, and "did it make a difference?", each page checked at
# 320px and each form's error state.
def _loop_under_way(coordinator: Member, carer: Member) -> dict[str, str]:
    from coproduce.accountability import actions as board_actions
    from coproduce.accountability.models import BoardSettings
    from coproduce.contributions import actions as contribution_actions
    from coproduce.contributions.models import ContributionChannel, Privacy
    from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory

    project = ProjectFactory.create(
        organisation=coordinator.organisation, coordinator=coordinator.person
    )
    ProjectMemberFactory.create(project=project, person=carer.person)
    words = contribution_actions.record_contribution(
        organisation=project.organisation,
        project=project,
        channel=ContributionChannel.MEETING,
        privacy=Privacy.IDENTIFIABLE,
        text="Tom's tablets were never explained to me.",
        person=carer.person,
    )
    anonymous = contribution_actions.record_contribution(
        organisation=project.organisation,
        project=project,
        channel=ContributionChannel.SURVEY,
        privacy=Privacy.ANONYMOUS,
        text="A chart would have helped.",
        person=None,
    )
    action = board_actions.record_action(
        project,
        board_actions.Details(title="A pharmacist explains new medicines"),
        [words, anonymous],
        coordinator.user,
    )
    board_actions.choose_public(project, True, coordinator.user)
    quote = board_actions.propose_quote(action, words, words.text, coordinator.user, names=["Tom"])
    board_actions.propose_quote(
        action, anonymous, "Someone told us a medicines chart would help.", coordinator.user
    )
    board_actions.add_public_comment(action, "Will it be in Welsh too?", "Pat")
    published = board_actions.add_public_comment(action, "Good news.")
    board_actions.moderate(published, True, coordinator.user)
    board_actions.change_status(action, "done", coordinator.user)
    board = BoardSettings.objects.get(project=project).public_id
    return {
        "board": f"/you-said-we-did/{board}/",
        "public_action": f"/you-said-we-did/{board}/actions/{action.pk}/",
        "quote_link": board_actions.quote_path(quote),
        "difference": board_actions.difference_path(action, carer.person),
        "own_quote": f"/you-said-we-did/quotes/{quote.pk}/",
        "members_board": f"/projects/{project.pk}/you-said-we-did/",
        "action": f"/you-said-we-did/actions/{action.pk}/",
        "quote_form": f"/you-said-we-did/actions/{action.pk}/quote/{anonymous.pk}/",
        "moderation": "/you-said-we-did/comments/",
    }


LOOP_PAGES = {
    "anonymous": ["board", "public_action", "quote_link", "difference"],
    "carer": ["members_board", "own_quote", "action"],
    "coordinator": ["members_board", "action", "quote_form", "moderation"],
}


@pytest.mark.parametrize("role", ["anonymous", "carer", "coordinator"])
def test_the_you_said_we_did_loop_pages_pass_axe(
    page: Page,
    live_server: LiveServer,
    coordinator: Member,
    carer: Member,
    settings: Settings,
    role: str,
) -> None:
    settings.NOTIFY_API_KEY = ""
    paths = _loop_under_way(coordinator, carer)
    if role != "anonymous":
        sign_in(page, live_server, {"coordinator": coordinator, "carer": carer}[role], check=False)
    page.set_viewport_size({"width": 320, "height": 900})
    report = Report()
    submitted: set[tuple[str, str]] = set()
    for name in LOOP_PAGES[role]:
        path = paths[name]
        url = f"{live_server.url}{path}"
        response = page.goto(url)
        assert response is not None
        assert response.status == 200, f"{path} answered {response.status}"
        report.audit(page, f"{path} at 320px")
        _submit_forms_empty(page, url, path, report, submitted)
    assert not report.failures, "\n\n".join(report.failures)


# The self-assessment pages (issue 13) with a round open and one published, as each role
# that takes part: each page checked, and each form's error state.
SELF_ASSESSMENT_PAGES = {
    "admin": [
        "/self-assessment/",
        "/self-assessment/{pk}/",
        "/self-assessment/{pk}/answer/",
        "/self-assessment/{pk}/close/",
        "/self-assessment/{pk}/carers/?q=Margaret",
        "/self-assessment/{pk}/carers/{carer}/",
        "/self-assessment/{pk}/actions/add/",
        "/self-assessment/questions/",
        "/self-assessment/questions/add/",
        "/self-assessment/open/",
    ],
    "carer": ["/", "/self-assessment/", "/self-assessment/{pk}/answer/"],
}


@pytest.mark.parametrize("role", ["admin", "carer"])
def test_the_self_assessment_pages_pass_axe(
    page: Page,
    live_server: LiveServer,
    org_a: Organisation,
    admin: Member,
    carer: Member,
    settings: Settings,
    role: str,
) -> None:
    settings.NOTIFY_API_KEY = ""
    pk = self_assessment_under_way(org_a, admin)
    sign_in(page, live_server, {"admin": admin, "carer": carer}[role], check=False)
    report = Report()
    submitted: set[tuple[str, str]] = set()
    for template in SELF_ASSESSMENT_PAGES[role]:
        path = template.format(pk=pk, carer=carer.person.pk)
        url = f"{live_server.url}{path}"
        response = page.goto(url)
        assert response is not None
        assert response.status == 200, f"{path} answered {response.status}"
        report.audit(page, path)
        _submit_forms_empty(page, url, path, report, submitted)
    assert not report.failures, "\n\n".join(report.failures)


@pytest.mark.parametrize("width", [320, 1280])
def test_the_front_door_and_the_directory_pass_axe(
    page: Page, live_server: LiveServer, org_a: Organisation, admin: Member, width: int
) -> None:
    """Signed out, the directory and a front door with something in every list; then, as
    its admin, the page that changes how people reach the organisation, and its errors."""
    from coproduce.accountability.models import BoardSettings
    from coproduce.projects.tests.factories import ProjectFactory
    from coproduce.recruitment.tests.factories import EasyReadLineFactory, PublishedBriefFactory
    from coproduce.surveys.tests.factories import SurveyFactory

    reach_us_details(org_a)
    project = ProjectFactory.create(organisation=org_a, title="Carers in the front door")
    brief = PublishedBriefFactory.create(project=project, title="Help us with discharge")
    EasyReadLineFactory.create(brief=brief, text="We want to hear from you.")
    SurveyFactory.create(project=project, audience="public", title="Coming home")
    SurveyFactory.create(
        project=project, audience="public", status="closed", results_published=True
    )
    BoardSettings.objects.create(project=project, public=True)
    page.set_viewport_size({"width": width, "height": 900})
    report = Report()
    for path in ("/", f"/o/{org_a.slug}/"):
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None
        assert response.status == 200
        report.audit(page, f"{path} at {width}px")
    sign_in(page, live_server, admin, check=False)
    path = "/organisation/contact-details/"
    page.goto(f"{live_server.url}{path}")
    report.audit(page, f"{path} at {width}px")
    page.get_by_label("Email address").fill("not an address")
    page.get_by_role("button", name="Save").click()
    report.audit(page, f"{path} with an error at {width}px")


def _imports_under_way(admin: Member) -> list[str]:
    """An import done with a row to confirm and a problem, one checked and ready to
    import, and one importing: the pages of each."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from coproduce.imports import actions as import_actions
    from coproduce.imports import forms as import_forms
    from coproduce.imports import importing, rules
    from coproduce.imports.models import ImportRun, Status
    from coproduce.imports.tests.factories import csv_bytes, row

    known = CarerFactory.create(
        organisation=admin.organisation, full_name="Ann Jones", postcode="CF10 1AA"
    )
    known.date_of_birth = date(1950, 2, 3)
    known.save()

    def checked(rows: list[list[str]]) -> ImportRun:
        file = SimpleUploadedFile("carers.csv", csv_bytes(rows))
        kind, table = import_forms.file_problem(file)
        assert table is not None
        run = import_actions.upload(
            admin.user, admin.organisation, file, kind, table.headers, "Casebook",
            rules.PRESETS["spreadsheet"][1],
        )  # fmt: skip
        run = import_actions.choose_columns(admin.organisation, run, run.columns, "")
        return import_actions.check(run)

    done = checked([row(), row("C2", name="Bea Ray", born="31/02/1950")])
    ImportRun.objects.filter(pk=done.pk).update(status=Status.QUEUED)
    importing.perform(done.pk)
    ready = checked([row("C3", name="Cai Hughes", born="30/02/1960")])
    running = ImportRun.objects.create(
        organisation=admin.organisation,
        source_system="Casebook",
        file_name="running.csv",
        kind="csv",
        status=Status.RUNNING,
        total_rows=1000,
        rows_done=400,
    )
    return [
        "/imports/",
        "/imports/new/",
        f"/imports/{done.pk}/",
        f"/imports/{ready.pk}/",
        f"/imports/{ready.pk}/columns/",
        f"/imports/{running.pk}/",
    ]


def test_the_import_pages_pass_axe(
    page: Page, live_server: LiveServer, admin: Member, settings: Settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    paths = _imports_under_way(admin)
    sign_in(page, live_server, admin, check=False)
    report = Report()
    submitted: set[tuple[str, str]] = set()
    for path in paths:
        url = f"{live_server.url}{path}"
        response = page.goto(url)
        assert response is not None
        assert response.status == 200, f"{path} answered {response.status}"
        report.audit(page, path)
        if "/columns/" in path or path.endswith("/new/"):
            _submit_forms_empty(page, url, path, report, submitted)
    assert not report.failures, "\n\n".join(report.failures)
