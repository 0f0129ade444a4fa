"""A carer's claims (or staff acting for them): see, fill in, choose how to be paid, send."""

from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coproduce.lib.once import once
from coproduce.lib.uploads import file_response
from coproduce.lib.views import posted, render_page
from coproduce.payments import access, actions, approval_actions, benefit_actions, forms, rules
from coproduce.payments.models import (
    TIME_KINDS,
    BenefitChoice,
    Claim,
    LineKind,
    Method,
    Status,
    TravelMode,
)
from coproduce.people.access import own_person
from coproduce.projects.models import BudgetKind
from coproduce.tenancy.access import (
    is_admin,
    is_staff,
    user_for,
)

STATUS_TAGS = {
    Status.DRAFT: "govuk-tag--grey",
    Status.SUBMITTED: "govuk-tag--blue",
    Status.QUERIED: "govuk-tag--orange",
    Status.APPROVED: "govuk-tag--turquoise",
    Status.PAID: "govuk-tag--green",
}
COMMON = {
    "status_tags": STATUS_TAGS,
    "section": "payments",
    "budget_kind_names": dict(BudgetKind.choices),
    "method_names": dict(Method.choices),
}
ADVICE_URL = "https://www.gov.uk/carers-allowance/eligibility"


def page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    form: BaseForm | None = None,
    *,
    bad: bool = False,
) -> HttpResponse:
    """A payments page; 400 when its form came back with errors or the request was `bad`."""
    return render_page(request, f"payments/{template}", {**COMMON, **context}, form=form, bad=bad)


def claims(request: HttpRequest) -> HttpResponse:
    """Your claims; a POST drafts anything new to claim from your projects."""
    person = own_person(request)
    if request.method == "POST":
        drafted = sum(
            actions.draft_claims(project, user_for(request), person).lines
            for project in access.projects_to_claim_from(person)
        )
        messages.success(
            request,
            ngettext("%(num)s new thing to claim", "%(num)s new things to claim", drafted)
            % {"num": drafted}
            if drafted
            else _("There is nothing new to claim"),
        )
        # One claim to finish (the usual case after a meeting): go straight to it.
        drafts = list(
            access.claims_for(request)
            .filter(person=person, status__in=[Status.DRAFT, Status.QUERIED])
            .values_list("pk", flat=True)[:2]
        )
        if len(drafts) == 1:
            return redirect("payments:claim", drafts[0])
        return redirect("payments:claims")
    own = list(
        access.claims_for(request)
        .filter(person=person)
        .select_related("project", "payment")
        .prefetch_related("lines")
    )
    years = sorted(
        {
            rules.tax_year_of(c.payment.paid_on)
            for c in own
            if c.status == Status.PAID and c.payment.paid_on
        },
        reverse=True,
    )
    context = {"claims": own, "person": person, "statement_years": years}
    return page(request, "claims.html", context)


def _offered(claim: Claim) -> list[str]:
    """The payment methods offered by the rates in force today (all, if there are none)."""
    policy = rules.in_force(actions.policies_of(claim.organisation_id), timezone.localdate())
    return policy.methods if policy and policy.methods else [m.value for m in Method]


def claim(request: HttpRequest, claim_pk: int) -> HttpResponse:
    return claim_page(request, access.claim_for(request, claim_pk))


def _method_form(request: HttpRequest, claim: Claim, data: Any = None) -> forms.MethodForm | None:
    """How to be paid, asked on the claim itself when it has not been chosen yet (so the
    carer sends the claim from one page); None once it has, or when it cannot change."""
    if claim.method or not rules.may_edit(claim.status):
        return None
    initial = {"voucher_send_to": claim.person.email}
    return forms.MethodForm(data, initial=initial, offered=_offered(claim))


def claim_page(
    request: HttpRequest,
    claim: Claim,
    errors: list[tuple[str, str]] | None = None,
    method_form: forms.MethodForm | None = None,
) -> HttpResponse:
    """The claim; after a refused send, with a GOV.UK error summary of what to do:
    `errors` are (message, the id of the place on the page to go to). Without a payment
    method yet, the send form asks for one (`method_form`, bound after a refused send)."""
    method_form = method_form or _method_form(request, claim)
    lines = list(claim.lines.select_related("activity"))
    problems = approval_actions.submission_problems(claim, lines)
    if method_form is not None:  # asked right here, so not a thing to do elsewhere
        problems = [p for p in problems if p != str(approval_actions.NO_METHOD_YET)]
    amounts = [rules.LineAmount(line.kind, line.amount) for line in lines]
    context = {
        "claim": claim,
        "lines": lines,
        "total": rules.payable(amounts, expenses_only=claim.expenses_only, method=claim.method),
        "editable": rules.may_edit(claim.status),
        "warnings": benefit_actions.benefit_warnings(claim) if rules.may_edit(claim.status) else [],
        "events": list(claim.events.select_related("by")),
        "payment": getattr(claim, "payment", None),
        "staff": is_staff(request),
        "admin": is_admin(request),
        "advice_url": ADVICE_URL,
        "problems": problems,
        "method_form": method_form,
        "submit_errors": [{"text": text, "href": href} for text, href in errors or []],
    }
    return page(request, "claim.html", context, method_form, bad=bool(errors))


def line(request: HttpRequest, claim_pk: int, claim_line_pk: int) -> HttpResponse:
    claim = access.claim_for(request, claim_pk)
    line = access.claim_line_of(claim, claim_line_pk)
    if not rules.may_edit(claim.status) or line.kind in TIME_KINDS | {LineKind.CANCELLATION}:
        messages.error(request, _("This cannot be changed here"))
        return redirect("payments:claim", claim.pk)
    form: forms.TravelForm | forms.CostForm
    if line.kind == LineKind.TRAVEL:
        fares = line.amount if line.travel_mode == TravelMode.FARES else None
        initial = {"mode": line.travel_mode, "miles": line.miles, "fares": fares}
        form = forms.TravelForm(posted(request), request.FILES or None, initial=initial)
    else:
        initial = {"amount": line.amount, "description": line.description}
        form = forms.CostForm(
            posted(request),
            request.FILES or None,
            initial=initial,
            receipt_needed=line.kind == LineKind.OTHER and not line.receipt,
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if isinstance(form, forms.TravelForm):
            actions.save_travel(line, data["mode"], data["miles"], data["fares"], data["receipt"])
        else:
            actions.save_cost(line, data["amount"], data["description"], data["receipt"])
        return redirect("payments:claim", claim.pk)
    return page(request, "line.html", {"claim": claim, "line": line}, form)


def receipt(request: HttpRequest, claim_pk: int, claim_line_pk: int) -> FileResponse:
    """A receipt, for the carer who gave it and the staff who approve the claim."""
    line = access.receipt_of(request, claim_pk, claim_line_pk)
    return file_response(line.receipt, line.receipt_name)


@once
def add_line(request: HttpRequest, claim_pk: int) -> HttpResponse:
    claim = access.claim_for(request, claim_pk)
    activities = {
        line.activity_id: line.activity for line in claim.lines.select_related("activity")
    }
    form = forms.AddLineForm(
        posted(request), activities=list(activities.values()), staff=is_staff(request)
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_line(
                claim,
                activities[form.cleaned_data["activity"]],
                form.cleaned_data["kind"],
                form.cleaned_data.get("minutes"),
            )
        except actions.ClaimProblem as problem:
            form.add_error(None, str(problem))
        else:
            return redirect("payments:claim", claim.pk)
    return page(request, "add_line.html", {"claim": claim}, form)


def method(request: HttpRequest, claim_pk: int) -> HttpResponse:
    claim = access.claim_for(request, claim_pk)
    if not rules.may_edit(claim.status):
        return redirect("payments:claim", claim.pk)
    initial = {
        name: getattr(claim, name)
        for name in ("method", "account_name", "sort_code", "account_number", "voucher_send_to")
    }
    initial["in_kind_note"] = claim.in_kind_note
    initial["voucher_send_to"] = initial["voucher_send_to"] or claim.person.email
    form = forms.MethodForm(posted(request), initial=initial, offered=_offered(claim))
    if request.method == "POST" and form.is_valid():
        actions.choose_method(claim, user_for(request), form.cleaned_data)
        return redirect("payments:claim", claim.pk)
    return page(request, "method.html", {"claim": claim}, form)


@require_POST
@once
def submit(request: HttpRequest, claim_pk: int) -> HttpResponse:
    claim = access.claim_for(request, claim_pk)
    warned = (
        bool(benefit_actions.benefit_warnings(claim)) if rules.may_edit(claim.status) else False
    )
    form = forms.SubmitForm(request.POST, warned=warned)
    method_form = _method_form(request, claim, request.POST)
    if request.POST.get("choice") in (BenefitChoice.VOUCHER, BenefitChoice.DECLINE):
        method_form = None  # the benefits choice itself says how (or that) to pay
    method_ok = method_form is None or method_form.is_valid()
    if not form.is_valid() or not method_ok:
        # The claim cannot go yet: say everything still to do, not only the first thing,
        # keeping what was typed (the method form's own errors head the summary).
        lines = list(claim.lines.select_related("activity"))
        problems = approval_actions.submission_problems(claim, lines)
        errors = []
        if "choice" in form.errors:
            errors = [(" ".join(str(e) for e in form.errors["choice"]), "#choice")]
        if method_form is not None:
            problems = [p for p in problems if p != str(approval_actions.NO_METHOD_YET)]
        return claim_page(request, claim, errors + [(p, "#send") for p in problems], method_form)
    try:
        if method_form is not None:
            actions.choose_method(claim, user_for(request), method_form.cleaned_data)
        approval_actions.submit(claim, user_for(request), form.cleaned_data["choice"])
    except actions.ClaimProblem as problem:
        return claim_page(request, claim, [(str(problem), "#send")])
    messages.success(request, _("Your claim is sent. We will tell you when it is paid."))
    return redirect("payments:claim", claim.pk)
