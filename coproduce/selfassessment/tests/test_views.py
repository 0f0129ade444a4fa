"""The self-assessment pages: who may see and do what (staff, carers, admins, another
organisation, signed out), answering, typing in a carer's answers, the results and the
action plan, and fixed query counts on the lists."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.conftest import Member
from coproduce.lib.once import form_token
from coproduce.selfassessment import actions
from coproduce.selfassessment.models import PlanAction, Question, Round, Submission
from coproduce.selfassessment.tests.factories import carers_answer, opened, staff_answer
from coproduce.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


def url(name: str, *args: object) -> str:
    return reverse(f"selfassessment:{name}", args=args)


def all_answered(round_: Round, score: str = "3", comment: str = "") -> dict[str, str]:
    questions = Question.objects.filter(organisation=round_.organisation, active=True)
    data = {"form_token": form_token()}
    for q in questions:
        data[f"score_{q.pk}"] = score
        data[f"comment_{q.pk}"] = comment
    return data


# --- Who may see what ----------------------------------------------------------------------


def test_signed_out_people_are_sent_to_sign_in(client: Client, org_a: Organisation) -> None:
    round_ = opened(org_a)
    for path in (url("rounds"), url("round", round_.pk), url("answer", round_.pk)):
        response = client.get(path)
        assert response.status_code == 302, path
        assert "sign-in" in response["Location"], path


def test_another_organisations_staff_cannot_see_or_answer_a_round(
    staff_b_client: Client, org_a: Organisation
) -> None:
    round_ = opened(org_a, "Riverside round")
    assert staff_b_client.get(url("round", round_.pk)).status_code == 404
    assert staff_b_client.get(url("answer", round_.pk)).status_code == 404
    assert "Riverside round" not in staff_b_client.get(url("rounds")).content.decode()


def test_carers_see_results_only_once_published(carer_client: Client, org_a: Organisation) -> None:
    round_ = opened(org_a, "Spring")
    assert carer_client.get(url("round", round_.pk)).status_code == 404
    link = f'href="{url("round", round_.pk)}"'
    assert link not in carer_client.get(url("rounds")).content.decode()
    actions.publish_results(round_, True)
    assert carer_client.get(url("round", round_.pk)).status_code == 200
    assert link in carer_client.get(url("rounds")).content.decode()


def test_carers_do_not_see_closed_unpublished_rounds(
    carer_client: Client, org_a: Organisation
) -> None:
    opened(org_a, "Old and private", days_ago=30, closed=True)
    assert "Old and private" not in carer_client.get(url("rounds")).content.decode()


def test_professionals_have_no_part_in_it(professional_client: Client, org_a: Organisation) -> None:
    round_ = opened(org_a)
    assert professional_client.get(url("rounds")).status_code == 403
    assert professional_client.get(url("round", round_.pk)).status_code == 403


def test_only_admins_open_close_and_publish_rounds_and_keep_the_questions(
    coordinator_client: Client, carer_client: Client, org_a: Organisation
) -> None:
    round_ = opened(org_a)
    for client in (coordinator_client, carer_client):
        assert client.get(url("open")).status_code == 403
        assert client.get(url("close", round_.pk)).status_code == 403
        assert client.post(url("publish", round_.pk), {"published": "yes"}).status_code == 403
        assert client.get(url("questions")).status_code == 403
    round_.refresh_from_db()
    assert round_.is_open
    assert not round_.results_published


def test_carers_cannot_add_to_the_action_plan(carer_client: Client, org_a: Organisation) -> None:
    round_ = opened(org_a)
    actions.publish_results(round_, True)
    assert carer_client.get(url("action-add", round_.pk)).status_code == 403
    assert carer_client.get(url("find-carer", round_.pk)).status_code == 403


# --- Opening, answering, closing -------------------------------------------------------------


def test_an_admin_opens_a_round_and_it_shows_on_the_carers_home_page(
    admin_client_a: Client, carer_client: Client, org_a: Organisation
) -> None:
    assert url("open") in admin_client_a.get(url("rounds")).content.decode()
    response = admin_client_a.post(
        url("open"), {"title": "Spring 2027", "form_token": form_token()}
    )
    round_ = Round.objects.get(organisation=org_a)
    assert response.status_code == 302
    assert round_.title == "Spring 2027"
    home = carer_client.get(reverse("pages:home")).content.decode()
    assert "Spring 2027 is open" in home
    assert url("rounds") in home
    response = admin_client_a.post(url("open"), {"title": "Again", "form_token": form_token()})
    assert response.status_code == 400
    assert "A round is open already" in response.content.decode()


def test_a_carer_answers_as_a_carer_and_staff_as_staff(
    carer_client: Client,
    coordinator_client: Client,
    carer: Member,
    coordinator: Member,
    org_a: Organisation,
) -> None:
    round_ = opened(org_a)
    assert carer_client.post(url("answer", round_.pk), all_answered(round_, "2")).status_code == 302
    response = coordinator_client.post(url("answer", round_.pk), all_answered(round_, "4"))
    assert response.status_code == 302
    carers = Submission.objects.get(round=round_, side="carers")
    staff = Submission.objects.get(round=round_, side="staff")
    assert carers.person == carer.person
    assert carers.user is None
    assert staff.user == coordinator.user
    assert set(carers.answers.values_list("score", flat=True)) == {2}
    # Coming back shows the answers given, to change.
    page = carer_client.get(url("answer", round_.pk)).content.decode()
    assert 'value="2" checked' in page


def test_an_answer_missing_a_score_comes_back_with_what_was_typed(
    carer_client: Client, org_a: Organisation
) -> None:
    round_ = opened(org_a)
    data = all_answered(round_, "3", "Kept")
    first = Question.objects.filter(organisation=org_a).first()
    assert first is not None
    del data[f"score_{first.pk}"]
    response = carer_client.post(url("answer", round_.pk), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Select how far this is true for statement 1" in body
    assert "Kept" in body
    assert not Submission.objects.exists()


def test_staff_type_in_a_carers_phone_answers(
    coordinator_client: Client, carer: Member, org_a: Organisation
) -> None:
    round_ = opened(org_a)
    found = coordinator_client.get(url("find-carer", round_.pk), {"q": "Margaret"})
    assert url("record", round_.pk, carer.person.pk) in found.content.decode()
    data = {**all_answered(round_, "1"), "channel": "phone"}
    response = coordinator_client.post(url("record", round_.pk, carer.person.pk), data)
    assert response.status_code == 302
    submission = Submission.objects.get(round=round_)
    assert (submission.side, submission.channel, submission.person) == (
        "carers",
        "phone",
        carer.person,
    )


def test_staff_cannot_type_in_answers_for_another_organisations_carer(
    coordinator_client: Client, carer_b: Member, org_a: Organisation
) -> None:
    round_ = opened(org_a)
    response = coordinator_client.get(url("record", round_.pk, carer_b.person.pk))
    assert response.status_code == 404


def test_nobody_answers_a_closed_round(carer_client: Client, org_a: Organisation) -> None:
    round_ = opened(org_a, closed=True)
    assert carer_client.get(url("answer", round_.pk)).status_code == 404


def test_an_admin_closes_a_round_after_saying_yes(
    admin_client_a: Client, org_a: Organisation
) -> None:
    round_ = opened(org_a)
    response = admin_client_a.post(url("close", round_.pk), {"form_token": form_token()})
    assert response.status_code == 400
    admin_client_a.post(url("close", round_.pk), {"confirm": "yes", "form_token": form_token()})
    round_.refresh_from_db()
    assert not round_.is_open


# --- Results --------------------------------------------------------------------------------


def test_the_results_show_scores_gaps_and_comments_without_names(
    coordinator_client: Client, carer_client: Client, admin: Member, org_a: Organisation
) -> None:
    round_ = opened(org_a)
    staff_answer(round_, [admin.user], lambda q, w: 4, comment="Staff think so")
    carers = carers_answer(round_, 5, lambda q, w: 1 if q == 0 else 3, comment="Carer view")
    actions.publish_results(round_, True)
    names = [s.person.full_name for s in carers if s.person]

    for client in (coordinator_client, carer_client):
        body = client.get(url("round", round_.pk)).content.decode()
        assert "Where staff and carers disagree most" in body
        assert "staff 4.0, carers 1.0 (gap +3.0)" in body
        assert "Carer view" in body
        assert "Staff think so" in body
        assert not any(name in body for name in names)


def test_carers_comments_wait_for_five_carers(
    coordinator_client: Client, org_a: Organisation
) -> None:
    round_ = opened(org_a)
    carers_answer(round_, 4, lambda q, w: 2, comment="Only four of us")
    body = coordinator_client.get(url("round", round_.pk)).content.decode()
    assert "Only four of us" not in body
    assert "Hidden: fewer than 5 carers" in body


def test_the_results_compare_with_the_round_before(
    coordinator_client: Client, admin: Member, coordinator: Member, org_a: Organisation
) -> None:
    before = opened(org_a, "Last year", days_ago=300)
    staff_answer(before, [admin.user], lambda q, w: 2)
    actions.close_round(before)
    now = opened(org_a, "This year")
    staff_answer(now, [admin.user], lambda q, w: 3)
    body = coordinator_client.get(url("round", now.pk)).content.decode()
    assert "Staff since last round" in body
    assert "+1.0" in body


# --- The action plan -------------------------------------------------------------------------


def test_staff_add_and_move_on_an_action(coordinator_client: Client, org_a: Organisation) -> None:
    round_ = opened(org_a)
    data = {
        "title": "Pay carers within a week",
        "who": "Finance lead",
        "due_on-day": "1",
        "due_on-month": "6",
        "due_on-year": str(datetime.date.today().year + 1),
        "principle": "reciprocity",
        "status": "planned",
        "form_token": form_token(),
    }
    assert coordinator_client.post(url("action-add", round_.pk), data).status_code == 302
    action = PlanAction.objects.get(round=round_)
    data = {**data, "status": "not_possible", "form_token": form_token()}
    response = coordinator_client.post(url("action", round_.pk, action.pk), data)
    assert "Say why this is not possible" in response.content.decode()
    data = {**data, "reason": "No money this year", "form_token": form_token()}
    coordinator_client.post(url("action", round_.pk, action.pk), data)
    action.refresh_from_db()
    assert (action.status, action.reason) == ("not_possible", "No money this year")
    assert (
        "Pay carers within a week"
        in coordinator_client.get(url("round", round_.pk)).content.decode()
    )


def test_another_organisations_staff_cannot_change_an_action(
    staff_b_client: Client, org_a: Organisation
) -> None:
    round_ = opened(org_a)
    action = PlanAction.objects.create(
        round=round_, title="A", who="B", due_on=datetime.date(2030, 1, 1)
    )
    assert staff_b_client.get(url("action", round_.pk, action.pk)).status_code == 404


# --- Questions --------------------------------------------------------------------------------


def test_an_admin_starts_from_the_guidance_and_changes_a_statement(
    admin_client_a: Client, org_a: Organisation
) -> None:
    page = admin_client_a.get(url("questions")).content.decode()
    assert "Start from these statements" in page
    admin_client_a.post(url("adopt"), {"form_token": form_token()})
    question = Question.objects.filter(organisation=org_a).first()
    assert question is not None
    data = {
        "text": "Carers lead our work",
        "text_cy": "",
        "area": "culture",
        "principle": "equality",
        "active": "no",
        "form_token": form_token(),
    }
    admin_client_a.post(url("question", question.pk), data)
    question.refresh_from_db()
    assert (question.text, question.active) == ("Carers lead our work", False)


def test_an_admin_cannot_change_the_guidance_or_another_organisations_statement(
    admin_client_a: Client, org_b: Organisation
) -> None:
    guidance = Question.objects.filter(organisation=None).first()
    actions.adopt_guidance(org_b)
    theirs = Question.objects.filter(organisation=org_b).first()
    assert guidance is not None
    assert theirs is not None
    assert admin_client_a.get(url("question", guidance.pk)).status_code == 404
    assert admin_client_a.get(url("question", theirs.pk)).status_code == 404


# --- Queries ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 6])
def test_the_results_page_takes_the_same_queries_however_many_answered(
    coordinator_client: Client,
    admin: Member,
    org_a: Organisation,
    django_assert_num_queries: DjangoAssertNumQueries,
    size: int,
) -> None:
    before = opened(org_a, "Before", days_ago=100)
    carers_answer(before, size, lambda q, w: 2, comment="Earlier")
    actions.close_round(before)
    round_ = opened(org_a, "Now")
    staff_answer(round_, [admin.user], lambda q, w: 3, comment="Staff")
    carers_answer(round_, size * 2, lambda q, w: (q + w) % 4 + 1, comment="Said")
    for n in range(size):
        PlanAction.objects.create(
            round=round_, title=f"Action {n}", who="Us", due_on=datetime.date(2030, 1, 1)
        )
    # session, user, second factor, membership (4); round, round before; answered, figures
    # at four levels (5); comments counted and shown (2); plan (1)
    with django_assert_num_queries(14):
        response = coordinator_client.get(url("round", round_.pk))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_the_rounds_page_takes_the_same_queries_however_many_rounds(
    coordinator_client: Client,
    carer_client: Client,
    org_a: Organisation,
    django_assert_num_queries: DjangoAssertNumQueries,
    size: int,
) -> None:
    for n in range(size):
        round_ = opened(org_a, f"Round {n}", days_ago=100 - n)
        carers_answer(round_, 2, lambda q, w: 2)
        actions.close_round(round_)
    opened(org_a, "Open now")
    # session, user, second factor (staff only), membership; the open round; own answers;
    # rounds counted and listed
    with django_assert_num_queries(8):
        response = coordinator_client.get(url("rounds"))
    assert response.status_code == 200
    with django_assert_num_queries(7):
        assert carer_client.get(url("rounds")).status_code == 200


def test_an_admin_shows_the_results_to_carers_and_takes_them_back(
    admin_client_a: Client, org_a: Organisation
) -> None:
    round_ = opened(org_a)
    page = admin_client_a.get(url("round", round_.pk)).content.decode()
    assert 'value="yes" name="published"' in page
    admin_client_a.post(url("publish", round_.pk), {"published": "yes", "form_token": form_token()})
    round_.refresh_from_db()
    assert round_.results_published
    admin_client_a.post(url("publish", round_.pk), {"published": "no", "form_token": form_token()})
    round_.refresh_from_db()
    assert not round_.results_published
