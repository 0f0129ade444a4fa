"""Invitation pages: staff invite and keep track; people reply (signed in, or through the
signed link in their message), add the event to their calendar, check in and follow up."""

from typing import Any

from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coproduce.accounts.models import User
from coproduce.activities import access, calendar
from coproduce.activities import invitation_actions as actions
from coproduce.activities import invitation_rules as rules
from coproduce.activities.invitation_forms import (
    CheckInForm,
    FollowUpForm,
    InviteForm,
    PreviewForm,
    RegisterForm,
    ReplyForm,
    SupportForm,
)
from coproduce.activities.models import Activity, ActivityStatus, Invitation, Reply
from coproduce.lib.once import once
from coproduce.lib.views import posted, render_page
from coproduce.people.models import Channel
from coproduce.tenancy.access import user_for

REPLY_ORDER = Case(
    When(reply=Reply.COMING, then=Value(0)),
    When(reply=Reply.WAITING_LIST, then=Value(1)),
    When(reply=Reply.ANOTHER_WAY, then=Value(2)),
    When(reply=Reply.WAITING, then=Value(3)),
    default=Value(4),
    output_field=IntegerField(),
)


def _staff_page(activity: Activity, **context: Any) -> dict[str, Any]:
    return {"activity": activity, "section": "projects", **context}


# --- Staff: invite, follow replies, arrange support, take the register --------------------


def invite(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_for(request, pk, "edit")
    scheduled = activity.status == ActivityStatus.SCHEDULED and activity.starts_at is not None
    people = list(actions.group_members(activity).select_related("carer_profile"))
    form = InviteForm(posted(request), people=people)
    if scheduled and request.method == "POST" and form.is_valid():
        invited = actions.invite(activity, form.chosen())
        messages.success(
            request,
            ngettext(
                "Invitation sent to %(count)s person",
                "Invitations sent to %(count)s people",
                len(invited),
            )
            % {"count": len(invited)},
        )
        return redirect("activities:invitations", activity.pk)
    # Before sending: whoever the time does not suit, by what they told us, and why.
    outside = [
        (person, reason)
        for person in (people if scheduled else [])
        if (reason := rules.outside_availability_of(activity, person)) is not None
    ]
    context = _staff_page(activity, form=form, scheduled=scheduled, outside=outside)
    unscheduled = request.method == "POST" and not scheduled
    return render_page(
        request, "activities/invitation_invite.html", context, form=form, bad=unscheduled
    )


def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff: the invitation as one chosen person would get it, by each channel, in their
    language. A GET form: it sends nothing and stores no message."""
    activity = access.activity_for(request, pk, "edit")
    form = PreviewForm(request.GET or None, people=list(actions.group_members(activity)))
    previews = actions.preview_invitation(activity, form.chosen()) if form.is_valid() else []
    context = _staff_page(activity, form=form, previews=previews, channel=Channel)
    return render_page(request, "activities/invitation_preview.html", context, form=form)


def invitations(request: HttpRequest, pk: int) -> HttpResponse:
    """Everyone invited, their reply and needs, and who must be phoned or written to.

    Three queries after sign-in, however many are invited."""
    activity = access.activity_for(request, pk, "edit")
    rows = list(
        activity.invitations.select_related("person")
        .annotate(reply_order=REPLY_ORDER)
        .order_by("reply_order", "waiting_since", "person__full_name", "pk")
    )
    unsent = list(actions.messages_not_sent(activity).select_related("person").order_by("pk"))
    counts = {reply: sum(1 for r in rows if r.reply == reply) for reply in Reply.values}
    register_open = rules.register_closed_because(activity, timezone.now()) is None
    context = _staff_page(
        activity, rows=rows, unsent=unsent, counts=counts, register_open=register_open
    )
    return render(request, "activities/invitation_list.html", context)


def invitation(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    """One person's invitation: their reply and needs, the support arranged, briefings."""
    activity = access.activity_for(request, pk, "edit")
    invited = access.invitation_of(activity, invitation_pk)
    form = SupportForm(posted(request), instance=invited)
    if request.method == "POST" and form.is_valid():
        actions.record_support(invited, **form.cleaned_data)
        messages.success(request, _("Support arranged saved"))
        return redirect("activities:invitations", activity.pk)
    context = _staff_page(activity, invitation=invited, form=form)
    return render_page(request, "activities/invitation_detail.html", context, form=form)


@require_POST
def record_given(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    """A button: the pre-brief or de-brief was given, or the other way followed up."""
    activity = access.activity_for(request, pk, "edit")
    invited = access.invitation_of(activity, invitation_pk)
    what = request.POST.get("what", "")
    if what not in actions.GIVEN:
        return HttpResponse(status=400)
    actions.record_given(invited, what)
    messages.success(request, _("Recorded for %(name)s") % {"name": invited.person.full_name})
    return redirect("activities:invitation", activity.pk, invited.pk)


@once
def reply_for(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    """Staff record a reply on someone's behalf, after a call or a letter."""
    activity = access.activity_for(request, pk, "edit")
    invited = access.invitation_of(activity, invitation_pk)
    back = reverse("activities:invitation", args=[activity.pk, invited.pk])
    return _reply_page(
        request,
        invited,
        by=user_for(request),
        done=back,
        back=back,
        on_behalf=True,
    )


@once
def register(request: HttpRequest, pk: int) -> HttpResponse:
    """On the day: tick who came and for how long. The register is the evidence for paying
    people for their time, so it is one form for everyone."""
    activity = access.activity_for(request, pk, "edit")
    closed = rules.register_closed_because(activity, timezone.now())
    if closed is not None:
        context = _staff_page(activity, closed=closed, form=None)
        bad = request.method == "POST"
        return render_page(request, "activities/invitation_register.html", context, bad=bad)
    rows = list(
        activity.invitations.select_related("person")
        .annotate(reply_order=REPLY_ORDER)
        .order_by("reply_order", "person__full_name", "pk")
    )
    form = RegisterForm(posted(request), invitations=rows, duration=activity.duration_minutes)
    if request.method == "POST" and form.is_valid():
        came = actions.record_attendance(activity, form.marks())
        messages.success(request, _("Register saved: %(count)s attended") % {"count": came})
        return redirect("activities:register", activity.pk)
    context = _staff_page(activity, form=form)
    return render_page(request, "activities/invitation_register.html", context, form=form)


# --- The person invited: reply, confirmation, check-in ------------------------------------


def _reply_page(
    request: HttpRequest,
    invited: Invitation,
    *,
    by: User | None,
    done: str,
    back: str | None,
    on_behalf: bool = False,
) -> HttpResponse:
    activity = invited.activity
    context: dict[str, Any] = {
        "activity": activity,
        "invitation": invited,
        "back": back,
        "on_behalf": on_behalf,
        "section": "projects" if on_behalf else None,
        "when": rules.when(activity) if activity.starts_at else "",
        "place_lines": rules.place_lines(activity),
        "support_lines": rules.support_lines(activity, invited),
        "access_lines": rules.access_lines(activity),
        "arranged_lines": rules.arranged_lines(activity, invited),
        "agenda_items": list(access.agenda_of(activity)),
    }
    if not rules.can_reply(activity, timezone.now()):
        bad = request.method == "POST"
        return render_page(request, "activities/invitation_closed.html", context, bad=bad)
    form = ReplyForm(posted(request), activity=activity, invitation=invited)
    if request.method == "POST" and form.is_valid():
        actions.record_reply(invited, by=by, **form.reply_details())
        if on_behalf:
            messages.success(
                request, _("Reply recorded for %(name)s") % {"name": invited.person.full_name}
            )
        return redirect(done)
    return render_page(request, "activities/invitation_reply.html", context, form=form)


def _confirmation(request: HttpRequest, invited: Invitation, change: str) -> HttpResponse:
    activity = invited.activity
    context = {
        "activity": activity,
        "invitation": invited,
        "change": change,
        "when": rules.when(activity) if activity.starts_at else "",
        "place_lines": rules.place_lines(activity),
        "support_lines": rules.support_lines(activity, invited),
        "access_lines": rules.access_lines(activity),
        "arranged_lines": rules.arranged_lines(activity, invited),
        "calendar_path": actions.calendar_path(invited),
    }
    return render(request, "activities/invitation_confirmed.html", context)


@once
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    invited = access.own_invitation_for(request, pk)
    done = reverse("activities:reply-done", args=[pk])
    back = reverse("activities:activity", args=[pk])
    return _reply_page(request, invited, by=user_for(request), done=done, back=back)


def reply_done(request: HttpRequest, pk: int) -> HttpResponse:
    invited = access.own_invitation_for(request, pk)
    return _confirmation(request, invited, reverse("activities:reply", args=[pk]))


def _invitation_from_link(token: str) -> Invitation:
    invited = actions.invitation_from_token(token)
    if invited is None:
        raise Http404("This link does not work")
    return invited


@once
def link_reply(request: HttpRequest, token: str) -> HttpResponse:
    """Reply from the link in the invitation: no account needed, the signed link is the key."""
    invited = _invitation_from_link(token)
    done = reverse("activities:invitation-reply-done", args=[token])
    return _reply_page(request, invited, by=None, done=done, back=None)


def link_reply_done(request: HttpRequest, token: str) -> HttpResponse:
    invited = _invitation_from_link(token)
    return _confirmation(request, invited, reverse("activities:invitation-reply", args=[token]))


def calendar_file(request: HttpRequest, token: str) -> HttpResponse:
    """The .ics for calendar apps, which cannot sign in: a link signed for this alone."""
    invited = actions.invitation_from_token(token, salt=actions.CALENDAR_SALT)
    if invited is None or invited.activity.starts_at is None:
        raise Http404("This link does not work")
    response = HttpResponse(
        actions.calendar_file(invited), content_type=calendar.content_type(invited.activity)
    )
    response["Content-Disposition"] = f'attachment; filename="activity-{invited.activity_id}.ics"'
    response["Cache-Control"] = "private, no-cache"
    return response


def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    """On the day, people type the code they are given to say they are here."""
    invited = access.own_invitation_for(request, pk)
    activity = invited.activity
    if not activity.check_in_code:
        raise Http404("This activity has no check-in")
    closed = rules.check_in_closed_because(activity, timezone.now())
    form = CheckInForm(posted(request), expected=activity.check_in_code)
    if closed is not None:
        context = {"activity": activity, "invitation": invited, "form": form, "closed": closed}
        bad = request.method == "POST"
        return render_page(request, "activities/invitation_check_in.html", context, bad=bad)
    if request.method == "POST" and form.is_valid():
        actions.check_in(invited)
        messages.success(request, _("You are checked in. Thank you for coming."))
        return redirect("activities:check-in", pk)
    context = {"activity": activity, "invitation": invited, "form": form}
    return render_page(request, "activities/invitation_check_in.html", context, form=form)


@once
def follow_up(request: HttpRequest, token: str) -> HttpResponse:
    """Answering the reach-out a few days after a meeting: anything to add."""
    invited = _invitation_from_link(token)
    form = FollowUpForm(posted(request))
    context = {"activity": invited.activity, "invitation": invited, "form": form}
    if request.method == "POST" and form.is_valid():
        actions.record_follow_up_reply(invited, form.cleaned_data["text"])
        # A redirect, so a repeat of the post (a refresh, a double click) adds nothing.
        return redirect(f"{request.path}?sent=1")
    if request.method == "GET" and request.GET.get("sent"):
        return render(request, "activities/invitation_follow_up_thanks.html", context)
    return render_page(request, "activities/invitation_follow_up.html", context, form=form)
