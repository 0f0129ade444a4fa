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
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coproduce.activities.forms import notice_warning
from coproduce.decisions import access, actions, forms, rules, summary
from coproduce.decisions.models import (
    Outcome,
    PositionChannel,
    Proposal,
    ProposalStatus,
    RuleKind,
    Stance,
)
from coproduce.lib import bilingual
from coproduce.lib.once import once
from coproduce.lib.params import row_id
from coproduce.lib.views import posted, render_page
from coproduce.people.access import own_person
from coproduce.people.models import Person
from coproduce.projects.access import project_for
from coproduce.projects.models import Project
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
        "notice_warning": notice_warning,
    }
    return render_page(request, f"decisions/{template}", {**common, **context}, form=form)


def own_person_or_none(request: HttpRequest) -> Person | None:
    try:
        return own_person(request)
    except Http404:
        return None


def closed_message(why: rules.NotOpen) -> str:
    return str(CLOSED_MESSAGES[why])


def rule_said(proposal_or_project: Proposal | Project) -> str:
    project = (
        proposal_or_project.project
        if isinstance(proposal_or_project, Proposal)
        else proposal_or_project
    )
    rule = actions.rule_of(project)
    return rules.rule_description(rule.kind, rule.vote_after_rounds)


def log(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk)
    proposals = (
        access.proposals_for(request, project)
        .select_related("revises")
        .annotate(responses=Count("positions"))
    )
    staff = is_staff(request)
    context = {
        "project": project,
        "proposals": list(proposals),
        "member_count": actions.group_of(project).count(),
        "now": timezone.now(),
        "rule": rule_said(project),
        "staff": staff,
        "short_notice_count": actions.short_notice_counts([project.pk]).get(project.pk, 0)
        if staff
        else 0,
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
            **{name: getattr(revises, name) for name in bilingual.twins(Proposal.TRANSLATED)},
        }
    form = forms.ProposalForm(
        posted(request),
        initial=initial,
        notice_for=lambda deadline: actions.check_deadline_notice(project, deadline),
    )
    if request.method == "POST" and form.is_valid():
        proposer = own_person_or_none(request)
        try:
            proposal = actions.put_proposal(
                user_for(request), project, proposer, form.draft(), revises
            )
        except actions.DeadlinePassed:
            form.add_error("date", _("The deadline must be in the future"))
        except actions.ReasonNeeded:
            form.add_error(
                "short_notice_reason",
                _("Give a reason for the short notice, or choose a later deadline"),
            )
        else:
            messages.success(request, _("Your proposal is put to the group"))
            return redirect("decisions:proposal", proposal.pk)
    context = {"project": project, "revises": revises, "rule": rule_said(project)}
    return page(request, "propose.html", context, form)


@once
def welsh(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the proposal in Welsh (staff: a carer's proposal too)."""
    proposal = access.proposal_for(request, pk, need="edit")
    form = bilingual.WelshForm(posted(request), obj=proposal, fields=Proposal.TRANSLATED)
    if request.method == "POST" and form.is_valid():
        form.save(proposal)
        messages.success(request, _("The Welsh is saved"))
        return redirect("decisions:proposal", proposal.pk)
    back = reverse("decisions:proposal", args=[proposal.pk])
    context = {"section": "projects", "caption": proposal.title, "back_url": back}
    return render_page(request, "bilingual/welsh_form.html", context, form=form)


def proposal_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The proposal, the positions the viewer may see, and their own position's form."""
    proposal = access.proposal_for(request, pk)
    staff, now = is_staff(request), timezone.now()
    seen = summary.for_viewer(proposal, staff, own_person_or_none(request), now)
    form = None
    current = seen.your_position.stance if seen.your_position is not None else None
    withdrawing = rules.may_withdraw_block(proposal, now, current)
    if seen.me is not None and (seen.closed is None or withdrawing):
        initial = {} if withdrawing else summary.initial_position(seen.your_position)
        form = forms.PositionForm(
            posted(request),
            initial=initial,
            allow_anonymous=proposal.allow_anonymous_positions,
            withdrawing=withdrawing,
        )
    if request.method == "POST":
        if seen.me is None:
            raise PermissionDenied("Only members of the group give a position")
        if form is None or form.is_valid():
            return give_position(request, proposal, seen.me, form)
    context = {
        "proposal": proposal,
        "seen": seen,
        "staff": staff,
        "rule": rule_said(proposal),
        "withdrawing": withdrawing,
        "blocks_stand": seen.closed == rules.NotOpen.DEADLINE_PASSED
        and any(s.stance == Stance.BLOCK for s in seen.shown),
    }
    return page(request, "proposal.html", context, form)


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
        if rules.why_closed(proposal, timezone.now()) is not None:
            messages.success(request, _("Your block is withdrawn and your position is recorded"))
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
    # After the deadline, staff may still record a member withdrawing their block.
    blockers = summary.blocking_members(proposal) if why == rules.NotOpen.DEADLINE_PASSED else []
    if why is not None and not blockers:
        messages.error(request, closed_message(why))
        return redirect("decisions:proposal", proposal.pk)
    form = forms.RecordPositionForm(
        posted(request),
        members=blockers or summary.member_choices(proposal),
        allow_anonymous=proposal.allow_anonymous_positions,
        withdrawing=bool(blockers),
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
    context = {
        "proposal": proposal,
        "channels": dict(PositionChannel.choices),
        "withdrawing": bool(blockers),
    }
    return page(request, "record.html", context, form)


def outcome(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff record what the group decided, starting from a summary of every position."""
    proposal = access.proposal_for(request, pk, need="edit")
    now = timezone.now()
    seen = summary.for_viewer(proposal, True, own_person_or_none(request), now)
    if not rules.may_record_outcome(proposal, now, seen.member_count, seen.responded):
        messages.error(request, outcome_not_yet(proposal, seen.member_count - seen.responded))
        return redirect("decisions:proposal", proposal.pk)
    rule = actions.rule_of(proposal.project)
    stances = [s.stance for s in seen.shown]

    def problem_for(chosen: str, block_reason: str) -> str | None:
        args = (chosen, stances, rule.kind, rule.vote_after_rounds, proposal.round)
        return rules.outcome_problem(*args, block_reason)

    form = forms.OutcomeForm(
        posted(request), initial=summary.initial_outcome(seen, rule), problem_for=problem_for
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_outcome(
                user_for(request),
                proposal,
                Outcome(form.cleaned_data["outcome"]),
                form.cleaned_data["statement"],
                form.cleaned_data["block_reason"],
            )
        except actions.NotYet:
            messages.error(request, _("The outcome has already been recorded"))
        except actions.BlockStands as stands:
            form.add_error("block_reason", str(stands))
            return outcome_page(request, proposal, seen, form)
        else:
            messages.success(request, _("The outcome is recorded and the group is being told"))
        return redirect("decisions:proposal", proposal.pk)
    return outcome_page(request, proposal, seen, form)


def outcome_page(
    request: HttpRequest, proposal: Proposal, seen: summary.Seen, form: forms.OutcomeForm
) -> HttpResponse:
    rule = actions.rule_of(proposal.project)
    blocks = sum(1 for s in seen.shown if s.stance == Stance.BLOCK)
    context = {
        "proposal": proposal,
        "seen": seen,
        "rule": rule_said(proposal),
        "blocks": blocks,
        "blocks_beyond_rule": blocks > rules.blocks_allowed(rule.kind),
    }
    return page(request, "outcome.html", context, form)


def decision_rule(request: HttpRequest, project_pk: int) -> HttpResponse:
    """Staff choose how the group decides; every proposal page shows it."""
    project = project_for(request, project_pk, need="edit")
    rule = actions.rule_of(project)
    initial = {"kind": rule.kind, "vote_after_rounds": rule.vote_after_rounds}
    form = forms.RuleForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        kind = RuleKind(form.cleaned_data["kind"])
        actions.set_rule(user_for(request), project, kind, form.rounds(rule.vote_after_rounds))
        messages.success(request, _("The group's decision rule is saved"))
        return redirect("decisions:log", project.pk)
    return page(request, "rule.html", {"project": project, "rule": rule_said(project)}, form)


def outcome_not_yet(proposal: Proposal, waiting: int) -> str:
    if proposal.status == ProposalStatus.CLOSED:
        return _("The outcome has already been recorded")
    return ngettext(
        "The outcome can be recorded after the deadline, or once everyone has responded: %(num)s member has not yet.",
        "The outcome can be recorded after the deadline, or once everyone has responded: %(num)s members have not yet.",
        waiting,
    ) % {"num": waiting}
