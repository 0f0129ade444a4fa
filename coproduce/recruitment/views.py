"""Recruitment pages: briefs and their easy-read versions for staff, reaching out to carers,
the public brief and "say you are interested", and screening what comes back."""

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.audit import actions as audit
from coproduce.audit.models import AuditAction, DataCategory
from coproduce.lib import bilingual
from coproduce.lib.bilingual import twins
from coproduce.lib.once import once
from coproduce.lib.public_cache import public_cache
from coproduce.lib.views import posted, render_page
from coproduce.notifications.models import Status as MessageStatus
from coproduce.people.access import own_person
from coproduce.people.models import Person
from coproduce.projects.access import project_for
from coproduce.projects.models import GroupRole
from coproduce.recruitment import access, actions, rules
from coproduce.recruitment.audience import Criteria, matching_carers
from coproduce.recruitment.forms import (
    AudienceForm,
    BriefForm,
    EasyReadLineForm,
    InterestForm,
    MemberForm,
    NewPersonInterestForm,
    NotThisTimeForm,
    ScreeningForm,
)
from coproduce.recruitment.models import Brief, EasyReadLine, Pictogram, State
from coproduce.tenancy.access import membership_for, user_for
from coproduce.tenancy.models import Role

PAGE_SIZE = 50
PREVIEW_NAMES = 200
STATE_COLOURS = {
    State.RECEIVED: "govuk-tag--yellow",
    State.SCREENED: "govuk-tag--blue",
    State.INVITED: "govuk-tag--purple",
    State.NOT_THIS_TIME: "govuk-tag--grey",
    State.MEMBER: "govuk-tag--green",
    State.WITHDRAWN: "govuk-tag--grey",
}
STATUS_COLOURS = {
    rules.BriefStatus.DRAFT: "govuk-tag--grey",
    rules.BriefStatus.UPCOMING: "govuk-tag--blue",
    rules.BriefStatus.OPEN: "govuk-tag--green",
    rules.BriefStatus.CLOSED: "govuk-tag--red",
}
BRIEF_FIELDS = list(actions.BRIEF_FIELDS)
View = Callable[..., HttpResponse]
YES_NO = {True: "yes", False: "no"}
COMMON = {
    "section": "projects",
    "state_colours": STATE_COLOURS,
    "status_colours": STATUS_COLOURS,
    "pictures": Pictogram.choices,
}


def status_of(brief: Brief) -> rules.BriefStatus:
    return rules.brief_status(
        brief.is_published, brief.opens_on, brief.closes_on, timezone.localdate()
    )


def page(
    request: HttpRequest, template: str, context: dict[str, Any], bad: bool = False
) -> HttpResponse:
    return render_page(request, template, {**COMMON, **context}, bad=bad)


# --- Briefs (staff) ---------------------------------------------------------------------


def project_briefs(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    briefs = list(
        access.briefs_of(project)
        .annotate(
            answers=Count("expressions"),
            waiting=Count("expressions", filter=Q(expressions__state=State.RECEIVED)),
        )
        .order_by("-opens_on", "-pk")
    )
    rows = [(brief, status_of(brief)) for brief in briefs]
    return page(request, "recruitment/project_briefs.html", {"project": project, "rows": rows})


@once
def brief_new(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    form = BriefForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        brief = actions.create_brief(user_for(request), project, form.cleaned_data)
        messages.success(request, _("Brief saved as a draft"))
        return redirect("recruitment:brief", brief.pk)
    return page(
        request,
        "recruitment/brief_form.html",
        {"form": form, "project": project},
        bool(form.errors),
    )


def brief_edit(request: HttpRequest, brief_pk: int) -> HttpResponse:
    brief = access.brief_for(request, brief_pk)
    initial = {name: getattr(brief, name) for name in [*BRIEF_FIELDS, *twins(Brief.TRANSLATED)]}
    initial["online_group"] = "yes" if brief.online_group else "no"
    form = BriefForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.update_brief(brief, form.cleaned_data)
        messages.success(request, _("Brief saved"))
        return redirect("recruitment:brief", brief.pk)
    context = {"form": form, "project": brief.project, "brief": brief}
    return page(request, "recruitment/brief_form.html", context, bool(form.errors))


def brief_detail(request: HttpRequest, brief_pk: int, problem: str = "") -> HttpResponse:
    brief = access.brief_for(request, brief_pk)
    context = {
        "brief": brief,
        "project": brief.project,
        "status": status_of(brief),
        "lines": list(brief.easy_read_lines.all()),
        "answers": brief.expressions.count(),
        "owner": brief.project.organisation_id == membership_for(request).organisation_id,
        "problem": problem,
        "link": actions.public_link(brief),
    }
    return page(request, "recruitment/brief.html", context, bad=bool(problem))


@require_POST
def brief_publish(request: HttpRequest, brief_pk: int) -> HttpResponse:
    brief = access.brief_for(request, brief_pk)
    try:
        actions.publish(brief, timezone.localdate())
    except actions.Refused as refused:
        return brief_detail(request, brief_pk, problem=str(refused.message))
    messages.success(request, _("Brief published. Anyone with the link can now read it."))
    return redirect("recruitment:brief", brief.pk)


@require_POST
def brief_unpublish(request: HttpRequest, brief_pk: int) -> HttpResponse:
    brief = access.brief_for(request, brief_pk)
    actions.unpublish(brief)
    messages.success(request, _("Brief unpublished. Its link no longer works."))
    return redirect("recruitment:brief", brief.pk)


# --- Easy read (staff) ------------------------------------------------------------------


@once
def easy_read(request: HttpRequest, brief_pk: int) -> HttpResponse:
    brief = access.brief_for(request, brief_pk)
    form = EasyReadLineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_line(brief, form.cleaned_data)
        messages.success(request, _("Line added"))
        return redirect("recruitment:easy-read", brief.pk)
    context = {"brief": brief, "lines": list(brief.easy_read_lines.all()), "form": form}
    return page(request, "recruitment/easy_read_edit.html", context, bool(form.errors))


def easy_read_line(request: HttpRequest, brief_pk: int, easy_read_line_pk: int) -> HttpResponse:
    brief = access.brief_for(request, brief_pk)
    line = access.easy_read_line_for(brief, easy_read_line_pk)
    initial = {name: getattr(line, name) for name in ("picture", *EasyReadLine.TRANSLATED)}
    initial |= {name: getattr(line, name) for name in twins(EasyReadLine.TRANSLATED)}
    form = EasyReadLineForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.update_line(line, form.cleaned_data)
        messages.success(request, _("Line saved"))
        return redirect("recruitment:easy-read", brief.pk)
    context = {"brief": brief, "line": line, "form": form}
    return page(request, "recruitment/easy_read_line.html", context, bool(form.errors))


@require_POST
def easy_read_move(request: HttpRequest, brief_pk: int, easy_read_line_pk: int) -> HttpResponse:
    line = access.easy_read_line_for(access.brief_for(request, brief_pk), easy_read_line_pk)
    actions.move_line(line, -1 if request.POST.get("direction") == "up" else 1)
    return redirect("recruitment:easy-read", brief_pk)


@require_POST
def easy_read_remove(request: HttpRequest, brief_pk: int, easy_read_line_pk: int) -> HttpResponse:
    line = access.easy_read_line_for(access.brief_for(request, brief_pk), easy_read_line_pk)
    actions.remove_line(line)
    messages.success(request, _("Line removed"))
    return redirect("recruitment:easy-read", brief_pk)


# --- Reaching out (staff) ---------------------------------------------------------------


def send(request: HttpRequest, brief_pk: int) -> HttpResponse:
    """Choose carers by what they told us, see who they are, then send the brief."""
    brief = access.own_brief_for(request, brief_pk)
    status = status_of(brief)
    sendable = status in (rules.BriefStatus.OPEN, rules.BriefStatus.UPCOMING)
    data = request.POST if request.method == "POST" else request.GET
    form = AudienceForm(data or None)
    people: list[Person] = []
    total = 0
    if form.is_bound and form.is_valid():
        matching = matching_carers(brief, Criteria.from_form(form.cleaned_data))
        if request.method == "POST" and sendable:
            sent = actions.send_brief(brief, matching.select_related("carer_profile"))
            messages.success(
                request,
                _("Brief sent to %(new)s people (%(already)s had it already)")
                % {"new": sent.new, "already": sent.already},
            )
            return redirect("recruitment:sent", brief.pk)
        people = list(matching[:PREVIEW_NAMES])
        total = len(people) if len(people) < PREVIEW_NAMES else matching.count()
    context = {
        "brief": brief,
        "form": form,
        "people": people,
        "total": total,
        "sendable": sendable,
        "status": status,
        "query": data.urlencode() if form.is_bound else "",
    }
    return page(request, "recruitment/send.html", context, bool(form.errors))


def sent(request: HttpRequest, brief_pk: int) -> HttpResponse:
    """Who the brief went to, and who staff must phone or write to instead."""
    brief = access.own_brief_for(request, brief_pk)
    sent_messages = actions.brief_messages(brief)
    by_status = dict(
        sent_messages.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    to_phone = list(
        sent_messages.filter(status=MessageStatus.PHONE_CALL_NEEDED)
        .select_related("person")
        .order_by("person__full_name")[:PREVIEW_NAMES]
    )
    context = {
        "brief": brief,
        "by_status": by_status,
        "to_phone": to_phone,
        "statuses": MessageStatus.choices,
    }
    return page(request, "recruitment/sent.html", context)


# --- Public pages -----------------------------------------------------------------------


def public_page(
    request: HttpRequest, template: str, brief: Brief, context: dict[str, Any], bad: bool = False
) -> HttpResponse:
    """A page anyone can see about a published brief, under its organisation's own name."""
    context = {
        "brief": brief,
        "public_organisation": brief.project.organisation,
        # Where the Welsh has not been written, the page says so to Welsh readers.
        "welsh_missing": bilingual.welsh_missing(brief, *Brief.TRANSLATED),
        **context,
    }
    return page(request, template, context, bad)


@public_cache
def public_brief(request: HttpRequest, brief_uuid: uuid.UUID) -> HttpResponse:
    brief = access.published_brief_for(request, brief_uuid)
    context = {"status": status_of(brief), "public": True}
    return public_page(request, "recruitment/public_brief.html", brief, context)


@public_cache
def public_easy_read(request: HttpRequest, brief_uuid: uuid.UUID) -> HttpResponse:
    brief = access.published_brief_for(request, brief_uuid)
    lines = [
        (line, said, rules.phone_parts(said.text))
        for line in brief.easy_read_lines.all()
        for said in [bilingual.shown(line, "text")]
    ]
    missing = bilingual.welsh_missing(brief, "title", "where_and_how") or any(
        said.welsh_missing for _line, said, _parts in lines
    )
    context = {"status": status_of(brief), "lines": lines, "welsh_missing": missing}
    return public_page(request, "recruitment/public_easy_read.html", brief, context)


def known_carer(request: HttpRequest, brief: Brief) -> Person | None:
    """The signed-in carer's own record, when they are a carer of the brief's organisation."""
    membership = getattr(request, "membership", None)
    if membership is None or membership.role != Role.CARER:
        return None
    if membership.organisation_id != brief.project.organisation_id:
        return None
    try:
        return own_person(request)
    except Http404:
        return None


@once
def interested(request: HttpRequest, brief_uuid: uuid.UUID) -> HttpResponse:
    brief = access.published_brief_for(request, brief_uuid)
    status = status_of(brief)
    if status != rules.BriefStatus.OPEN:
        return public_page(request, "recruitment/interested_closed.html", brief, {"status": status})
    person = known_carer(request, brief)
    data = posted(request)
    form: InterestForm | NewPersonInterestForm
    if person is not None:
        form = InterestForm(data, ask_age=person.date_of_birth is None)
    else:
        form = NewPersonInterestForm(data)
    if request.method == "POST" and form.is_valid():
        if person is None:
            # Someone not signed in sees the same thanks whatever we already hold, so the
            # form cannot be used to find out whether an email address or phone has applied.
            actions.express_interest_new(brief, form.cleaned_data)
            return redirect("recruitment:interested-done", brief.public_id)
        _expression, created = actions.express_interest_as(brief, person, form.cleaned_data)
        name = "recruitment:interested-done" if created else "recruitment:interested-already"
        return redirect(name, brief.public_id)
    context = {"form": form, "person": person}
    return public_page(request, "recruitment/interested.html", brief, context, bool(form.errors))


def interested_done(request: HttpRequest, brief_uuid: uuid.UUID) -> HttpResponse:
    brief = access.published_brief_for(request, brief_uuid)
    return public_page(request, "recruitment/interested_done.html", brief, {"already": False})


def interested_already(request: HttpRequest, brief_uuid: uuid.UUID) -> HttpResponse:
    brief = access.published_brief_for(request, brief_uuid)
    return public_page(request, "recruitment/interested_done.html", brief, {"already": True})


# --- Screening (staff) ------------------------------------------------------------------


def safeguarded(view: View) -> View:
    """Show a clear explanation when someone not trained in safeguarding tries to screen
    a person under 18."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except access.SafeguardingTrainingRequired:
            return render(
                request,
                "recruitment/safeguarding_required.html",
                {"section": "projects", "expression_pk": kwargs.get("expression_pk")},
                status=403,
            )

    return wrapper


def expressions(request: HttpRequest, brief_pk: int) -> HttpResponse:
    brief = access.own_brief_for(request, brief_pk)
    rows = brief.expressions.select_related("person").order_by("received_at", "pk")
    counts = dict(
        brief.expressions.order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    context = {
        "brief": brief,
        "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
        "counts": [(state, counts.get(state, 0)) for state in State],
    }
    return page(request, "recruitment/expressions.html", context)


def expression_detail(request: HttpRequest, expression_pk: int, problem: str = "") -> HttpResponse:
    expression = access.expression_for(request, expression_pk)
    membership = membership_for(request)
    audit.record(
        actor=user_for(request),
        person=expression.person,
        action=AuditAction.VIEWED,
        categories=[DataCategory.CONTACT, DataCategory.CARING],
        detail=f"Opened their answer to brief {expression.brief_id}",
    )
    context = {
        "expression": expression,
        "brief": expression.brief,
        "history": list(expression.history.select_related("changed_by")),
        "invite_problems": rules.invite_problems(actions.screening_of(expression)),
        "may_screen": rules.may_screen(expression.under_18, membership.safeguarding_trained),
        "next_states": rules.TRANSITIONS[State(expression.state)],
        "problem": problem,
    }
    return page(request, "recruitment/expression.html", context, bad=bool(problem))


@safeguarded
@once
def expression_screen(request: HttpRequest, expression_pk: int) -> HttpResponse:
    expression = access.expression_to_screen(request, expression_pk)
    if not rules.may_move(expression.state, State.SCREENED):
        return redirect("recruitment:expression", expression.pk)
    initial: dict[str, Any] = {
        "genuine_carer": None
        if expression.genuine_carer is None
        else YES_NO[expression.genuine_carer],
        "genuine_carer_note": expression.genuine_carer_note,
        "safeguarding_notes": expression.safeguarding_notes,
        "guardian_name": expression.guardian_name,
        "guardian_consent_how": expression.guardian_consent_how,
        "guardian_consent_on": expression.guardian_consent_on,
    }
    form = ScreeningForm(request.POST or None, initial=initial, expression=expression)
    if request.method == "POST" and form.is_valid():
        try:
            actions.screen(user_for(request), expression, form.cleaned_data)
        except actions.Refused as refused:
            messages.error(request, str(refused.message))
        else:
            messages.success(request, _("Screening saved"))
        return redirect("recruitment:expression", expression.pk)
    context = {"expression": expression, "brief": expression.brief, "form": form}
    return page(request, "recruitment/expression_screen.html", context, bool(form.errors))


@require_POST
@safeguarded
def expression_invite(request: HttpRequest, expression_pk: int) -> HttpResponse:
    expression = access.expression_to_screen(request, expression_pk)
    try:
        actions.invite(user_for(request), expression)
    except actions.Refused as refused:
        return expression_detail(request, expression_pk, problem=str(refused.message))
    messages.success(
        request, _("%(name)s is invited to join") % {"name": expression.person.full_name}
    )
    return redirect("recruitment:expression", expression.pk)


@safeguarded
def expression_not_this_time(request: HttpRequest, expression_pk: int) -> HttpResponse:
    expression = access.expression_to_screen(request, expression_pk)
    if not rules.may_move(expression.state, State.NOT_THIS_TIME):
        return redirect("recruitment:expression", expression.pk)
    form = NotThisTimeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.not_this_time(user_for(request), expression, form.cleaned_data["reason"])
        except actions.Refused as refused:
            messages.error(request, str(refused.message))
        else:
            messages.success(
                request, _("We have told %(name)s") % {"name": expression.person.full_name}
            )
        return redirect("recruitment:expression", expression.pk)
    context = {"expression": expression, "brief": expression.brief, "form": form}
    return page(request, "recruitment/expression_not_this_time.html", context, bool(form.errors))


@safeguarded
def expression_member(request: HttpRequest, expression_pk: int) -> HttpResponse:
    expression = access.expression_to_screen(request, expression_pk)
    if not rules.may_move(expression.state, State.MEMBER):
        return redirect("recruitment:expression", expression.pk)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.make_member(
                user_for(request),
                expression,
                GroupRole(form.cleaned_data["role"]),
                form.cleaned_data["joined_on"],
            )
        except actions.Refused as refused:
            messages.error(request, str(refused.message))
        else:
            messages.success(
                request,
                _("%(name)s is now in the group") % {"name": expression.person.full_name},
            )
        return redirect("recruitment:expression", expression.pk)
    context = {"expression": expression, "brief": expression.brief, "form": form}
    return page(request, "recruitment/expression_member.html", context, bool(form.errors))


@require_POST
def expression_withdraw(request: HttpRequest, expression_pk: int) -> HttpResponse:
    """The person has told us they no longer want to take part."""
    expression = access.expression_for(request, expression_pk)
    try:
        actions.withdraw(user_for(request), expression, "")
    except actions.Refused as refused:
        messages.error(request, str(refused.message))
    else:
        messages.success(request, _("Marked as withdrawn"))
    return redirect("recruitment:expression", expression.pk)
