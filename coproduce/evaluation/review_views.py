"""The final review's pages: the draft with the group's comments and agreement (staff and
the group), writing it (staff), commenting on it (the group), publishing it (staff); and,
once published, its public page, easy-read page and PDF (anyone, no signing in)."""

import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template import engines
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from coproduce.evaluation import access, forms, review_actions, rules
from coproduce.evaluation.costs import costs_of
from coproduce.evaluation.models import Review
from coproduce.lib.once import once
from coproduce.lib.pdf import render_pdf
from coproduce.lib.views import posted, render_page
from coproduce.people.access import own_person
from coproduce.projects.access import project_for
from coproduce.projects.models import Project
from coproduce.tenancy.access import is_staff, user_for

COMMON = {"section": "projects", "sections": rules.REVIEW_SECTIONS, "shown": rules.shown}


def page(request: HttpRequest, template: str, context: dict[str, Any], **kw: Any) -> HttpResponse:
    return render_page(request, f"evaluation/{template}", {**COMMON, **context}, **kw)


def review(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk)
    draft = access.review_of(request, project)
    context: dict[str, Any] = {"project": project, "review": draft, "staff": is_staff(request)}
    if draft is not None:
        members = access.current_members(project)
        context.update(
            agreed=rules.agreement_of(access.latest_says(draft), members, draft.version),
            comments=list(access.comments_on(request, draft)[:50]),
            costs=costs_of(project),
            publish_problem=rules.publish_problem(project.stage),
            sent=review_actions.sent_count(draft) if draft.is_published else 0,
        )
    return page(request, "review.html", context)


@once
def draft(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    current = access.review_of(request, project, need="edit")
    initial = {name: getattr(current, name) for name in review_actions.WRITTEN} if current else {}
    form = forms.ReviewForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        review_actions.save_draft(user_for(request), project, form.cleaned_data)
        messages.success(request, _("The review is saved. The group can read it and comment"))
        return redirect("evaluation:review", project.pk)
    context = {"project": project, "review": current, "costs": costs_of(project)}
    return page(request, "review_form.html", context, form=form)


@once
def comment(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk)
    current = access.review_to_comment_on(request, project)
    form = forms.ReviewCommentForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        review_actions.comment(current, own_person(request), data["agreement"], data["text"])
        messages.success(request, _("Thank you. Your comment is sent to the coordinator"))
        return redirect("evaluation:review", project.pk)
    return page(request, "review_comment.html", {"project": project, "review": current}, form=form)


@once
def publish(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    current = access.review_of(request, project, need="edit")
    if current is None:
        raise Http404("No review yet")
    problem = rules.publish_problem(project.stage)
    if request.method == "POST" and problem is None:
        try:
            sent = review_actions.publish(user_for(request), project)
        except review_actions.NotPublishable as refused:
            problem = str(refused)
        else:
            told = ngettext(
                "The review is published and sent to %(num)s person",
                "The review is published and sent to %(num)s people",
                len(sent),
            ) % {"num": len(sent)}
            messages.success(request, told)
            return redirect("evaluation:review", project.pk)
    context = {
        "project": project,
        "review": current,
        "problem": problem,
        "recipients": review_actions.recipients(project).count(),
        "agreed": rules.agreement_of(
            access.latest_says(current), access.current_members(project), current.version
        ),
    }
    return page(request, "review_publish.html", context, bad=request.method == "POST")


# --- Published: anyone ----------------------------------------------------------------------


def public_context(review_: Review) -> dict[str, Any]:
    project: Project = review_.project
    return {
        "project": project,
        "review": review_,
        "costs": costs_of(project),
        "public_organisation": project.organisation,
        "public": True,
    }


def public_review(request: HttpRequest, review_uuid: uuid.UUID) -> HttpResponse:
    published = access.public_review_for(review_uuid)
    return page(request, "review_public.html", public_context(published))


def public_easy_read(request: HttpRequest, review_uuid: uuid.UUID) -> HttpResponse:
    published = access.public_review_for(review_uuid)
    return page(request, "review_easy_read.html", public_context(published))


def public_pdf(request: HttpRequest, review_uuid: uuid.UUID) -> HttpResponse:
    published = access.public_review_for(review_uuid)
    context = {**COMMON, **public_context(published), "language": get_language()}
    html = engines["jinja2"].get_template("evaluation/review_pdf.html").render(context, request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="review.pdf"'
    return response
