"""Contribution pages: a project's contributions, recording and giving views, considering
them, themes, your own contributions, and open-door feedback from anyone.

Every page shows a contribution through `rules.shown`, so names and confidential words
reach only the people entitled to them."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coproduce.activities.access import activities_for
from coproduce.contributions import access, actions, forms, rules
from coproduce.contributions.models import (
    Contribution,
    ContributionChannel,
    Privacy,
    ResponseStatus,
)
from coproduce.lib.once import once
from coproduce.lib.params import row_id
from coproduce.lib.uploads import file_response
from coproduce.lib.views import posted, render_page
from coproduce.people.access import own_person, people_for
from coproduce.projects.access import project_for
from coproduce.tenancy.access import public_organisation, user_for

PAGE_SIZE = 50
STATUS_TAGS = {
    ResponseStatus.NEW: "govuk-tag--yellow",
    ResponseStatus.CONSIDERED: "govuk-tag--blue",
    ResponseStatus.PLANNED: "govuk-tag--purple",
    ResponseStatus.ACTED_ON: "govuk-tag--green",
    ResponseStatus.NOT_TAKEN_FORWARD: "govuk-tag--grey",
}
BAND_NAMES = {
    rules.AgeBand.YOUNG: gettext_lazy("Only young carers (under 18)"),
    rules.AgeBand.WORKING_AGE: gettext_lazy("Only carers aged 18 to 64"),
    rules.AgeBand.OLDER: gettext_lazy("Only carers aged 65 and over"),
}
COMMON = {
    "section": "projects",
    "status_tags": STATUS_TAGS,
    "channels": dict(ContributionChannel.choices),
    "privacies": dict(Privacy.choices),
    "statuses": dict(ResponseStatus.choices),
}


def page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """A contributions page; 400 when the form in its context came back with errors."""
    return render_page(
        request, f"contributions/{template}", {**COMMON, **context}, form=context.get("form")
    )


def filtered(
    contributions: QuerySet[Contribution], query: QueryDict | dict[str, str]
) -> QuerySet[Contribution]:
    if query.get("status") in ResponseStatus.values:
        contributions = contributions.filter(status=query["status"])
    if query.get("channel") in ContributionChannel.values:
        contributions = contributions.filter(channel=query["channel"])
    theme = row_id(query.get("theme"))
    if theme is not None:
        contributions = contributions.filter(themes=theme)
    return contributions


def project_list(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk)
    viewer = access.viewer_for(request)
    contributions = filtered(access.contributions_of(request, project), request.GET)
    paged = Paginator(access.with_details(contributions).order_by("-given_on", "-pk"), PAGE_SIZE)
    current = paged.get_page(request.GET.get("page"))
    query = "&".join(f"{k}={v}" for k, v in request.GET.items() if k != "page" and v)
    return page(
        request,
        "project_list.html",
        {
            "project": project,
            "page": current,
            "shown": [(c, rules.shown(viewer, c)) for c in current.object_list],
            "waiting_query": "&".join(
                f"{k}={v}" for k, v in request.GET.items() if k in ("channel", "theme") and v
            ),
            "themes": list(access.themes_of(project)),
            "filters": request.GET,
            "query": query,
            "is_staff": viewer.staff,
            "today": timezone.localdate(),
        },
    )


@once
def record(request: HttpRequest, project_pk: int) -> HttpResponse:
    """Staff type in what someone said: in a meeting, on the phone, in a letter..."""
    project = project_for(request, project_pk, need="edit")
    people = list(people_for(request).filter(project_memberships__project=project))
    activities = list(activities_for(request, project).order_by("-starts_at"))
    form = forms.RecordForm(
        posted(request),
        request.FILES or None,
        people=people,
        activities=activities,
        initial={"given_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = next((p for p in people if str(p.pk) == data["person"]), None)
        activity = next((a for a in activities if str(a.pk) == data["activity"]), None)
        actions.record_with_attachment(
            data["attachment"],
            organisation=project.organisation,
            project=project,
            activity=activity,
            channel=data["channel"],
            privacy=data["privacy"],
            person=person,
            text=data["text"],
            given_on=data["given_on"],
            recorded_by=user_for(request),
        )
        messages.success(request, _("The contribution is recorded and waiting to be considered"))
        return redirect("contributions:project", project.pk)
    return page(request, "record.html", {"project": project, "form": form})


def respond_to_all(request: HttpRequest, project_pk: int) -> HttpResponse:
    """Staff: one response to every waiting contribution the list's filters show."""
    project = project_for(request, project_pk, need="edit")
    query = request.POST if request.method == "POST" else request.GET
    # Only what the list was showing; "status" here is the response being given.
    filters = {k: str(query.get(k, "")) for k in ("channel", "theme")}
    chosen = filtered(access.contributions_of(request, project), filters)
    waiting = chosen.filter(status=ResponseStatus.NEW).count()
    form = forms.RespondForm(posted(request))
    if request.method == "POST" and form.is_valid():
        done = actions.respond_to_all(
            chosen,
            form.cleaned_data["status"],
            form.cleaned_data["response"],
            user_for(request),
        )
        messages.success(
            request, _("Your response is saved for %(num)s contributions") % {"num": done}
        )
        return redirect("contributions:project", project.pk)
    return page(
        request,
        "respond_to_all.html",
        {"project": project, "form": form, "waiting": waiting, "filters": filters},
    )


@once
def give(request: HttpRequest, project_pk: int) -> HttpResponse:
    """A member of the group gives their own view in writing."""
    project = project_for(request, project_pk)
    person = own_person(request)
    profile = getattr(person, "carer_profile", None)
    initial = {"privacy": profile.default_anonymity} if profile is not None else {}
    form = forms.GiveForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        contribution = actions.record_contribution(
            organisation=project.organisation,
            project=project,
            channel=ContributionChannel.WEB,
            privacy=form.cleaned_data["privacy"],
            person=person,
            text=form.cleaned_data["text"],
            recorded_by=user_for(request),
        )
        messages.success(request, _("Thank you. We will tell you what happens to what you said."))
        return redirect("contributions:contribution", contribution.pk)
    return page(request, "give.html", {"project": project, "form": form})


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = access.contribution_for(request, pk)
    viewer = access.viewer_for(request)
    own = rules.is_own(viewer, contribution.person_id)
    return page(
        request,
        "contribution.html",
        {
            "contribution": contribution,
            "shown": rules.shown(viewer, contribution),
            "is_staff": viewer.staff,
            "own": own,
            "attachments": list(contribution.attachments.all()),
            "theme_names": [t.name for t in contribution.themes.all()],
            "respond_form": forms.RespondForm(
                initial={"status": contribution.status, "response": contribution.response}
            ),
            "privacy_form": forms.PrivacyForm(
                current=contribution.privacy, initial={"privacy": contribution.privacy}
            )
            if own
            else None,
        },
    )


def respond(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = access.contribution_for(request, pk, need="edit")
    form = forms.RespondForm(posted(request))
    if request.method == "POST" and form.is_valid():
        actions.respond(
            contribution,
            form.cleaned_data["status"],
            form.cleaned_data["response"],
            user_for(request),
        )
        messages.success(request, _("Your response is saved"))
        return redirect("contributions:contribution", contribution.pk)
    viewer = access.viewer_for(request)
    return page(
        request,
        "respond.html",
        {"contribution": contribution, "shown": rules.shown(viewer, contribution), "form": form},
    )


def themes(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = access.contribution_for(request, pk, need="edit")
    if contribution.project_id is None:
        messages.error(request, _("Only contributions to a project can have themes"))
        return redirect("contributions:contribution", contribution.pk)
    current = ", ".join(t.name for t in contribution.themes.all())
    form = forms.ThemesForm(posted(request), initial={"themes": current})
    if request.method == "POST" and form.is_valid():
        actions.set_themes(contribution, form.names())
        messages.success(request, _("Themes saved"))
        return redirect("contributions:contribution", contribution.pk)
    viewer = access.viewer_for(request)
    return page(
        request,
        "themes_form.html",
        {"contribution": contribution, "shown": rules.shown(viewer, contribution), "form": form},
    )


def file_under_project(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff file open-door feedback under the project it is about (or under none)."""
    contribution = access.contribution_for(request, pk, need="edit")
    if contribution.channel != ContributionChannel.OPEN_DOOR:
        raise Http404("Only open-door feedback is filed under a project afterwards")
    form = forms.FileUnderProjectForm(
        posted(request),
        projects=access.projects_to_file_under(request, contribution),
        initial={"project": contribution.project_id or ""},
    )
    if request.method == "POST" and form.is_valid():
        actions.file_under_project(contribution, form.chosen())
        messages.success(request, _("Your choice is saved"))
        return redirect("contributions:contribution", contribution.pk)
    viewer = access.viewer_for(request)
    return page(
        request,
        "file_under_project.html",
        {"contribution": contribution, "shown": rules.shown(viewer, contribution), "form": form},
    )


def change_privacy(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = access.contribution_for(request, pk)
    viewer = access.viewer_for(request)
    if not rules.is_own(viewer, contribution.person_id):
        raise PermissionDenied("Only the person who gave it can change this")
    form = forms.PrivacyForm(
        posted(request), current=contribution.privacy, initial={"privacy": contribution.privacy}
    )
    if request.method == "POST" and form.is_valid():
        actions.change_privacy(contribution, form.cleaned_data["privacy"])
        messages.success(request, _("Your choice is saved"))
        if form.cleaned_data["privacy"] == Privacy.ANONYMOUS:
            return redirect("contributions:yours")
        return redirect("contributions:contribution", contribution.pk)
    return page(
        request,
        "privacy.html",
        {"contribution": contribution, "shown": rules.shown(viewer, contribution), "form": form},
    )


def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    contribution = access.contribution_for(request, pk)
    viewer = access.viewer_for(request)
    if rules.shown(viewer, contribution).text is None:
        raise PermissionDenied("Given in confidence")
    file = access.attachment_of(contribution, attachment_pk)
    return file_response(file.file, file.name, file.content_type)


def yours(request: HttpRequest) -> HttpResponse:
    contributions = access.with_details(access.own_contributions(request)).order_by(
        "-given_on", "-pk"
    )
    current = Paginator(contributions, PAGE_SIZE).get_page(request.GET.get("page"))
    return page(request, "yours.html", {"page": current, "section": "said"})


def queue(request: HttpRequest) -> HttpResponse:
    """Staff: what is waiting to be considered across the organisation, oldest first."""
    waiting = access.contribution_queue_for(request).filter(status=ResponseStatus.NEW)
    contributions = access.with_details(waiting).order_by("recorded_at", "pk")
    current = Paginator(contributions, PAGE_SIZE).get_page(request.GET.get("page"))
    viewer = access.viewer_for(request)
    now = timezone.now()
    return page(
        request,
        "queue.html",
        {
            "section": "contributions",
            "page": current,
            "rows": [
                (c, rules.shown(viewer, c), (now - c.recorded_at).days) for c in current.object_list
            ],
        },
    )


def theme_summary(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    rows = actions.theme_counts(project, timezone.localdate())
    return page(
        request,
        "theme_summary.html",
        {"project": project, "summary": rows, "band_names": BAND_NAMES},
    )


@once
def open_door(request: HttpRequest, organisation_slug: str) -> HttpResponse:
    """Anyone may tell an organisation anything at any time; nothing links it to them."""
    organisation = public_organisation(organisation_slug)
    form = forms.OpenDoorForm(posted(request))
    if request.method == "POST" and form.is_valid():
        actions.record_contribution(
            organisation=organisation,
            channel=ContributionChannel.OPEN_DOOR,
            privacy=Privacy.ANONYMOUS,
            person=None,
            text=form.cleaned_data["text"],
        )
        return redirect("contributions:open-door-thanks", organisation.slug)
    return page(
        request,
        "open_door.html",
        {"organisation": organisation, "public_organisation": organisation, "form": form},
    )


def open_door_thanks(request: HttpRequest, organisation_slug: str) -> HttpResponse:
    organisation = public_organisation(organisation_slug)
    return page(
        request,
        "open_door_thanks.html",
        {"organisation": organisation, "public_organisation": organisation},
    )
