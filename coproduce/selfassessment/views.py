"""Self-assessment pages: the rounds (staff and carers), answering a round (staff, carers,
and staff for a carer on paper or by phone), a round's results and action plan, and the
admin's pages to open, close and publish rounds and keep the questions."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.accountability.models import ActionStatus
from coproduce.lib.once import once
from coproduce.lib.views import posted, render_page
from coproduce.people.access import own_person
from coproduce.selfassessment import access, actions, forms, rules
from coproduce.selfassessment.models import Area, Channel, Principle, Score, Side
from coproduce.selfassessment.results import results_of
from coproduce.tenancy.access import ADMIN_ROLES, is_admin, is_staff, require_role, user_for

PAGE_SIZE = 20
COMMENTS_PAGE_SIZE = 50
COMMON = {
    "section": "selfassessment",
    "area_names": dict(Area.choices),
    "principle_names": dict(Principle.choices),
    "score_names": dict(Score.choices),
    "status_names": dict(ActionStatus.choices),
    "status_tags": rules.STATUS_TAGS,
    "min_carers": rules.MIN_CARERS,
    "notable_gap": rules.NOTABLE_GAP,
}


def page(
    request: HttpRequest, template: str, context: dict[str, Any], form: BaseForm | None = None
) -> HttpResponse:
    return render_page(request, f"selfassessment/{template}", {**COMMON, **context}, form=form)


def rounds(request: HttpRequest) -> HttpResponse:
    listed = access.rounds_of(request).order_by("-opened_at", "-pk")
    current = access.open_round_of(request)
    answered = current is not None and access.own_answers(request, current).exists()
    context = {
        "page": Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page")),
        "current": current,
        "answered": answered,
        "staff": is_staff(request),
        "admin": is_admin(request),
    }
    return page(request, "rounds.html", context)


@once
def open_round(request: HttpRequest) -> HttpResponse:
    membership = require_role(request, ADMIN_ROLES)
    form = forms.RoundForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            opened = actions.open_round(membership.organisation, form.cleaned_data["title"])
        except actions.AlreadyOpen:
            form.add_error("title", _("A round is open already. Close it before opening another"))
        else:
            messages.success(request, _("The round is open: staff and carers can answer now"))
            return redirect("selfassessment:round", opened.pk)
    return page(request, "open.html", {}, form)


def round_results(request: HttpRequest, round_pk: int) -> HttpResponse:
    round_ = access.round_results_for(request, round_pk)
    results = results_of(round_, access.previous_round(round_))
    carers_shown = rules.carer_comments_shown(results.answered["carers"])
    comments = access.comments_of(round_, carers_shown)
    context = {
        "round": round_,
        "results": results,
        "comments": Paginator(comments, COMMENTS_PAGE_SIZE).get_page(request.GET.get("page")),
        "carers_comments_shown": carers_shown,
        "plan": list(access.plan_of(round_)),
        "staff": is_staff(request),
        "admin": is_admin(request),
    }
    return page(request, "round.html", context)


@once
def close_round(request: HttpRequest, round_pk: int) -> HttpResponse:
    round_ = access.round_to_manage(request, round_pk)
    form = forms.CloseForm(posted(request))
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["confirm"] == "yes" and actions.close_round(round_):
            messages.success(request, _("The round is closed"))
        return redirect("selfassessment:round", round_.pk)
    return page(request, "close.html", {"round": round_}, form)


@require_POST
@once
def publish(request: HttpRequest, round_pk: int) -> HttpResponse:
    round_ = access.round_to_manage(request, round_pk)
    published = request.POST.get("published") == "yes"
    actions.publish_results(round_, published)
    if published:
        messages.success(request, _("Carers can now see the results and the action plan"))
    else:
        messages.success(request, _("Only staff can see the results now"))
    return redirect("selfassessment:round", round_.pk)


@once
def answer(request: HttpRequest, round_pk: int) -> HttpResponse:
    round_ = access.round_to_answer(request, round_pk)
    staff = is_staff(request)
    form = forms.AnswerForm(
        posted(request),
        questions=access.questions_to_ask(request),
        earlier=access.own_answers(request, round_),
    )
    if request.method == "POST" and form.is_valid():
        try:
            if staff:
                actions.answer(round_, Side.STAFF, form.given(), user=user_for(request))
            else:
                person = own_person(request)
                actions.answer(round_, Side.CARERS, form.given(), person=person)
        except actions.RoundClosed:  # closed between the page and the answer
            form.add_error(None, _("The round closed before your answers were sent"))
        else:
            messages.success(request, _("Thank you: your answers are saved"))
            return redirect("selfassessment:rounds")
    return page(request, "answer.html", {"round": round_, "staff": staff}, form)


def find_carer(request: HttpRequest, round_pk: int) -> HttpResponse:
    round_ = access.round_for_staff(request, round_pk)
    search = forms.FindCarerForm(request.GET or None)
    words = search.cleaned_data["q"].strip() if search.is_valid() else ""
    found = list(access.carers_found(request, words)[: access.FOUND_SHOWN]) if words else []
    context = {
        "round": round_,
        "search": search,
        "words": words,
        "found": found,
        "answered": access.answered_by(round_, [p.pk for p in found]),
    }
    return page(request, "find_carer.html", context)


@once
def record(request: HttpRequest, round_pk: int, person_pk: int) -> HttpResponse:
    round_ = access.round_for_staff(request, round_pk)
    carer = access.carer_for(request, person_pk)
    if not round_.is_open:
        return redirect("selfassessment:round", round_.pk)
    form = forms.RecordForm(
        posted(request),
        questions=access.questions_to_ask(request),
        earlier=access.answers_of_carer(round_, carer),
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.answer(
                round_,
                Side.CARERS,
                form.given(),
                person=carer,
                entered_by=user_for(request),
                channel=Channel(form.cleaned_data["channel"]),
            )
        except actions.RoundClosed:
            form.add_error(None, _("The round closed before the answers were sent"))
        else:
            messages.success(request, _("%(name)s's answers are saved") % {"name": carer.full_name})
            return redirect("selfassessment:find-carer", round_.pk)
    return page(request, "record.html", {"round": round_, "carer": carer}, form)


def questions(request: HttpRequest) -> HttpResponse:
    own = list(access.questions_to_keep(request))
    guidance = [] if own else list(access.guidance_questions(request))
    return page(request, "questions.html", {"own": own, "guidance": guidance})


@require_POST
@once
def adopt(request: HttpRequest) -> HttpResponse:
    membership = require_role(request, ADMIN_ROLES)
    actions.adopt_guidance(membership.organisation)
    messages.success(request, _("Your organisation's questions start from the guidance"))
    return redirect("selfassessment:questions")


@once
def question(request: HttpRequest, assessment_question_pk: int | None = None) -> HttpResponse:
    membership = require_role(request, ADMIN_ROLES)
    existing = (
        None
        if assessment_question_pk is None
        else access.question_to_change(request, assessment_question_pk)
    )
    initial = (
        {}
        if existing is None
        else {
            "area": existing.area,
            "principle": existing.principle,
            "text": existing.text,
            "text_cy": existing.text_cy,
            "active": "yes" if existing.active else "no",
        }
    )
    form = forms.QuestionForm(posted(request), initial=initial or {"active": "yes"})
    if request.method == "POST" and form.is_valid():
        actions.save_question(membership.organisation, existing, form.data_for_action())
        messages.success(request, _("The statement is saved"))
        return redirect("selfassessment:questions")
    return page(request, "question.html", {"question": existing}, form)


@once
def plan_action(
    request: HttpRequest, round_pk: int, plan_action_pk: int | None = None
) -> HttpResponse:
    if plan_action_pk is None:
        round_ = access.round_for_staff(request, round_pk)
        existing = None
        initial: dict[str, Any] = {"status": ActionStatus.PLANNED}
    else:
        existing = access.plan_action_for(request, round_pk, plan_action_pk)
        round_ = existing.round
        initial = {
            name: getattr(existing, name)
            for name in ("title", "who", "due_on", "area", "principle", "status", "reason")
        }
        initial["done_on"] = existing.done_on
    form = forms.PlanActionForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.save_plan_action(round_, existing, form.cleaned_data, timezone.localdate())
        messages.success(request, _("The action plan is saved"))
        return redirect("selfassessment:round", round_.pk)
    return page(request, "plan_action.html", {"round": round_, "action": existing}, form)
