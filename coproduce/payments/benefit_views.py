"""Benefits a carer receives (kept only with consent) and their annual payments statement."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from coproduce.lib.views import posted
from coproduce.payments import benefit_actions, forms, outputs
from coproduce.payments.claim_views import ADVICE_URL, page
from coproduce.people.access import own_person, person_for
from coproduce.people.models import Person
from coproduce.tenancy.access import user_for


def _benefits_page(request: HttpRequest, person: Person, own: bool) -> HttpResponse:
    user = user_for(request)
    current = benefit_actions.view_benefits(person, user) if request.method == "GET" else None
    initial = {"consent": current is not None, "benefits": current.benefits if current else []}
    form = forms.BenefitsForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        benefit_actions.save_benefits(
            person, user, form.cleaned_data["benefits"], form.cleaned_data["consent"]
        )
        messages.success(request, _("Your answers are saved"))
        if own:
            return redirect("payments:benefits")
        return redirect("payments:person-benefits", person.pk)
    context = {"person": person, "own": own, "advice_url": ADVICE_URL}
    return page(request, "benefits.html", context, form)


def benefits(request: HttpRequest) -> HttpResponse:
    return _benefits_page(request, own_person(request), own=True)


def person_benefits(request: HttpRequest, person_pk: int) -> HttpResponse:
    return _benefits_page(request, person_for(request, person_pk), own=False)


def _statement(request: HttpRequest, person: Person, year: int) -> HttpResponse:
    pdf = outputs.statement_pdf(person, year, user_for(request))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="payments-{year}-{year + 1}.pdf"'
    return response


def statement(request: HttpRequest, year: int) -> HttpResponse:
    return _statement(request, own_person(request), year)


def person_statement(request: HttpRequest, person_pk: int, year: int) -> HttpResponse:
    return _statement(request, person_for(request, person_pk), year)
