"""The organisation's and a project's dashboards (staff), each table also as a CSV, and the
admin's upload of the local Census table."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from coproduce.evaluation.rung import LADDER, assessment_of
from coproduce.insight import access, actions, forms, rules
from coproduce.insight.charts import cell_text, chart_of
from coproduce.insight.figures import Dashboard, Scope, Table, dashboard
from coproduce.lib import exports
from coproduce.lib.once import once
from coproduce.lib.views import posted, render_page
from coproduce.projects.rules import SMALLEST_GROUP_SHOWN

# Up to this many projects, the organisation dashboard's filter offers each by name; above
# it, no list (its page would grow with the organisation): each project's own dashboard,
# from its page, shows the same figures.
MOST_PROJECTS_TO_CHOOSE = 30


def csv_rows(table: Table) -> list[exports.Row]:
    hidden = _("fewer than %(smallest)s") % {"smallest": SMALLEST_GROUP_SHOWN}
    return [
        [str(c.header) for c in table.columns],
        *[
            [
                (hidden if c.equality else "") if cell is None else cell
                for c, cell in zip(table.columns, row, strict=True)
            ]
            for row in table.rows
        ],
    ]


def show(
    request: HttpRequest,
    template: str,
    scope: Scope,
    form: forms.FilterForm,
    context: dict[str, Any],
) -> HttpResponse:
    figures: Dashboard = dashboard(scope)
    if key := request.GET.get("csv"):
        table = figures.table(key)
        if table is None:
            raise Http404("No such table")
        return exports.csv_download(csv_rows(table), f"{key}-{scope.start}-{scope.end}.csv")
    query = request.GET.copy()
    query.pop("csv", None)
    context = {
        **context,
        "section": "insight",
        "scope": scope,
        "figures": figures,
        "chart_of": chart_of,
        "cell_text": cell_text,
        "query": query.urlencode(),
        "smallest": SMALLEST_GROUP_SHOWN,
    }
    return render_page(request, f"insight/{template}", context, form=form)


@require_GET
def organisation_dashboard(request: HttpRequest) -> HttpResponse:
    organisation = access.dashboard_organisation(request)
    projects = access.dashboard_projects(request)
    choices = list(
        projects.order_by("title", "pk").values_list("pk", "title")[: MOST_PROJECTS_TO_CHOOSE + 1]
    )
    offered = choices if len(choices) <= MOST_PROJECTS_TO_CHOOSE else None
    form = forms.FilterForm(request.GET or None, projects=offered)
    start, end, project_pk = form.chosen(timezone.localdate())
    if project_pk is not None:
        projects = projects.filter(pk=project_pk)
    scope = Scope(organisation, projects, start, end, whole_organisation=project_pk is None)
    context = {"organisation": organisation, "most_projects": MOST_PROJECTS_TO_CHOOSE}
    return show(request, "organisation.html", scope, form, context)


@require_GET
def project_dashboard(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = access.dashboard_project(request, project_pk)
    form = forms.FilterForm(request.GET or None)
    start, end, _none = form.chosen(timezone.localdate())
    projects = access.dashboard_projects(request).filter(pk=project.pk)
    scope = Scope(project.organisation, projects, start, end, whole_organisation=False)
    context = {"project": project, "assessment": assessment_of(project), "ladder": LADDER}
    return show(request, "project.html", scope, form, context)


@once
def census_upload(request: HttpRequest) -> HttpResponse:
    organisation = access.census_organisation(request)
    form = forms.CensusForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        count = actions.replace_census(organisation, form.figures)
        messages.success(
            request, _("Your Census table is uploaded: %(num)s figures") % {"num": count}
        )
        return redirect("insight:census")
    figures = list(access.census_figures_of(organisation))
    context = {"section": "insight", "figures": figures, "columns": rules.COLUMNS}
    return render_page(request, "insight/census.html", context, form=form)


@once
def census_remove(request: HttpRequest) -> HttpResponse:
    organisation = access.census_organisation(request)
    if request.method == "POST":
        actions.remove_census(organisation)
        messages.success(request, _("Your Census table is removed"))
    return redirect("insight:census")
