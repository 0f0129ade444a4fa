"""Walk every URL pattern of the project as members of organisation A, pointing each at
organisation B's objects, and fail if any page answers with B's data.

New URLs are covered automatically. A URL with an argument the walker does not know
fails the test until the walker is taught which of B's objects to use for it.

Every POST pointed at B's objects, and every POST refused anywhere, must change no row
of any table: the walker takes a checksum of the whole database before and after each.
"""

import hashlib
from collections.abc import Iterator
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from coproduce.activities.models import AgendaItem, AgendaStatus, Invitation
from coproduce.activities.tests.factories import ActivityFactory
from coproduce.breaks.models import Referral, ReferralStatus
from coproduce.breaks.tests.factories import PracticeFactory, SchemeFactory
from coproduce.conftest import Member, signed_in
from coproduce.contributions.models import Attachment
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.decisions.tests.factories import PositionFactory
from coproduce.people import actions
from coproduce.people.models import CaredFor, ErasureRequest
from coproduce.people.tests.factories import CaredForFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import (
    BudgetLineFactory,
    MilestoneFactory,
    ProjectFactory,
    ProjectMemberFactory,
)
from coproduce.recruitment.models import Brief, EasyReadLine, ExpressionOfInterest

SKIP_NAMESPACES = {"admin"}  # the Django admin is for platform operators (is_staff); see test_admin
# Arguments that point a URL at one of B's objects.
B_ARGUMENTS = {
    "pk",
    "request_pk",
    "project_pk",
    "brief_pk",
    "brief_uuid",
    "expression_pk",
    "invitation_pk",
    "item_pk",
    "attachment_pk",
    "claim_pk",
    "claim_line_pk",
    "person_pk",
    "survey_pk",
    "survey_uuid",
    "late_pk",
    "response_token",
    "board_uuid",
    "round_pk",
    "assessment_question_pk",
    "plan_action_pk",
    "review_uuid",
    "match_pk",
    "message_pk",
}
# The signed-out home lists every organisation's name, linking to its front door: a name
# is all it shows of B (its front door is checked at org-a, like open-door feedback).
PUBLIC_BY_DESIGN = {("anonymous", "pages:home", "Hillside")}
# 401: an API call (coproduce/api) without a token; the walker's clients send none.
REFUSED = {302, 401, 403, 404, 405}


def tables() -> list[str]:
    """Every table of every model (many-to-many tables included)."""
    return sorted(
        {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
        & set(connection.introspection.table_names())
    )


def checksums(names: list[str]) -> dict[str, str]:
    """Each table's rows (every column), as a checksum: any insert, update or delete of
    any row changes its table's."""
    result = {}
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(name)}")
            rows = sorted(repr(row) for row in cursor.fetchall())
            result[name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return result


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return [name for name in before if before[name] != after[name]]


def named_patterns(
    resolvers: list[URLPattern | URLResolver], namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIP_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry.url_patterns, inner)
        elif entry.name:
            yield f"{namespace}{entry.name}", entry


@pytest.fixture
def b_project(staff_b: Member, carer_b: Member) -> Project:
    """A project of organisation B with B's carer in its group."""
    project: Project = ProjectFactory.create(
        organisation=staff_b.organisation,
        coordinator=staff_b.person,
        title="Zebedee-B project",
        aims="Zebedee-B aims",
    )
    ProjectMemberFactory.create(project=project, person=carer_b.person)
    return project


def b_recruitment(b_project: Project, carer_b: Member) -> dict[str, object]:
    """A draft brief of B's (so its public pages must 404 too), a line of its easy-read
    version, and B's carer's answer to it."""
    brief = Brief.objects.create(
        project=b_project,
        title="Zebedee-B brief",
        work="Zebedee-B work",
        time_commitment="2 hours",
        where_and_how="Hillside",
        who_for="Carers",
        opens_on=date(2026, 1, 1),
        closes_on=date(2099, 1, 1),
    )
    line = EasyReadLine.objects.create(brief=brief, position=1, text="Zebedee-B line")
    expression = ExpressionOfInterest.objects.create(
        brief=brief,
        person=carer_b.person,
        why="Zebedee-B why",
        preferred_channel="email",
        received_at=timezone.now(),
    )
    return {
        "brief_pk": brief.pk,
        "brief_uuid": brief.public_id,
        "easy_read_line_pk": line.pk,
        "expression_pk": expression.pk,
    }


def b_invitation(b_project: Project, carer_b: Member) -> int:
    """B's carer invited to B's meeting (made just before this, in b_objects)."""
    activity = b_project.activities.get()
    return Invitation.objects.create(activity=activity, person=carer_b.person).pk


def b_contributions(b_project: Project, carer_b: Member) -> dict[str, object]:
    """B's carer's view on B's project, with a file. Open-door feedback pages are public
    for every organisation by design, so the walker points those at organisation A."""
    contribution = ContributionFactory.create(
        project=b_project, person=carer_b.person, text="Zebedee-B view"
    )
    attachment = Attachment.objects.create(
        contribution=contribution, file="b.pdf", name="Zebedee-B.pdf", content_type="", size=1
    )
    return {
        "contribution_pk": contribution.pk,
        "attachment_pk": attachment.pk,
        "organisation_slug": "org-a",
        # A's open data (public by design, like its front door): none of B's rows count.
        "key": "actions",
    }


def b_proposal(b_project: Project, carer_b: Member) -> int:
    """A proposal to B's group with B's carer's position on it."""
    position = PositionFactory.create(
        proposal__project=b_project,
        proposal__title="Zebedee-B proposal",
        person=carer_b.person,
        comment="Zebedee-B comment",
    )
    return position.proposal_id


def b_payments(b_project: Project, carer_b: Member) -> dict[str, object]:
    """A claim of B's carer with one line, for B's meeting (made just before this)."""
    from coproduce.payments.models import Claim, Line

    claim = Claim.objects.create(
        organisation=b_project.organisation, project=b_project, person=carer_b.person
    )
    line = Line.objects.create(
        claim=claim,
        person=carer_b.person,
        activity=b_project.activities.get(),
        kind="travel",
        description="Zebedee-B taxi",
    )
    return {
        "claim_pk": claim.pk,
        "claim_line_pk": line.pk,
        "person_pk": carer_b.person.pk,
        "year": 2026,
    }


def b_surveys(b_project: Project, carer_b: Member) -> dict[str, object]:
    """A draft public survey of B's (so its public pages must 404 to everyone), with a
    question, B's carer's saved answers and late feedback."""
    from coproduce.surveys.models import LateAnswer, Question, Response, Survey

    survey = Survey.objects.create(
        project=b_project, title="Zebedee-B survey", audience="public", status="draft"
    )
    question = Question.objects.create(
        survey=survey, position=1, kind="free_text", text="Zebedee-B question"
    )
    response = Response.objects.create(survey=survey, person=carer_b.person, privacy="identifiable")
    late = LateAnswer.objects.create(
        survey=survey, person=carer_b.person, privacy="identifiable", text="Zebedee-B late"
    )
    return {
        "survey_pk": survey.pk,
        "survey_uuid": survey.public_id,
        "question_pk": question.pk,
        "response_token": response.token,
        "late_pk": late.pk,
    }


def b_message(carer_b: Member) -> int:
    """A message to B's carer that could not be sent."""
    from coproduce.notifications.models import Message, Status

    message = Message.objects.create(
        organisation=carer_b.organisation,
        person=carer_b.person,
        channel="email",
        kind="test",
        subject="Zebedee-B subject",
        body="Zebedee-B body",
        recipient=carer_b.person.email,
        status=Status.FAILED,
        idempotency_key="test.zebedee-b",
    )
    return message.pk


def b_accountability(b_project: Project) -> dict[str, object]:
    """An action of B's answering B's contribution (made just before this), with a
    comment, on a board B has not made public (so its public pages must 404 too)."""
    from coproduce.accountability.models import Action, BoardSettings, Comment

    action = Action.objects.create(project=b_project, title="Zebedee-B action")
    action.contributions.set(b_project.contributions.all())
    Comment.objects.create(
        action=action, person=b_project.members.get().person, text="Zebedee-B remark"
    )
    board = BoardSettings.objects.create(project=b_project, public=False)
    return {"action_pk": action.pk, "board_uuid": board.public_id}


def b_selfassessment(staff_b: Member, carer_b: Member) -> dict[str, object]:
    """B's open self-assessment round, B's carer's answer with a comment, B's own statements
    and an action of B's plan."""
    from coproduce.selfassessment import actions as selfassessment
    from coproduce.selfassessment.models import PlanAction, Question, Side

    round_ = selfassessment.open_round(staff_b.organisation, "Zebedee-B round")
    question = Question.objects.filter(organisation=staff_b.organisation).first()
    assert question is not None
    selfassessment.answer(
        round_,
        Side.CARERS,
        {question: selfassessment.Given(2, "Zebedee-B self-assessment comment")},
        person=carer_b.person,
    )
    action = PlanAction.objects.create(
        round=round_, title="Zebedee-B plan action", who="Zebedee-B", due_on=date(2030, 1, 1)
    )
    return {
        "round_pk": round_.pk,
        "assessment_question_pk": question.pk,
        "plan_action_pk": action.pk,
    }


def b_review(b_project: Project, carer_b: Member) -> dict[str, object]:
    """B's final review, still a draft (so its public pages must 404 too), with B's carer's
    comment on it."""
    from coproduce.evaluation.models import Review, ReviewComment

    review = Review.objects.create(
        project=b_project, outcomes="Zebedee-B outcomes", updated_at=timezone.now()
    )
    ReviewComment.objects.create(
        review=review,
        person=carer_b.person,
        agreement="agree",
        text="Zebedee-B review comment",
        version=1,
        given_at=timezone.now(),
    )
    return {"review_uuid": review.public_id}


def b_agenda(b_project: Project, carer_b: Member) -> dict[str, object]:
    """B's activity, with Bob's suggestion for its agenda waiting for B's staff."""
    activity = ActivityFactory.create(project=b_project, title="Zebedee-B meeting")
    item = AgendaItem.objects.create(
        activity=activity,
        title="Zebedee-B item",
        status=AgendaStatus.SUGGESTED,
        suggested_by=carer_b.person,
    )
    return {"activity_pk": activity.pk, "item_pk": item.pk}


def b_imports(staff_b: Member, carer_b: Member) -> dict[str, object]:
    """An import of B's, checked and not started, with a row waiting to be confirmed."""
    from coproduce.imports.models import ImportRun, PossibleMatch

    run = ImportRun.objects.create(
        organisation=staff_b.organisation,
        source_system="Zebedee-B system",
        file_name="Zebedee-B.csv",
        kind="csv",
        status="checked",
    )
    match = PossibleMatch.objects.create(
        run=run, row_number=2, person=carer_b.person, row={"full_name": "Zebedee-B row"}
    )
    return {"import_pk": run.pk, "match_pk": match.pk}


def b_api_token(staff_b: Member) -> int:
    """An API token of B's (its revoke page must 404 to A's admin)."""
    from coproduce.api.models import ApiToken
    from coproduce.api.tests.factories import token_text

    token_text(staff_b.organisation)
    return ApiToken.objects.get(organisation=staff_b.organisation).pk


@pytest.fixture
def b_objects(staff_b: Member, carer_b: Member, b_project: Project) -> dict[str, object]:
    cared_for: CaredFor = CaredForFactory.create(
        profile=carer_b.person.carer_profile, name="Bartholomew-B"
    )
    erasure: ErasureRequest = actions.request_erasure(carer_b.user, carer_b.person, "B's reason")
    return {
        "pk": carer_b.person.pk,
        "cared_for_pk": cared_for.pk,
        "request_pk": erasure.pk,
        "section": "details",
        # A genuine link for B's carer: the page must still show none of B's data.
        "uidb64": urlsafe_base64_encode(force_bytes(carer_b.user.pk)),
        "token": default_token_generator.make_token(carer_b.user),
        "slug": "name",
        # A page of the GP's referral; `practice` is B's practice (see arguments_for).
        "page": "carer",
        "practice": 0,
        "project_pk": b_project.pk,
        **b_recruitment(b_project, carer_b),
        **b_agenda(b_project, carer_b),
        "line_pk": BudgetLineFactory.create(project=b_project).pk,
        "milestone_pk": MilestoneFactory.create(project=b_project).pk,
        "member_pk": b_project.members.get().pk,
        "invitation_pk": b_invitation(b_project, carer_b),
        "proposal_pk": b_proposal(b_project, carer_b),
        **b_payments(b_project, carer_b),
        **b_contributions(b_project, carer_b),
        **b_surveys(b_project, carer_b),
        **b_accountability(b_project),
        **b_selfassessment(staff_b, carer_b),
        **b_review(b_project, carer_b),
        **b_imports(staff_b, carer_b),
        "api_token_pk": b_api_token(staff_b),
        "message_pk": b_message(carer_b),
    }


@pytest.fixture
def b_referral(staff_b: Member, carer_b: Member) -> Referral:
    """A sent break referral of organisation B's scheme, for Bob."""
    scheme = SchemeFactory.create(payment_organisation=staff_b.organisation)
    practice = PracticeFactory.create(scheme=scheme)
    return Referral.objects.create(
        scheme=scheme,
        practice=practice,
        carer_name=carer_b.person.full_name,
        carer_email=carer_b.person.email,
        status=ReferralStatus.SUBMITTED,
        person=carer_b.person,
    )


def arguments_for(
    name: str, b_objects: dict[str, object], b_referral: Referral
) -> dict[str, object]:
    """`pk` means a referral under breaks:, a project under projects:, an activity under
    activities:, a person elsewhere."""
    if name.startswith("breaks:"):
        return {**b_objects, "pk": b_referral.pk, "practice": b_referral.practice_id}
    if name.startswith("projects:"):
        return {**b_objects, "pk": b_objects["project_pk"]}
    if name.startswith("activities:"):
        return {**b_objects, "pk": b_objects["activity_pk"]}
    if name.startswith("contributions:"):
        return {**b_objects, "pk": b_objects["contribution_pk"]}
    if name.startswith("decisions:"):
        return {**b_objects, "pk": b_objects["proposal_pk"]}
    if name.startswith("accountability:"):
        return {**b_objects, "pk": b_objects["action_pk"]}
    if name.startswith("imports:"):
        return {**b_objects, "pk": b_objects["import_pk"]}
    if name.startswith("api:"):
        return {**b_objects, "pk": b_objects["api_token_pk"]}
    return b_objects


def b_markers(carer_b: Member) -> list[str]:
    return [
        carer_b.person.full_name,
        carer_b.person.email,
        "Bartholomew-B",
        "B&#x27;s reason",
        "Zebedee-B",
        "Hillside",
    ]


def test_no_url_shows_organisation_b_data_to_organisation_a(
    coordinator: Member,
    admin: Member,
    carer: Member,
    professional: Member,
    carer_b: Member,
    b_objects: dict[str, object],
    b_referral: Referral,
) -> None:
    users = {
        "anonymous": None,
        "coordinator": coordinator.user,
        "admin": admin.user,
        "carer": carer.user,
    }
    checked = 0
    names = tables()
    assert len(names) > 50
    posts_checked = 0
    for name, pattern in named_patterns(get_resolver().url_patterns):
        kwargs_needed = list(pattern.pattern.converters)
        unknown = [k for k in kwargs_needed if k not in b_objects]
        assert not unknown, (
            f"Teach the tenancy walker which of B's objects to use for {unknown} in {name}"
        )
        arguments = arguments_for(name, b_objects, b_referral)
        url = reverse(name, kwargs={k: arguments[k] for k in kwargs_needed})
        for who, user in users.items():
            for method in ("get", "post"):
                # A fresh, signed-in client each time: a sign-out URL must not hide the rest.
                client = Client() if user is None else signed_in(Client(), user)
                before = checksums(names) if method == "post" else {}
                response = getattr(client, method)(url)
                body = response.content.decode(errors="replace")
                leaked = [
                    marker
                    for marker in b_markers(carer_b)
                    if marker in body and (who, name, marker) not in PUBLIC_BY_DESIGN
                ]
                assert not leaked, f"{who} {method.upper()} {url} showed B's data: {leaked}"
                at_b = bool(B_ARGUMENTS & set(kwargs_needed))
                if at_b:
                    assert response.status_code in REFUSED, (
                        f"{who} {method.upper()} {url} answered {response.status_code} for B's object"
                    )
                if method == "post" and (at_b or response.status_code in {401, 403, 404, 405}):
                    writes = changed(before, checksums(names))
                    assert not writes, (
                        f"{who} POST {url} was refused ({response.status_code}) "
                        f"but changed rows in {writes}"
                    )
                    posts_checked += 1
                checked += 1
    assert checked > 40
    assert posts_checked > 100
    # B's records are untouched by all of that.
    carer_b.person.refresh_from_db()
    assert carer_b.person.erased_at is None
    assert CaredFor.objects.filter(name="Bartholomew-B").exists()
    assert ErasureRequest.objects.filter(completed_at=None, person=carer_b.person).exists()
    b_referral.refresh_from_db()
    assert b_referral.status == ReferralStatus.SUBMITTED


def test_walker_sees_the_people_pages(db: None) -> None:
    names = {name for name, _ in named_patterns(get_resolver().url_patterns)}
    assert {"people:person", "people:you", "people:list", "audit:list"} <= names
