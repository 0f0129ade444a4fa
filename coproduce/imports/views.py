"""Import pages (organisation admins): the list of imports, uploading a file, choosing its
columns, the import's own page (a preview with each row's problems, the dry run's counts,
the progress of the import, and the possible matches to decide), and the buttons that
check, start and decide."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.imports import access, actions, forms, importing, reading, rules
from coproduce.imports.models import ImportRun, Status
from coproduce.lib.once import once
from coproduce.lib.views import posted, render_page
from coproduce.people.models import Channel
from coproduce.tenancy.access import membership_for, user_for

PAGE_SIZE = 25
COMMON = {
    "section": "imports",
    "fields": rules.FIELDS,
    "Status": Status,
    "channel_names": dict(Channel.choices),
}


def page(
    request: HttpRequest, template: str, context: dict[str, Any], form: BaseForm | None = None
) -> HttpResponse:
    return render_page(request, f"imports/{template}", {**COMMON, **context}, form=form)


def run_list(request: HttpRequest) -> HttpResponse:
    runs = access.runs_for(request).values(
        "pk",
        "file_name",
        "source_system",
        "status",
        "created_at",
        "new",
        "updated",
        "to_confirm",
        "errors",
        "total_rows",
    )
    listing = Paginator(runs, PAGE_SIZE).get_page(request.GET.get("page"))
    return page(request, "list.html", {"page": listing, "status_names": dict(Status.choices)})


@once
def upload(request: HttpRequest) -> HttpResponse:
    mappings = dict(access.mappings_for(request).values_list("pk", "name"))
    form = forms.UploadForm(posted(request), request.FILES or None, mappings=list(mappings.items()))
    if request.method == "POST" and form.is_valid():
        shape = form.cleaned_data["shape"]
        if shape.startswith("saved-"):
            columns = access.mapping_for(request, int(shape[6:])).columns
        else:
            columns = rules.PRESETS[shape][1] if shape in rules.PRESETS else {}
        run = actions.upload(
            user_for(request),
            membership_for(request).organisation,
            form.cleaned_data["file"],
            form.kind,
            form.headers,
            form.cleaned_data["source_system"],
            columns,
        )
        return redirect("imports:columns", run.pk)
    return page(request, "upload.html", {}, form)


def columns(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.run_for(request, pk)
    if run.status not in (Status.UPLOADED, Status.MAPPED, Status.CHECKED):
        return redirect("imports:run", run.pk)
    form = forms.ColumnsForm(posted(request), initial=run.columns, headers=run.headers)
    if request.method == "POST" and form.is_valid():
        actions.choose_columns(run.organisation, run, form.columns(), form.cleaned_data["save_as"])
        return redirect("imports:run", run.pk)
    return page(request, "columns.html", {"run": run}, form)


def _preview(run: ImportRun) -> tuple[list[rules.Row], str]:
    if run.status not in (Status.MAPPED, Status.CHECKED):
        return [], ""
    try:
        return importing.preview(run, timezone.localdate()), ""
    except reading.FileRefused as refused:
        return [], str(refused)


def run_page(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.run_for(request, pk)
    rows, refusal = _preview(run)
    waiting = access.waiting_matches_of(run)
    matches = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("page"))
    decide_forms = [
        (
            match,
            importing.from_json(match.row_number, match.row),
            forms.DecideForm(prefix=f"match-{match.pk}"),
        )
        for match in matches
    ]
    context = {
        "run": run,
        "rows": rows,
        "refusal": refusal,
        "matches": matches,
        "decide_forms": decide_forms,
        "columns": [(rules.FIELDS[name], heading) for name, heading in run.columns.items()],
    }
    return page(request, "run.html", context)


@require_POST
@once
def check(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.run_for(request, pk)
    try:
        actions.check(run)
    except actions.NotReady:
        messages.error(request, _("This import has started already"))
    return redirect("imports:run", run.pk)


@require_POST
@once
def start(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.run_for(request, pk)
    try:
        actions.start(user_for(request), run)
    except actions.NotReady:
        messages.error(request, _("Check the file before importing it"))
    return redirect("imports:run", run.pk)


@require_POST
@once
def decide(request: HttpRequest, pk: int, match_pk: int) -> HttpResponse:
    run = access.run_for(request, pk)
    match = access.waiting_match_of(run, match_pk)
    form = forms.DecideForm(request.POST, prefix=f"match-{match.pk}")
    if not form.is_valid():
        messages.error(
            request, _("Select whether row %(row)s is the same person") % {"row": match.row_number}
        )
        return redirect("imports:run", run.pk)
    actions.decide(user_for(request), match, form.cleaned_data["decision"])
    messages.success(request, _("Row %(row)s is imported") % {"row": match.row_number})
    return redirect("imports:run", run.pk)
