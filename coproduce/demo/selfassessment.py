"""Demo self-assessment at Riverside: two rounds a year apart, each answered by the two
members of staff and by carers (online, on paper and by phone), with an action plan.

Last spring's round is closed and its results shown to carers: staff thought better of the
centre than carers did, most of all about paying carers on time and about notice. Its plan
has actions done, under way and one not possible. This spring's round is open: carers see
less of a gap on pay, since the payment actions were done, and Margaret has not answered yet,
so her home page invites her. Everything goes through `coproduce.selfassessment.actions`.
"""

import datetime
from dataclasses import dataclass

from coproduce.accountability.models import ActionStatus
from coproduce.accounts.models import User
from coproduce.people.models import Person
from coproduce.selfassessment import actions
from coproduce.selfassessment.models import Channel, Question, Round, Side
from coproduce.tenancy.models import Organisation


@dataclass(frozen=True)
class SelfAssessmentSummary:
    rounds: int
    answers: int
    actions: int


# How carers and staff scored each (area, principle) in each round, before the spread
# each person adds. Carers are lower on reciprocity and access, and less so a year on.
LAST_YEAR = {
    "staff": {"equality": 3, "diversity": 3, "access": 4, "reciprocity": 4},
    "carers": {"equality": 3, "diversity": 2, "access": 2, "reciprocity": 1},
}
THIS_YEAR = {
    "staff": {"equality": 3, "diversity": 3, "access": 4, "reciprocity": 3},
    "carers": {"equality": 3, "diversity": 3, "access": 2, "reciprocity": 3},
}
COMMENTS = {
    ("carers", "practice", "reciprocity"): (
        "I waited two months for my travel money.",
        "Being paid for my time made me feel my views mattered.",
    ),
    ("carers", "practice", "access"): (
        "Meetings are often arranged with a few days' notice.",
        "I could only come because you paid for someone to sit with my dad.",
    ),
    ("carers", "structure", "diversity"): (
        "I rarely see younger carers or men at meetings.",
        "An evening meeting would let working carers come.",
    ),
    ("staff", "review", "reciprocity"): (
        "We do tell people, but not always by their channel.",
        "The You Said, We Did board helps us close the loop.",
    ),
}
PLAN = [
    (
        "Pay involvement claims within 10 working days",
        "Finance and the involvement lead",
        150,
        "practice",
        "reciprocity",
        ActionStatus.DONE,
        "",
    ),
    (
        "Give at least 14 days' notice of every meeting, and say why when we cannot",
        "Coordinators",
        200,
        "practice",
        "access",
        ActionStatus.IN_PROGRESS,
        "",
    ),
    (
        "Hold an evening group for working carers",
        "Dylan Price",
        240,
        "structure",
        "diversity",
        ActionStatus.PLANNED,
        "",
    ),
    (
        "Pay for replacement care from our own budget for every activity",
        "The board",
        120,
        "structure",
        "access",
        ActionStatus.NOT_POSSIBLE,
        "The grant does not cover it; we ask the council to fund it in next year's bid.",
    ),
]


def _score(base: int, who: int, position: int) -> int | None:
    """The base score with a little spread; one answer in eleven is "I don't know"."""
    if (who * 7 + position) % 11 == 0:
        return None
    spread = ((who * 3 + position * 5) % 3) - 1  # -1, 0 or +1
    return min(4, max(1, base + spread))


def _comment(side: str, question: Question, who: int) -> str:
    """Every other person comments on a few statements, each in their own words."""
    said = COMMENTS.get((side, question.area, question.principle), ())
    if not said or who % 2:
        return ""
    return said[(who // 2) % len(said)]


def _answers(
    questions: list[Question], scores: dict[str, int], side: str, who: int
) -> dict[Question, actions.Given]:
    return {
        q: actions.Given(
            _score(scores[q.principle], who, i),
            _comment(side, q, who),
        )
        for i, q in enumerate(questions)
    }


def _round(
    centre: Organisation,
    title: str,
    opened: datetime.datetime,
    figures: dict[str, dict[str, int]],
    staff: list[User],
    carers: list[Person],
    entered_by: User,
) -> tuple[Round, int]:
    round_ = actions.open_round(centre, title, now=opened)
    questions = list(Question.objects.filter(organisation=centre, active=True))
    answered = 0
    for who, user in enumerate(staff):
        given = _answers(questions, figures["staff"], "staff", who)
        actions.answer(round_, Side.STAFF, given, user=user, now=opened)
        answered += 1
    for who, person in enumerate(carers):
        channel = [Channel.WEB, Channel.PAPER, Channel.PHONE][who % 3]
        given = _answers(questions, figures["carers"], "carers", who)
        actions.answer(
            round_,
            Side.CARERS,
            given,
            person=person,
            channel=channel,
            entered_by=None if channel == Channel.WEB else entered_by,
            now=opened + datetime.timedelta(days=1 + who),
        )
        answered += 1
    return round_, answered


def build(
    *,
    today: datetime.date,
    centre: Organisation,
    staff: list[User],
    coordinator_user: User,
    carers: list[Person],
) -> SelfAssessmentSummary:
    """`carers`: Riverside carers to answer (the first nine last year, the last seven now)."""
    start = datetime.datetime.combine(today, datetime.time(10, 0), tzinfo=datetime.UTC)
    last_opened = start - datetime.timedelta(days=365)
    last, answered = _round(
        centre,
        f"Spring {last_opened.year}",
        last_opened,
        LAST_YEAR,
        staff,
        carers[:9],
        coordinator_user,
    )
    actions.close_round(last, now=last_opened + datetime.timedelta(days=30))
    actions.publish_results(last, True)
    for title, who, due_in, area, principle, status, reason in PLAN:
        due = today - datetime.timedelta(days=365 - due_in)
        actions.save_plan_action(
            last,
            None,
            {
                "title": title,
                "who": who,
                "due_on": due,
                "area": area,
                "principle": principle,
                "status": status,
                "reason": reason,
                "done_on": due - datetime.timedelta(days=20),
            },
            today,
        )
    this_opened = start - datetime.timedelta(days=14)
    _, more = _round(
        centre,
        f"Spring {this_opened.year}",
        this_opened,
        THIS_YEAR,
        staff,
        carers[-7:],
        coordinator_user,
    )
    return SelfAssessmentSummary(rounds=2, answers=answered + more, actions=len(PLAN))
