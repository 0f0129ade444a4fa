"""Decision pages: the project's decision log, putting a proposal, the proposal with the
group's positions, staff recording a position for a member, and recording the outcome.

What each viewer may see of other people's positions is decided in `rules` only."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coproduce.decisions import access, actions, forms, rules, summary
from coproduce.decisions.models import Outcome, PositionChannel, Proposal, ProposalStatus, Stance
from coproduce.lib.once import once
from coproduce.lib.params import row_id
from coproduce.lib.views import posted, render_page
from coproduce.people.access import own_person
from coproduce.people.models import Person
from coproduce.projects.access import project_for
from coproduce.tenancy.access import is_staff, user_for

STATUS_TAGS = {ProposalStatus.OPEN: "govuk-tag--blue", ProposalStatus.CLOSED: "govuk-tag--grey"}
OUTCOME_TAGS = {
    Outcome.AGREED: "govuk-tag--green",
    Outcome.AGREED_WITH_RESERVATIONS: "govuk-tag--turquoise",
    Outcome.NOT_AGREED: "govuk-tag--red",
    Outcome.REVISED: "govuk-tag--yellow",
}
CLOSED_MESSAGES = {
    rules.NotOpen.DECIDED: gettext_lazy("The group has decided: positions can no longer be given"),
    rules.NotOpen.DEADLINE_PASSED: gettext_lazy(
        "The deadline has passed: positions can no longer be given"
    ),
}


def page(
    request: HttpRequest, template: str, context: dict[str, Any], form: BaseForm | None = None
) -> HttpResponse:
    """Render a decisions page; 400 when its form came back with errors."""
    common = {
        "section": "projects",
        "status_tags": STATUS_TAGS,
        "outcome_tags": OUTCOME_TAGS,
        "stance_names": dict(Stance.choices),
        "outcome_names": dict(Outcome.choices),
    }
    return render_page(request, f"decisions/{template}", {**common, **context}, form=form)


def own_person_or_none(request: HttpRequest) -> Person | None:
    try:
        return own_person(request)
    except Http404:
        return None


def closed_message(why: rules.NotOpen) -> str:
    return str(CLOSED_MESSAGES[why])


def log(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk)
    proposals = (
        access.proposals_for(request, project)
        .select_related("revises")
        .annotate(responses=Count("positions"))
    )
    context = {
        "project": project,
        "proposals": list(proposals),
        "member_count": actions.group_of(project).count(),
        "now": timezone.now(),
    }
    return page(request, "log.html", context)


def propose(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk)
    revises = None
    if (revised_pk := row_id(request.GET.get("revises"))) is not None:
        revises = access.revised_proposal_of(project, revised_pk)
    initial = {}
    if revises is not None:
        initial = {
            "title": revises.title,
            "background": revises.background,
            "options": revises.options,
        }
    form = forms.ProposalForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        proposer = own_person_or_none(request)
        try:
            proposal = actions.put_proposal(
                user_for(request), project, proposer, form.draft(), revises
            )
        except actions.DeadlinePassed:
            form.add_error("date", _("The deadline must be in the future"))
        else:
            messages.success(request, _("Your proposal is put to the group"))
            return redirect("decisions:proposal", proposal.pk)
    return page(request, "propose.html", {"project": project, "revises": revises}, form)


@once
def proposal_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The proposal, the positions the viewer may see, and their own position's form."""
    proposal = access.proposal_for(request, pk)
    staff, now = is_staff(request), timezone.now()
    seen = summary.for_viewer(proposal, staff, own_person_or_none(request), now)
    form = None
    if seen.me is not None and seen.closed is None:
        initial = summary.initial_position(seen.your_position)
        form = forms.PositionForm(
            posted(request), initial=initial, allow_anonymous=proposal.allow_anonymous_positions
        )
    if request.method == "POST":
        if seen.me is None:
            raise PermissionDenied("Only members of the group give a position")
        if form is None or form.is_valid():
            return give_position(request, proposal, seen.me, form)
    return page(
        request, "proposal.html", {"proposal": proposal, "seen": seen, "staff": staff}, form
    )


def give_position(
    request: HttpRequest, proposal: Proposal, me: Person, form: forms.PositionForm | None
) -> HttpResponse:
    try:
        if form is None:
            raise actions.Closed(
                rules.why_closed(proposal, timezone.now()) or rules.NotOpen.DECIDED
            )
        actions.record_position(user_for(request), proposal, me, form.given())
    except actions.Closed as closed:
        messages.error(request, closed_message(closed.why))
    else:
        messages.success(
            request, _("Your position is recorded. You can change it until the deadline.")
        )
    return redirect("decisions:proposal", proposal.pk)


@once
def record(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff record a member's position given by phone, in writing or in the meeting."""
    proposal = access.proposal_for(request, pk, need="edit")
    why = rules.why_closed(proposal, timezone.now())
    if why is not None:
        messages.error(request, closed_message(why))
        return redirect("decisions:proposal", proposal.pk)
    members = summary.member_choices(proposal)
    form = forms.RecordPositionForm(
        posted(request), members=members, allow_anonymous=proposal.allow_anonymous_positions
    )
    if request.method == "POST" and form.is_valid():
        person = access.decision_member_of(proposal, int(form.cleaned_data["person"]))
        try:
            actions.record_position(user_for(request), proposal, person, form.given())
        except actions.Closed as closed:
            messages.error(request, closed_message(closed.why))
        else:
            messages.success(
                request, _("%(name)s's position is recorded") % {"name": person.full_name}
            )
        return redirect("decisions:proposal", proposal.pk)
    context = {"proposal": proposal, "channels": dict(PositionChannel.choices)}
    return page(request, "record.html", context, form)


def outcome(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff record what the group decided, starting from a summary of every position."""
    proposal = access.proposal_for(request, pk, need="edit")
    now = timezone.now()
    seen = summary.for_viewer(proposal, True, own_person_or_none(request), now)
    if not rules.may_record_outcome(proposal, now, seen.member_count, seen.responded):
        messages.error(request, outcome_not_yet(proposal, seen.member_count - seen.responded))
        return redirect("decisions:proposal", proposal.pk)
    form = forms.OutcomeForm(posted(request), initial=summary.initial_outcome(seen))
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_outcome(
                user_for(request),
                proposal,
                Outcome(form.cleaned_data["outcome"]),
                form.cleaned_data["statement"],
            )
        except actions.NotYet:
            messages.error(request, _("The outcome has already been recorded"))
        else:
            messages.success(request, _("The outcome is recorded and the group is being told"))
        return redirect("decisions:proposal", proposal.pk)
    return page(request, "outcome.html", {"proposal": proposal, "seen": seen}, form)


def outcome_not_yet(proposal: Proposal, waiting: int) -> str:
    if proposal.status == ProposalStatus.CLOSED:
        return _("The outcome has already been recorded")
    return ngettext(
        "The outcome can be recorded after the deadline, or once everyone has responded: %(num)s member has not yet.",
        "The outcome can be recorded after the deadline, or once everyone has responded: %(num)s members have not yet.",
        waiting,
    ) % {"num": waiting}
