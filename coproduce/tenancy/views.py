from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from coproduce.lib.views import posted, render_page
from coproduce.tenancy import actions
from coproduce.tenancy.access import membership_for, memberships_for, own_organisation_to_change
from coproduce.tenancy.forms import ChooseOrganisationForm, ContactDetailsForm
from coproduce.tenancy.middleware import SESSION_KEY


def choose_organisation(request: HttpRequest) -> HttpResponse:
    """For people who belong to more than one organisation: choose which one to act for."""
    memberships = list(memberships_for(request).order_by("organisation__name"))
    current = membership_for(request)
    form = ChooseOrganisationForm(
        memberships, request.POST or None, initial={"organisation": str(current.organisation_id)}
    )
    if request.method == "POST" and form.is_valid():
        request.session[SESSION_KEY] = int(form.cleaned_data["organisation"])
        return redirect("pages:home")
    return render_page(request, "tenancy/choose.html", {}, form=form)


def contact_details(request: HttpRequest) -> HttpResponse:
    """Admins keep how the public and carers reach their organisation up to date."""
    organisation = own_organisation_to_change(request)
    form = ContactDetailsForm(posted(request), instance=organisation)
    if request.method == "POST" and form.is_valid():
        actions.change_contact_details(organisation, form)
        messages.success(request, _("How people reach you is saved"))
        return redirect("pages:front-door", organisation.slug)
    context = {"organisation": organisation}
    return render_page(request, "tenancy/contact_details.html", context, form=form)
