"""The privacy promise, as a property: whatever the project, its members, the views they
gave and how privately, no page, export or feed shows

- the words of a confidential contribution to anyone but the owning organisation's
  coordinators and the person who gave it, or
- the name of someone who gave a view anonymously (to the group, or at all) to anyone not
  entitled to know it,

to any viewer: coordinator, admin, members of the group, a carer outside it, another
organisation's staff, or someone not signed in.

Every URL of the site is requested for every viewer, by GET and by POST, with the random
world's objects as arguments (a URL with an argument the test does not know fails it, as
the tenancy walker does). CSV and XLSX answers are read as spreadsheets (the words of an
XLSX are inside a zip) before they are searched. Words are checked on every page. Names
are checked on the pages that show contributions (staff legitimately see people's names
on people pages).

A positive control keeps the test honest: the coordinator must have seen every view's
words, and each giver their own, somewhere, so a site that showed nobody anything (every
page a 404) would fail.

50 random worlds in the normal run; PRIVACY_EXAMPLES=1000 for a longer one (README).
"""

import csv
import io
import os
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from openpyxl import load_workbook  # type: ignore[import-untyped]

from coproduce.accountability import actions as accountability_actions
from coproduce.accounts.models import User
from coproduce.conftest import Member, make_member, signed_in
from coproduce.contributions import actions, rules
from coproduce.contributions.models import Attachment, Contribution, ContributionChannel, Privacy
from coproduce.decisions import actions as decision_actions
from coproduce.decisions.models import PositionChannel, Proposal, Stance
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory
from coproduce.surveys import actions as survey_actions
from coproduce.surveys.models import LateAnswer, Question, Survey
from coproduce.tenancy.models import Role
from coproduce.tenancy.tests.factories import OrganisationFactory

EXAMPLES = int(os.environ.get("PRIVACY_EXAMPLES", "50"))
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Namespaces whose pages could ever show a contribution or who gave it. The others
# (people, activities, breaks, recruitment, audit, payments) never read contributions, and
# the tenancy walker covers them for other organisations' data.
CHECKED_NAMESPACES = (
    "pages:",
    "projects:",
    "contributions:",
    "surveys:",
    "decisions:",
    "accountability:",
)
SKIP_NAMESPACES = {"admin"}
# Pages whose job is to show contributions: names are checked here as well as words.
CONTRIBUTION_PAGES = ("contributions:", "accountability:", "surveys:")
# Forms listing the people a coordinator may choose from show names by design.
NAMES_BY_DESIGN = {"contributions:record", "surveys:enter"}


def named_patterns(
    entries: list[URLPattern | URLResolver], namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for entry in entries:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIP_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry.url_patterns, inner)
        elif entry.name:
            yield f"{namespace}{entry.name}", entry


@dataclass
class Given:
    """One view in the random world: who gave it (an index into the givers, or None for
    open-door feedback from nobody), how privately, and through which channel."""

    giver: int | None
    privacy: Privacy
    channel: ContributionChannel
    with_file: bool


@dataclass
class World:
    project: Project
    viewers: dict[str, User | None]
    viewer_people: dict[str, Person | None]
    givers: list[Person]
    contributions: list[Contribution] = field(default_factory=list)
    # Late survey answers: kept like contributions, checked like them.
    late: list[LateAnswer] = field(default_factory=list)
    kwargs: dict[str, object] = field(default_factory=dict)


views = st.builds(
    Given,
    giver=st.one_of(st.none(), st.integers(min_value=0, max_value=2)),
    privacy=st.sampled_from(list(Privacy)),
    channel=st.sampled_from(list(ContributionChannel)),
    with_file=st.booleans(),
)


def build_world(number_of_givers: int, given_views: list[Given]) -> World:
    organisation = OrganisationFactory.create(name="Riverside Carers", slug="riverside")
    other = OrganisationFactory.create(name="Hillside Carers", slug="hillside")
    coordinator = make_member(organisation, Role.COORDINATOR, "Cora Coordinator")
    admin = make_member(organisation, Role.ADMIN, "Adam Admin")
    member = make_member(organisation, Role.CARER, "Mona Member", email="mona@example.org")
    outsider = make_member(organisation, Role.CARER, "Otto Outsider", email="otto@example.org")
    staff_b = make_member(other, Role.COORDINATOR, "Bea Hillside")
    project = ProjectFactory.create(organisation=organisation, coordinator=coordinator.person)
    ProjectMemberFactory.create(project=project, person=member.person)
    givers = []
    for index in range(number_of_givers):
        giver = make_member(
            organisation, Role.CARER, f"Giverperson{index} Q", email=f"giver{index}@example.org"
        )
        ProjectMemberFactory.create(project=project, person=giver.person)
        givers.append(giver)
    world = World(
        project=project,
        viewers={
            "coordinator": coordinator.user,
            "admin": admin.user,
            "member": member.user,
            "outsider": outsider.user,
            "other organisation": staff_b.user,
            "public": None,
            **{f"giver {i}": g.user for i, g in enumerate(givers)},
        },
        viewer_people={
            "coordinator": coordinator.person,
            "admin": admin.person,
            "member": member.person,
            "outsider": outsider.person,
            "other organisation": staff_b.person,
            "public": None,
            **{f"giver {i}": g.person for i, g in enumerate(givers)},
        },
        givers=[g.person for g in givers],
    )
    survey, question = open_survey(project)
    answered: set[Person | None] = set()  # a person answers a survey once
    for number, view in enumerate(given_views):
        person = None
        if view.giver is not None and givers:
            person = givers[view.giver % len(givers)].person
        privacy = view.privacy if person is not None else Privacy.ANONYMOUS
        text = f"Wordsof{number}view about the ward"
        if view.channel == ContributionChannel.SURVEY and (
            person is None or person not in answered
        ):
            answered.add(person)
            response = survey_actions.start_response(survey, person, privacy)
            survey_actions.save_answers(response, [question], {question.pk: text})
            (contribution,) = survey_actions.submit(response)
        elif view.channel == ContributionChannel.OPEN_DOOR and person is not None:
            # An answer that came after the survey closed: kept, as late feedback.
            world.late.append(survey_actions.keep_late_text(survey, text, person, privacy))
            continue
        else:
            upload = (
                SimpleUploadedFile(f"Secretfile{number}.pdf", b"%PDF-1 x", "application/pdf")
                if view.with_file
                else None
            )
            contribution = actions.record_with_attachment(
                upload,
                organisation=organisation,
                project=project,
                channel=view.channel,
                privacy=privacy,
                person=person,
                text=text,
                given_on=date(2026, 11, 2),
            )
        actions.set_themes(contribution, [f"Theme{number % 2}"])
        world.contributions.append(contribution)
    proposal = anonymous_positions(project, coordinator, [g.person for g in givers])
    action = accountability_actions.record_action(
        project,
        accountability_actions.Details(title="We changed the ward"),
        world.contributions,
        coordinator.user,
    )
    for giver in givers:
        accountability_actions.add_comment(action, giver.person, "Thanks from a member")
    board = accountability_actions.choose_public(project, True, coordinator.user)
    world.kwargs = kwargs_for(world)
    world.kwargs.update(
        {
            "survey_pk": survey.pk,
            "survey_uuid": survey.public_id,
            "question_pk": question.pk,
            "response_token": uuid.uuid4(),
            "late_pk": world.late[0].pk if world.late else 0,
            "decisions_pk": proposal.pk,
            "proposal_pk": proposal.pk,
            "accountability_pk": action.pk,
            "action_pk": action.pk,
            "board_uuid": board.public_id,
        }
    )
    return world


def open_survey(project: Project) -> tuple[Survey, Question]:
    """A public survey with one free-text question, open and its results published."""
    survey = Survey.objects.create(
        project=project, title="Ward survey", audience="public", status="draft"
    )
    question = survey_actions.save_question(
        survey, {"kind": "free_text", "text": "What happened?", "required": True, "options": []}
    )
    survey_actions.open_survey(survey)
    survey_actions.publish_results(survey, [question.pk], True)
    return survey, question


def anonymous_positions(project: Project, coordinator: Member, people: list[Person]) -> Proposal:
    """An open proposal on which every giver took a position anonymous to the group."""
    proposal = decision_actions.put_proposal(
        coordinator.user,
        project,
        coordinator.person,
        decision_actions.Draft(
            title="Move the meetings",
            background="Evenings are hard",
            options="Mornings or afternoons",
            deadline=timezone.now() + timedelta(days=30),
            hide_positions_until_deadline=False,
            allow_anonymous_positions=True,
        ),
    )
    for person in people:
        decision_actions.record_position(
            coordinator.user,
            proposal,
            person,
            decision_actions.Given(
                stance=Stance.AGREE,
                comment="Agreed",
                channel=PositionChannel.ONLINE,
                anonymous_to_group=True,
            ),
        )
    return proposal


def kwargs_for(world: World) -> dict[str, object]:
    """Arguments for every URL pattern of the site, from this world's objects."""
    contribution = world.contributions[0] if world.contributions else None
    attachment = contribution.attachments.first() if contribution is not None else None
    return {
        "project_pk": world.project.pk,
        "contribution_pk": contribution.pk if contribution else 0,
        "attachment_pk": attachment.pk if attachment else 0,
        "organisation_slug": world.project.organisation.slug,
        # Arguments of pages that are not about contributions: any value will do.
        "request_pk": 0,
        "cared_for_pk": 0,
        "section": "details",
        "uidb64": "MQ",
        "token": "set-password",
        "slug": "name",
        "brief_pk": 0,
        "brief_uuid": uuid.uuid4(),
        "easy_read_line_pk": 0,
        "expression_pk": 0,
        "activity_pk": 0,
        "line_pk": 0,
        "milestone_pk": 0,
        "member_pk": 0,
        "invitation_pk": 0,
    }


def urls_for(world: World) -> Iterator[tuple[str, str]]:
    """(name, url) for every page of the site, once per contribution where a page is
    about one contribution."""
    for name, pattern in named_patterns(get_resolver().url_patterns):
        if not name.startswith(CHECKED_NAMESPACES):
            continue
        needed = list(pattern.pattern.converters)
        unknown = [k for k in needed if k not in world.kwargs and k != "pk"]
        assert not unknown, f"Teach the privacy property test {unknown} for {name}"
        if "pk" in needed and name.startswith("contributions:"):
            for contribution in world.contributions:
                files: list[Attachment | None] = list(contribution.attachments.all())
                for file in files or [None]:
                    kwargs = {**world.kwargs, "pk": contribution.pk}
                    kwargs["attachment_pk"] = file.pk if file is not None else 0
                    yield name, reverse(name, kwargs={k: kwargs[k] for k in needed})
            continue
        kwargs = {**world.kwargs, "pk": world.kwargs.get(f"{name.split(':')[0]}_pk", 0)}
        yield name, reverse(name, kwargs={k: kwargs[k] for k in needed})


def marker(text: str) -> str:
    """The words that identify one view, however a page quotes it."""
    found = re.search(r"Wordsof\d+view", text)
    assert found is not None, text
    return found.group(0)


def viewer_of(world: World, who: str) -> rules.Viewer:
    user = world.viewers[who]
    person = world.viewer_people[who]
    if user is None or person is None:
        return rules.PUBLIC
    membership = user.memberships.get()
    return rules.Viewer(
        organisation_id=membership.organisation_id, role=membership.role, person_id=person.pk
    )


# The promise, written out again here rather than taken from contributions.rules, so that
# a mistake in the rules is caught as well as a page that forgets them.
def may_read(who: str, privacy: str, giver: Person | None, world: World) -> bool:
    if privacy != Privacy.CONFIDENTIAL:
        return True
    return who == "coordinator" or (giver is not None and world.viewer_people[who] == giver)


def may_name(who: str, privacy: str, giver: Person | None, world: World) -> bool:
    if giver is None or privacy == Privacy.ANONYMOUS:
        return False
    if world.viewer_people[who] == giver or who == "coordinator":
        return True
    if privacy == Privacy.IDENTIFIABLE:
        return who in {"admin", "member"} or who.startswith("giver")
    if privacy == Privacy.ANONYMOUS_TO_GROUP:
        return who == "admin"
    return False


SPREADSHEETS_READ: Counter[str] = Counter()


def text_of(response: HttpResponseBase) -> str:
    """What a person would read in the answer: a page as HTML, a spreadsheet's cells."""
    content = (
        b"".join(response.streaming_content)  # type: ignore[attr-defined]
        if response.streaming
        else response.content  # type: ignore[attr-defined]
    )
    kind = response.get("Content-Type", "")
    if kind.startswith("text/csv"):
        SPREADSHEETS_READ["csv"] += 1
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig")))
        return "\n".join("\t".join(row) for row in rows)
    if kind.startswith(XLSX):
        SPREADSHEETS_READ["xlsx"] += 1
        book = load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(
            "\t".join("" if cell is None else str(cell) for cell in row)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    return str(content.decode(errors="replace"))


def must_have_seen(world: World, who: str) -> set[str]:
    """The positive control: words this viewer must have read somewhere on the site. The
    coordinator reads every view; a giver reads their own."""
    person = world.viewer_people[who]
    if who == "coordinator":
        return {marker(c.text) for c in world.contributions} | {
            marker(late.text) for late in world.late
        }
    if who.startswith("giver"):
        return {marker(c.text) for c in world.contributions if c.person == person}
    return set()


def check_page(world: World, who: str, name: str, body: str) -> None:
    for contribution in world.contributions:
        if not may_read(who, contribution.privacy, contribution.person, world):
            assert marker(contribution.text) not in body, (
                f"{who} saw confidential words on {name}: {contribution.text!r}"
            )
            for file in contribution.attachments.all():
                assert file.name not in body, f"{who} saw a confidential file name on {name}"
    for late in world.late:
        if not may_read(who, late.privacy, late.person, world):
            assert marker(late.text) not in body, f"{who} saw confidential late words on {name}"
    if name.startswith("decisions:") and who not in {"coordinator", "admin"}:
        # Every giver's position is anonymous to the group and nobody's deadline passed.
        for giver in world.givers:
            if world.viewer_people[who] != giver:
                assert giver.full_name not in body, (
                    f"{who} saw {giver.full_name}'s anonymous position on {name}"
                )
    if not name.startswith(CONTRIBUTION_PAGES) or name in NAMES_BY_DESIGN:
        return
    if who == "coordinator":
        return  # the owning organisation's coordinator may know who said anything
    given = [(c.privacy, c.person) for c in world.contributions]
    given += [(late.privacy, late.person) for late in world.late]
    for giver in world.givers:
        if any(
            may_name(who, privacy, person, world) for privacy, person in given if person == giver
        ):
            continue  # the viewer may know this person said something
        assert giver.full_name not in body, (
            f"{who} saw the name of {giver.full_name}, who gave views they may not link, on {name}"
        )


def walk(world: World, who: str, pages: list[tuple[str, str]]) -> int:
    """Request every page as `who`, by GET and then by POST (a POST may change what a
    page shows), check each answer, and check the positive control. Returns the number
    of requests made."""
    user = world.viewers[who]
    client = Client() if user is None else signed_in(Client(), user)
    words = [marker(c.text) for c in world.contributions] + [marker(a.text) for a in world.late]
    seen: set[str] = set()
    for method in ("get", "post"):
        for name, url in pages:
            body = text_of(getattr(client, method)(url))
            try:
                check_page(world, who, name, body)
            except AssertionError as leak:
                raise AssertionError(f"{method.upper()} {url}: {leak}") from leak
            seen.update(word for word in words if word in body)
    missing = must_have_seen(world, who) - seen
    assert not missing, f"{who} never saw the words {sorted(missing)} they may read"
    return 2 * len(pages)


# Who looks at the world, in each random example (a giver beyond the world's number of
# givers is one of those there are).
VIEWERS = [
    "coordinator",
    "admin",
    "member",
    "outsider",
    "other organisation",
    "public",
    "giver 0",
    "giver 1",
    "giver 2",
]


def as_viewer(world: World, who: str) -> str:
    if who.startswith("giver"):
        return f"giver {int(who.split()[1]) % len(world.givers)}"
    return who


class PrivacyProperty(TestCase):
    def test_every_viewer_of_a_world_with_every_route(self) -> None:
        """One world with views through every route and at every privacy, walked by
        every viewer: one person's survey answers given twice (a person answers a survey
        once), confidential words with files, by letter, and a late answer."""
        world = build_world(
            2,
            [
                Given(0, Privacy.CONFIDENTIAL, ContributionChannel.SURVEY, False),
                Given(0, Privacy.IDENTIFIABLE, ContributionChannel.SURVEY, False),
                Given(1, Privacy.ANONYMOUS_TO_GROUP, ContributionChannel.PHONE, True),
                Given(1, Privacy.CONFIDENTIAL, ContributionChannel.LETTER, True),
                Given(0, Privacy.CONFIDENTIAL, ContributionChannel.OPEN_DOOR, False),
                Given(None, Privacy.ANONYMOUS, ContributionChannel.OPEN_DOOR, True),
                Given(1, Privacy.ANONYMOUS, ContributionChannel.WEB, False),
            ],
        )
        pages = list(urls_for(world))
        SPREADSHEETS_READ.clear()
        requests = sum(walk(world, who, pages) for who in world.viewers)
        assert requests > 1000
        # The coordinator's survey results came as CSV and XLSX, and were read as such.
        assert SPREADSHEETS_READ["csv"] >= 1
        assert SPREADSHEETS_READ["xlsx"] >= 1

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        number_of_givers=st.integers(min_value=1, max_value=3),
        given_views=st.lists(views, min_size=1, max_size=6),
        viewer=st.sampled_from(VIEWERS),
    )
    def test_no_page_leaks_a_name_or_confidential_words(
        self, number_of_givers: int, given_views: list[Given], viewer: str
    ) -> None:
        """A random world, walked by one of its viewers (all of them in turn would make
        each example nine times slower; across the examples each viewer has its turn)."""
        world = build_world(number_of_givers, given_views)
        walk(world, as_viewer(world, viewer), list(urls_for(world)))
