"""Agenda pages: staff keep the agenda and decide on carers' suggestions; a carer in the
group suggests an item (and may offer to lead it)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.activities import access, rules
from coproduce.activities import agenda_actions as actions
from coproduce.activities import agenda_forms as forms
from coproduce.lib.once import once
from coproduce.lib.params import row_id
from coproduce.lib.views import posted, render_page
from coproduce.tenancy.access import user_for


@once
def agenda(request: HttpRequest, pk: int) -> HttpResponse:
    """The agenda in order, with buttons to move and remove items, the suggestions waiting,
    and a form to add an item. A fixed number of queries, however long the agenda."""
    activity = access.activity_for(request, pk, "edit")
    form = forms.AgendaItemForm(posted(request))
    if request.method == "POST" and form.is_valid():
        actions.add_item(activity, form.cleaned_data["title"], form.cleaned_data["details"])
        messages.success(request, _("The item is on the agenda"))
        return redirect("activities:agenda", activity.pk)
    context = {
        "activity": activity,
        "section": "projects",
        "items": list(access.agenda_of(activity)),
        "suggestions": list(access.suggestions_of(activity)),
    }
    return render_page(request, "activities/agenda.html", context, form=form)


@require_POST
def move_item(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_for(request, pk, "edit")
    item = row_id(request.POST.get("item"))
    if item is not None and actions.move(activity, item, up=request.POST.get("to") == "up"):
        messages.success(request, _("The agenda is reordered"))
    return redirect("activities:agenda", activity.pk)


@require_POST
def remove_item(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_for(request, pk, "edit")
    item = row_id(request.POST.get("item"))
    if item is not None and actions.remove(activity, item):
        messages.success(request, _("The item is taken off the agenda"))
    return redirect("activities:agenda", activity.pk)


@once
def decide(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Put a carer's suggestion on the agenda (led by them, if they asked) or decline it
    with a reason they will see."""
    activity = access.activity_for(request, pk, "edit")
    item = access.suggestion_of(activity, item_pk)
    if item.status != "suggested":
        messages.info(request, _("This suggestion has been decided already"))
        return redirect("activities:agenda", activity.pk)
    form = forms.DecideForm(posted(request), wants_to_lead=item.wants_to_lead)
    if request.method == "POST" and form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            if decision == forms.DECLINE:
                actions.decline(user_for(request), item, form.cleaned_data["reason"].strip())
                messages.success(request, _("The suggestion is declined"))
            else:
                lead = decision == forms.ACCEPT_AND_LEAD
                actions.accept(user_for(request), item, let_them_lead=lead)
                messages.success(request, _("The item is on the agenda"))
        except actions.AlreadyDecided:
            messages.info(request, _("This suggestion has been decided already"))
        return redirect("activities:agenda", activity.pk)
    context = {"activity": activity, "item": item, "section": "projects"}
    return render_page(request, "activities/agenda_decide.html", context, form=form)


@once
def suggest(request: HttpRequest, pk: int) -> HttpResponse:
    """A carer in the group suggests an item for an activity still to come."""
    activity = access.activity_for(request, pk)
    person = access.suggester_for(request, activity)
    if not rules.agenda_open(activity, timezone.now()):
        messages.info(request, _("This activity is over, so its agenda is closed"))
        return redirect("activities:activity", activity.pk)
    form = forms.SuggestForm(posted(request))
    if request.method == "POST" and form.is_valid():
        actions.suggest_item(
            activity,
            person,
            form.cleaned_data["title"],
            form.cleaned_data["details"],
            form.wants_to_lead(),
        )
        messages.success(request, _("Thank you. Your suggestion has gone to the coordinator."))
        return redirect("activities:activity", activity.pk)
    context = {"activity": activity, "section": "projects"}
    return render_page(request, "activities/agenda_suggest.html", context, form=form)
