from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from coproduce.lib.views import render_page
from coproduce.tenancy.access import membership_for, memberships_for
from coproduce.tenancy.forms import ChooseOrganisationForm
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
