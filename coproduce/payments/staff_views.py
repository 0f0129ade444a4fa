"""Staff pages: a project's claims and budget, drafting claims, approving or querying,
recording payment, the finance export and the organisation's rates."""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coproduce.lib import exports
from coproduce.lib.views import posted
from coproduce.payments import access, actions, approval_actions, budget, forms, outputs
from coproduce.payments.claim_views import page
from coproduce.payments.models import Claim
from coproduce.projects.access import project_for
from coproduce.tenancy.access import is_admin, membership_for, user_for

CLAIMS_PER_PAGE = 50


def project(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    organisation_id = membership_for(request).organisation_id
    claims = (
        access.claims_for(request)
        .filter(project=project)
        .select_related("person", "payment")
        .order_by("status", "-pk")
    )
    context = {
        "project": project,
        "page": Paginator(claims, CLAIMS_PER_PAGE).get_page(request.GET.get("page")),
        "rows": budget.budget_rows(project),
        # The finance files are an admin's (with bank details); an empty one says so.
        "exportable": is_admin(request),
        "own_project": project.organisation_id == organisation_id,
    }
    return page(request, "project.html", context)


@require_POST
def draft(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    drafted = actions.draft_claims(project, user_for(request))
    messages.success(
        request,
        ngettext("%(num)s new claim line drafted", "%(num)s new claim lines drafted", drafted.lines)
        % {"num": drafted.lines},
    )
    if drafted.without_rates:
        messages.error(request, _("Some activities have no rates for their date: add rates first"))
    return redirect("payments:project", project.pk)


def review(request: HttpRequest, claim_pk: int) -> HttpResponse:
    claim = access.claim_to_review(request, claim_pk)
    form = forms.ReviewForm(posted(request))
    if request.method == "POST" and form.is_valid():
        user = user_for(request)
        try:
            if form.cleaned_data["decision"] == "approve":
                approval_actions.approve(claim, user)
                messages.success(request, _("Claim approved"))
            else:
                approval_actions.query(claim, user, form.cleaned_data["message"].strip())
                messages.success(request, _("Your question is sent"))
        except approval_actions.AlreadyDone:
            messages.error(request, _("Someone else has already dealt with this claim"))
        return redirect("payments:claim", claim.pk)
    return page(request, "review.html", {"claim": claim}, form)


def paid(request: HttpRequest, claim_pk: int) -> HttpResponse:
    claim = access.claim_to_pay(request, claim_pk)
    form = forms.PaidForm(posted(request), initial={"paid_on": datetime.date.today()})
    if request.method == "POST" and form.is_valid():
        try:
            approval_actions.mark_paid(
                claim,
                user_for(request),
                form.cleaned_data["paid_on"],
                form.cleaned_data["reference"],
            )
            messages.success(request, _("Payment recorded; the carer is told"))
        except approval_actions.AlreadyDone:
            messages.error(request, _("This claim is not waiting for payment"))
        return redirect("payments:claim", claim.pk)
    return page(request, "paid.html", {"claim": claim}, form)


def _export(request: HttpRequest, project_pk: int) -> tuple[list[Claim], str]:
    project = access.project_to_export(request, project_pk)
    organisation_id = membership_for(request).organisation_id
    return list(outputs.approved_claims(project, organisation_id)), f"claims-{project.pk}"


def export_csv(request: HttpRequest, project_pk: int) -> HttpResponse:
    claims, name = _export(request, project_pk)
    body = outputs.export_csv(claims, user_for(request))
    return exports.download(body, f"{name}.csv", "text/csv; charset=utf-8")


def export_xlsx(request: HttpRequest, project_pk: int) -> HttpResponse:
    claims, name = _export(request, project_pk)
    body = outputs.export_xlsx(claims, user_for(request))
    return exports.download(body, f"{name}.xlsx", exports.XLSX)


def rates(request: HttpRequest) -> HttpResponse:
    policies = list(access.payment_policies_for(request).select_related("created_by"))
    can_edit = is_admin(request)
    form = forms.PolicyForm(posted(request), initial=forms.policy_initial(policies))
    if request.method == "POST":
        access.payment_policies_for(request, need="edit")
        if form.is_valid():
            membership = membership_for(request)
            try:
                actions.save_policy(membership.organisation, user_for(request), form.cleaned_data)
            except actions.ClaimProblem as problem:
                form.add_error("applies_from", str(problem))
            else:
                messages.success(request, _("The new rates are saved"))
                return redirect("payments:rates")
    return page(request, "rates.html", {"policies": policies, "can_edit": can_edit}, form)
