"""You Said, We Did pages: the group's board (and its easy-read version), the public
board, an action with its history and comments, and the staff pages that record actions,
move them on and choose whether the board is public."""

import uuid
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coproduce.accountability import access, actions, board, forms, picker, rules
from coproduce.accountability.models import Action, ActionStatus, Quote, QuoteKind, QuoteStatus
from coproduce.contributions.access import (
    contributions_of,
    themes_of,
    viewer_for,
    with_details,
)
from coproduce.contributions.actions import follow_up_privacy
from coproduce.contributions.models import Contribution
from coproduce.contributions.rules import PUBLIC, Viewer
from coproduce.decisions.access import proposals_for
from coproduce.lib.once import once
from coproduce.lib.public_cache import public_cache
from coproduce.lib.views import posted, render_page
from coproduce.people.access import names_of_users, own_person
from coproduce.projects.access import project_for
from coproduce.projects.models import Project
from coproduce.tenancy.access import is_staff, user_for

STATUS_TAGS = {
    ActionStatus.PLANNED: "govuk-tag--blue",
    ActionStatus.IN_PROGRESS: "govuk-tag--yellow",
    ActionStatus.DONE: "govuk-tag--green",
    ActionStatus.NOT_POSSIBLE: "govuk-tag--grey",
}
COMMON = {
    "section": "projects",
    "status_tags": STATUS_TAGS,
    "status_names": dict(ActionStatus.choices),
}


def page(
    request: HttpRequest, template: str, context: dict[str, Any], form: BaseForm | None = None
) -> HttpResponse:
    """Render a page of this app; 400 when its form came back with errors."""
    return render_page(request, f"accountability/{template}", {**COMMON, **context}, form=form)


# --- Boards ---------------------------------------------------------------------------------


def board_context(
    request: HttpRequest,
    project: Project,
    actions_: QuerySet[Action],
    viewer: Viewer,
    *,
    public: bool,
) -> dict[str, Any]:
    counts = board.counts(actions_)
    current = board.board_page(
        actions_, public=public, number=request.GET.get("page"), total=sum(counts.values())
    )
    return {
        "project": project,
        "page": current,
        "sections": board.sections(current.object_list, viewer, public=public),
        "comments": board.comments_shown(
            current.object_list, viewer, public=public, owner_id=project.organisation_id
        ),
        "counts": counts,
        "said_per_action": board.SAID_PER_ACTION,
        "public": public,
    }


def members_board(request: HttpRequest, project_pk: int, template: str) -> HttpResponse:
    project = project_for(request, project_pk)
    context = board_context(
        request, project, access.actions_of(request, project), viewer_for(request), public=False
    )
    context["staff"] = is_staff(request)
    context["board_settings"] = actions.settings_of(project)
    # Words of the viewer's own that staff would like to show on the public board.
    context["asked"] = list(
        access.own_quotes(request)
        .filter(action__project=project, status=QuoteStatus.AWAITING)
        .select_related("action")
    )
    return page(request, template, context)


def project_board(request: HttpRequest, project_pk: int) -> HttpResponse:
    return members_board(request, project_pk, "board.html")


def project_easy_read(request: HttpRequest, project_pk: int) -> HttpResponse:
    return members_board(request, project_pk, "easy_read.html")


def public(request: HttpRequest, board_uuid: uuid.UUID, template: str) -> HttpResponse:
    settings = access.public_board_for(request, board_uuid)
    project = settings.project
    context = board_context(
        request, project, access.public_actions_of(settings), PUBLIC, public=True
    )
    context.update({"board_settings": settings, "public_organisation": project.organisation})
    return page(request, template, context)


@public_cache
def public_board(request: HttpRequest, board_uuid: uuid.UUID) -> HttpResponse:
    return public(request, board_uuid, "board.html")


@public_cache
def public_easy_read(request: HttpRequest, board_uuid: uuid.UUID) -> HttpResponse:
    return public(request, board_uuid, "easy_read.html")


# --- Staff: actions -------------------------------------------------------------------------


def action_list(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    rows = access.actions_of(request, project, need="edit").annotate(
        linked=Count("contributions", distinct=True), comment_count=Count("comments", distinct=True)
    )
    context = {
        "project": project,
        "rows": list(rows),
        "board_settings": actions.settings_of(project),
    }
    return page(request, "action_list.html", context)


def record(request: HttpRequest, project_pk: int) -> HttpResponse:
    """Record what was done; the views it answers are then found on their own page."""
    project = project_for(request, project_pk, need="edit")
    form = forms.ActionForm(
        posted(request),
        proposals=list(proposals_for(request, project)),
        initial={"status": ActionStatus.PLANNED},
    )
    if request.method == "POST" and form.is_valid():
        action = actions.record_action(
            project,
            form.details(),
            [],
            user_for(request),
            status=form.cleaned_data["status"],
            done_on=form.done_date(),
            proposals=form.chosen_proposals(),
        )
        messages.success(request, _("The action is recorded. Now find the views it answers."))
        return redirect("accountability:views", action.pk)
    return page(request, "action_form.html", {"project": project, "action": None}, form)


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.action_for(request, pk, need="edit")
    initial = {
        "title": action.title,
        "description": action.description,
        "title_cy": action.title_cy,
        "description_cy": action.description_cy,
        "planned_for": action.planned_for,
        "evidence": action.evidence,
        "evidence_link": action.evidence_link,
        "proposals": [str(pk) for pk in action.proposals.values_list("pk", flat=True)],
    }
    form = forms.ActionForm(
        posted(request),
        proposals=list(proposals_for(request, action.project)),
        editing=True,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        actions.change_action(
            action, form.details(), None, user_for(request), proposals=form.chosen_proposals()
        )
        messages.success(request, _("The action is saved"))
        return redirect("accountability:action", action.pk)
    return page(request, "action_form.html", {"project": action.project, "action": action}, form)


# --- Staff: the views an action answers -------------------------------------------------------
#
# One page per action: the views it answers now, each with a Remove button, then a search
# (a GET form: words, theme, channel, response) over the project's other views, a page of 20
# at a time, to tick and add. Adding and removing save at once, so what is linked is kept
# whatever is searched next; each returns to the same search and page.

SEARCH_FIELDS = ("q", "theme", "channel", "status", "page")


def kept_fields(data: QueryDict, leave_out: str = "") -> list[tuple[str, str]]:
    """The search and page being shown (from a GET, or the hidden fields of a POST)."""
    return [
        (name, str(data.get(name, "")))
        for name in SEARCH_FIELDS
        if name != leave_out and data.get(name)
    ]


def kept_search(data: QueryDict) -> str:
    """The search and page being shown, as a query string to come back to."""
    return urlencode(kept_fields(data))


def back_to_search(action: Action, data: QueryDict) -> HttpResponse:
    query = kept_search(data)
    return redirect(
        reverse("accountability:views", args=[action.pk]) + (f"?{query}" if query else "")
    )


def linked_views(request: HttpRequest, action: Action) -> list[Contribution]:
    """The views the action answers that this member of staff may reach."""
    reachable = contributions_of(request, action.project).filter(answered_by=action)
    return list(with_details(reachable).order_by("-given_on", "-pk"))


def picker_page(
    request: HttpRequest,
    action: Action,
    data: QueryDict,
    adding: QueryDict | None = None,
    problems: list[dict[str, str]] | None = None,
) -> HttpResponse:
    project = action.project
    viewer = viewer_for(request)
    search_form = forms.ViewSearchForm(data, themes=list(themes_of(project)))
    search = search_form.search()
    linked = linked_views(request, action)
    found = picker.matching(contributions_of(request, project), search, action)
    current = Paginator(with_details(found), picker.PAGE_SIZE).get_page(data.get("page"))
    add_form = forms.AddViewsForm(adding, contributions=list(current.object_list), viewer=viewer)
    if adding is not None:
        add_form.is_valid()  # shows why nothing was added
    confidential = str(_("A view given in confidence"))
    context = {
        "action": action,
        "project": project,
        "search_form": search_form,
        "search": search,
        "add_form": add_form,
        "page": current,
        "linked": [forms.contribution_choice(c, viewer, confidential) for c in linked],
        "not_reachable": action.contributions.count() - len(linked),
        "kept": kept_fields(data),
        "query": urlencode(kept_fields(data, leave_out="page")),
        "problems": problems or [],
    }
    bad = bool(search_form.errors or add_form.errors or problems)
    return render_page(request, "accountability/views.html", {**COMMON, **context}, bad=bad)


def views_page(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.action_for(request, pk, need="edit")
    return picker_page(request, action, request.GET)


@require_POST
@once
def add_views(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.action_for(request, pk, need="edit")
    wanted = [v for v in request.POST.getlist("contributions") if v.isdigit()]
    candidates = contributions_of(request, action.project).exclude(answered_by=action)
    chosen = list(with_details(candidates.filter(pk__in=wanted)))
    form = forms.AddViewsForm(request.POST, contributions=chosen, viewer=viewer_for(request))
    if not form.is_valid():
        return picker_page(request, action, request.POST, adding=request.POST)
    added = actions.add_contributions(action, form.chosen(), user_for(request))
    messages.success(
        request,
        ngettext("%(num)s view added", "%(num)s views added", added) % {"num": added},
    )
    return back_to_search(action, request.POST)


@require_POST
@once
def remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.action_for(request, pk, need="edit")
    linked = list(contributions_of(request, action.project).filter(answered_by=action))
    form = forms.RemoveViewForm(request.POST, contributions=linked)
    if not form.is_valid():
        problems = [
            {"text": str(e), "href": "#linked"} for e in form.errors.get("contribution", [])
        ]
        return picker_page(request, action, request.POST, problems=problems)
    actions.remove_contributions(action, [form.chosen()])
    messages.success(request, _("The view is no longer linked to this action"))
    return back_to_search(action, request.POST)


def status(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.action_for(request, pk, need="edit")
    initial = {
        "status": action.status,
        "reason": action.reason,
        "done_on": action.done_on,
        "evidence": action.evidence,
        "evidence_link": action.evidence_link,
    }
    form = forms.StatusForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.change_status(
            action,
            data["status"],
            user_for(request),
            reason=data["reason"],
            done_on=data.get("done_on"),
            note=data["note"],
            evidence=data["evidence"],
            evidence_link=data["evidence_link"],
        )
        messages.success(request, _("The action is updated"))
        return redirect("accountability:action", action.pk)
    return page(request, "status.html", {"action": action, "project": action.project}, form)


def board_settings(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    current = actions.settings_of(project)
    initial = {"public": "yes" if current is not None and current.public else "no"}
    form = forms.BoardSettingsForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.choose_public(project, form.chosen(), user_for(request))
        messages.success(request, _("The board settings are saved"))
        return redirect("accountability:board", project.pk)
    return page(request, "settings.html", {"project": project, "board_settings": current}, form)


# --- An action, its history and comments ----------------------------------------------------


def quote_rows(action: Action, said: list[rules.Said]) -> list[tuple[rules.Said, Quote | None]]:
    """For staff: each view the action answers that could be shown publicly, with the
    words chosen for the public board so far (None: nothing is shown)."""
    quotes = {q.contribution_id: q for q in access.quotes_of(action)}
    return [(s, quotes.get(s.pk)) for s in said if not s.confidential]


def action_page(
    request: HttpRequest, action: Action, form: forms.CommentForm | None
) -> HttpResponse:
    viewer = viewer_for(request)
    staff = is_staff(request)
    contributions = action.contributions.select_related("person").prefetch_related("themes")
    said = [board.said(c, viewer, public=False) for c in contributions]
    updates = list(action.updates.all())
    names: dict[int | None, str] = {}
    if staff:
        changed_by = {u.changed_by_id for u in updates}
        names = names_of_users(action.project.organisation_id, changed_by)
    sees_everyone = rules.may_see_commenters(viewer, action.project.organisation_id)
    own = Q(person_id=viewer.person_id) if viewer.person_id is not None else Q(pk__in=[])
    comments = action.comments.filter(board.shown_comments(public=False) | own).select_related(
        "person"
    )
    context = {
        "action": action,
        "project": action.project,
        "staff": staff,
        "said": [s for s in said if not s.confidential],
        "confidential": sum(1 for s in said if s.confidential),
        "quotes": quote_rows(action, said) if staff else [],
        "quote_names": dict(QuoteStatus.choices),
        "updates": [(u, names.get(u.changed_by_id, "")) for u in updates],
        "comments": [board.shown_comment(c, viewer, sees_everyone=sees_everyone) for c in comments],
        "proposals": list(action.proposals.all()),
        "viewer": viewer,
        "may_comment": viewer.person_id is not None,
    }
    if form is None and context["may_comment"]:
        form = forms.CommentForm()
    return page(request, "action.html", context, form)


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return action_page(request, access.action_for(request, pk), None)


@require_POST
@once
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.action_for(request, pk)
    person = own_person(request)
    form = forms.CommentForm(request.POST)
    if not form.is_valid():
        return action_page(request, action, form)
    staff = is_staff(request)
    actions.add_comment(
        action, person, form.cleaned_data["text"], show_name=form.chosen_show_name(), staff=staff
    )
    if staff:
        messages.success(request, _("Thank you: your comment is added"))
    else:
        messages.success(
            request, _("Thank you: your comment will be shown once staff have read it")
        )
    return redirect(reverse("accountability:action", args=[action.pk]) + "#comments")


# --- The public board: an action and its comments -------------------------------------------


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


@once
def public_action(request: HttpRequest, board_uuid: uuid.UUID, pk: int) -> HttpResponse:
    """An action of a public board, its approved quotes and published comments, and a
    comment form that needs no account. Staff read each comment before it shows."""
    settings = access.public_board_for(request, board_uuid)
    action = access.public_action_of(settings, pk)
    form = forms.PublicCommentForm(posted(request))
    limited = False
    if request.method == "POST" and form.is_valid():
        if actions.public_comment_allowed(client_address(request)):
            actions.add_public_comment(action, form.cleaned_data["text"], form.cleaned_data["name"])
            return redirect(request.path + "?sent=1#comments")
        limited = True
    comments = action.comments.filter(board.shown_comments(public=True))
    context = {
        "action": action,
        "project": action.project,
        "board_settings": settings,
        "public_organisation": action.project.organisation,
        "said": [board.said_publicly(q) for q in board.approved(action)],
        "comments": [board.shown_comment(c, PUBLIC, sees_everyone=False) for c in comments],
        "sent": request.method == "GET" and bool(request.GET.get("sent")),
        "limited": limited,
    }
    response = page(request, "public_action.html", context, form)
    if limited:
        response.status_code = 429
    return response


# --- Staff: choosing the words the public board shows ---------------------------------------


@once
def quote(request: HttpRequest, pk: int, contribution_pk: int) -> HttpResponse:
    action = access.action_for(request, pk, need="edit")
    contribution = access.contribution_to_quote(request, action, contribution_pk)
    kind = actions.quote_kind(contribution)
    if kind is None:
        raise Http404("Confidential words are never shown on a board")
    existing = access.quotes_of(action).filter(contribution=contribution).first()
    if existing is not None and existing.status == QuoteStatus.WITHDRAWN:
        raise Http404("Its giver asked us not to show these words")
    paraphrase = kind == QuoteKind.PARAPHRASE
    text = existing.text if existing is not None else ("" if paraphrase else contribution.text)
    form = forms.QuoteForm(posted(request), paraphrase=paraphrase, initial={"text": text})
    if request.method == "POST" and form.is_valid():
        try:
            actions.propose_quote(
                action,
                contribution,
                form.cleaned_data["text"],
                user_for(request),
                names=form.name_list(),
            )
        except actions.Verbatim:
            form.add_error(
                "text",
                _("Write what they said in your own words: no more than 5 of theirs in a row"),
            )
        else:
            if paraphrase:
                messages.success(request, _("The words are shown on the public board"))
            else:
                messages.success(
                    request, _("We have asked them: nothing is shown until they approve")
                )
            return redirect("accountability:action", action.pk)
    context = {
        "action": action,
        "project": action.project,
        "contribution": contribution,
        "paraphrase": paraphrase,
        "quote": existing,
        "quote_names": dict(QuoteStatus.choices),
    }
    return page(request, "quote_form.html", context, form)


# --- The contributor: approve, change or withdraw their words -------------------------------


def quote_page(request: HttpRequest, quote: Quote) -> HttpResponse:
    form = forms.QuoteAnswerForm(posted(request))
    if request.method == "POST" and rules.may_answer(quote.status) and form.is_valid():
        actions.answer_quote(quote, form.cleaned_data["answer"], form.cleaned_data["text"])
        return redirect(request.path + "?answered=1")
    context = {
        "section": None,
        "quote": quote,
        "action": quote.action,
        "project": quote.action.project,
        "organisation": quote.action.project.organisation,
        "public_organisation": quote.action.project.organisation,
        "answered": request.method == "GET" and bool(request.GET.get("answered")),
        "may_answer": rules.may_answer(quote.status),
    }
    return page(request, "quote_answer.html", context, form)


@once
def own_quote(request: HttpRequest, pk: int) -> HttpResponse:
    return quote_page(request, access.own_quote_for(request, pk))


@once
def quote_link(request: HttpRequest, token: str) -> HttpResponse:
    """From the link in the message: no account needed, the signed link is the key."""
    found = actions.quote_from_token(token)
    if found is None:
        raise Http404("This link does not work")
    return quote_page(request, found)


# --- Did it make a difference? --------------------------------------------------------------


@once
def difference(request: HttpRequest, token: str) -> HttpResponse:
    """From the link in the "done" message: the answer becomes a contribution."""
    found = actions.difference_from_token(token)
    if found is None:
        raise Http404("This link does not work")
    action, person = found
    initial = {"privacy": follow_up_privacy(person).value}
    form = forms.DifferenceForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.record_difference(action, person, data["answer"], data["words"], data["privacy"])
        return redirect(request.path + "?sent=1")
    context = {
        "section": None,
        "action": action,
        "project": action.project,
        "organisation": action.project.organisation,
        "public_organisation": action.project.organisation,
        "sent": request.method == "GET" and bool(request.GET.get("sent")),
    }
    return page(request, "difference.html", context, form)


# --- Staff: comments to read before they show ------------------------------------------------

COMMENTS_PER_PAGE = 25


def moderation(request: HttpRequest) -> HttpResponse:
    waiting = (
        access.comments_to_moderate(request)
        .select_related("action__project", "person")
        .order_by("created_at", "pk")
    )
    current = Paginator(waiting, COMMENTS_PER_PAGE).get_page(request.GET.get("page"))
    viewer = viewer_for(request)
    # Who wrote each is shown as on the action's own page: only to the organisation's
    # coordinators (an admin moderating sees the name only if the writer chose to show it).
    rows = [
        (
            c,
            board.shown_comment(
                c,
                viewer,
                sees_everyone=rules.may_see_commenters(viewer, c.action.project.organisation_id),
            ),
        )
        for c in current.object_list
    ]
    context = {"section": "comments", "page": current, "rows": rows}
    return page(request, "moderation.html", context)


@require_POST
@once
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    waiting = access.comment_to_moderate(request, pk)
    form = forms.ModerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Select whether to publish the comment"))
        return redirect("accountability:moderation")
    publish = form.cleaned_data["decision"] == "publish"
    try:
        actions.moderate(waiting, publish, user_for(request))
    except actions.AlreadyModerated:
        messages.info(request, _("Someone else has already dealt with this comment"))
    else:
        if publish:
            messages.success(request, _("The comment is published"))
        else:
            messages.success(request, _("The comment will not be shown"))
    return redirect("accountability:moderation")
