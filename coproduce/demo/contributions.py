"""Demo contributions: what carers said to the Riverside projects, through every channel,
as privately as each chose, with themes and responses, some still waiting; and open-door
feedback to the centre. Margaret's views are answered, so she sees what happened."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.activities.invitation_actions import record_follow_up_reply
from coproduce.activities.models import Invitation
from coproduce.contributions import actions
from coproduce.contributions.models import (
    Contribution,
    ContributionChannel,
    Privacy,
    ResponseStatus,
)
from coproduce.demo.plans import Draw
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.tenancy.models import Organisation

Channel = ContributionChannel

# (channel, privacy, theme, words, response status, our response)
DISCHARGE_VIEWS = [
    (
        Channel.MEETING,
        Privacy.IDENTIFIABLE,
        "Being told in time",
        "Nobody told me Mum was coming home until the ambulance was outside. I had to leave work "
        "with no notice.",
        ResponseStatus.ACTED_ON,
        "The checklist now asks the ward to phone the carer 48 hours before discharge.",
    ),
    (
        Channel.PHONE,
        Privacy.ANONYMOUS_TO_GROUP,
        "Being told in time",
        "The ward said they tried to ring but they had an old number from years ago.",
        ResponseStatus.ACTED_ON,
        "Wards now check the carer's number at admission.",
    ),
    (
        Channel.LETTER,
        Privacy.IDENTIFIABLE,
        "Medicines",
        "We came home with a bag of tablets and no one explained the new ones. I was frightened "
        "of getting it wrong.",
        ResponseStatus.PLANNED,
        "The pharmacy team will go through new medicines with carers before discharge.",
    ),
    (
        Channel.SURVEY,
        Privacy.ANONYMOUS,
        "Medicines",
        "A simple chart of which tablet when would have helped.",
        ResponseStatus.PLANNED,
        "A medicines chart is part of the pilot.",
    ),
    (
        Channel.VISIT,
        Privacy.CONFIDENTIAL,
        "Carer's own health",
        "I have not slept properly since he came home. I did not want to say this in the group.",
        ResponseStatus.CONSIDERED,
        "Our carer support worker has been in touch.",
    ),
    (
        Channel.MEETING,
        Privacy.IDENTIFIABLE,
        "Equipment",
        "The hospital bed arrived three days after discharge. We slept in chairs.",
        ResponseStatus.NOT_TAKEN_FORWARD,
        "Equipment is delivered by the council's contractor, not the hospital. We have passed "
        "this to the council's commissioning team.",
    ),
    (
        Channel.EMAIL,
        Privacy.ANONYMOUS_TO_GROUP,
        "Being told in time",
        "Weekend discharges are the worst: nobody to ask anything until Monday.",
        ResponseStatus.NEW,
        "",
    ),
    (
        Channel.VIDEO,
        Privacy.IDENTIFIABLE,
        "Equipment",
        "Please make sure the equipment list is checked with the carer, not just the patient.",
        ResponseStatus.NEW,
        "",
    ),
    (
        Channel.FOLLOW_UP,
        Privacy.IDENTIFIABLE,
        "Medicines",
        "The pharmacist's explanation last week was really clear. Thank you.",
        ResponseStatus.CONSIDERED,
        "Thank you: we have shared this with the pharmacy team.",
    ),
    (
        Channel.WEB,
        Privacy.ANONYMOUS_TO_GROUP,
        "Carer's own health",
        "Ask carers how they are too, not just whether they can cope.",
        ResponseStatus.NEW,
        "",
    ),
]

YOUNG_CARER_VIEWS = [
    (
        Channel.MEETING,
        Privacy.IDENTIFIABLE,
        "Homework",
        "Teachers give detention when I am late because I was getting my brother ready.",
        ResponseStatus.PLANNED,
        "Schools will be asked to name a young carers' lead.",
    ),
    (
        Channel.WEB,
        Privacy.ANONYMOUS_TO_GROUP,
        "Homework",
        "I need more time for homework some weeks.",
        ResponseStatus.NEW,
        "",
    ),
    (
        Channel.SURVEY,
        Privacy.ANONYMOUS,
        "Being believed",
        "I don't want everyone in class to know I am a carer.",
        ResponseStatus.CONSIDERED,
        "The school card will be private between you and your lead teacher.",
    ),
    (
        Channel.PHONE,
        Privacy.CONFIDENTIAL,
        "Being believed",
        "Things at home are harder than I said at the meeting.",
        ResponseStatus.CONSIDERED,
        "Our young carers' worker has called you back.",
    ),
]

OPEN_DOOR = [
    "The centre's phone line is engaged every Monday morning.",
    "The wellbeing café was the first time I laughed in months. Thank you.",
    "Could some meetings be in the evening for working carers?",
]


@dataclass(frozen=True)
class ContributionsSummary:
    contributions: int
    waiting: int


def build(
    draw: Draw,
    *,
    today: datetime.date,
    centre: Organisation,
    coordinator_user: User,
    margaret: Person,
) -> ContributionsSummary:
    discharge = Project.objects.get(organisation=centre, title__startswith="Hospital discharge")
    young = Project.objects.get(organisation=centre, title__startswith="Young carers' voice")
    add_views(draw, discharge, DISCHARGE_VIEWS, today, coordinator_user, first=margaret)
    add_views(draw, young, YOUNG_CARER_VIEWS, today, coordinator_user)
    add_follow_up_replies(discharge)
    cafes = Project.objects.get(organisation=centre, title="Carers' wellbeing cafés")
    for number, text in enumerate(OPEN_DOOR):
        feedback = actions.record_contribution(
            organisation=centre,
            channel=Channel.OPEN_DOOR,
            privacy=Privacy.ANONYMOUS,
            person=None,
            text=text,
            given_on=today - datetime.timedelta(days=3 + number * 11),
        )
        if "café" in text:  # filed by the coordinator as evidence for the cafés' evaluation
            actions.file_under_project(feedback, cafes)
    mine = Contribution.objects.filter(organisation=centre)
    return ContributionsSummary(
        contributions=mine.count(), waiting=mine.filter(status=ResponseStatus.NEW).count()
    )


def add_views(
    draw: Draw,
    project: Project,
    views: list[tuple[Channel, Privacy, str, str, ResponseStatus, str]],
    today: datetime.date,
    by: User,
    first: Person | None = None,
) -> None:
    members = list(
        Person.objects.filter(project_memberships__project=project, carer_profile__isnull=False)
    )
    activities = list(project.activities.filter(starts_at__lt=timezone.now()))
    for number, (channel, privacy, theme, text, status, response) in enumerate(views):
        person = first if (first is not None and number % 3 == 0) else draw.rng.choice(members)
        given_on = today - datetime.timedelta(days=90 - number * 7)
        contribution = actions.record_contribution(
            organisation=project.organisation,
            project=project,
            activity=draw.rng.choice(activities)
            if activities and channel == Channel.MEETING
            else None,
            channel=channel,
            privacy=privacy,
            person=person,
            text=text,
            given_on=given_on,
            recorded_by=None if channel == Channel.WEB else by,
        )
        actions.set_themes(contribution, [theme])
        if status != ResponseStatus.NEW:
            actions.respond(contribution, status, response, by)


def add_follow_up_replies(project: Project) -> None:
    """Two replies to the after-meeting reach-out, which become contributions themselves."""
    invitations = Invitation.objects.filter(activity__project=project, attended=True).order_by(
        "pk"
    )[:2]
    replies = [
        "I forgot to say: the parking at the hospital costs £12 a day when you visit.",
        "Could the next meeting have a quieter room? It was hard to hear.",
    ]
    for invitation, text in zip(invitations, replies, strict=False):
        record_follow_up_reply(invitation, text)


def recorded_when_given(centre: Organisation) -> None:
    """The demo is built in one go, so every contribution would have been recorded today:
    those still waiting were recorded at noon on the day they were given, so the queue and
    the coordinator's home page show how long each has waited."""
    waiting = list(Contribution.objects.filter(organisation=centre, status=ResponseStatus.NEW))
    for contribution in waiting:
        noon = datetime.datetime.combine(contribution.given_on, datetime.time(12))
        contribution.recorded_at = timezone.make_aware(noon)
    Contribution.objects.bulk_update(waiting, ["recorded_at"], batch_size=500)
