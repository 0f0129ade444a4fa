"""Demo You Said, We Did at Riverside: what the discharge group's views led to (its board
is public) and what the young carers' views led to (their board is for the group only).

Actions are recorded and moved on through `coproduce.accountability.actions`, so the
contributions they answer get their responses and their givers the messages they would
have been sent; then everything is dated back to when it happened, and the messages are
marked as sent (nothing is really sent while building the demo).
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from coproduce.accountability import actions, rules
from coproduce.accountability.models import Action, ActionStatus, ActionUpdate, Comment, QuoteKind
from coproduce.accounts.models import User
from coproduce.contributions.models import Contribution
from coproduce.decisions.models import Proposal
from coproduce.notifications.models import Message, Status
from coproduce.people.models import Person
from coproduce.projects.models import GroupRole, Project, ProjectMember
from coproduce.tenancy.models import Organisation

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Step:
    status: ActionStatus
    days_ago: int
    note: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Story:
    title: str
    description: str
    said: list[str]  # the start of the words of each contribution it answers
    steps: list[Step]  # the first is when it was recorded (planned or in progress)
    planned_in_days: int | None = None
    evidence: str = ""
    evidence_link: str = ""
    decision: str = ""  # the start of the title of the group's decision it carries out
    comments: list[str] = field(default_factory=list)


DISCHARGE = [
    Story(
        title="The ward phones the carer 48 hours before discharge",
        description="Step one of the revised discharge checklist: the ward phones the carer "
        "two days before, and again on the day, so nobody finds out from the ambulance crew.",
        said=["Nobody told me Mum was coming home", "The ward said they tried to ring"],
        steps=[
            Step(ActionStatus.PLANNED, 120),
            Step(ActionStatus.IN_PROGRESS, 60, "Piloted on wards 7 and 9."),
            Step(ActionStatus.DONE, 21, "Both pilot wards phoned every carer in October."),
        ],
        evidence="Revised discharge checklist, section 1; the pilot wards' October audit.",
        evidence_link="https://www.carersuk.org/help-and-advice/practical-support/",
        decision="Pilot the revised checklist",
        comments=[
            "The ward rang me on the Tuesday for a Thursday discharge. It made all the difference.",
            "It worked on ward 7. Can it be every ward next?",
        ],
    ),
    Story(
        title="The carer's phone number is checked when someone is admitted",
        description="Admission staff ask for the carer's number and check it is current.",
        said=["The ward said they tried to ring"],
        steps=[Step(ActionStatus.PLANNED, 115), Step(ActionStatus.DONE, 80)],
        evidence="Admission form updated by the trust's records team.",
    ),
    Story(
        title="A pharmacist goes through new medicines with the carer",
        description="Before discharge, a pharmacist explains every new or changed medicine to "
        "the carer as well as the patient, in person or by phone.",
        said=["We came home with a bag of tablets", "The pharmacist's explanation last week"],
        steps=[
            Step(ActionStatus.PLANNED, 100),
            Step(ActionStatus.IN_PROGRESS, 30, "Running on the two pilot wards."),
        ],
        planned_in_days=45,
        comments=["The pharmacist phoned me at home, which was much easier than going in."],
    ),
    Story(
        title="A simple medicines chart to take home",
        description="A one-page chart of which tablet to take when, written with carers.",
        said=["A simple chart of which tablet when"],
        steps=[Step(ActionStatus.PLANNED, 50)],
        planned_in_days=60,
    ),
    Story(
        title="Hospital beds in place before the person comes home",
        description="We asked whether the hospital could make sure equipment is delivered "
        "before discharge.",
        said=["The hospital bed arrived three days after discharge"],
        steps=[
            Step(ActionStatus.PLANNED, 95),
            Step(
                ActionStatus.NOT_POSSIBLE,
                70,
                reason="Equipment is delivered by the council's contractor, not the hospital. "
                "We have passed carers' views to the council's commissioning team, who are "
                "reviewing the contract next year.",
            ),
        ],
    ),
    Story(
        title="Carers check the equipment list before discharge",
        description="The checklist now asks the ward to go through the equipment list with "
        "the carer, not just the patient.",
        said=["Please make sure the equipment list is checked"],
        steps=[Step(ActionStatus.PLANNED, 40), Step(ActionStatus.DONE, 10)],
        evidence="Revised discharge checklist, section 4.",
    ),
    Story(
        title="A weekend number to ring after discharge",
        description="A phone number carers can ring at weekends with questions after someone "
        "comes home from hospital.",
        said=["Weekend discharges are the worst"],
        steps=[Step(ActionStatus.PLANNED, 14)],
        planned_in_days=90,
    ),
    Story(
        title="Ask carers how they are, not just whether they can cope",
        description="The checklist asks about the carer's own health and offers a carer's "
        "assessment and support from the centre.",
        said=["Ask carers how they are too", "I have not slept properly"],
        steps=[Step(ActionStatus.PLANNED, 35), Step(ActionStatus.IN_PROGRESS, 7)],
        planned_in_days=30,
    ),
]

YOUNG = [
    Story(
        title="A named young carers' lead in every school",
        description="Each school names a member of staff young carers can go to, who can "
        "sort out late marks and homework deadlines without a fuss.",
        said=["Teachers give detention", "I need more time for homework"],
        steps=[
            Step(ActionStatus.PLANNED, 40),
            Step(ActionStatus.IN_PROGRESS, 12, "Six of the eleven schools have named a lead."),
        ],
        planned_in_days=60,
        comments=["My school has one now. She is nice."],
    ),
    Story(
        title="A private young carer card",
        description="A card only you and your lead teacher know about, to show when you need "
        "a bit of time.",
        said=["I don't want everyone in class to know", "Things at home are harder"],
        steps=[Step(ActionStatus.PLANNED, 20)],
        planned_in_days=75,
    ),
]


@dataclass(frozen=True)
class AccountabilitySummary:
    actions: int
    comments: int
    public_boards: int


def at(day: datetime.date, hour: int = 15) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


def said_in(project: Project, starts: list[str]) -> list[Contribution]:
    """The project's contributions whose words start so (any that are not there are left out)."""
    found = []
    for start in starts:
        contribution = Contribution.objects.filter(project=project, text__startswith=start).first()
        if contribution is not None:
            found.append(contribution)
    return found


def tell(story: Story, project: Project, today: datetime.date, by: User) -> Action:
    first, *rest = story.steps
    decisions = Proposal.objects.filter(project=project, title__startswith=story.decision)
    action = actions.record_action(
        project,
        actions.Details(
            title=story.title,
            description=story.description,
            planned_for=today + datetime.timedelta(days=story.planned_in_days)
            if story.planned_in_days is not None
            else None,
            evidence=story.evidence,
            evidence_link=story.evidence_link,
        ),
        said_in(project, story.said),
        by,
        status=first.status,
        proposals=list(decisions) if story.decision else [],
    )
    dated(action, first, today)
    for step in rest:
        action = actions.change_status(
            action,
            step.status,
            by,
            reason=step.reason,
            note=step.note,
            done_on=today - datetime.timedelta(days=step.days_ago),
        )
        dated(action, step, today)
    when = at(today - datetime.timedelta(days=story.steps[-1].days_ago))
    Action.objects.filter(pk=action.pk).update(
        created_at=at(today - datetime.timedelta(days=first.days_ago)), updated_at=when
    )
    return action


def dated(action: Action, step: Step, today: datetime.date) -> None:
    """Date the step's history line, and the messages it sent, to when it happened."""
    when = at(today - datetime.timedelta(days=step.days_ago))
    latest = ActionUpdate.objects.filter(action=action).latest("pk")
    ActionUpdate.objects.filter(pk=latest.pk).update(changed_at=when)
    Message.objects.filter(
        idempotency_key__startswith=f"accountability.{action.pk}.",
        status__in=[Status.QUEUED, Status.PHONE_CALL_NEEDED],
    ).update(status=Status.SENT, sent_at=when, created_at=when)
    Contribution.objects.filter(answered_by=action, responded_at__isnull=False).filter(
        responded_at__gt=when
    ).update(responded_at=when)


def comment(
    action: Action, people: list[Person], texts: list[str], today: datetime.date, by: User
) -> int:
    """The group's comments, each read and published by the coordinator."""
    for number, (person, text) in enumerate(zip(people, texts, strict=False)):
        made = actions.add_comment(action, person, text)
        actions.moderate(made, True, by)
        Comment.objects.filter(pk=made.pk).update(
            created_at=at(today - datetime.timedelta(days=5 - number), 11)
        )
    return min(len(people), len(texts))


def first_action(project: Project, title: str) -> Action:
    return Action.objects.get(project=project, title__startswith=title)


def close_the_loop(
    project: Project, margaret: Person | None, today: datetime.date, by: User
) -> None:
    """The public board's loop: Margaret is asked to approve her words (waiting, on her
    own page and by the link in her email); another carer's words approved; an anonymous
    view in the coordinator's own words; a comment from the public published and one
    waiting to be read; and Margaret's answer to "Did it make a difference?"."""
    phoned = first_action(project, "The ward phones the carer")
    mine = said_in(project, ["Nobody told me Mum was coming home"])
    if margaret is not None and mine and mine[0].person_id == margaret.pk:
        actions.propose_quote(
            phoned,
            mine[0],
            "Nobody told me Mum was coming home until the ambulance was outside.",
            by,
        )
        actions.record_difference(
            phoned,
            margaret,
            "yes",
            "The ward rang me on Tuesday, two days before Mum came home. I could arrange "
            "time off work.",
            "identifiable",
        )
    medicines = first_action(project, "A pharmacist goes through")
    chart = first_action(project, "A simple medicines chart")
    wanted = [
        (medicines, "We came home with a bag of tablets", "We came home with a bag of tablets "
         "and no one explained the new ones."),
        (chart, "A simple chart", "Someone told us that a chart showing which medicine to "
         "give at what time would help."),
    ]  # fmt: skip
    for action, start, words in wanted:
        found = said_in(project, [start])
        if not found or not action.contributions.filter(pk=found[0].pk).exists():
            continue
        kind = actions.quote_kind(found[0])
        if kind == QuoteKind.PARAPHRASE and rules.is_verbatim(found[0].text, words):
            words = "A carer told us nobody explained the new medicines before discharge."
        quote = actions.propose_quote(action, found[0], words, by)
        if quote.kind == QuoteKind.QUOTE:
            actions.answer_quote(quote, actions.QuoteAnswer.APPROVE)
    Message.objects.filter(kind="accountability.quote", status__in=[Status.QUEUED]).update(
        status=Status.SENT, sent_at=at(today)
    )
    published = actions.add_public_comment(
        phoned, "My dad was discharged in November and the ward phoned me first. Thank you.", "Pat"
    )
    actions.moderate(published, True, by)
    actions.add_public_comment(medicines, "Will the medicines chart be in Welsh as well?", "")


def carers_of(project: Project) -> list[Person]:
    return [
        m.person
        for m in ProjectMember.objects.filter(project=project, left_on=None, role=GroupRole.CARER)
        .select_related("person")
        .order_by("pk")
    ]


def build(
    *,
    today: datetime.date,
    centre: Organisation,
    coordinator_user: User,
    margaret: Person | None = None,
) -> AccountabilitySummary:
    """Eight actions on the discharge project (board public) and two on the young carers'
    project (board for the group), with comments from group members. Needs the demo's
    projects, contributions and decisions to have been built first."""
    discharge = Project.objects.get(organisation=centre, title__startswith="Hospital discharge")
    young = Project.objects.get(organisation=centre, title__startswith="Young carers' voice")
    comments = 0
    for project, stories in ((discharge, DISCHARGE), (young, YOUNG)):
        people = carers_of(project)
        for story in stories:
            action = tell(story, project, today, coordinator_user)
            comments += comment(action, people, story.comments, today, coordinator_user)
    actions.choose_public(discharge, True, coordinator_user)
    close_the_loop(discharge, margaret, today, coordinator_user)
    actions.choose_public(young, False, coordinator_user)
    return AccountabilitySummary(
        actions=Action.objects.filter(project__organisation=centre).count(),
        comments=comments,
        public_boards=1,
    )
