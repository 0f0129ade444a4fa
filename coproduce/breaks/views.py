"""Breaks pages: the referral form for professionals, the queue for the support organisation."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.breaks import access, actions, reports, rules
from coproduce.breaks.forms import (
    REFER_PAGES,
    CarerAnswersForm,
    DecisionForm,
    JoinForm,
    PaymentForm,
    PracticeForm,
    Step,
    WellbeingForm,
    from_session,
    referral_fields,
    steps_for,
    to_session,
)
from coproduce.breaks.models import Practice, Referral, ReferralStatus
from coproduce.lib import exports
from coproduce.lib.once import once
from coproduce.lib.views import posted, render_page
from coproduce.tenancy.access import is_staff, user_for

QUEUE_PAGE = 50
STATUS_COLOURS = {
    ReferralStatus.DRAFT: "govuk-tag--grey",
    ReferralStatus.SUBMITTED: "govuk-tag--yellow",
    ReferralStatus.APPROVED: "govuk-tag--blue",
    ReferralStatus.DECLINED: "govuk-tag--red",
    ReferralStatus.PAID: "govuk-tag--green",
}


def home(request: HttpRequest) -> HttpResponse:
    """What this person can do in the scheme: refer, and see their practice's referrals."""
    practices = list(access.practices_for(request))
    referrals = (
        access.practice_referrals_for(request)
        .select_related("practice")
        .order_by("-created_at")[:50]
    )
    context = {
        "practices": practices,
        "referrals": referrals,
        "section": "breaks",
        "status_colours": STATUS_COLOURS,
        "is_staff": is_staff(request),
    }
    return render(request, "breaks/home.html", context)


# --- The three-minute referral: three pages, answers kept in the session until sent -------


def _referring_practice(request: HttpRequest, pk: int) -> Practice:
    """One of the GP's practices that has joined the scheme (Http404 for anyone else)."""
    practice = access.referring_practice_for(request, pk)
    if not practice.is_signed_up:
        raise Http404("This practice has not joined the scheme yet")
    return practice


def _saved(request: HttpRequest, practice: Practice) -> dict[str, dict[str, Any]]:
    saved: dict[str, dict[str, Any]] = request.session.get(f"breaks.refer.{practice.pk}", {})
    return saved


def refer(request: HttpRequest, practice: int, page: str) -> HttpResponse:
    """One page of the GP's referral. What was typed is kept in the session as each page is
    sent, so Back, Change and a page with a mistake never lose anything."""
    chosen = _referring_practice(request, practice)
    if page not in REFER_PAGES:
        raise Http404("No such page")
    saved = _saved(request, chosen)
    form = REFER_PAGES[page](
        posted(request), initial=from_session(saved.get(page, {})), scheme=chosen.scheme
    )
    pages = list(REFER_PAGES)
    position = pages.index(page)
    if request.method == "POST" and form.is_valid():
        saved[page] = to_session(form.cleaned_data)
        request.session[f"breaks.refer.{chosen.pk}"] = saved
        if request.GET.get("change") or position + 1 == len(pages):
            return redirect("breaks:refer-check", chosen.pk)
        return redirect("breaks:refer", chosen.pk, pages[position + 1])
    back = (
        reverse("breaks:refer", args=[chosen.pk, pages[position - 1]])
        if position
        else reverse("pages:home")
    )
    context = {
        "practice": chosen,
        "page": page,
        "number": position + 1,
        "pages": len(pages),
        "back": back,
        "section": "breaks",
    }
    return render_page(request, "breaks/refer.html", context, form=form)


@once
def refer_check(request: HttpRequest, practice: int) -> HttpResponse:
    """Check your answers, what they mean for eligibility, and send the referral."""
    chosen = _referring_practice(request, practice)
    saved = _saved(request, chosen)
    unanswered = [page for page in REFER_PAGES if page not in saved]
    fields = referral_fields(saved, chosen.scheme)
    if request.method == "POST" and not unanswered:
        referral = actions.refer(chosen, user_for(request), fields)
        del request.session[f"breaks.refer.{chosen.pk}"]
        return redirect("breaks:sent", referral.pk)
    draft = Referral(scheme=chosen.scheme, practice=chosen, **fields)
    context: dict[str, Any] = {
        "practice": chosen,
        "referral": draft,
        "unanswered": unanswered,
        "outcome": rules.evaluate(chosen.scheme.eligibility, draft.answers),
        "questions": chosen.scheme.eligibility["questions"],
        "section": "breaks",
    }
    return render_page(request, "breaks/refer_check.html", context, bad=request.method == "POST")


def sent(request: HttpRequest, pk: int) -> HttpResponse:
    """The confirmation: the referral has gone, and what happens next."""
    referral = access.practice_referral_for(request, pk)
    context = {"referral": referral, "section": "breaks"}
    return render(request, "breaks/sent.html", context)


def _carer_answers(request: HttpRequest, referral: Referral, form: CarerAnswersForm) -> bool:
    """Keep the carer's answers if the form is good; True if kept (or kept before)."""
    if request.method != "POST" or not form.is_valid():
        return False
    fields = {n: form.cleaned_data[n] for n in ("relationship", "break_kind", "break_description")}
    actions.record_carer_answers(referral, fields, form.wellbeing())
    return True


@once
def carer_answers(request: HttpRequest, token: str) -> HttpResponse:
    """The carer's short page, from the link in their message: no account needed, the
    signed link is the key; it works once, and for four weeks."""
    try:
        referral = actions.referral_from_carer_token(token)
    except actions.LinkExpired:
        return render(request, "breaks/carer_answers_done.html", {"expired": True}, status=410)
    if referral is None:
        raise Http404("Not a link we made")
    if not rules.waiting_for_carer(referral.status, referral.break_kind):
        done = {"referral": referral, "closed": not referral.break_kind}
        return render(request, "breaks/carer_answers_done.html", done)
    form = CarerAnswersForm(posted(request))
    if _carer_answers(request, referral, form):
        return redirect("breaks:carer-answers", token)
    context = {"referral": referral, "form": form, "by_phone": False}
    return render_page(request, "breaks/carer_answers.html", context, form=form)


@once
def staff_carer_answers(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff give the carer's answers for them, from a phone call."""
    referral = access.queued_referral_for(request, pk)
    if not rules.waiting_for_carer(referral.status, referral.break_kind):
        return redirect("breaks:process", referral.pk)
    form = CarerAnswersForm(posted(request))
    if _carer_answers(request, referral, form):
        messages.success(request, _("The carer's answers are saved"))
        return redirect("breaks:process", referral.pk)
    context = {"referral": referral, "form": form, "by_phone": True, "section": "queue"}
    return render_page(request, "breaks/carer_answers.html", context, form=form)


# --- Drafts started before the three-minute referral: one question a page ------------


def _next_slug(steps: list[Step], referral: Referral, slug: str) -> str | None:
    slugs = [s.slug for s in steps if s.applies(referral)]
    position = slugs.index(slug) if slug in slugs else -1
    return slugs[position + 1] if position + 1 < len(slugs) else None


def step(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    referral = access.practice_referral_for(request, pk)
    if referral.status != ReferralStatus.DRAFT:
        return redirect("breaks:referral", referral.pk)
    steps = steps_for(referral)
    current = next((s for s in steps if s.slug == slug and s.applies(referral)), None)
    if current is None:
        raise Http404("No such question")
    form = current.form(request.POST or None, initial=current.initial(referral))
    if request.method == "POST" and form.is_valid():
        actions.save_step(referral, current.to_model(form.cleaned_data))
        following = None if request.GET.get("change") else _next_slug(steps, referral, slug)
        if following is None:
            return redirect("breaks:check", referral.pk)
        return redirect("breaks:step", referral.pk, following)
    slugs = [s.slug for s in steps if s.applies(referral)]
    back = (
        reverse("breaks:step", args=[pk, slugs[slugs.index(slug) - 1]])
        if slugs.index(slug)
        else reverse("breaks:home")
    )
    context = {
        "form": form,
        "referral": referral,
        "back": back,
        "section": "breaks",
        "single": len(form.fields) == 1,
    }
    return render_page(request, "breaks/step.html", context, form=form)


@once
def check(request: HttpRequest, pk: int) -> HttpResponse:
    """Check your answers: what the answers imply, and send the referral."""
    referral = access.practice_referral_for(request, pk)
    if referral.status != ReferralStatus.DRAFT:
        return redirect("breaks:referral", referral.pk)
    steps = [s for s in steps_for(referral) if s.applies(referral)]
    unanswered = [s.slug for s in steps if not s.initial(referral)]
    outcome = rules.evaluate(referral.scheme.eligibility, referral.answers)
    if request.method == "POST" and not unanswered:
        wellbeing = referral.answers.get("wellbeing") if referral.wellbeing_consent else None
        actions.submit(referral, wellbeing)
        messages.success(
            request,
            _("Referral sent to %(organisation)s")
            % {"organisation": referral.scheme.payment_organisation.name},
        )
        return redirect("breaks:referral", referral.pk)
    context: dict[str, Any] = {
        "referral": referral,
        "steps": steps,
        "unanswered": unanswered,
        "outcome": outcome,
        "section": "breaks",
        "questions": referral.scheme.eligibility["questions"],
    }
    return render_page(request, "breaks/check.html", context, bad=request.method == "POST")


def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The referrer's view of a sent referral and its outcome."""
    referral = access.practice_referral_for(request, pk)
    return render(request, "breaks/referral.html", {"referral": referral, "section": "breaks"})


def queue(request: HttpRequest) -> HttpResponse:
    """The payment support organisation's queue: waiting first, oldest first, in pages."""
    waiting = (
        access.referral_queue_for(request)
        .filter(status__in=[ReferralStatus.SUBMITTED, ReferralStatus.APPROVED])
        .select_related("practice")
        .order_by("status", "submitted_at", "pk")
    )
    current = Paginator(waiting, QUEUE_PAGE).get_page(request.GET.get("page"))
    return render(request, "breaks/queue.html", {"page": current, "section": "queue"})


def process(request: HttpRequest, pk: int) -> HttpResponse:
    """Check a referral, decide, and record the payment."""
    referral = access.queued_referral_for(request, pk)
    decision = DecisionForm(
        request.POST if request.POST.get("step") == "decide" else None,
        scheme=referral.scheme,
        waiting_for_carer=rules.waiting_for_carer(referral.status, referral.break_kind),
        initial={"amount": referral.scheme.standard_payment},
    )
    payment = PaymentForm(request.POST if request.POST.get("step") == "pay" else None)
    user = user_for(request)
    try:
        if decision.is_bound and decision.is_valid():
            approve = decision.cleaned_data["decision"] == "approve"
            actions.decide(
                referral,
                user,
                approve=approve,
                amount=decision.cleaned_data["amount"],
                reason=decision.cleaned_data["reason"],
            )
            messages.success(request, _("Referral approved") if approve else _("Referral declined"))
            return redirect("breaks:process", pk)
        if payment.is_bound and payment.is_valid():
            actions.record_payment(referral, user, **payment.cleaned_data)
            messages.success(request, _("Payment recorded"))
            return redirect("breaks:process", pk)
    except actions.AlreadyDone:
        messages.error(
            request,
            _("Someone else has already dealt with this referral. Here is where it is now."),
        )
        return redirect("breaks:process", pk)
    context = {
        "referral": referral,
        "decision": decision,
        "payment": payment,
        "form": decision if decision.is_bound else payment,
        "outcome": rules.evaluate(referral.scheme.eligibility, referral.answers),
        "earlier": actions.earlier_breaks(referral),
        "waiting_for_carer": rules.waiting_for_carer(referral.status, referral.break_kind),
        "questions": referral.scheme.eligibility["questions"],
        "section": "queue",
    }
    bad = decision.is_bound or payment.is_bound
    return render_page(request, "breaks/process.html", context, bad=bad)


def schemes(request: HttpRequest) -> HttpResponse:
    """The schemes this organisation takes part in."""
    rows = list(
        access.schemes_for(request).select_related("payment_organisation").order_by("-starts_on")
    )
    return render(request, "breaks/schemes.html", {"schemes": rows, "section": "schemes"})


def report(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = access.scheme_for(request, pk)
    figures = reports.build(scheme)
    peak = max((m.referrals for m in figures.months), default=0)
    context = {"report": figures, "peak": peak, "section": "schemes"}
    return render(request, "breaks/report.html", context)


def report_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """Referrals per month and per practice, for commissioners' own analysis."""
    scheme = access.scheme_for(request, pk)
    return exports.csv_download(
        reports.figures_rows(reports.build(scheme)), f"breaks-scheme-{scheme.pk}.csv"
    )


def wellbeing(request: HttpRequest, token: str) -> HttpResponse:
    """The carer answers the wellbeing questions after their break: no account needed, the
    signed link in their message is the key."""
    referral = actions.referral_from_wellbeing_token(token)
    if referral is None:
        return render(request, "breaks/wellbeing_link_expired.html", status=404)
    form = WellbeingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.record_wellbeing_after_break(referral, form.cleaned_data)
        return render(request, "breaks/wellbeing_thanks.html")
    return render_page(request, "breaks/wellbeing.html", {}, form=form)


# --- Practices: the scheme's staff add and invite them; their professionals join ----------


def _base_url(request: HttpRequest) -> str:
    """This site's address for links in emails: SITE_URL, never the request's Host header
    (which whoever sends the request chooses)."""
    return str(settings.SITE_URL)


def practices(request: HttpRequest, pk: int) -> HttpResponse:
    """The scheme's practices: who has signed up, who has been invited, who not yet.

    Two queries whatever the number of practices: the scheme, then the practices with
    how many professionals each has signed up."""
    scheme = access.scheme_for(request, pk)
    rows = list(scheme.practices.annotate(professionals=Count("members")).order_by("name"))
    context = {
        "scheme": scheme,
        "practices": rows,
        "signed_up": sum(1 for p in rows if p.is_signed_up),
        "section": "schemes",
    }
    return render(request, "breaks/practices.html", context)


def add_practice(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = access.scheme_for(request, pk)
    form = PracticeForm(posted(request), scheme=scheme)
    if request.method == "POST" and form.is_valid():
        try:
            practice = actions.add_practice(scheme, **form.cleaned_data)
        except actions.PracticeCodeTaken:
            form.code_taken()
        else:
            messages.success(
                request,
                _("%(practice)s added. Invite it when you are ready.")
                % {"practice": practice.name},
            )
            return redirect("breaks:practices", scheme.pk)
    context = {"scheme": scheme, "form": form, "section": "schemes"}
    return render_page(request, "breaks/add_practice.html", context, form=form)


def practice(request: HttpRequest, pk: int) -> HttpResponse:
    """One practice: its details, its joining link, and who has signed up to refer."""
    practice = access.scheme_practice_for(request, pk)
    members = access.members_of(practice).order_by("pk")
    join_path = actions.join_link(practice, base_url="")
    context = {
        "practice": practice,
        "scheme": practice.scheme,
        "members": list(members),
        "join_path": join_path,
        "join_url": request.build_absolute_uri(join_path),
        "lifetime": actions.INVITATION_LIFETIME.days,
        "section": "schemes",
    }
    return render(request, "breaks/practice.html", context)


@require_POST
def invite_practice(request: HttpRequest, pk: int) -> HttpResponse:
    """Email the practice its joining link (again, if it was invited before)."""
    practice = access.scheme_practice_for(request, pk)
    try:
        actions.invite_practice(practice, _base_url(request))
    except actions.NoContactEmail:
        messages.error(
            request,
            _("%(practice)s has no contact email address. Give them the joining link yourself.")
            % {"practice": practice.name},
        )
    else:
        messages.success(
            request,
            _("Invitation sent to %(practice)s at %(email)s")
            % {"practice": practice.name, "email": practice.email},
        )
    if request.POST.get("back") == "practice":
        return redirect("breaks:practice", practice.pk)
    return redirect("breaks:practices", practice.scheme_id)


def join(request: HttpRequest, token: str) -> HttpResponse:
    """A professional joins their practice from the link in its invitation: no account
    needed, the signed link is the key. They get a link to choose a password by email."""
    try:
        practice = actions.practice_from_invitation(token)
    except actions.BadInvitation as bad:
        bad_link = {"practice": bad.practice, "days": actions.INVITATION_LIFETIME.days}
        return render(request, "breaks/join_link_bad.html", bad_link, status=404)
    form = JoinForm(posted(request), practice=practice)
    context = {"form": form, "practice": practice, "scheme": practice.scheme}
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            actions.join_practice(
                practice,
                full_name=form.cleaned_data["full_name"],
                email=email,
                job_title=form.cleaned_data["job_title"],
                language=translation.get_language() or "",
                base_url=_base_url(request),
            )
        except actions.AlreadyMember:
            return render(request, "breaks/join_already.html", {**context, "email": email})
        return render(request, "breaks/join_done.html", {**context, "email": email})
    return render_page(request, "breaks/join.html", context, form=form)
