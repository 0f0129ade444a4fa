"""A survey's results for one viewer: totals and percentages for every option and
rating, and the written answers that viewer may see. A fixed number of queries whatever
the number of responses.

Confidential answers are only ever counted here: their words never reach a results
page, an export or a published page (the coordinator reads them among the project's
contributions). Names follow `coproduce.contributions.rules`; published pages and
exports show none, except identifiable names in exports for staff.
"""

import enum
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from coproduce.contributions import rules as privacy_rules
from coproduce.contributions.models import Privacy
from coproduce.contributions.rules import Viewer
from coproduce.surveys import actions, rules
from coproduce.surveys.models import Answer, Option, Question, QuestionKind, Response, Survey

# Written answers listed per page (every one is still counted; exports have them all).
TEXT_LIMIT = 500


class Use(enum.Enum):
    PAGE = "page"  # the staff results page
    EXPORT = "export"  # CSV and spreadsheet downloads
    PUBLISHED = "published"  # the published page, for the public or the group


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class Written:
    text: str
    name: str | None


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    bars: list[Bar] = field(default_factory=list)
    written: list[Written] = field(default_factory=list)
    confidential: int = 0
    not_listed: int = 0

    @property
    def peak(self) -> int:
        return max((bar.count for bar in self.bars), default=0)


@dataclass(frozen=True)
class Results:
    survey: Survey
    responses: int
    questions: list[QuestionResult]


def name_for(
    viewer: Viewer, use: Use, privacy: str, person_id: int | None, owner: int, name: str
) -> str | None:
    if use is Use.PUBLISHED or person_id is None:
        return None
    if use is Use.EXPORT:
        return name if privacy == Privacy.IDENTIFIABLE and viewer.staff else None
    return name if privacy_rules.may_see_name(viewer, privacy, person_id, owner) else None


def may_list(viewer: Viewer, use: Use, privacy: str, person_id: int | None, owner: int) -> bool:
    if privacy == Privacy.CONFIDENTIAL:
        return False
    if use is Use.PUBLISHED and not privacy_rules.may_publish(privacy):
        return False
    return privacy_rules.may_see_text(viewer, privacy, person_id, owner)


def build(survey: Survey, viewer: Viewer, use: Use = Use.PAGE) -> Results:
    questions = actions.questions_of(survey)
    if use is Use.PUBLISHED:
        questions = [q for q in questions if q.published]
    done = Response.objects.filter(survey=survey, submitted_at__isnull=False)
    answers = Answer.objects.filter(response__in=done)
    responses = done.count()
    answered = dict(
        answers.order_by()
        .values_list("question_id")
        .annotate(n=Count("pk"))
        .values_list("question_id", "n")
    )
    chosen = dict(
        Option.objects.filter(question__survey=survey)
        .annotate(
            n=Count(
                "answers",
                filter=Q(
                    answers__response__submitted_at__isnull=False,
                    answers__response__survey=survey,
                ),
            )
        )
        .values_list("pk", "n")
    )
    ratings: Counter[tuple[int, str]] = Counter(
        {
            (qid, value): n
            for qid, value, n in answers.filter(question__kind=QuestionKind.RATING)
            .order_by()
            .values_list("question_id", "value")
            .annotate(n=Count("pk"))
        }
    )
    results = {q.pk: QuestionResult(q, answered.get(q.pk, 0)) for q in questions}
    for question in questions:
        result = results[question.pk]
        if question.has_options:
            labels = [(o.shown("text"), chosen.get(o.pk, 0)) for o in question.options.all()]
        elif question.kind == QuestionKind.RATING:
            labels = [(str(n), ratings[(question.pk, str(n))]) for n in range(1, 6)]
        else:
            continue
        counts = [count for _label, count in labels]
        if question.kind == QuestionKind.MULTIPLE_CHOICE:
            percents = [rules.share(count, result.answered) for count in counts]
        else:
            percents = rules.percentages(counts)
        result.bars = [
            Bar(label, count, percent)
            for (label, count), percent in zip(labels, percents, strict=True)
        ]
    add_written(survey, viewer, use, answers, results)
    return Results(survey, responses, list(results.values()))


def add_written(
    survey: Survey,
    viewer: Viewer,
    use: Use,
    answers: QuerySet[Answer],
    results: dict[int, QuestionResult],
) -> None:
    """Written answers the viewer may read, as private as each contribution is now (its
    giver may have made it more private since)."""
    rows = (
        answers.filter(question__kind=QuestionKind.FREE_TEXT, question_id__in=list(results))
        .select_related("contribution__person", "response")
        .order_by("question_id", "pk")
    )
    owner = survey.project.organisation_id
    for answer in rows.iterator() if use is Use.EXPORT else rows:
        result = results[answer.question_id]
        contribution = answer.contribution
        privacy = contribution.privacy if contribution else answer.response.privacy
        person = contribution.person if contribution else None
        person_id = person.pk if person is not None else None
        if not may_list(viewer, use, privacy, person_id, owner):
            result.confidential += 1
            continue
        if use is not Use.EXPORT and len(result.written) >= TEXT_LIMIT:
            result.not_listed += 1
            continue
        name = name_for(viewer, use, privacy, person_id, owner, person.full_name if person else "")
        result.written.append(Written(answer.value, name))


@dataclass(frozen=True)
class ExportRow:
    response: int
    submitted: str
    channel: str
    name: str
    number: int
    question: str
    answer: str


def export_rows(survey: Survey, viewer: Viewer) -> tuple[list[ExportRow], int]:
    """One row per answer, for CSV and spreadsheet downloads, and how many confidential
    answers were left out (they are in the totals only)."""
    questions = {q.pk: q for q in actions.questions_of(survey)}
    answers = (
        Answer.objects.filter(response__survey=survey, response__submitted_at__isnull=False)
        .select_related("response", "contribution__person")
        .prefetch_related("options")
        .order_by("response__submitted_at", "response_id", "question__position")
    )
    owner = survey.project.organisation_id
    rows: list[ExportRow] = []
    left_out = 0
    numbers: dict[int, int] = {}
    for answer in answers:
        contribution = answer.contribution
        privacy = contribution.privacy if contribution else answer.response.privacy
        person = contribution.person if contribution else None
        person_id = person.pk if person is not None else None
        if not may_list(viewer, Use.EXPORT, privacy, person_id, owner):
            left_out += 1
            continue
        question = questions[answer.question_id]
        value: actions.Given = (
            [o.pk for o in answer.options.all()] if question.has_options else answer.value
        )
        number = numbers.setdefault(answer.response_id, len(numbers) + 1)
        submitted_at = answer.response.submitted_at
        rows.append(
            ExportRow(
                response=number,
                submitted=submitted_at.date().isoformat() if submitted_at else "",
                channel=answer.response.get_channel_display(),
                name=name_for(
                    viewer,
                    Use.EXPORT,
                    privacy,
                    person_id,
                    owner,
                    person.full_name if person else "",
                )
                or "",
                number=question.position,
                question=question.shown("text"),
                answer=actions.answer_display(question, value),
            )
        )
    return rows, left_out
