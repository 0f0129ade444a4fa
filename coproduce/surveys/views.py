"""Survey pages for staff: build a survey, open and close it, type in paper and phone
answers, read and publish the results, and take in late feedback."""

from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.contributions import rules as privacy_rules
from coproduce.contributions.access import viewer_for
from coproduce.lib.once import once
from coproduce.lib.views import posted, render_page
from coproduce.projects.access import project_for
from coproduce.projects.models import Project
from coproduce.recruitment.access import briefs_of
from coproduce.recruitment.models import Brief
from coproduce.surveys import access, actions, results, rules
from coproduce.surveys.forms import EnterForm, PublishForm, QuestionForm, SurveyForm
from coproduce.surveys.models import (
    Audience,
    LateAnswer,
    Question,
    ResponseChannel,
    Survey,
    SurveyStatus,
)
from coproduce.tenancy.access import user_for

STATUS_COLOURS = {
    rules.Availability.DRAFT: "govuk-tag--grey",
    rules.Availability.UPCOMING: "govuk-tag--blue",
    rules.Availability.OPEN: "govuk-tag--green",
    rules.Availability.CLOSED: "govuk-tag--red",
}
COMMON = {
    "section": "projects",
    "status_colours": STATUS_COLOURS,
    "status_labels": rules.AVAILABILITY_LABELS,
}
PEOPLE_LIMIT = 500


def availability_of(survey: Survey) -> rules.Availability:
    return rules.availability(survey.status, survey.opens_at, survey.closes_at, timezone.now())


def page(
    request: HttpRequest, template: str, context: dict[str, Any], bad: bool = False
) -> HttpResponse:
    return render_page(request, template, {**COMMON, **context}, bad=bad)


def project_surveys(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    surveys = list(
        access.surveys_of(request, project).annotate(
            answered=Count("responses", filter=Q(responses__submitted_at__isnull=False))
        )
    )
    rows = [(survey, availability_of(survey)) for survey in surveys]
    return page(request, "surveys/project_surveys.html", {"project": project, "rows": rows})


def briefs_to_choose(project: Project) -> list[Brief]:
    """The project's briefs, newest first: a survey may ask the people interested in one."""
    return list(briefs_of(project).order_by("-opens_on"))


@once
def survey_new(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    initial = {"audience": Audience.MEMBERS, "layout": "one_per_page"}
    form = SurveyForm(posted(request), initial=initial, briefs=briefs_to_choose(project))
    if request.method == "POST" and form.is_valid():
        survey = actions.save_survey(project, form.cleaned_data)
        messages.success(request, _("Survey saved as a draft. Now add its questions."))
        return redirect("surveys:survey", survey.pk)
    context = {"form": form, "project": project}
    return page(request, "surveys/survey_form.html", context, bool(form.errors))


def survey_edit(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    initial = {name: getattr(survey, name) for name in actions.SURVEY_FIELDS}
    initial["brief"] = survey.brief_id
    for name in ("opens_at", "closes_at"):
        moment = initial[name]
        initial[name] = timezone.localdate(moment) if moment else None
    form = SurveyForm(posted(request), initial=initial, briefs=briefs_to_choose(survey.project))
    if request.method == "POST" and form.is_valid():
        actions.save_survey(survey.project, form.cleaned_data, survey)
        messages.success(request, _("Survey saved"))
        return redirect("surveys:survey", survey.pk)
    context = {"form": form, "project": survey.project, "survey": survey}
    return page(request, "surveys/survey_form.html", context, bool(form.errors))


def late_rows(
    request: HttpRequest, survey: Survey
) -> list[tuple[LateAnswer, str | None, str | None]]:
    """Late feedback with what this viewer may see of it: (item, words, name)."""
    viewer = viewer_for(request)
    owner = survey.project.organisation_id
    rows = []
    for item in survey.late_answers.select_related("person"):
        seen = (item.privacy, item.person_id, owner)
        text = item.text if privacy_rules.may_see_text(viewer, *seen) else None
        name = (
            item.person.full_name
            if item.person and privacy_rules.may_see_name(viewer, *seen)
            else None
        )
        rows.append((item, text, name))
    return rows


def survey_detail(request: HttpRequest, survey_pk: int, problem: str = "") -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    questions = actions.questions_of(survey)
    options = {o.pk: (q, o) for q in questions for o in q.options.all()}
    context = {
        "survey": survey,
        "project": survey.project,
        "status": availability_of(survey),
        "questions": questions,
        "conditions": options,
        "answered": survey.responses.filter(submitted_at__isnull=False).count(),
        "late": late_rows(request, survey),
        "link": request.build_absolute_uri(survey.public_url),
        "problem": problem,
    }
    return page(request, "surveys/survey.html", context, bad=bool(problem))


def _question_form(request: HttpRequest, survey: Survey, question: Question | None) -> HttpResponse:
    questions = actions.questions_of(survey)
    position = question.position if question else len(questions) + 1
    earlier = [q for q in questions if q.position < position and q.has_options]
    initial: dict[str, Any] = {"kind": "free_text", "required": "yes"}
    if question is not None:
        initial = {name: getattr(question, name) for name in actions.QUESTION_FIELDS}
        initial["required"] = "yes" if question.required else "no"
        initial["condition"] = question.condition_id
        current = next(q for q in questions if q.pk == question.pk)
        initial["options"] = "\n".join(o.text for o in current.options.all())
        initial["options_cy"] = "\n".join(o.text_cy for o in current.options.all())
    form = QuestionForm(posted(request), initial=initial, earlier=earlier)
    problem = ""
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_question(survey, form.cleaned_data, question)
        except actions.Refused as refused:
            problem = refused.message
        else:
            messages.success(request, _("Question saved"))
            return redirect("surveys:survey", survey.pk)
    context = {"form": form, "survey": survey, "question": question, "problem": problem}
    return page(request, "surveys/question_form.html", context, bool(form.errors or problem))


@once
def question_new(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    return _question_form(request, survey, None)


def question_edit(request: HttpRequest, survey_pk: int, question_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    question = access.survey_question_of(survey, question_pk)
    return _question_form(request, survey, question)


@require_POST
def question_move(request: HttpRequest, survey_pk: int, question_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    question = access.survey_question_of(survey, question_pk)
    try:
        actions.move_question(question, -1 if request.POST.get("direction") == "up" else 1)
    except actions.Refused as refused:
        return survey_detail(request, survey_pk, problem=refused.message)
    return redirect("surveys:survey", survey.pk)


@require_POST
def question_remove(request: HttpRequest, survey_pk: int, question_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    question = access.survey_question_of(survey, question_pk)
    try:
        actions.remove_question(question)
    except actions.Refused as refused:
        return survey_detail(request, survey_pk, problem=refused.message)
    messages.success(request, _("Question removed"))
    return redirect("surveys:survey", survey.pk)


@require_POST
def survey_open(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    try:
        actions.open_survey(survey)
    except actions.Refused as refused:
        return survey_detail(request, survey_pk, problem=refused.message)
    messages.success(request, _("Survey opened. People in its audience can now answer."))
    return redirect("surveys:survey", survey.pk)


@require_POST
def survey_close(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    actions.close_survey(survey)
    messages.success(
        request, _("Survey closed. Answers sent from now on are kept as late feedback.")
    )
    return redirect("surveys:survey", survey.pk)


@once
def enter(request: HttpRequest, survey_pk: int) -> HttpResponse:
    """Type in answers given on paper or by phone, all on one page."""
    survey = access.survey_for(request, survey_pk)
    questions = actions.questions_of(survey)
    form = EnterForm(
        posted(request),
        asked=questions,
        questions=questions,
        show_conditions=True,
        people=list(access.people_who_may_answer(survey)[:PEOPLE_LIMIT]),
    )
    problem = ""
    if survey.status == SurveyStatus.DRAFT:
        problem = _("Open the survey before typing in answers")
    elif request.method == "POST" and form.is_valid():
        person = form.chosen_person()
        user = user_for(request)
        channel = ResponseChannel(form.cleaned_data["channel"])
        response = actions.start_response(survey, person, form.chosen_privacy(), channel, user)
        if response.submitted_at is not None:
            problem = _("%(name)s has already answered this survey") % {
                "name": person.full_name if person else ""
            }
        else:
            actions.save_answers(response, questions, form.given())
            actions.submit(response, by=user)
            messages.success(request, _("Answers saved as contributions"))
            return redirect("surveys:survey", survey.pk)
    context = {"form": form, "survey": survey, "problem": problem}
    return page(request, "surveys/enter.html", context, bool(form.errors or problem))


def results_page(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    found = results.build(survey, viewer_for(request), results.Use.PAGE)
    context = {"survey": survey, "project": survey.project, "results": found}
    return page(request, "surveys/results.html", context)


def publish(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    questions = actions.questions_of(survey)
    initial = {
        "questions": [q.pk for q in questions if q.published],
        "publish": "yes" if survey.results_published else None,
    }
    form = PublishForm(posted(request), initial=initial, questions=questions)
    if request.method == "POST" and form.is_valid():
        publish_now = form.cleaned_data["publish"]
        actions.publish_results(survey, form.cleaned_data["questions"], publish_now)
        if publish_now:
            messages.success(request, _("Results published"))
        else:
            messages.success(request, _("Results are not published"))
        return redirect("surveys:survey", survey.pk)
    context = {"form": form, "survey": survey}
    return page(request, "surveys/publish.html", context, bool(form.errors))


@require_POST
def late_contribute(request: HttpRequest, survey_pk: int, late_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    late = access.late_answer_of(survey, late_pk)
    actions.late_to_contribution(late, user_for(request))
    messages.success(request, _("Late feedback recorded as an open-door contribution"))
    return redirect("surveys:survey", survey.pk)
