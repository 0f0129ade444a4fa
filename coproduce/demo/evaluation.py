"""Demo evaluation at Riverside: the wellbeing cafés' hosts co-produced their evaluation plan.

Two hosts and the coordinator proposed the questions; the group agreed them as a decision
(every host gave a position, in the café); the questions for after each café were asked
after the last one, and the end-of-Delivery questions when the project moved on to
Evaluation. Some hosts answered, on paper and by phone, so the evaluation has evidence;
the answers after the last café have been considered, the later ones wait for the review.

Everything goes through the real actions (`coproduce.evaluation.actions`, the decisions and
surveys actions they call), dated back to when it happened; the messages they would have
sent are marked as sent (nothing is really sent while building the demo). Every demo
project's rung on the ladder is derived from what the other demo builders wrote.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from coproduce.accounts.models import User
from coproduce.activities.models import Activity
from coproduce.contributions import actions as contributions
from coproduce.contributions.models import Contribution, ResponseStatus
from coproduce.decisions import actions as decisions
from coproduce.decisions.models import Outcome, PositionChannel, Stance
from coproduce.evaluation import actions
from coproduce.evaluation.models import Asking, AskWhen, Method
from coproduce.notifications.models import Message, Status
from coproduce.people.models import Person
from coproduce.projects.models import GroupRole, Project, ProjectMember
from coproduce.surveys import actions as surveys
from coproduce.surveys.models import Response, ResponseChannel
from coproduce.tenancy.models import Organisation

LONDON = ZoneInfo("Europe/London")
CAFES = "Carers' wellbeing cafés"


@dataclass(frozen=True)
class EvaluationSummary:
    questions: int
    askings: int
    answers: int


@dataclass(frozen=True)
class Planned:
    host: int | None  # which host proposed it (None: the coordinator)
    text: str
    text_cy: str
    method: Method
    ask_when: AskWhen
    answers: tuple[str, ...]  # what the hosts who answered said, in turn


PLAN = [
    Planned(
        0,
        "Did you get some time for yourself at the café?",
        "Gawsoch chi ychydig o amser i chi'ch hun yn y caffi?",
        Method.SURVEY,
        AskWhen.AFTER_EACH_ACTIVITY,
        (
            "Yes. Two hours without being asked for anything.",
            "Mostly, but I spent the first half hour worrying about Dad.",
            "Yes, the chair massage was lovely.",
        ),
    ),
    Planned(
        1,
        "What would make it easier to come next time?",
        "Beth fyddai'n ei gwneud hi'n haws dod y tro nesaf?",
        Method.DISCUSSION,
        AskWhen.AFTER_EACH_ACTIVITY,
        (
            "Someone to sit with my husband while I am out.",
            "A lift: the bus from the estate only runs every hour.",
            "Nothing. It is already the easiest thing I do all month.",
        ),
    ),
    Planned(
        None,
        "Have the cafés changed how you look after yourself?",
        "Ydy'r caffis wedi newid sut rydych chi'n gofalu amdanoch chi'ch hun?",
        Method.INTERVIEWS,
        AskWhen.END_OF_DELIVERY,
        (
            "I book a GP check-up for myself now, not only for Mum.",
            "I have two friends from the café I text when it gets hard.",
            "Not really, but I know where to go when I need it.",
            "I asked for a carer's assessment after the talk in March.",
        ),
    ),
    Planned(
        0,
        "Should the cafés go on, and who should run them?",
        "A ddylai'r caffis barhau, a phwy ddylai eu rhedeg?",
        Method.INTERVIEWS,
        AskWhen.END_OF_DELIVERY,
        (
            "Yes, run by us hosts, with the centre booking the room.",
            "Yes. Move them to a Saturday once a quarter for working carers.",
            "Yes, and have one in Welsh.",
            "Yes, with a small budget the hosts decide on.",
        ),
    ),
]


# Nineteen days is less than some hosts ask for: the coordinator says why, and it is reported.
SHORT_NOTICE_REASON = (
    "The hosts asked at the last café to agree the questions before the summer break, "
    "and everyone said three weeks was enough for this one."
)


def at(day: datetime.date, hour: int = 11) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=LONDON)


def sent(prefix: str, when: datetime.datetime) -> None:
    """The messages an action queued, as if sent when it happened."""
    Message.objects.filter(
        idempotency_key__startswith=prefix, status__in=[Status.QUEUED, Status.PHONE_CALL_NEEDED]
    ).update(status=Status.SENT, sent_at=when, created_at=when)


def agree_plan(
    cafes: Project, hosts: list[Person], coordinator_user: User, today: datetime.date
) -> int:
    """The hosts and the coordinator propose; the group agrees, every host in the café."""
    proposed_at = at(today - datetime.timedelta(days=120))
    for planned in PLAN:
        proposer = cafes.coordinator if planned.host is None else hosts[planned.host]
        actions.propose_question(
            cafes,
            proposer,
            actions.Proposed(planned.text, planned.text_cy, planned.method, planned.ask_when),
            now=proposed_at,
        )
    deadline = at(today - datetime.timedelta(days=100), 17)
    proposal = actions.put_to_group(
        coordinator_user,
        cafes,
        hosts[0],
        deadline,
        now=proposed_at + datetime.timedelta(days=1),
        short_notice_reason=SHORT_NOTICE_REASON,
    )
    sent(f"decisions.{proposal.pk}.", proposal.proposed_at)
    heard_at = at(today - datetime.timedelta(days=103), 12)
    for index, host in enumerate(hosts):
        reservation = index == 2
        decisions.record_position(
            coordinator_user,
            proposal,
            host,
            decisions.Given(
                Stance.AGREE_WITH_RESERVATIONS if reservation else Stance.AGREE,
                "Keep the surveys short: one page." if reservation else "",
                PositionChannel.MEETING,
                False,
            ),
            now=heard_at,
        )
    decided_at = at(today - datetime.timedelta(days=99), 10)  # after the deadline
    decisions.record_outcome(
        coordinator_user,
        proposal,
        Outcome.AGREED,
        "Agreed in the café by every host. The surveys stay to one page.",
        now=decided_at,
    )
    sent(f"decisions.{proposal.pk}.", decided_at)
    return len(PLAN)


def answer(
    asking: Asking, hosts: list[Person], by: User, answered_on: datetime.date
) -> list[Contribution]:
    """Some hosts answer, on paper or by phone, entered by the coordinator; each answer is
    a contribution."""
    questions = surveys.questions_of(asking.survey)
    said = {p.text: p.answers for p in PLAN}
    given: list[Contribution] = []
    for turn, host in enumerate(hosts[: min(len(said[q.text]) for q in questions)]):
        channel = ResponseChannel.PAPER if turn % 2 else ResponseChannel.PHONE
        response = surveys.start_response(
            asking.survey, host, surveys.default_privacy(host), channel, by
        )
        surveys.save_answers(response, questions, {q.pk: said[q.text][turn] for q in questions})
        made = surveys.submit(response, by=by)
        when = at(answered_on + datetime.timedelta(days=turn), 15)
        Response.objects.filter(pk=response.pk).update(submitted_at=when)
        Contribution.objects.filter(pk__in=[c.pk for c in made]).update(given_on=when.date())
        given += made
    return given


def build(
    *, today: datetime.date, centre: Organisation, coordinator_user: User
) -> EvaluationSummary:
    cafes = Project.objects.select_related("coordinator").get(organisation=centre, title=CAFES)
    hosts = [
        m.person
        for m in ProjectMember.objects.filter(project=cafes, role=GroupRole.CARER, left_on=None)
        .select_related("person")
        .order_by("pk")
    ]
    questions = agree_plan(cafes, hosts, coordinator_user, today)
    last_cafe = Activity.objects.filter(project=cafes).latest("starts_at")
    cafe_at = last_cafe.starts_at
    assert cafe_at is not None  # the cafés took place
    after = actions.ask(coordinator_user, cafes, last_cafe, now=cafe_at)
    after_cafe = answer(after, hosts, coordinator_user, cafe_at.date())
    surveys.close_survey(after.survey)
    # The group read the answers after the last café together; the answers given at the end
    # of Delivery wait to be considered in the review.
    read_at = at(cafe_at.date() + datetime.timedelta(days=14), 16)
    for said in after_cafe:
        contributions.respond(
            said,
            ResponseStatus.CONSIDERED,
            "Read together at the hosts' meeting; it goes into the evaluation report.",
            coordinator_user,
        )
    Contribution.objects.filter(pk__in=[c.pk for c in after_cafe]).update(responded_at=read_at)
    ended = at(today - datetime.timedelta(days=25), 9)
    at_end = actions.ask(coordinator_user, cafes, None, now=ended)
    at_the_end = answer(at_end, hosts, coordinator_user, ended.date() + datetime.timedelta(days=2))
    return EvaluationSummary(
        questions=questions, askings=2, answers=len(after_cafe) + len(at_the_end)
    )
