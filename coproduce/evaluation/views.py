"""Evaluation pages: a project's rung on the ladder with its reasons and its evaluation
plan; proposing a question (the group and staff); putting the plan to the group and
asking the agreed questions (staff)."""

from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.contributions import access as contributions_access
from coproduce.contributions import rules as contributions_rules
from coproduce.decisions.actions import check_deadline_notice
from coproduce.evaluation import access, actions, forms, rules
from coproduce.evaluation.models import AskWhen
from coproduce.evaluation.rung import LADDER, assessment_of
from coproduce.lib.once import once
from coproduce.lib.views import posted, render_page
from coproduce.people.access import own_person
from coproduce.people.models import Person
from coproduce.projects.access import project_for
from coproduce.tenancy.access import is_staff, user_for

COMMON = {
    "section": "projects",
    "status_names": rules.STATUS_NAMES,
    "status_tags": rules.STATUS_TAGS,
    "status_of": rules.status_of,
}


def page(
    request: HttpRequest, template: str, context: dict[str, Any], form: BaseForm | None = None
) -> HttpResponse:
    return render_page(request, f"evaluation/{template}", {**COMMON, **context}, form=form)


def own_person_or_none(request: HttpRequest) -> Person | None:
    try:
        return own_person(request)
    except Http404:
        return None


# How much open-door feedback the plan page shows; the rest is a link away.
FEEDBACK_SHOWN = 10


def project_evaluation(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk)
    viewer = contributions_access.viewer_for(request)
    feedback = list(contributions_access.open_door_about(viewer, project)[: FEEDBACK_SHOWN + 1])
    context = {
        "project": project,
        "assessment": assessment_of(project),
        "ladder": LADDER,
        "questions": list(access.questions_of(request, project)),
        "askings": list(access.askings_of(request, project)),
        "staff": is_staff(request),
        # Open-door feedback filed under the project, as each viewer may see it.
        "feedback": [(c, contributions_rules.shown(viewer, c)) for c in feedback[:FEEDBACK_SHOWN]],
        "more_feedback": len(feedback) > FEEDBACK_SHOWN,
    }
    return page(request, "project.html", context)


@once
def propose(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk)
    form = forms.QuestionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        proposed = actions.Proposed(data["text"], data["text_cy"], data["method"], data["ask_when"])
        actions.propose_question(project, own_person_or_none(request), proposed)
        messages.success(request, _("Your question is added to the evaluation plan"))
        return redirect("evaluation:project", project.pk)
    return page(request, "propose.html", {"project": project}, form)


@once
def put_to_group(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    waiting = list(access.questions_of(request, project, need="edit").filter(rules.TO_PUT_Q))
    initial = {"deadline": rules.default_deadline(timezone.localdate())}
    form = forms.PutToGroupForm(
        posted(request),
        initial=initial,
        notice_for=lambda deadline: check_deadline_notice(project, deadline),
    )
    if request.method == "POST" and form.is_valid() and waiting:
        proposal = actions.put_to_group(
            user_for(request),
            project,
            own_person_or_none(request),
            form.cleaned_data["deadline_at"],
            short_notice_reason=form.cleaned_data["short_notice_reason"],
        )
        messages.success(request, _("The evaluation questions are put to the group to agree"))
        return redirect("decisions:proposal", proposal.pk)
    context = {"project": project, "waiting": waiting}
    return page(request, "put_to_group.html", context, form)


@once
def ask(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    agreed = list(access.questions_of(request, project, need="edit").filter(rules.AGREED_Q))
    activities = list(access.activities_to_ask_after(request, project).values_list("pk", "title"))
    end_asked = access.askings_of(request, project).filter(point=AskWhen.END_OF_DELIVERY).exists()
    form = forms.AskForm(posted(request), activities=activities, end_asked=end_asked)
    if request.method == "POST" and form.is_valid():
        pk = form.activity_pk()
        activity = None if pk is None else access.activity_to_ask_after(request, project, pk)
        try:
            asking = actions.ask(user_for(request), project, activity)
        except actions.NothingToDo:
            form.add_error("point", _("No agreed question is to be asked at this point"))
        except actions.AlreadyAsked:
            form.add_error("point", _("The questions have been asked at this point already"))
        else:
            messages.success(
                request, _("The survey is open: %(title)s") % {"title": asking.survey.title}
            )
            return redirect("evaluation:project", project.pk)
    context = {"project": project, "agreed": agreed}
    return page(request, "ask.html", context, form)
