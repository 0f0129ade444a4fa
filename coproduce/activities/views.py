"""Activity pages: the project's list, planning, the activity, moving, cancelling and
finding a time. Staff plan and change; the group sees and says when they can come."""

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coproduce.activities import access, actions, forms, invitation_rules, rules
from coproduce.activities.models import Activity, ActivityStatus, LeadRole, OtherWay
from coproduce.jinja2 import localdatetime
from coproduce.lib import bilingual
from coproduce.lib.once import once
from coproduce.lib.params import row_id
from coproduce.lib.views import posted, render_page
from coproduce.people.access import names_of_users, own_person
from coproduce.people.models import AccessNeed, Availability, Person
from coproduce.projects.access import project_for
from coproduce.tenancy.access import Need, is_staff, user_for

STATUS_TAGS = {
    ActivityStatus.FINDING_A_TIME: "govuk-tag--yellow",
    ActivityStatus.SCHEDULED: "govuk-tag--blue",
    ActivityStatus.CANCELLED: "govuk-tag--red",
}
OTHER_WAY_NAMES = dict(OtherWay.choices)
COMMON = {
    "section": "projects",
    "status_tags": STATUS_TAGS,
    "notice_warning": forms.notice_warning,
    "answer_value": forms.answer_value,
    "lead_role_names": dict(LeadRole.choices),
    "access_need_names": dict(AccessNeed.choices),
    "availability_names": dict(Availability.choices),
    "left_out_because": rules.LeftOutBecause,
    "duration": invitation_rules.duration,
}


def page(
    request: HttpRequest, template: str, context: dict[str, Any], form: BaseForm | None = None
) -> HttpResponse:
    """Render an activities page; 400 when its form came back with errors."""
    return render_page(request, f"activities/{template}", {**COMMON, **context}, form=form)


PAST_PER_PAGE = 20


def project_list(request: HttpRequest, project_pk: int) -> HttpResponse:
    """What is coming up (all of it: plans are few) and a page of what has ended."""
    project = project_for(request, project_pk)
    staff = is_staff(request)
    activities = access.with_short_notice(access.activities_for(request, project))
    coming, ended = access.split_by_time(activities, timezone.now())
    coming_rows = list(coming)
    context = {
        "project": project,
        "staff": staff,
        "finding": [a for a in coming_rows if a.status == ActivityStatus.FINDING_A_TIME],
        "upcoming": [a for a in coming_rows if a.starts_at is not None],
        "past": Paginator(ended, PAST_PER_PAGE).get_page(request.GET.get("page")),
        "short_notice_count": actions.short_notice_count(project) if staff else 0,
    }
    return page(request, "project_list.html", context)


def plan(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_for(request, project_pk, need="edit")
    form = forms.PlanForm(
        posted(request),
        lead_candidates=actions.lead_candidates(project),
        notice_for=lambda starts_at: actions.check_project_notice(project, starts_at),
    )
    if request.method == "POST" and form.is_valid():
        starts_at = form.cleaned_data.get("starts_at")
        when = None
        if starts_at is not None:
            when = actions.PlannedTime(starts_at, form.cleaned_data["reason"])
        activity = actions.plan_activity(
            user_for(request), project, form.details(), form.leads(), when
        )
        messages.success(request, _("%(title)s is planned") % {"title": activity.title})
        return redirect("activities:activity", activity.pk)
    return page(request, "plan.html", {"project": project}, form)


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_for(request, pk)
    staff = is_staff(request)
    now = timezone.now()
    context: dict[str, Any] = {
        "activity": activity,
        "project": activity.project,
        "staff": staff,
        "leads": list(activity.leads.select_related("person")),
        "other_ways": [str(OTHER_WAY_NAMES.get(w, w)) for w in activity.other_ways],
        "reminders": [
            ngettext("%(days)s day before", "%(days)s days before", d) % {"days": d}
            for d in activity.reminder_days
        ],
        "changes": [],
        "took_place": activity.status == ActivityStatus.SCHEDULED
        and activity.starts_at is not None
        and invitation_rules.ends_at(activity) < now,
        "register_open": invitation_rules.register_closed_because(activity, now) is None,
        "check_in_open": invitation_rules.check_in_closed_because(activity, now) is None,
        "agenda_items": list(access.agenda_of(activity)),
        "agenda_open": rules.agenda_open(activity, now),
    }
    if not staff and (suggester := access.suggester_or_none(request, activity)) is not None:
        context["can_suggest"] = True
        context["own_suggestions"] = list(access.own_suggestions(activity, suggester))
    if staff:
        context["suggestions_waiting"] = access.suggestions_of(activity).count()
        changes = list(activity.changes.all())
        changed_by = {c.changed_by_id for c in changes}
        names = names_of_users(activity.project.organisation_id, changed_by)
        context["changes"] = [(c, names.get(c.changed_by_id, "")) for c in changes]
        people = actions.group_needs(user_for(request), activity)
        # What each person said in their reply (replacement care, travel, other needs)
        # counts as much as their profile: one query however many are invited.
        replies = {i.person_id: i for i in activity.invitations.all()}
        with_needs = [
            (p, getattr(p, "carer_profile", None), replies.get(p.pk))
            for p in people
            if rules.has_needs(getattr(p, "carer_profile", None))
            or rules.reply_has_needs(replies.get(p.pk))
        ]
        context["with_needs"] = with_needs
        context["without_needs"] = len(people) - len(with_needs)
        context["short_notice"] = any(c.short_notice for c in changes)
    return page(request, "activity.html", context)


def move(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_for(request, pk, need="edit")
    if activity.status != ActivityStatus.SCHEDULED:
        messages.error(request, _("Only an activity with a date can be moved"))
        return redirect("activities:activity", activity.pk)
    form = forms.MoveForm(
        posted(request),
        activity=activity,
        notice_for=lambda starts_at: actions.check_notice(activity, starts_at),
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.move_activity(
                user_for(request),
                activity,
                form.cleaned_data["starts_at"],
                form.cleaned_data["reason"],
            )
        except actions.NotNow:
            messages.error(request, _("This activity cannot be moved now"))
        else:
            messages.success(request, _("The activity is moved"))
        return redirect("activities:activity", activity.pk)
    return page(request, "move.html", {"activity": activity}, form)


@once
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_for(request, pk, need="edit")
    if activity.status == ActivityStatus.CANCELLED:
        return redirect("activities:costs", activity.pk)
    invitations = activity.invitations.select_related("person").order_by("person__full_name")
    form = forms.CancelForm(posted(request), invitations=invitations)
    if request.method == "POST" and form.is_valid():
        try:
            actions.cancel_activity(
                user_for(request), activity, form.cleaned_data["reason"], form.costs()
            )
        except actions.NotNow:
            messages.error(request, _("This activity is already cancelled"))
        else:
            messages.success(request, _("The activity is cancelled"))
        return redirect("activities:activity", activity.pk)
    notice = None
    if activity.starts_at is not None:
        notice = actions.check_notice(activity, activity.starts_at)
    return page(request, "cancel.html", {"activity": activity, "notice": notice}, form)


def costs(request: HttpRequest, pk: int) -> HttpResponse:
    """Costs people had already incurred when an activity was cancelled, recorded afterwards."""
    activity = access.activity_for(request, pk, need="edit")
    if activity.status != ActivityStatus.CANCELLED:
        raise Http404("Only a cancelled activity has cancellation costs")
    invitations = activity.invitations.select_related("person").order_by("person__full_name")
    form = forms.CostsForm(posted(request), invitations=invitations)
    if request.method == "POST" and form.is_valid():
        actions.record_cancellation_costs(activity, form.costs())
        messages.success(request, _("The costs are saved"))
        return redirect("activities:activity", activity.pk)
    return page(request, "costs.html", {"activity": activity}, form)


def welsh(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the activity's title and what it is for in Welsh."""
    activity = access.activity_for(request, pk, need="edit")
    form = bilingual.WelshForm(posted(request), obj=activity, fields=Activity.TRANSLATED)
    if request.method == "POST" and form.is_valid():
        form.save(activity)
        messages.success(request, _("The Welsh is saved"))
        return redirect("activities:activity", activity.pk)
    back = reverse("activities:activity", args=[activity.pk])
    context = {**COMMON, "caption": activity.title, "back_url": back}
    return render_page(request, "bilingual/welsh_form.html", context, form=form)


def notes(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_for(request, pk, need="edit")
    form = forms.NotesForm(posted(request), instance=activity)
    if request.method == "POST" and form.is_valid():
        actions.save_agenda_and_notes(
            activity, form.cleaned_data["agenda"], form.cleaned_data["notes"]
        )
        messages.success(request, _("The agenda and notes are saved"))
        return redirect("activities:activity", activity.pk)
    return page(request, "notes.html", {"activity": activity}, form)


# --- Finding a time ------------------------------------------------------------------------


class NotFinding(Exception):
    pass


def finding_activity(request: HttpRequest, pk: int, need: Need = "view") -> Activity:
    """An activity still finding a time; a page for one that has a time goes to the activity."""
    activity = access.activity_for(request, pk, need)
    if activity.status != ActivityStatus.FINDING_A_TIME:
        messages.info(request, _("This activity is no longer finding a time"))
        raise NotFinding(activity.pk)
    return activity


def finding_a_time(
    view: Callable[[HttpRequest, int], HttpResponse],
) -> Callable[[HttpRequest, int], HttpResponse]:
    @functools.wraps(view)
    def wrapped(request: HttpRequest, pk: int) -> HttpResponse:
        try:
            return view(request, pk)
        except NotFinding:
            return redirect("activities:activity", pk)

    return wrapped


@finding_a_time
def times(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff see which time suits most people; members (or staff for them) answer."""
    activity = finding_activity(request, pk)
    staff = is_staff(request)
    chosen = request.POST.get("person") or request.GET.get("person")
    if staff and not chosen:
        ranked = actions.ranked_slots(activity)
        context = {
            "activity": activity,
            "ranked": ranked,
            "nobody": rules.nobody_can_come(ranked),
            "members": list(actions.group_of(activity.project)),
        }
        return page(request, "times.html", context)
    if staff:
        if (chosen_pk := row_id(chosen)) is None:
            raise Http404("No such member")
        person = access.group_member_for(activity, chosen_pk)
    else:
        person = access.group_member_for(activity, own_person(request).pk)
    return answer_times(request, activity, person, staff)


def answer_times(
    request: HttpRequest, activity: Activity, person: Person, staff: bool
) -> HttpResponse:
    # A carer who came from their home page goes back there once they have answered.
    from_home = not staff and request.GET.get("from") == "home"
    slots = list(activity.slots.all())
    answers = actions.slot_answers(activity)
    initial = {
        f"slot_{s.pk}": "yes" if answers[(s.pk, person.pk)] else "no"
        for s in slots
        if (s.pk, person.pk) in answers
    }
    form = forms.AnswerTimesForm(
        posted(request),
        slots=[(s.pk, localdatetime(s.starts_at)) for s in slots],
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        actions.answer_slots(user_for(request), activity, person, form.answers())
        if staff:
            messages.success(
                request, _("%(name)s's answers are saved") % {"name": person.full_name}
            )
            return redirect("activities:times", activity.pk)
        messages.success(request, _("Thank you. We will tell you when the time is chosen."))
        if from_home:
            return redirect("pages:home")
        return redirect("activities:activity", activity.pk)
    context = {
        "activity": activity,
        "person": person,
        "staff": staff,
        "slots": slots,
        "from_home": from_home,
    }
    return page(request, "times_answer.html", context, form)


@finding_a_time
def propose(request: HttpRequest, pk: int) -> HttpResponse:
    activity = finding_activity(request, pk, need="edit")
    form = forms.ProposeTimesForm(posted(request), duration_minutes=activity.duration_minutes)
    if request.method == "POST" and form.is_valid():
        added = actions.propose_slots(activity, form.cleaned_data["times"])
        messages.success(request, _("Times proposed: %(n)s") % {"n": added})
        return redirect("activities:times", activity.pk)
    context = {"activity": activity, "slots": list(activity.slots.all())}
    return page(request, "propose.html", context, form)


@require_POST
@finding_a_time
def remove_time(request: HttpRequest, pk: int) -> HttpResponse:
    activity = finding_activity(request, pk, need="edit")
    slot = row_id(request.POST.get("slot"))
    if slot is not None:
        actions.remove_slot(activity, slot)
        messages.success(request, _("The time is removed"))
    return redirect("activities:propose", activity.pk)


@finding_a_time
def choose(request: HttpRequest, pk: int) -> HttpResponse:
    activity = finding_activity(request, pk, need="edit")
    ranked = actions.ranked_slots(activity)
    labels = [
        (
            r.key,
            _("%(time)s: %(n)s can come") % {"time": localdatetime(r.starts_at), "n": r.count},
            r.starts_at,
        )
        for r in ranked
    ]
    form = forms.ChooseTimeForm(
        posted(request),
        slots=labels,
        notice_for=lambda starts_at: actions.check_notice(activity, starts_at),
    )
    if request.method == "POST" and form.is_valid():
        slot = activity.slots.get(pk=int(form.cleaned_data["slot"]))
        try:
            actions.choose_slot(user_for(request), activity, slot, form.cleaned_data["reason"])
        except actions.NotNow:
            messages.error(request, _("This activity already has a time"))
        else:
            messages.success(request, _("The activity is scheduled"))
        return redirect("activities:activity", activity.pk)
    context = {"activity": activity, "ranked": ranked, "nobody": rules.nobody_can_come(ranked)}
    return page(request, "choose.html", context, form)
