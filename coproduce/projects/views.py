"""Projects pages: the list, a project's page and the forms that run it."""

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.lib import bilingual
from coproduce.lib.once import once
from coproduce.lib.params import row_id
from coproduce.lib.views import posted, render_page
from coproduce.people.access import person_for, staff_people_of
from coproduce.projects import access, actions, extensions, reports, rules
from coproduce.projects.forms import (
    BudgetLineForm,
    LeavingForm,
    MemberForm,
    MilestoneForm,
    ProjectForm,
    StageForm,
)
from coproduce.projects.models import Project, Stage
from coproduce.tenancy.access import (
    PEOPLE_ROLES,
    is_staff,
    partnerships_of,
    require_role,
    user_for,
)

STAGE_COLOURS = {
    Stage.FUNDING: "govuk-tag--grey",
    Stage.MEMBERSHIP: "govuk-tag--light-blue",
    Stage.CONSULTING: "govuk-tag--blue",
    Stage.PLANNING: "govuk-tag--turquoise",
    Stage.REVISION: "govuk-tag--yellow",
    Stage.DELIVERY: "govuk-tag--green",
    Stage.EVALUATION: "govuk-tag--purple",
    Stage.REVIEW: "govuk-tag--pink",
}
MAX_CANDIDATES = 25
PAGE_SIZE = 50


def form_response(
    request: HttpRequest, template: str, form: BaseForm, **context: Any
) -> HttpResponse:
    """A form page, 400 when it comes back with errors (everything typed kept)."""
    return render_page(request, template, {"section": "projects", **context}, form=form)


def project_list(request: HttpRequest) -> HttpResponse:
    projects = access.with_member_count(access.projects_for(request).select_related("coordinator"))
    projects = projects.order_by("-starts_on", "title", "pk")
    context = {
        "page": Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page")),
        "can_create": is_staff(request),
        "stage_colours": STAGE_COLOURS,
        "section": "projects",
    }
    return render(request, "projects/list.html", context)


def _project_form(
    request: HttpRequest, organisation_id: int, project: Project | None
) -> ProjectForm:
    coordinators = staff_people_of(organisation_id).values_list("pk", "full_name")
    partnerships = partnerships_of(organisation_id).values_list("pk", "name")
    initial: dict[str, Any] = {}
    if project is not None:
        initial = {
            "title": project.title,
            "aims": project.aims,
            "title_cy": project.title_cy,
            "aims_cy": project.aims_cy,
            "scope": project.scope,
            "coordinator": project.coordinator_id,
            "starts_on": project.starts_on,
            "ends_on": project.ends_on,
            "partnership": str(project.partnership_id or "none"),
        }
    else:
        own = staff_people_of(organisation_id).filter(user=user_for(request))
        initial = {"coordinator": own.values_list("pk", flat=True).first(), "partnership": "none"}
    return ProjectForm(
        posted(request),
        initial=initial,
        coordinators=list(coordinators),
        partnerships=list(partnerships),
        creating=project is None,
    )


def _details(form: ProjectForm, organisation_id: int) -> actions.ProjectDetails:
    data = form.cleaned_data
    partnership_pk = form.partnership_pk() if "partnership" in form.fields else None
    return actions.ProjectDetails(
        title=data["title"],
        aims=data["aims"],
        **bilingual.twin_data(data, *Project.TRANSLATED),
        scope=data["scope"],
        coordinator=staff_people_of(organisation_id).get(pk=data["coordinator"]),
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        partnership=None
        if partnership_pk is None
        else partnerships_of(organisation_id).get(pk=partnership_pk),
    )


@once
def new_project(request: HttpRequest) -> HttpResponse:
    membership = require_role(request, PEOPLE_ROLES)
    form = _project_form(request, membership.organisation_id, None)
    if request.method == "POST" and form.is_valid():
        project = actions.create_project(
            user_for(request),
            membership.organisation,
            _details(form, membership.organisation_id),
            stage=form.cleaned_data["stage"],
        )
        messages.success(request, _("%(title)s is created") % {"title": project.title})
        return redirect("projects:detail", project.pk)
    return form_response(request, "projects/edit.html", form, project=None)


def edit_project(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.project_for(request, pk, need="edit")
    form = _project_form(request, project.organisation_id, project)
    if request.method == "POST" and form.is_valid():
        actions.update_project(user_for(request), project, _details(form, project.organisation_id))
        messages.success(request, _("The project's details are saved"))
        return redirect("projects:detail", project.pk)
    return form_response(request, "projects/edit.html", form, project=project)


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff see how the project is run (stages, budget, history); carers in the group see
    where it is in plain words, what happens next and the next activity instead."""
    project = access.project_for(request, pk)
    now = timezone.now()
    staff = is_staff(request)
    context: dict[str, Any] = {
        "project": project,
        "partners": list(access.partners_of(project)) if project.partnership_id else [],
        "milestones": list(project.milestones.all()),
        "milestone_state": rules.milestone_state,
        "today": timezone.localdate(),
        "member_count": project.members.filter(left_on=None).count(),
        "can_edit": staff,
        "stage_colours": STAGE_COLOURS,
        "section": "projects",
    }
    if not staff:
        now_words, next_words = rules.stage_in_plain_words(project.stage)
        context.update(
            stage_now=now_words,
            stage_next=next_words,
            upcoming=extensions.upcoming_of(project, now),
            summaries=extensions.summaries_of(project, now, carers=True),
        )
        return render(request, "projects/detail.html", context)
    changes = list(access.stage_history_of(project))
    entries = rules.stage_entries((c.to_stage, c.changed_at) for c in changes)
    budget = list(project.budget_lines.all())
    context.update(
        changes=changes,
        entries=entries,
        involvement=rules.carer_involvement(
            {*entries, project.stage}, reports.carer_evidence(project, now)
        ),
        evidence_labels=extensions.evidence_labels(),
        summaries=extensions.summaries_of(project, now),
        budget=budget,
        budget_total=sum((line.amount for line in budget), Decimal("0")),
    )
    return render(request, "projects/detail.html", context)


@once
def move_stage(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.project_for(request, pk, need="edit")
    evidence = reports.carer_evidence(project)
    form = StageForm(posted(request), current=project.stage, evidence=evidence)
    if request.method == "POST" and form.is_valid():
        try:
            actions.move_stage(
                user_for(request),
                project,
                form.cleaned_data["stage"],
                form.cleaned_data["note"],
                form.reason(),
            )
        except actions.StageUnchanged as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(
                request,
                _("The project is now at the %(stage)s stage")
                % {"stage": Stage(project.stage).label},
            )
            return redirect("projects:detail", project.pk)
    labels = extensions.evidence_labels()
    return form_response(
        request,
        "projects/stage.html",
        form,
        project=project,
        waiting=extensions.waiting(project, Stage.REVIEW),
        carers_absent=form.carers_absent,
        missing=[labels[kind] for kind in rules.missing_evidence(project.stage, evidence)],
    )


def budget_line(request: HttpRequest, pk: int, line_pk: int | None = None) -> HttpResponse:
    project = access.project_for(request, pk, need="edit")
    line = None if line_pk is None else access.budget_line_of(project, line_pk)
    initial = (
        {}
        if line is None
        else {"kind": line.kind, "description": line.description, "amount": line.amount}
    )
    form = BudgetLineForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.save_budget_line(project, data["kind"], data["description"], data["amount"], line)
        messages.success(request, _("The budget line is saved"))
        return redirect("projects:detail", project.pk)
    return form_response(request, "projects/budget_line.html", form, project=project, line=line)


def remove_budget_line(request: HttpRequest, pk: int, line_pk: int) -> HttpResponse:
    project = access.project_for(request, pk, need="edit")
    line = access.budget_line_of(project, line_pk)
    if request.method == "POST":
        actions.remove_budget_line(line)
        messages.success(request, _("The budget line is removed"))
        return redirect("projects:detail", project.pk)
    context = {"project": project, "line": line, "section": "projects"}
    return render(request, "projects/remove_budget_line.html", context)


@once
def new_milestone(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.project_for(request, pk, need="edit")
    form = MilestoneForm(posted(request))
    if request.method == "POST" and form.is_valid():
        actions.add_milestone(project, form.cleaned_data["title"], form.cleaned_data["due_on"])
        messages.success(request, _("The milestone is added"))
        return redirect("projects:detail", project.pk)
    return form_response(request, "projects/milestone.html", form, project=project)


@require_POST
def milestone_done(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    project = access.project_for(request, pk, need="edit")
    milestone = access.milestone_of(project, milestone_pk)
    if actions.mark_milestone_done(milestone):
        messages.success(request, _("%(title)s is marked as done") % {"title": milestone.title})
    return redirect("projects:detail", project.pk)


def members(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.project_for(request, pk, need="edit")
    group = project.members.select_related("person").order_by("left_on", "joined_on", "pk")
    context = {"project": project, "members": list(group), "section": "projects"}
    return render(request, "projects/members.html", context)


def add_member(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.project_for(request, pk, need="edit")
    people = access.people_to_add_to(request, project)
    query = (request.POST.get("q") or request.GET.get("q") or "").strip()
    if request.method == "POST":
        chosen = row_id(request.POST.get("person"))
        people = people.none() if chosen is None else people.filter(pk=chosen)
    elif query:
        people = people.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
    else:
        people = people.none()
    candidates = list(people.values_list("pk", "full_name")[:MAX_CANDIDATES])
    form = MemberForm(
        posted(request), candidates=candidates, initial={"joined_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = person_for(request, data["person"], need="edit")
        actions.add_member(user_for(request), project, person, data["role"], data["joined_on"])
        messages.success(request, _("%(name)s is in the group") % {"name": person.full_name})
        return redirect("projects:members", project.pk)
    return form_response(
        request,
        "projects/add_member.html",
        form,
        project=project,
        query=query,
        candidates=candidates,
    )


def member_leaving(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = access.project_for(request, pk, need="edit")
    member = access.project_member_of(project, member_pk)
    form = LeavingForm(
        posted(request), joined_on=member.joined_on, initial={"left_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        actions.record_leaving(user_for(request), member, form.cleaned_data["left_on"])
        messages.success(
            request, _("%(name)s has left the group") % {"name": member.person.full_name}
        )
        return redirect("projects:members", project.pk)
    return form_response(request, "projects/leaving.html", form, project=project, member=member)


def group_makeup(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.project_makeup_for(request, pk)
    context = {
        "project": project,
        "tables": reports.makeup(project),
        "smallest": rules.SMALLEST_GROUP_SHOWN,
        "section": "projects",
    }
    return render(request, "projects/makeup.html", context)
