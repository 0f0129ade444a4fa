"""What the load harness writes to at once, and how it counts what was stored.

`benchmarks/harness.py` has many people write at the same moment through the real pages:
carers answering one public survey, carers replying to invitations and giving positions on
proposals. Each run makes its own fresh targets in the first generated organisation (a
project named "Load test" with the time, whose group is that organisation's carers with
accounts), so runs do not disturb one another or the generated data, and the rows each kind
of write should add can be counted before and after: a write the server answered 2xx/3xx
that left no row is a lost write.
"""

from dataclasses import asdict, dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from coproduce.activities.models import Activity, ActivityKind, ActivityStatus, Format, Invitation
from coproduce.activities.models import Reply as InvitationReply
from coproduce.decisions.models import Position, Proposal
from coproduce.demo.scale import EMAIL_DOMAIN, SLUG_PREFIX
from coproduce.people.models import Person
from coproduce.projects.models import GroupRole, Project, ProjectMember, Stage
from coproduce.surveys.models import Audience, Layout, Question, QuestionKind, Survey, SurveyStatus
from coproduce.surveys.models import Response as SurveyResponse
from coproduce.tenancy.models import Organisation

ORGANISATION = f"{SLUG_PREFIX}001"


@dataclass(frozen=True)
class Targets:
    """Where the harness writes: `rounds` proposals and activities, each for every carer."""

    project: int
    carers: list[str]  # the carers' sign-in emails, in the order the harness uses them
    survey: str  # the public id of the open public survey
    question: int
    proposals: list[int]
    activities: list[int]

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def carers_with_accounts(organisation: Organisation) -> list[Person]:
    return list(
        Person.objects.filter(organisation=organisation, user__email__endswith=f"@{EMAIL_DOMAIN}")
        .filter(user__email__startswith="carer.")
        .select_related("user")
        .order_by("user__email")
    )


@transaction.atomic
def prepare(rounds: int) -> Targets:
    """A fresh project in the first generated organisation, with its carers with accounts
    as the group, an open public survey, and `rounds` open proposals and upcoming
    activities (everyone invited, nobody replied yet)."""
    now = timezone.now()
    organisation = Organisation.objects.get(slug=ORGANISATION)
    carers = carers_with_accounts(organisation)
    coordinator = Person.objects.get(
        organisation=organisation, user__email__startswith="coordinator."
    )
    project = Project.objects.create(
        organisation=organisation,
        title=f"Load test {now:%Y-%m-%d %H:%M:%S}",
        aims="Many people writing at once.",
        coordinator=coordinator,
        starts_on=now.date(),
        stage=Stage.PLANNING,
    )
    ProjectMember.objects.bulk_create(
        ProjectMember(project=project, person=p, role=GroupRole.CARER, joined_on=now.date())
        for p in carers
    )
    survey = Survey.objects.create(
        project=project,
        title="What would make a break possible for you?",
        audience=Audience.PUBLIC,
        layout=Layout.ALL_ON_ONE_PAGE,
        status=SurveyStatus.OPEN,
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=14),
    )
    question = Question.objects.create(
        survey=survey, position=1, kind=QuestionKind.FREE_TEXT, text="Tell us in your words"
    )
    proposals = Proposal.objects.bulk_create(
        Proposal(
            project=project,
            title=f"Agree the plan, part {number + 1}",
            background="What the group has worked on.",
            options="Agree, or say what to change.",
            deadline=now + timedelta(days=14),
            proposed_at=now,
        )
        for number in range(rounds)
    )
    activities = Activity.objects.bulk_create(
        Activity(
            project=project,
            stage=Stage.PLANNING,
            kind=ActivityKind.MEETING,
            title=f"Group meeting {number + 1}",
            format=Format.IN_PERSON,
            status=ActivityStatus.SCHEDULED,
            starts_at=(now + timedelta(days=30)).replace(minute=0, second=0, microsecond=0),
            venue_name="Community Centre",
            step_free=True,
        )
        for number in range(rounds)
    )
    Invitation.objects.bulk_create(
        Invitation(activity=a, person=p, reply=InvitationReply.WAITING)
        for a in activities
        for p in carers
    )
    return Targets(
        project=project.pk,
        carers=[p.user.email for p in carers if p.user is not None],
        survey=str(survey.public_id),
        question=question.pk,
        proposals=[p.pk for p in proposals],
        activities=[a.pk for a in activities],
    )


def stored(project_pk: int) -> dict[str, int]:
    """Rows the harness's writes have stored in the load-test project: answers sent to its
    survey, invitations replied to, positions given."""
    return {
        "survey": SurveyResponse.objects.filter(
            survey__project_id=project_pk, submitted_at__isnull=False
        ).count(),
        "replies": Invitation.objects.filter(activity__project_id=project_pk)
        .exclude(reply=InvitationReply.WAITING)
        .count(),
        "positions": Position.objects.filter(proposal__project_id=project_pk).count(),
    }
