"""The final review: staff write it, the group comments and agrees, staff publish it at the
Review stage; published, anyone reads it (web, easy read, tagged PDF) and it is sent once to
everyone it concerns, in their language."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from coproduce.activities.tests.factories import ActivityFactory
from coproduce.conftest import Member
from coproduce.contributions.models import Privacy
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.evaluation import review_actions, rules
from coproduce.evaluation.costs import costs_of
from coproduce.evaluation.models import Agreement, Review, ReviewComment
from coproduce.lib.tests.test_pdf import readable
from coproduce.notifications.models import Message
from coproduce.payments.models import Claim, Line, LineKind, Status
from coproduce.payments.models import Method as PaymentMethod
from coproduce.people.personal_data import REMOVED
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import BudgetKind, Project, Stage
from coproduce.projects.tests.factories import BudgetLineFactory, ProjectMemberFactory

pytestmark = pytest.mark.django_db

WRITTEN = {
    "outcomes": "The checklist is used on two wards.\n\nCarers are phoned before discharge.",
    "outcomes_cy": "Mae'r rhestr wirio yn cael ei defnyddio ar ddwy ward.",
    "changed_for_carers": "Carers are told two days before their person comes home.",
    "learnt_by_carers": "How the ward decides when someone goes home.",
    "recommendations": "Use the checklist on every ward.",
    "next_time": "Start with the wards' discharge coordinators.",
    "easy_read": "We made a checklist.\nCarers get a phone call before discharge.",
    "easy_read_cy": "Gwnaethom restr wirio.",
}


def url(name: str, project: Project) -> str:
    return reverse(f"evaluation:{name}", args=[project.pk])


def written(coordinator: Member, project: Project, **changes: str) -> Review:
    return review_actions.save_draft(coordinator.user, project, {**WRITTEN, **changes})


def at_review(project: Project) -> Project:
    Project.objects.filter(pk=project.pk).update(stage=Stage.REVIEW)
    project.stage = Stage.REVIEW
    return project


def public_url(name: str, review: Review) -> str:
    return reverse(f"evaluation:{name}", kwargs={"review_uuid": review.public_id})


# --- Rules ----------------------------------------------------------------------------------


@pytest.mark.parametrize("stage", [s for s in Stage if s != Stage.REVIEW])
def test_publishing_is_refused_outside_the_review_stage(stage: str) -> None:
    assert rules.publish_problem(stage) is not None


def test_publishing_is_allowed_at_the_review_stage() -> None:
    assert rules.publish_problem(Stage.REVIEW) is None


def test_welsh_readers_get_the_welsh_or_a_notice_that_it_is_missing() -> None:
    review = Review(outcomes="Done", outcomes_cy="Wedi'i wneud", recommendations="More")
    assert rules.shown(review, "outcomes", "cy") == rules.Shown("Wedi'i wneud", "cy", False)
    assert rules.shown(review, "recommendations", "cy") == rules.Shown("More", "en", True)
    assert rules.shown(review, "outcomes", "en") == rules.Shown("Done", "en", False)
    assert rules.shown(review, "next_time", "cy").welsh_missing is False  # nothing to show


def test_agreement_counts_each_members_latest_say_on_the_current_draft() -> None:
    latest = {1: ("agree", 2), 2: ("not_yet", 2), 3: ("agree", 1), 9: ("agree", 2)}
    agreed = rules.agreement_of(latest, {1, 2, 3, 4}, version=2)
    assert (agreed.agree, agreed.not_yet, agreed.silent) == (1, 1, 2)


# --- Writing, commenting, publishing: who may ------------------------------------------------


def test_the_coordinator_writes_the_review_and_each_change_is_a_new_draft(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(url("review-draft", project), WRITTEN)
    assert response.status_code == 302
    review = Review.objects.get(project=project)
    assert (review.version, review.outcomes_cy) == (1, WRITTEN["outcomes_cy"])

    coordinator_client.post(url("review-draft", project), {**WRITTEN, "next_time": "Sooner."})
    review.refresh_from_db()
    assert (review.version, review.next_time) == (2, "Sooner.")


def test_a_review_without_outcomes_is_shown_again_with_what_was_typed(
    coordinator_client: Client, project: Project
) -> None:
    response = coordinator_client.post(
        url("review-draft", project), {"outcomes": "", "recommendations": "Keep it going"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Enter the outcomes against the project" in body
    assert "Keep it going" in body
    assert not Review.objects.exists()


@pytest.mark.parametrize("who", ["carer_client", "staff_b_client", "professional_client"])
def test_only_the_projects_staff_write_the_review(
    request: pytest.FixtureRequest, who: str, project: Project
) -> None:
    client: Client = request.getfixturevalue(who)
    response = client.post(url("review-draft", project), WRITTEN)
    assert response.status_code in {403, 404}
    assert not Review.objects.exists()


def test_signed_out_people_are_sent_to_sign_in_and_see_no_draft(
    client: Client, coordinator: Member, project: Project
) -> None:
    written(coordinator, project)
    for name in ("review", "review-draft", "review-comment", "review-publish"):
        response = client.get(url(name, project))
        assert response.status_code == 302
        assert "/sign-in" in response["Location"] or "login" in response["Location"]


def test_another_organisations_staff_cannot_read_the_draft(
    staff_b_client: Client, coordinator: Member, project: Project
) -> None:
    written(coordinator, project)
    assert staff_b_client.get(url("review", project)).status_code == 404
    assert staff_b_client.post(url("review-publish", project)).status_code == 404


def test_a_carer_in_the_group_reads_the_draft_comments_and_agrees(
    carer_client: Client, carer: Member, coordinator: Member, project: Project
) -> None:
    written(coordinator, project)
    body = carer_client.get(url("review", project)).content.decode()
    assert "Carers are told two days before" in body
    assert url("review-draft", project) not in body

    response = carer_client.post(
        url("review-comment", project), {"agreement": "agree", "text": "Say which wards."}
    )

    assert response.status_code == 302
    said = ReviewComment.objects.get()
    assert (said.person, said.agreement, said.version) == (carer.person, Agreement.AGREE, 1)


def test_staff_see_the_comments_and_who_agrees(
    coordinator_client: Client, carer: Member, coordinator: Member, project: Project
) -> None:
    review = written(coordinator, project)
    review_actions.comment(review, carer.person, Agreement.NOT_YET, "Say which wards.")
    body = coordinator_client.get(url("review", project)).content.decode()
    assert "Say which wards." in body
    assert carer.person.full_name in body
    assert "0 agree, 1 say not yet, 0 have not said" in body


def test_staff_do_not_comment_and_people_outside_the_group_cannot(
    coordinator_client: Client, professional_client: Client, coordinator: Member, project: Project
) -> None:
    written(coordinator, project)
    data = {"agreement": "agree", "text": ""}
    assert coordinator_client.post(url("review-comment", project), data).status_code == 403
    assert professional_client.post(url("review-comment", project), data).status_code == 404
    assert not ReviewComment.objects.exists()


def test_a_comment_needs_an_answer_on_agreement(
    carer_client: Client, coordinator: Member, project: Project
) -> None:
    written(coordinator, project)
    response = carer_client.post(url("review-comment", project), {"text": "Hmm"})
    assert response.status_code == 400
    assert "Select whether you agree with this draft" in response.content.decode()


def test_publishing_is_refused_before_the_project_reaches_review(
    coordinator_client: Client, coordinator: Member, project: Project
) -> None:
    review = written(coordinator, project)
    response = coordinator_client.post(url("review-publish", project))
    assert response.status_code == 400
    assert "only when the project is at the Review stage" in response.content.decode()
    review.refresh_from_db()
    assert review.published_at is None
    assert not Message.objects.exists()
    with pytest.raises(review_actions.NotPublishable):
        review_actions.publish(coordinator.user, project)


def test_a_carer_cannot_publish(
    carer_client: Client, coordinator: Member, project: Project
) -> None:
    written(coordinator, at_review(project))
    assert carer_client.post(url("review-publish", project)).status_code == 403


# --- The cascade ----------------------------------------------------------------------------


def test_publishing_sends_it_once_to_each_reachable_person_in_their_language(
    coordinator_client: Client, coordinator: Member, carer: Member, project: Project
) -> None:
    welsh = CarerFactory.create(organisation=project.organisation, preferred_language="cy")
    ProjectMemberFactory.create(project=project, person=welsh)
    contributor = CarerFactory.create(organisation=project.organisation)
    ContributionFactory.create(project=project, person=contributor)
    ContributionFactory.create(project=project, person=contributor)  # told once all the same
    ContributionFactory.create(project=project, person=None, privacy=Privacy.ANONYMOUS)
    erased = CarerFactory.create(organisation=project.organisation, erased_at=timezone.now())
    ContributionFactory.create(project=project, person=erased)
    review = written(coordinator, at_review(project))

    response = coordinator_client.post(url("review-publish", project))

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.published_at is not None
    told = Message.objects.filter(kind=review_actions.KIND)
    assert {m.person_id for m in told} == {carer.person.pk, welsh.pk, contributor.pk}
    assert told.count() == 3
    to_welsh = told.get(person=welsh)
    assert "Beth ddysgon ni" in to_welsh.subject
    assert str(review.public_id) in to_welsh.body
    assert "What we learnt" in told.get(person=carer.person).subject
    assert carer.person.full_name not in told.get(person=contributor).body

    # Published again after a correction: nobody is sent it twice.
    written(coordinator, project, next_time="Start sooner.")
    coordinator_client.post(url("review-publish", project))
    assert Message.objects.filter(kind=review_actions.KIND).count() == 3


def test_a_member_who_joined_since_is_sent_it_when_published_again(
    coordinator: Member, project: Project
) -> None:
    written(coordinator, at_review(project))
    review_actions.publish(coordinator.user, project)
    newcomer = CarerFactory.create(organisation=project.organisation)
    ProjectMemberFactory.create(project=project, person=newcomer)
    review_actions.publish(coordinator.user, project)
    assert Message.objects.filter(kind=review_actions.KIND).count() == 2
    assert Message.objects.filter(kind=review_actions.KIND, person=newcomer).count() == 1


# --- Published: anyone ----------------------------------------------------------------------


def published(coordinator: Member, project: Project) -> Review:
    review = written(coordinator, at_review(project))
    review_actions.publish(coordinator.user, project)
    review.refresh_from_db()
    return review


def test_the_public_page_and_easy_read_need_no_sign_in_and_name_no_one(
    client: Client, coordinator: Member, carer: Member, project: Project
) -> None:
    review = published(coordinator, project)
    review_actions.comment(review, carer.person, Agreement.AGREE, "Private words of mine")

    page = client.get(public_url("public-review", review))
    easy = client.get(public_url("public-review-easy-read", review))

    assert page.status_code == easy.status_code == 200
    body = page.content.decode()
    assert "Carers are told two days before" in body
    assert "We made a checklist." in easy.content.decode()
    for page_body in (body, easy.content.decode()):
        assert carer.person.full_name not in page_body
        assert "Private words of mine" not in page_body


def test_welsh_readers_see_the_welsh_and_a_notice_where_it_is_missing(
    client: Client, coordinator: Member, project: Project
) -> None:
    review = published(coordinator, project)
    body = client.get(
        public_url("public-review", review), HTTP_ACCEPT_LANGUAGE="cy"
    ).content.decode()
    assert "Mae&#39;r rhestr wirio" in body or "Mae'r rhestr wirio" in body
    assert 'lang="en"' in body  # the sections without Welsh, marked as English
    assert "heb ei" in body or "Saesneg" in body  # the notice, in Welsh


def test_a_draft_has_no_public_page(client: Client, coordinator: Member, project: Project) -> None:
    review = written(coordinator, project)
    for name in ("public-review", "public-review-easy-read", "public-review-pdf"):
        assert client.get(public_url(name, review)).status_code == 404


def test_the_pdf_is_tagged_with_its_title_and_language(
    client: Client, coordinator: Member, project: Project
) -> None:
    review = published(coordinator, project)
    response = client.get(public_url("public-review-pdf", review))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = readable(response.content)
    assert b"/StructTreeRoot" in pdf
    assert b"/Lang" in pdf
    assert re.search(rb"/Title", pdf)


# --- Costs ----------------------------------------------------------------------------------


def test_costs_are_the_budget_and_what_was_paid_for_real(project: Project, carer: Member) -> None:
    BudgetLineFactory.create(project=project, kind=BudgetKind.CARERS_TIME, amount=Decimal("500"))
    BudgetLineFactory.create(project=project, kind=BudgetKind.TRAVEL, amount=Decimal("100"))
    activity = ActivityFactory.create(project=project)

    def claim(method: str, *lines: tuple[str, str]) -> None:
        paid = Claim.objects.create(
            organisation=project.organisation,
            project=project,
            person=carer.person,
            status=Status.PAID,
            method=method,
        )
        for kind, amount in lines:
            Line.objects.create(
                claim=paid, person=carer.person, activity=activity, kind=kind, amount=amount
            )

    claim(PaymentMethod.BANK, (LineKind.INVOLVEMENT, "60"), (LineKind.TRAVEL, "12.50"))
    claim(PaymentMethod.DONATE, (LineKind.PREPARATION, "30"))

    costs = costs_of(project)

    assert {r.kind: (r.budget, r.paid) for r in costs.rows} == {
        BudgetKind.CARERS_TIME: (Decimal("500"), Decimal("60")),
        BudgetKind.TRAVEL: (Decimal("100"), Decimal("12.50")),
    }
    assert (costs.budget, costs.paid) == (Decimal("600"), Decimal("72.50"))


# --- Speed ----------------------------------------------------------------------------------


@pytest.mark.parametrize("members", [1, 12])
def test_the_review_page_takes_the_same_queries_however_many_comment(
    coordinator_client: Client,
    coordinator: Member,
    project: Project,
    django_assert_num_queries: DjangoAssertNumQueries,
    members: int,
) -> None:
    review = published(coordinator, project)
    for i in range(members):
        person = CarerFactory.create(organisation=project.organisation)
        ProjectMemberFactory.create(project=project, person=person)
        review_actions.comment(review, person, Agreement.AGREE if i % 2 else Agreement.NOT_YET, "x")
        BudgetLineFactory.create(project=project)
    with django_assert_num_queries(12):
        response = coordinator_client.get(url("review", project))
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 12])
def test_the_public_page_takes_the_same_queries_however_much_it_costs(
    client: Client,
    coordinator: Member,
    project: Project,
    django_assert_num_queries: DjangoAssertNumQueries,
    rows: int,
) -> None:
    review = published(coordinator, project)
    for _ in range(rows):
        BudgetLineFactory.create(project=project)
    with django_assert_num_queries(3):
        response = client.get(public_url("public-review", review))
    assert response.status_code == 200


# --- Personal data --------------------------------------------------------------------------


def test_erasure_removes_a_members_words_but_keeps_the_count(
    coordinator: Member, carer: Member, project: Project
) -> None:
    review = written(coordinator, project)
    review_actions.comment(review, carer.person, Agreement.AGREE, "My words")
    review_actions.forget_comments(carer.person)
    said = ReviewComment.objects.get()
    assert (said.person, said.text, said.agreement) == (None, REMOVED, Agreement.AGREE)
