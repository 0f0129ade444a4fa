"""The self-assessment's verbs: the guidance questions, rounds, answers, the action plan,
and a person's answers in their download and erasure."""

import datetime

import pytest

from coproduce.accountability.models import ActionStatus
from coproduce.conftest import Member
from coproduce.people import personal_data
from coproduce.selfassessment import actions
from coproduce.selfassessment.models import (
    Answer,
    Area,
    Channel,
    Principle,
    Question,
    Round,
    Side,
    Submission,
)
from coproduce.selfassessment.tests.factories import given, opened, questions_of
from coproduce.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


def test_the_guidance_covers_every_area_and_principle_in_english_and_welsh() -> None:
    guidance = Question.objects.filter(organisation=None)
    assert {(q.area, q.principle) for q in guidance} == {
        (a.value, p.value) for a in Area for p in Principle
    }
    assert all(q.text and q.text_cy for q in guidance)


def test_an_organisation_starts_from_its_own_copy_of_the_guidance_once(
    org_a: Organisation,
) -> None:
    assert actions.adopt_guidance(org_a) == 16
    assert actions.adopt_guidance(org_a) == 0
    own = Question.objects.filter(organisation=org_a)
    assert own.count() == 16
    actions.save_question(
        org_a, own.first(), {"area": "review", "principle": "access", "text": "Changed "}
    )
    assert Question.objects.filter(organisation=None, text="Changed").count() == 0
    assert own.filter(text="Changed").count() == 1


def test_opening_a_round_gives_the_guidance_and_only_one_is_open_at_a_time(
    org_a: Organisation,
) -> None:
    first = actions.open_round(org_a, " Spring ")
    assert first.title == "Spring"
    assert len(questions_of(org_a)) == 16
    with pytest.raises(actions.AlreadyOpen):
        actions.open_round(org_a, "Again")
    assert actions.close_round(first)
    assert not actions.close_round(first)  # once
    second = actions.open_round(org_a, "Autumn")
    assert Round.objects.filter(organisation=org_a, closed_at=None).get() == second


def test_answering_again_replaces_the_earlier_answers(org_a: Organisation, carer: Member) -> None:
    round_ = opened(org_a)
    questions = questions_of(org_a)
    actions.answer(round_, Side.CARERS, given(questions, lambda i, w: 1, 0), person=carer.person)
    actions.answer(
        round_, Side.CARERS, given(questions, lambda i, w: 4, 0, "Now"), person=carer.person
    )
    submission = Submission.objects.get(round=round_, person=carer.person)
    assert set(submission.answers.values_list("score", flat=True)) == {4}
    assert submission.answers.filter(comment="Now").count() == 1


def test_staff_record_a_paper_answer_for_a_carer(
    org_a: Organisation, carer: Member, coordinator: Member
) -> None:
    round_ = opened(org_a)
    submission = actions.answer(
        round_,
        Side.CARERS,
        given(questions_of(org_a), lambda i, w: None, 0),
        person=carer.person,
        entered_by=coordinator.user,
        channel=Channel.PAPER,
    )
    assert (submission.side, submission.channel, submission.entered_by) == (
        "carers",
        "paper",
        coordinator.user,
    )
    assert set(submission.answers.values_list("score", flat=True)) == {None}  # I don't know


def test_a_closed_round_takes_no_answers(org_a: Organisation, carer: Member) -> None:
    round_ = opened(org_a, closed=True)
    with pytest.raises(actions.RoundClosed):
        actions.answer(
            round_, Side.CARERS, given(questions_of(org_a), lambda i, w: 2, 0), person=carer.person
        )


def test_an_action_not_possible_keeps_its_reason_and_a_done_one_its_date(
    org_a: Organisation,
) -> None:
    round_ = opened(org_a)
    today = datetime.date(2027, 3, 1)
    data = {"title": "Pay within a week", "who": "Finance", "due_on": today, "status": "done"}
    action = actions.save_plan_action(round_, None, data, today)
    assert action.done_on == today
    data = {**data, "status": ActionStatus.NOT_POSSIBLE, "reason": "No budget"}
    action = actions.save_plan_action(round_, action, data, today)
    assert (action.done_on, action.reason) == (None, "No budget")


def test_a_persons_answers_are_in_their_download_and_erased_with_them(
    org_a: Organisation, carer: Member, coordinator: Member
) -> None:
    round_ = opened(org_a)
    questions = questions_of(org_a)
    actions.answer(
        round_, Side.CARERS, given(questions, lambda i, w: 3, 0, "My words"), person=carer.person
    )
    actions.answer(
        round_,
        Side.STAFF,
        given(questions, lambda i, w: 2, 0, "Staff words"),
        user=coordinator.user,
    )

    download = personal_data.exported(carer.person, on_behalf=False)["self_assessment_answers"]
    assert len(download) == 16
    assert download[0]["comment"] == "My words"
    staff_download = personal_data.exported(coordinator.person, on_behalf=False)
    assert staff_download["self_assessment_answers"][0]["comment"] == "Staff words"

    personal_data.erase(carer.person)
    assert not Submission.objects.filter(person=carer.person).exists()
    assert not Answer.objects.filter(comment="My words").exists()
    assert Answer.objects.filter(submission__side="carers", score=3).count() == 16  # figures stay
