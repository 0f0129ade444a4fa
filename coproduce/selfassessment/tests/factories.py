"""Scenes for self-assessment tests, made through the real actions."""

import datetime
from collections.abc import Callable, Sequence

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.people.models import Person
from coproduce.people.tests.factories import CarerFactory
from coproduce.selfassessment import actions
from coproduce.selfassessment.models import Question, Round, Side, Submission
from coproduce.tenancy.models import Organisation

# A score for a question (by its position in the list), for one person (by number).
Scorer = Callable[[int, int], int | None]


def opened(
    organisation: Organisation, title: str = "Spring", days_ago: int = 0, closed: bool = False
) -> Round:
    """A round opened `days_ago` days ago, closed a day later if `closed`."""
    when = timezone.now() - datetime.timedelta(days=days_ago)
    round_ = actions.open_round(organisation, title, now=when)
    if closed:
        actions.close_round(round_, now=when + datetime.timedelta(days=1))
        round_.refresh_from_db()
    return round_


def questions_of(organisation: Organisation) -> list[Question]:
    return list(Question.objects.filter(organisation=organisation, active=True))


def given(
    questions: Sequence[Question], scorer: Scorer, who: int, comment: str = ""
) -> dict[Question, actions.Given]:
    return {
        q: actions.Given(scorer(i, who), comment if i == 0 else "") for i, q in enumerate(questions)
    }


def carers_answer(round_: Round, count: int, scorer: Scorer, comment: str = "") -> list[Submission]:
    questions = questions_of(round_.organisation)
    done = []
    for who in range(count):
        person: Person = CarerFactory.create(organisation=round_.organisation)
        done.append(
            actions.answer(
                round_, Side.CARERS, given(questions, scorer, who, comment), person=person
            )
        )
    return done


def staff_answer(
    round_: Round, users: Sequence[User], scorer: Scorer, comment: str = ""
) -> list[Submission]:
    questions = questions_of(round_.organisation)
    return [
        actions.answer(round_, Side.STAFF, given(questions, scorer, who, comment), user=user)
        for who, user in enumerate(users)
    ]
