"""Demo evaluation at Riverside: the wellbeing cafés' hosts co-produced their evaluation plan.

Two hosts and the coordinator proposed the questions; the group agreed them as a decision
(every host gave a position, in the café); the questions for after each café were asked
after the last one, and the end-of-Delivery questions when the project moved on to
Evaluation. Some hosts answered, on paper and by phone, so the evaluation has evidence;
the answers after the last café have been considered, the later ones wait for the review.

At the end the group reviewed the cafés together: the coordinator drafted the final review
(in English, most of it in Welsh too, with an easy-read summary in both), two hosts
commented, one asked for a change, the coordinator revised it, every host agreed, and it was
published and sent to the hosts and everyone whose view on the cafés is linked to them.

Everything goes through the real actions (`coproduce.evaluation.actions`, the decisions and
surveys actions they call), dated back to when it happened; the messages they would have
sent are marked as sent (nothing is really sent while building the demo). Every demo
project's rung on the ladder is derived from what the other demo builders wrote.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from coproduce.accounts.models import User
from coproduce.activities.models import Activity, ActivityKind, Invitation, Reply
from coproduce.contributions import actions as contributions
from coproduce.contributions.models import Contribution, ResponseStatus
from coproduce.decisions import actions as decisions
from coproduce.decisions.models import Outcome, PositionChannel, Stance
from coproduce.demo import projects as demo_projects
from coproduce.demo.plans import Draw
from coproduce.evaluation import actions, review_actions
from coproduce.evaluation.models import Agreement, Asking, AskWhen, Method, Review
from coproduce.notifications.models import Message, Status
from coproduce.people.models import Person
from coproduce.projects import actions as projects
from coproduce.projects.models import GroupRole, Project, ProjectMember, Stage, StageChange
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
    review_sent: int


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
    """Some hosts answer, on paper or by phone, entered by the coordinator; each response is
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
    sent_to = review(cafes, hosts, coordinator_user, today)
    return EvaluationSummary(
        questions=questions,
        askings=2,
        answers=len(after_cafe) + len(at_the_end),
        review_sent=sent_to,
    )


# --- The final review ------------------------------------------------------------------------

REVIEW = {
    "outcomes": (
        "We aimed for monthly cafés planned and hosted by carers. Eleven cafés ran, one a "
        "month except August; the hosts planned every one and chose the talks.\n"
        "We aimed to give carers time for themselves. Most hosts who answered said they got "
        "it; some spent the first half hour worrying about the person they care for."
    ),
    "outcomes_cy": (
        "Ein nod oedd caffis misol wedi'u cynllunio a'u cynnal gan ofalwyr. Cynhaliwyd un ar "
        "ddeg o gaffis, un bob mis ac eithrio mis Awst; cynlluniodd y gwesteiwyr bob un a "
        "dewis y sgyrsiau.\n"
        "Ein nod oedd rhoi amser i ofalwyr iddyn nhw eu hunain. Dywedodd y rhan fwyaf o'r "
        "gwesteiwyr a atebodd iddyn nhw ei gael."
    ),
    "changed_for_carers": (
        "Carers who came know where to go when it gets hard, and some now look after their "
        "own health as well. Several asked for a carer's assessment after the talk in March."
    ),
    "changed_for_carers_cy": (
        "Mae gofalwyr a ddaeth yn gwybod ble i fynd pan fydd pethau'n anodd, ac mae rhai "
        "bellach yn gofalu am eu hiechyd eu hunain hefyd."
    ),
    "learnt_by_carers": (
        "Hosting is easier in pairs. Carers who cannot leave the person they care for need "
        "sitting support booked before the café, not on the day."
    ),
    "learnt_by_professionals": (
        "Staff learnt to leave the planning to the hosts and to book the room and transport "
        "only. The library learnt that a quiet room matters more than a large one."
    ),
    "recommendations": (
        "Keep the cafés, run by the hosts, with a small budget the hosts decide on.\n"
        "Add a Saturday café once a quarter for working carers, and one café in Welsh."
    ),
    "recommendations_cy": (
        "Cadw'r caffis, wedi'u rhedeg gan y gwesteiwyr, gyda chyllideb fach y mae'r "
        "gwesteiwyr yn penderfynu arni.\n"
        "Ychwanegu caffi ar ddydd Sadwrn unwaith y chwarter i ofalwyr sy'n gweithio, ac un "
        "caffi yn Gymraeg."
    ),
    "costs_note": (
        "The grant paid for the room and refreshments. The hosts gave their time as "
        "volunteers, by their choice; next time the budget offers every host payment."
    ),
    "next_time": (
        "Book sitting support and lifts a week ahead. Ask the evaluation questions on one "
        "page, straight after each café."
    ),
    "next_time_cy": (
        "Trefnu cymorth eistedd a lifftiau wythnos ymlaen llaw. Gofyn y cwestiynau gwerthuso "
        "ar un dudalen, yn syth ar ôl pob caffi."
    ),
    "easy_read": (
        "Carers ran 11 cafés.\n"
        "Carers got time for themselves.\n"
        "Some carers now look after their own health.\n"
        "The cafés will go on.\n"
        "Carers will run them."
    ),
    "easy_read_cy": (
        "Roedd gofalwyr yn rhedeg 11 caffi.\n"
        "Cafodd gofalwyr amser iddyn nhw eu hunain.\n"
        "Mae rhai gofalwyr nawr yn gofalu am eu hiechyd eu hunain.\n"
        "Bydd y caffis yn parhau.\n"
        "Bydd gofalwyr yn eu rhedeg."
    ),
}


def review(cafes: Project, hosts: list[Person], by: User, today: datetime.date) -> int:
    """The group considers the last answers, the cafés move to Review, and the review is
    drafted, commented on, revised, agreed and published. Returns how many were sent it."""
    considered_at = at(today - datetime.timedelta(days=14), 16)
    waiting = Contribution.objects.filter(project=cafes, status=ResponseStatus.NEW)
    contributions.respond_to_all(
        waiting,
        ResponseStatus.CONSIDERED,
        "Read together at the hosts' review meeting; it is in the final review.",
        by,
    )
    Contribution.objects.filter(project=cafes, responded_at__gt=considered_at).update(
        responded_at=considered_at
    )
    meeting = demo_projects.past_activity(
        Draw.seeded(today, seed=1212),
        cafes,
        stage=Stage.EVALUATION,
        kind=ActivityKind.MEETING,
        title="Hosts' review meeting",
        starts_at=at(considered_at.date(), 14),
        people=hosts,
        by=by,
        place=demo_projects.CENTRE,
        notes="We read every answer together and agreed what the review should say.",
    )
    Invitation.objects.filter(activity=meeting).update(
        reply=Reply.COMING, attended=True, attended_minutes=120
    )
    change = projects.move_stage(by, cafes, Stage.REVIEW, "The hosts' review meeting.")
    StageChange.objects.filter(pk=change.pk).update(changed_at=considered_at)
    first = {**REVIEW, "next_time": "Book sitting support a week ahead."}
    drafted = review_actions.save_draft(by, cafes, first, now=at(today - datetime.timedelta(10)))
    said_at = at(today - datetime.timedelta(days=8), 14)
    review_actions.comment(drafted, hosts[0], Agreement.AGREE, "", now=said_at)
    review_actions.comment(
        drafted,
        hosts[1],
        Agreement.NOT_YET,
        "Say we need lifts as well as sitting support: the bus only runs every hour.",
        now=said_at,
    )
    revised = review_actions.save_draft(by, cafes, REVIEW, now=at(today - datetime.timedelta(6)))
    agreed_at = at(today - datetime.timedelta(days=5), 12)
    for host in hosts:
        review_actions.comment(revised, host, Agreement.AGREE, "", now=agreed_at)
    published_at = at(today - datetime.timedelta(days=3), 10)
    told = review_actions.publish(by, cafes, now=published_at)
    Review.objects.filter(pk=revised.pk).update(published_at=published_at)
    sent(f"{review_actions.KIND}.{revised.pk}.", published_at)
    return len(told)
