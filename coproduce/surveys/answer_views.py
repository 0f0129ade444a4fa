"""Answering a survey: signed in (the group, a brief's audience) or through the public
link without an account; one question per page or all on one page; save and come back
later; check your answers; submit. Answers sent after it closes are kept as late
feedback. The published results page is here too."""

import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.contributions.access import viewer_for
from coproduce.contributions.models import Privacy
from coproduce.lib.once import once
from coproduce.lib.public_cache import public_cache
from coproduce.lib.views import posted
from coproduce.people.access import own_person
from coproduce.people.models import Person
from coproduce.surveys import access, actions, results, rules
from coproduce.surveys.forms import AnswerForm, LateFeedbackForm, PrivacyForm
from coproduce.surveys.models import Layout, Question, Response, Survey
from coproduce.surveys.views import availability_of, page


def respondent(request: HttpRequest, survey: Survey) -> Person | None:
    """The signed-in person's own record in the survey's organisation, if any."""
    membership = getattr(request, "membership", None)
    if membership is None or membership.organisation_id != survey.project.organisation_id:
        return None
    try:
        return own_person(request)
    except Http404:
        return None


def answer_page(
    request: HttpRequest, template: str, survey: Survey, context: dict[str, Any], bad: bool = False
) -> HttpResponse:
    context = {
        "survey": survey,
        "public_organisation": survey.project.organisation,
        "section": "surveys",
        **context,
    }
    return page(request, template, context, bad)


def closed_page(request: HttpRequest, survey: Survey, kept: bool = False) -> HttpResponse:
    status = availability_of(survey)
    return answer_page(request, "surveys/closed.html", survey, {"status": status, "kept": kept})


def first_page(survey: Survey, response: Response) -> str:
    if survey.layout == Layout.ALL_ON_ONE_PAGE:
        return reverse("surveys:all", args=[survey.public_id, response.token])
    questions = actions.questions_of(survey)
    chosen = actions.chosen_of(actions.answers_of(response))
    step = rules.next_step(actions.steps_of(questions), None, chosen)
    if step is None:
        return reverse("surveys:check", args=[survey.public_id, response.token])
    return reverse("surveys:question", args=[survey.public_id, response.token, step.question_id])


@once
def start(request: HttpRequest, survey_uuid: uuid.UUID) -> HttpResponse:
    survey = access.survey_to_answer(request, survey_uuid)
    if availability_of(survey) != rules.Availability.OPEN:
        return closed_page(request, survey)
    person = respondent(request, survey)
    existing = access.response_of(survey, person) if person else None
    if existing is not None and existing.submitted_at is not None:
        return answer_page(request, "surveys/done.html", survey, {"already": True})
    initial = {"privacy": existing.privacy if existing else actions.default_privacy(person)}
    form = PrivacyForm(posted(request), initial=initial)
    if request.method == "POST" and (person is None or form.is_valid()):
        privacy = form.cleaned_data["privacy"] if person else Privacy.ANONYMOUS
        response = actions.start_response(survey, person, privacy)
        return redirect(first_page(survey, response))
    context = {"form": form, "person": person, "existing": existing}
    return answer_page(request, "surveys/start.html", survey, context, bool(form.errors))


def resume(request: HttpRequest, survey_uuid: uuid.UUID, response_token: uuid.UUID) -> HttpResponse:
    """The "come back later" link: straight back to the first question left."""
    survey = access.survey_to_answer(request, survey_uuid)
    if access.survey_response_sent(survey, response_token):
        return answer_page(request, "surveys/done.html", survey, {"already": True})
    response = access.survey_response_for(request, survey, response_token)
    if survey.layout == Layout.ALL_ON_ONE_PAGE:
        return redirect("surveys:all", survey.public_id, response.token)
    questions = actions.questions_of(survey)
    answers = actions.answers_of(response)
    shown = rules.shown_steps(actions.steps_of(questions), actions.chosen_of(answers))
    left = [step for step in shown if step.question_id not in answers]
    if not left:
        return redirect("surveys:check", survey.public_id, response.token)
    return redirect("surveys:question", survey.public_id, response.token, left[0].question_id)


def initial_of(response: Response, questions: list[Question]) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for qid, value in actions.given_of(actions.answers_of(response), questions).items():
        question = next(q for q in questions if q.pk == qid)
        if isinstance(value, list) and question.kind != "multiple_choice":
            initial[f"q{qid}"] = value[0] if value else None
        else:
            initial[f"q{qid}"] = value
    return initial


def take_answers(
    request: HttpRequest, survey: Survey, response: Response, form: AnswerForm
) -> HttpResponse | None:
    """Handle a POST of answers: keep them late if the survey has closed, save them for
    later, or save them and carry on. None means "show the form again"."""
    saving = request.POST.get("action") == "save"
    if saving or availability_of(survey) != rules.Availability.OPEN:
        form.check_required = False
    valid = form.is_valid()
    if availability_of(survey) != rules.Availability.OPEN:
        actions.keep_late(survey, form.questions, form.given(raw=True), response)
        return closed_page(request, survey, kept=True)
    if not valid:
        return None
    actions.save_answers(response, form.asked, form.given())
    if saving:
        return redirect("surveys:saved", survey.public_id, response.token)
    return None


def question(
    request: HttpRequest, survey_uuid: uuid.UUID, response_token: uuid.UUID, question_pk: int
) -> HttpResponse:
    survey = access.survey_to_answer(request, survey_uuid)
    response = access.survey_response_for(request, survey, response_token)
    questions = actions.questions_of(survey)
    current = next((q for q in questions if q.pk == question_pk), None)
    if current is None:
        raise Http404("No such question")
    steps = actions.steps_of(questions)
    chosen = actions.chosen_of(actions.answers_of(response))
    form = AnswerForm(
        posted(request),
        initial=initial_of(response, questions),
        asked=[current],
        questions=questions,
        earlier=chosen,
    )
    if request.method == "POST":
        done = take_answers(request, survey, response, form)
        if done is not None:
            return done
        if form.is_valid():
            chosen = actions.chosen_of(actions.answers_of(response))
            step = rules.next_step(steps, current.pk, chosen)
            if step is None:
                return redirect("surveys:check", survey.public_id, response.token)
            return redirect("surveys:question", survey.public_id, response.token, step.question_id)
    previous = rules.previous_step(steps, current.pk, chosen)
    context = {
        "form": form,
        "response": response,
        "question": current,
        "previous": previous.question_id if previous else None,
        "count": len(questions),
    }
    return answer_page(request, "surveys/question.html", survey, context, bool(form.errors))


def all_questions(
    request: HttpRequest, survey_uuid: uuid.UUID, response_token: uuid.UUID
) -> HttpResponse:
    survey = access.survey_to_answer(request, survey_uuid)
    response = access.survey_response_for(request, survey, response_token)
    questions = actions.questions_of(survey)
    form = AnswerForm(
        posted(request),
        initial=initial_of(response, questions),
        asked=questions,
        questions=questions,
        show_conditions=True,
    )
    if request.method == "POST":
        done = take_answers(request, survey, response, form)
        if done is not None:
            return done
        if form.is_valid():
            return redirect("surveys:check", survey.public_id, response.token)
    context = {"form": form, "response": response, "questions": questions}
    return answer_page(request, "surveys/all.html", survey, context, bool(form.errors))


def check(request: HttpRequest, survey_uuid: uuid.UUID, response_token: uuid.UUID) -> HttpResponse:
    survey = access.survey_to_answer(request, survey_uuid)
    response = access.survey_response_for(request, survey, response_token)
    questions = actions.questions_of(survey)
    missing: list[Question] = []
    if request.method == "POST":
        if availability_of(survey) != rules.Availability.OPEN:
            actions.keep_late(survey, questions, {}, response)
            return closed_page(request, survey, kept=True)
        try:
            actions.submit(response)
        except actions.Incomplete as incomplete:
            missing = incomplete.missing
        else:
            return redirect("surveys:done", survey.public_id)
    answers = actions.answers_of(response)
    given = actions.given_of(answers, questions)
    shown = {
        s.question_id
        for s in rules.shown_steps(actions.steps_of(questions), actions.chosen_of(answers))
    }
    rows = [summary_row(survey, response, q, given) for q in questions if q.pk in shown]
    errors = [
        {
            "text": _("Answer question %(number)s") % {"number": q.position},
            "href": change_url(survey, response, q),
        }
        for q in missing
    ]
    context = {"response": response, "summary_rows": rows, "errors": errors}
    return answer_page(request, "surveys/check.html", survey, context, bool(missing))


def change_url(survey: Survey, response: Response, question: Question) -> str:
    if survey.layout == Layout.ALL_ON_ONE_PAGE:
        url = reverse("surveys:all", args=[survey.public_id, response.token])
        return f"{url}#id_q{question.pk}"
    return reverse("surveys:question", args=[survey.public_id, response.token, question.pk])


def summary_row(
    survey: Survey, response: Response, question: Question, given: dict[int, actions.Given]
) -> dict[str, Any]:
    value = given.get(question.pk)
    answer = actions.answer_display(question, value) if value else _("Not answered")
    number = _("question %(number)s") % {"number": question.position}
    return {
        "key": {"text": f"{question.position}. {question.shown('text')}"},
        "value": {"text": answer, "classes": "app-preserve-lines"},
        "actions": {
            "items": [
                {
                    "href": change_url(survey, response, question),
                    "text": _("Change"),
                    "visuallyHiddenText": number,
                }
            ]
        },
    }


def saved(request: HttpRequest, survey_uuid: uuid.UUID, response_token: uuid.UUID) -> HttpResponse:
    survey = access.survey_to_answer(request, survey_uuid)
    response = access.survey_response_for(request, survey, response_token)
    link = request.build_absolute_uri(
        reverse("surveys:resume", args=[survey.public_id, response.token])
    )
    return answer_page(request, "surveys/saved.html", survey, {"response": response, "link": link})


def done(request: HttpRequest, survey_uuid: uuid.UUID) -> HttpResponse:
    survey = access.survey_to_answer(request, survey_uuid)
    return answer_page(request, "surveys/done.html", survey, {"already": False})


@require_POST
@once
def late(request: HttpRequest, survey_uuid: uuid.UUID) -> HttpResponse:
    """Something to say after the survey closed: kept for the coordinator."""
    survey = access.survey_to_answer(request, survey_uuid)
    form = LateFeedbackForm(request.POST)
    if availability_of(survey) == rules.Availability.OPEN or not form.is_valid():
        messages.error(request, form.first_error())
        return redirect("surveys:start", survey.public_id)
    text = form.cleaned_data["feedback"]
    person = respondent(request, survey)
    privacy = actions.default_privacy(person) if person else Privacy.ANONYMOUS
    actions.keep_late_text(survey, text, person, privacy)
    return closed_page(request, survey, kept=True)


def yours(request: HttpRequest) -> HttpResponse:
    """Open surveys for the signed-in person, and the ones they have started."""
    started = {
        r.survey_id: r for r in access.own_survey_responses(request).select_related("survey")
    }
    surveys = list(access.surveys_to_answer(request).select_related("project"))
    context = {"surveys": surveys, "started": started, "section": "surveys"}
    return page(request, "surveys/yours.html", context)


@public_cache
def published(request: HttpRequest, survey_uuid: uuid.UUID) -> HttpResponse:
    survey = access.published_survey_for(request, survey_uuid)
    found = results.build(survey, viewer_for(request), results.Use.PUBLISHED)
    return answer_page(request, "surveys/published.html", survey, {"results": found})
