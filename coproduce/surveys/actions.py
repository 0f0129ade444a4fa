"""Verbs for surveys: build one, open and close it, take answers (online, on paper or by
phone), submit a response as one contribution once, and keep answers that come too late."""

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.audit import actions as audit
from coproduce.audit.models import AuditAction, DataCategory
from coproduce.contributions.actions import follow_up_privacy, record_contribution
from coproduce.contributions.models import Contribution, ContributionChannel, Privacy
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.surveys import rules
from coproduce.surveys.models import (
    Answer,
    LateAnswer,
    Option,
    Question,
    QuestionKind,
    Response,
    ResponseChannel,
    Survey,
    SurveyStatus,
)

SURVEY_FIELDS = (
    "title",
    "title_cy",
    "intro",
    "intro_cy",
    "audience",
    "brief",
    "layout",
    "opens_at",
    "closes_at",
)
QUESTION_FIELDS = ("kind", "text", "text_cy", "hint", "hint_cy", "required", "condition")
# Yes and no are options too, so a later question can depend on them.
YES_NO_OPTIONS = [("Yes", "Ie"), ("No", "Na")]

# What a respondent gave for one question: typed text or a rating, or the options chosen.
Given = str | list[int]


class Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Incomplete(Exception):
    """Required questions the respondent has not answered yet."""

    def __init__(self, missing: list[Question]) -> None:
        super().__init__("Unanswered questions")
        self.missing = missing


# --- Reading helpers (used by views too) ---------------------------------------------------


def questions_of(survey: Survey) -> list[Question]:
    """The survey's questions in order, with their options (two queries)."""
    return list(survey.questions.prefetch_related("options"))


def steps_of(questions: Sequence[Question]) -> list[rules.Step]:
    question_of_option = {o.pk: q.pk for q in questions for o in q.options.all()}
    return [
        rules.Step(
            q.pk,
            q.condition_id,
            question_of_option.get(q.condition_id) if q.condition_id else None,
        )
        for q in questions
    ]


def answers_of(response: Response) -> dict[int, Answer]:
    return {a.question_id: a for a in response.answers.prefetch_related("options")}


def chosen_of(answers: Mapping[int, Answer]) -> dict[int, set[int]]:
    return {qid: {o.pk for o in answer.options.all()} for qid, answer in answers.items()}


def chosen_from_given(given: Mapping[int, Given]) -> dict[int, set[int]]:
    return {qid: set(value) for qid, value in given.items() if isinstance(value, list)}


def given_of(answers: Mapping[int, Answer], questions: Sequence[Question]) -> dict[int, Given]:
    kinds = {q.pk: q for q in questions}
    given: dict[int, Given] = {}
    for qid, answer in answers.items():
        question = kinds.get(qid)
        if question is None:
            continue
        given[qid] = [o.pk for o in answer.options.all()] if question.has_options else answer.value
    return given


def answer_display(question: Question, value: Given, english: bool = False) -> str:
    """An answer as words: the options' texts, or "4 out of 5" for a rating."""
    if isinstance(value, list):
        chosen = [o for o in question.options.all() if o.pk in value]
        return "; ".join(o.text if english else o.shown("text") for o in chosen)
    if question.kind == QuestionKind.RATING and value:
        if english:
            return f"{value} out of 5"
        return _("%(rating)s out of 5") % {"rating": value}
    return value


def is_empty(value: Given) -> bool:
    return not value if isinstance(value, list) else not value.strip()


def default_privacy(person: Person | None) -> Privacy:
    """The choice a person made in advance on their profile; anonymous without a record."""
    if person is None:
        return Privacy.ANONYMOUS
    return follow_up_privacy(person)


# --- Building a survey (staff) ------------------------------------------------------------


def _datetime_or_none(value: Any, end: bool = False) -> datetime.datetime | None:
    if value is None or isinstance(value, datetime.datetime):
        return value
    moment = datetime.time(23, 59, 59) if end else datetime.time(0, 0)
    return timezone.make_aware(datetime.datetime.combine(value, moment))


@transaction.atomic
def save_survey(project: Project, data: Mapping[str, Any], survey: Survey | None = None) -> Survey:
    if survey is None:
        survey = Survey(project=project)
    for name in SURVEY_FIELDS:
        setattr(survey, name, data.get(name))
    survey.title_cy = survey.title_cy or ""
    survey.intro = survey.intro or ""
    survey.intro_cy = survey.intro_cy or ""
    survey.opens_at = _datetime_or_none(data.get("opens_at"))
    survey.closes_at = _datetime_or_none(data.get("closes_at"), end=True)
    if survey.audience != "brief":
        survey.brief = None
    survey.save()
    return survey


def _set_options(question: Question, options: Sequence[tuple[str, str]]) -> None:
    """Options are matched by their English text: a listed one is kept (its Welsh and
    place updated), a new one added, and one no longer listed removed, unless answers
    chose it or a question depends on it (renaming one counts as removing it)."""
    current = {option.text: option for option in question.options.all()}
    wanted = {text for text, _welsh in options}
    for option in current.values():
        if option.text in wanted:
            continue
        if option.answers.exists():
            raise Refused(
                _("“%(option)s” has been chosen in answers, so it cannot be removed or renamed")
                % {"option": option.text}
            )
        if Question.objects.filter(condition=option).exists():
            raise Refused(
                _("A question depends on “%(option)s”, so it cannot be removed or renamed")
                % {"option": option.text}
            )
        option.delete()
    for position, (text, text_cy) in enumerate(options, start=1):
        kept = current.get(text)
        if kept is None:
            Option.objects.create(question=question, position=position, text=text, text_cy=text_cy)
        else:
            kept.position, kept.text_cy = position, text_cy
            kept.save(update_fields=["position", "text_cy"])


@transaction.atomic
def save_question(
    survey: Survey, data: Mapping[str, Any], question: Question | None = None
) -> Question:
    """Add a question at the end, or change one. `data["options"]` is a list of
    (English, Welsh) pairs for choice questions."""
    if question is None:
        last = survey.questions.aggregate(last=Max("position"))["last"] or 0
        question = Question(survey=survey, position=last + 1)
    elif question.kind != data["kind"] and question.answers.exists():
        raise Refused(_("This question has answers, so its kind of answer cannot change"))
    for name in QUESTION_FIELDS:
        setattr(question, name, data.get(name))
    question.text_cy = question.text_cy or ""
    question.hint = question.hint or ""
    question.hint_cy = question.hint_cy or ""
    condition = question.condition
    if condition is not None and not rules.condition_is_earlier(
        condition.question.position, question.position
    ):
        raise Refused(_("A question can only depend on a question that comes before it"))
    question.save()
    if question.kind == QuestionKind.YES_NO:
        options: Sequence[tuple[str, str]] = YES_NO_OPTIONS
    elif question.has_options:
        options = data.get("options") or []
    else:
        options = []
    _set_options(question, options)
    return question


@transaction.atomic
def move_question(question: Question, direction: int) -> None:
    """Swap a question with its neighbour, keeping every condition after its question."""
    questions = list(Question.objects.select_for_update().filter(survey_id=question.survey_id))
    index = next(i for i, q in enumerate(questions) if q.pk == question.pk)
    other_index = index + direction
    if not 0 <= other_index < len(questions):
        return
    first, second = sorted([questions[index], questions[other_index]], key=lambda q: q.position)
    if second.condition_id is not None and second.condition_id in {
        o.pk for o in first.options.all()
    }:
        raise Refused(_("A question must come after the question it depends on"))
    first_position, second_position = first.position, second.position
    first.position = 32_000
    first.save(update_fields=["position"])
    second.position = first_position
    second.save(update_fields=["position"])
    first.position = second_position
    first.save(update_fields=["position"])


@transaction.atomic
def remove_question(question: Question) -> None:
    if question.answers.exists():
        raise Refused(_("This question has answers, so it cannot be removed"))
    if Question.objects.filter(condition__question=question).exists():
        raise Refused(_("Another question depends on this one: change that question first"))
    survey_id = question.survey_id
    question.delete()
    for position, later in enumerate(Question.objects.filter(survey_id=survey_id), start=1):
        if later.position != position:
            later.position = position
            later.save(update_fields=["position"])


@transaction.atomic
def open_survey(survey: Survey) -> None:
    if not survey.questions.exists():
        raise Refused(_("Add at least one question before opening the survey"))
    survey.status = SurveyStatus.OPEN
    survey.save(update_fields=["status"])


@transaction.atomic
def close_survey(survey: Survey) -> None:
    survey.status = SurveyStatus.CLOSED
    survey.save(update_fields=["status"])


@transaction.atomic
def publish_results(survey: Survey, question_ids: Sequence[int], publish: bool) -> None:
    survey.questions.update(published=False)
    survey.questions.filter(pk__in=question_ids).update(published=True)
    survey.results_published = publish and bool(question_ids)
    survey.save(update_fields=["results_published"])


# --- Answering ------------------------------------------------------------------------------


@transaction.atomic
def start_response(
    survey: Survey,
    person: Person | None,
    privacy: Privacy | str,
    channel: ResponseChannel = ResponseChannel.WEB,
    entered_by: User | None = None,
) -> Response:
    """A new response, or the person's response already begun (their privacy updated)."""
    if person is not None:
        existing = Response.objects.select_for_update().filter(survey=survey, person=person).first()
        if existing is not None:
            if existing.submitted_at is None:
                existing.privacy = privacy
                existing.save(update_fields=["privacy"])
            return existing
    return Response.objects.create(
        survey=survey, person=person, privacy=privacy, channel=channel, entered_by=entered_by
    )


@transaction.atomic
def save_answers(
    response: Response, questions: Sequence[Question], given: Mapping[int, Given]
) -> None:
    """Keep what was typed for these questions (an empty answer removes an earlier one)."""
    existing = {a.question_id: a for a in response.answers.all()}
    for question in questions:
        if question.pk not in given:
            continue
        value = given[question.pk]
        answer = existing.get(question.pk)
        if is_empty(value):
            if answer is not None:
                answer.delete()
            continue
        if answer is None:
            answer = Answer(response=response, question=question)
        answer.value = "" if isinstance(value, list) else value.strip()
        answer.save()
        answer.options.set(value if isinstance(value, list) else [])


def missing_answers(questions: Sequence[Question], given: Mapping[int, Given]) -> list[Question]:
    """Required questions, among those the respondent should see, left unanswered."""
    shown = {
        s.question_id for s in rules.shown_steps(steps_of(questions), chosen_from_given(given))
    }
    return [q for q in questions if q.pk in shown and q.required and is_empty(given.get(q.pk, ""))]


@transaction.atomic
def submit(response: Response, by: User | None = None) -> list[Contribution]:
    """Turn the response into one contribution, once: every shown, answered question with
    its answer, in order, so the response is considered as a whole. Answers to questions
    whose condition is no longer met are dropped. Returns the contribution made (none when
    submitting again, or when nothing was answered)."""
    locked = (
        # Lock the response row only: PostgreSQL cannot lock the nullable side of a join.
        Response.objects.select_for_update(of=("self",))
        .select_related("survey__project__organisation", "person")
        .get(pk=response.pk)
    )
    if locked.submitted_at is not None:
        return []
    survey = locked.survey
    questions = questions_of(survey)
    answers = answers_of(locked)
    given = given_of(answers, questions)
    missing = missing_answers(questions, given)
    if missing:
        raise Incomplete(missing)
    shown = {s.question_id for s in rules.shown_steps(steps_of(questions), chosen_of(answers))}
    kept: list[Answer] = []
    said: list[tuple[str, str]] = []
    for question in questions:
        answer = answers.get(question.pk)
        if answer is None:
            continue
        if question.pk not in shown:
            answer.delete()
            continue
        kept.append(answer)
        said.append((question.text, answer_display(question, given[question.pk], True)))
    made: list[Contribution] = []
    if kept:
        contribution = record_contribution(
            organisation=survey.project.organisation,
            channel=ContributionChannel.SURVEY,
            privacy=locked.privacy,
            text=rules.response_text(survey.title, said),
            person=locked.person,
            project=survey.project,
            recorded_by=by,
        )
        Answer.objects.filter(pk__in=[a.pk for a in kept]).update(contribution=contribution)
        made.append(contribution)
    locked.submitted_at = timezone.now()
    if locked.privacy == Privacy.ANONYMOUS:
        locked.person = None
    locked.save(update_fields=["submitted_at", "person"])
    if by is not None and locked.person is not None:
        audit.record(
            actor=by,
            person=locked.person,
            action=AuditAction.CHANGED,
            categories=[DataCategory.CARING],
            detail=f"Entered their answers to survey {survey.pk} ({locked.channel})",
        )
    return made


# --- Too late ------------------------------------------------------------------------------


def late_text(questions: Sequence[Question], given: Mapping[int, Given]) -> str:
    lines = []
    for question in questions:
        value = given.get(question.pk)
        if value is None or is_empty(value):
            continue
        lines.append(rules.answer_text(question.text, answer_display(question, value, True)))
    return "\n".join(lines)


@transaction.atomic
def keep_late(
    survey: Survey,
    questions: Sequence[Question],
    given: Mapping[int, Given],
    response: Response | None = None,
    person: Person | None = None,
    privacy: str = Privacy.ANONYMOUS,
) -> LateAnswer | None:
    """Answers given after the survey closed are kept for the coordinator as late
    feedback (with anything saved earlier in the same response)."""
    everything: dict[int, Given] = {}
    if response is not None:
        everything.update(given_of(answers_of(response), questions))
        person, privacy = response.person, response.privacy
    everything.update({qid: value for qid, value in given.items() if not is_empty(value)})
    text = late_text(questions, everything)
    if not text:
        return None
    if privacy == Privacy.ANONYMOUS:
        person = None
    late = LateAnswer.objects.create(survey=survey, person=person, privacy=privacy, text=text)
    if response is not None:
        response.delete()
    return late


def keep_late_text(survey: Survey, text: str, person: Person | None, privacy: str) -> LateAnswer:
    """Something written to a closed survey's page, kept for the coordinator."""
    if privacy == Privacy.ANONYMOUS:
        person = None
    return LateAnswer.objects.create(survey=survey, person=person, privacy=privacy, text=text)


@transaction.atomic
def late_to_contribution(late: LateAnswer, by: User) -> Contribution:
    """Turn late feedback into an open-door contribution, once."""
    locked = (
        LateAnswer.objects.select_for_update(of=("self",))
        .select_related("survey__project__organisation", "person", "contribution")
        .get(pk=late.pk)
    )
    if locked.contribution is not None:
        return locked.contribution
    survey = locked.survey
    locked.contribution = record_contribution(
        organisation=survey.project.organisation,
        channel=ContributionChannel.OPEN_DOOR,
        privacy=locked.privacy,
        text=f"{survey.title} (after it closed)\n{locked.text}",
        person=locked.person,
        project=survey.project,
        given_on=timezone.localdate(locked.received_at),
        recorded_by=by,
    )
    locked.save(update_fields=["contribution"])
    return locked.contribution
