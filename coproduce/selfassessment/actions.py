"""Verbs of the self-assessment: start from the guidance questions, change a question, open
and close a round, publish its results to carers, answer (as staff, as a carer, or for a
carer on paper or by phone), and keep the action plan. Each is one transaction."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.accountability.models import ActionStatus
from coproduce.accounts.models import User
from coproduce.people.models import Person
from coproduce.selfassessment.guidance import GUIDANCE
from coproduce.selfassessment.models import (
    Answer,
    Channel,
    PlanAction,
    Question,
    Round,
    Side,
    Submission,
)
from coproduce.tenancy.models import Organisation


class AlreadyOpen(Exception):
    """The organisation has a round open already: close it first."""


class RoundClosed(Exception):
    """The round is closed: no more answers."""


@dataclass(frozen=True)
class Given:
    """One statement's answer: a score from 1 to 4 (None: "I don't know") and a comment."""

    score: int | None
    comment: str = ""


def restore_guidance() -> None:
    """The platform's guidance set, from what ships (guidance.GUIDANCE) if it is empty."""
    if Question.objects.filter(organisation=None).exists():
        return
    Question.objects.bulk_create(
        Question(
            organisation=None,
            area=area,
            principle=principle,
            position=position,
            text=text,
            text_cy=text_cy,
        )
        for position, (area, principle, text, text_cy) in enumerate(GUIDANCE, start=1)
    )


@transaction.atomic
def adopt_guidance(organisation: Organisation) -> int:
    """Give the organisation its own copy of the guidance questions, if it has none yet.
    Returns how many were copied."""
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    if Question.objects.filter(organisation=organisation).exists():
        return 0
    restore_guidance()
    guidance = Question.objects.filter(organisation=None, active=True).order_by("position", "pk")
    copies = [
        Question(
            organisation=organisation,
            area=q.area,
            principle=q.principle,
            position=q.position,
            text=q.text,
            text_cy=q.text_cy,
        )
        for q in guidance
    ]
    Question.objects.bulk_create(copies)
    return len(copies)


@transaction.atomic
def save_question(
    organisation: Organisation, question: Question | None, data: dict[str, Any]
) -> Question:
    """Add a question to the organisation's own set, or change one of them. Answers given
    already stay with it; a question no longer wanted is set not to be asked, not deleted."""
    if question is None:
        last = Question.objects.filter(organisation=organisation).order_by("-position").first()
        question = Question(organisation=organisation, position=(last.position + 1) if last else 1)
    question.area = data["area"]
    question.principle = data["principle"]
    question.text = data["text"].strip()
    question.text_cy = data.get("text_cy", "").strip()
    question.active = bool(data.get("active", True))
    question.save()
    return question


@transaction.atomic
def open_round(
    organisation: Organisation, title: str, now: datetime.datetime | None = None
) -> Round:
    """Open a round for staff and carers to answer. The organisation starts from the
    guidance questions if it has none of its own."""
    adopt_guidance(organisation)
    if Round.objects.filter(organisation=organisation, closed_at=None).exists():
        raise AlreadyOpen()
    try:
        with transaction.atomic():
            return Round.objects.create(
                organisation=organisation, title=title.strip(), opened_at=now or timezone.now()
            )
    except IntegrityError:  # another admin opened one at the same moment
        raise AlreadyOpen() from None


def close_round(round_: Round, now: datetime.datetime | None = None) -> bool:
    """Close the round once; True if this call closed it."""
    closed = Round.objects.filter(pk=round_.pk, closed_at=None).update(
        closed_at=now or timezone.now()
    )
    return closed == 1


def publish_results(round_: Round, published: bool) -> None:
    Round.objects.filter(pk=round_.pk).update(results_published=published)


@transaction.atomic
def answer(
    round_: Round,
    side: Side | str,
    given: dict[Question, Given],
    *,
    person: Person | None = None,
    user: User | None = None,
    entered_by: User | None = None,
    channel: Channel | str = Channel.WEB,
    now: datetime.datetime | None = None,
) -> Submission:
    """Keep one person's answers in the round: a carer's (`person`) or a staff member's
    (`user`). Answering again replaces the earlier answers, while the round is open."""
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if not locked.is_open:
        raise RoundClosed()
    if person is not None:
        existing = Submission.objects.filter(round=locked, person=person)
    else:
        existing = Submission.objects.filter(round=locked, user=user, side=Side.STAFF)
    existing.delete()
    submission = Submission.objects.create(
        round=locked,
        side=side,
        person=person,
        user=user,
        entered_by=entered_by,
        channel=channel,
        submitted_at=now or timezone.now(),
    )
    Answer.objects.bulk_create(
        Answer(
            submission=submission,
            question=question,
            score=answer.score,
            comment=answer.comment.strip(),
        )
        for question, answer in given.items()
    )
    return submission


@transaction.atomic
def save_plan_action(
    round_: Round, action: PlanAction | None, data: dict[str, Any], today: datetime.date
) -> PlanAction:
    """Add an action to the round's plan, or move one on (the rules of You Said, We Did
    actions: a reason when it is not possible, a date when it is done)."""
    if action is None:
        action = PlanAction(round=round_)
    for name in ("title", "who", "due_on", "area", "principle", "status"):
        if name in data:
            value = data[name]
            setattr(action, name, value.strip() if isinstance(value, str) else value)
    status = action.status
    action.reason = data.get("reason", "").strip() if status == ActionStatus.NOT_POSSIBLE else ""
    action.done_on = (data.get("done_on") or today) if status == ActionStatus.DONE else None
    action.save()
    return action


def forget_person(person: Person) -> None:
    """Erasure: the scores stay in the figures, without the person or their comments."""
    theirs = Submission.objects.filter(person=person)
    if person.user_id is not None:
        theirs = theirs | Submission.objects.filter(user_id=person.user_id, side=Side.STAFF)
    pks = list(theirs.values_list("pk", flat=True))
    Answer.objects.filter(submission__in=pks).update(comment="")
    Submission.objects.filter(pk__in=pks).update(person=None, user=None)
