"""Demo survey: an open consultation on the hospital discharge project, in English and
Welsh, with a conditional question, about thirty responses (the group's carers as each
chose to share, people without accounts, two typed in from paper) and published results."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.contributions.models import Privacy
from coproduce.demo.plans import Draw
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.surveys import actions
from coproduce.surveys.models import (
    Audience,
    Layout,
    Question,
    QuestionKind,
    ResponseChannel,
    Survey,
)
from coproduce.tenancy.models import Organisation

Kind = QuestionKind

# (kind, English, Welsh, hint, Welsh hint, required, [(option, Welsh option)])
QUESTIONS: list[tuple[Kind, str, str, str, str, bool, list[tuple[str, str]]]] = [
    (
        Kind.YES_NO,
        "Were you told when the person you care for would be leaving hospital?",
        "A gawsoch chi wybod pryd y byddai'r person rydych chi'n gofalu amdano yn gadael yr "
        "ysbyty?",
        "Think about the last time they came home from Riverside Hospital.",
        "Meddyliwch am y tro diwethaf iddyn nhw ddod adref o Ysbyty Riverside.",
        True,
        [],
    ),
    (
        Kind.SINGLE_CHOICE,
        "How much notice were you given?",
        "Faint o rybudd a gawsoch chi?",
        "",
        "",
        True,
        [
            ("On the day", "Ar y diwrnod"),
            ("1 day", "1 diwrnod"),
            ("2 to 3 days", "2 i 3 diwrnod"),
            ("More than 3 days", "Mwy na 3 diwrnod"),
        ],
    ),
    (
        Kind.MULTIPLE_CHOICE,
        "Which of these were explained to you before they came home?",
        "Pa rai o'r rhain a gafodd eu hesbonio i chi cyn iddyn nhw ddod adref?",
        "Choose all that were explained.",
        "Dewiswch bob un a gafodd ei esbonio.",
        False,
        [
            ("New medicines", "Meddyginiaethau newydd"),
            ("Equipment at home", "Offer yn y cartref"),
            ("Who to call for help", "Pwy i'w ffonio am help"),
            ("Follow-up appointments", "Apwyntiadau dilynol"),
        ],
    ),
    (
        Kind.RATING,
        "How well did the discharge go for you as a carer?",
        "Pa mor dda aeth y rhyddhau i chi fel gofalwr?",
        "1 is very badly, 5 is very well.",
        "Mae 1 yn wael iawn, mae 5 yn dda iawn.",
        True,
        [],
    ),
    (
        Kind.YES_NO,
        "Would a discharge checklist for carers have helped?",
        "A fyddai rhestr wirio rhyddhau i ofalwyr wedi helpu?",
        "",
        "",
        True,
        [],
    ),
    (
        Kind.FREE_TEXT,
        "What one thing would have made the biggest difference?",
        "Pa un peth fyddai wedi gwneud y gwahaniaeth mwyaf?",
        "",
        "",
        False,
        [],
    ),
]

WRITTEN = [
    "A phone call the day before, so I could arrange time off work.",
    "Someone explaining the new tablets to me, not just to Dad.",
    "Knowing who to ring at the weekend when the carers did not turn up.",
    "The hospital bed being delivered before Mum came home, not three days after.",
    "Being asked whether I could actually cope, instead of it being assumed.",
    "A written list of what changed while he was in hospital.",
    "Transport home that had room for the wheelchair.",
    "Being included in the ward round conversation about discharge.",
    "Having the discharge letter sent to the GP the same day.",
    "A named nurse I could call with questions in the first week.",
    "Simply being told the date. Everything else I could have sorted out.",
    "Time to get the house ready: we had to move a bed downstairs in an evening.",
]


@dataclass(frozen=True)
class SurveysSummary:
    surveys: int
    responses: int


def add_questions(survey: Survey) -> list[Question]:
    questions: list[Question] = []
    for kind, text, text_cy, hint, hint_cy, required, options in QUESTIONS:
        # "How much notice?" is asked only of people who were told.
        condition = None
        if text.startswith("How much notice"):
            condition = questions[0].options.get(text="Yes")
        questions.append(
            actions.save_question(
                survey,
                {
                    "kind": kind,
                    "text": text,
                    "text_cy": text_cy,
                    "hint": hint,
                    "hint_cy": hint_cy,
                    "required": required,
                    "condition": condition,
                    "options": options,
                },
            )
        )
    return actions.questions_of(survey)


def answers_for(draw: Draw, questions: list[Question]) -> dict[int, actions.Given]:
    told, notice, explained, rating, checklist, written = questions
    options = {q.pk: list(q.options.all()) for q in questions}
    was_told = draw.chance(0.55)
    given: dict[int, actions.Given] = {
        told.pk: [options[told.pk][0 if was_told else 1].pk],
        explained.pk: [o.pk for o in options[explained.pk] if draw.chance(0.35)],
        rating.pk: str(draw.weighted([(1, 3), (2, 5), (3, 4), (4, 2), (5, 1)])),
        checklist.pk: [options[checklist.pk][0 if draw.chance(0.85) else 1].pk],
    }
    if was_told:
        notice_options = options[notice.pk]
        chosen = draw.weighted([(0, 5), (1, 3), (2, 2), (3, 1)])
        given[notice.pk] = [notice_options[chosen].pk]
    if draw.chance(0.7):
        given[written.pk] = draw.rng.choice(WRITTEN)
    return given


def respond(
    draw: Draw,
    survey: Survey,
    questions: list[Question],
    person: Person | None,
    privacy: str,
    channel: ResponseChannel = ResponseChannel.WEB,
    by: User | None = None,
) -> None:
    response = actions.start_response(survey, person, privacy, channel, by)
    actions.save_answers(response, questions, answers_for(draw, questions))
    actions.submit(response, by=by)


def build(
    draw: Draw, *, today: datetime.date, centre: Organisation, coordinator_user: User
) -> SurveysSummary:
    """One open, public consultation on the discharge project with its results published."""
    discharge = Project.objects.get(organisation=centre, title__startswith="Hospital discharge")
    survey = Survey.objects.create(
        project=discharge,
        title="Coming home from hospital: tell us how it went",
        title_cy="Dod adref o'r ysbyty: dywedwch wrthym sut aeth hi",
        intro=(
            "Six short questions about the last time the person you care for came home from "
            "Riverside Hospital. It takes about five minutes. Your answers help the group "
            "design the new discharge checklist."
        ),
        intro_cy=(
            "Chwe chwestiwn byr am y tro diwethaf i'r person rydych chi'n gofalu amdano ddod "
            "adref o Ysbyty Riverside. Mae'n cymryd tua phum munud. Mae eich atebion yn helpu'r "
            "grŵp i gynllunio'r rhestr wirio rhyddhau newydd."
        ),
        audience=Audience.PUBLIC,
        layout=Layout.ONE_PER_PAGE,
        opens_at=timezone.make_aware(
            datetime.datetime.combine(today - datetime.timedelta(days=12), datetime.time())
        ),
        closes_at=timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=16), datetime.time(23, 59))
        ),
    )
    questions = add_questions(survey)
    actions.open_survey(survey)

    carers = list(
        Person.objects.filter(
            project_memberships__project=discharge,
            project_memberships__left_on=None,
            carer_profile__isnull=False,
        ).select_related("carer_profile")
    )
    # The group's carers answer online as each chose on their profile (two on paper).
    for number, person in enumerate(carers):
        paper = number in (1, 4)
        respond(
            draw,
            survey,
            questions,
            person,
            actions.default_privacy(person),
            ResponseChannel.PAPER if paper else ResponseChannel.WEB,
            coordinator_user if paper else None,
        )
    # Carers who are not on file answer through the public link, anonymously.
    for _number in range(max(30 - len(carers), 12)):
        respond(draw, survey, questions, None, Privacy.ANONYMOUS)
    actions.publish_results(survey, [q.pk for q in questions], True)
    return SurveysSummary(surveys=1, responses=survey.responses.count())
