"""People pages. Each view serves staff (`pk` given) and the person themselves (`pk=None`)."""

import json
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q, TextChoices
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.audit import actions as audit
from coproduce.audit.models import AuditAction, DataCategory
from coproduce.lib.once import once
from coproduce.lib.pdf import render_pdf
from coproduce.lib.views import render_page
from coproduce.people import access, actions
from coproduce.people import forms as people_forms
from coproduce.people.export import own_data, visible_data
from coproduce.people.information import sections
from coproduce.people.models import (
    AccessNeed,
    Availability,
    Channel,
    Condition,
    ConsentKind,
    Person,
)
from coproduce.people.sections import SECTIONS
from coproduce.tenancy.access import PEOPLE_ROLES, require_role, user_for

PAGE_SIZE = 25
PROFILE_CHOICES = {
    "access": AccessNeed,
    "availability": Availability,
    "condition": Condition,
    "channel": Channel,
    "consent": ConsentKind,
}
VIEWED_ON_PROFILE = [
    DataCategory.CONTACT,
    DataCategory.CARING,
    DataCategory.HEALTH,
    DataCategory.DISABILITY,
]


def labels(choices: type[TextChoices], values: Iterable[str]) -> str:
    """Readable labels for stored choice values, in the active language."""
    names = dict(choices.choices)
    return ", ".join(str(names.get(v, v)) for v in values)


def person_url(name: str, pk: int | None, *args: object) -> str:
    """A link to one of a person's pages: under /you/ for themselves, /people/<pk>/ for staff."""
    if pk is None:
        return reverse(f"people:you-{name}" if name else "people:you", args=args or None)
    return reverse(f"people:person-{name}" if name else "people:person", args=[pk, *args])


def people_list(request: HttpRequest) -> HttpResponse:
    people = access.people_for(request)
    search = people_forms.PeopleSearchForm(request.GET or None)
    if search.is_valid() and (q := search.cleaned_data["q"].strip()):
        people = people.filter(
            Q(full_name__icontains=q) | Q(email__icontains=q) | Q(postcode__icontains=q)
        )
    rows = people.values(
        "pk", "full_name", "postcode", "carer_profile__preferred_channel", "user_id"
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "search": search,
        "section": "people",
        "channel_names": dict(Channel.choices),
    }
    return render(request, "people/list.html", context)


def register(request: HttpRequest) -> HttpResponse:
    membership = require_role(request, PEOPLE_ROLES)
    form = people_forms.RegisterCarerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = actions.register_carer(
            user_for(request), membership.organisation, form.cleaned_data
        )
        messages.success(request, _("%(name)s is registered") % {"name": person.full_name})
        return redirect("people:person", person.pk)
    return render_page(request, "people/register.html", {"section": "people"}, form=form)


def form_page(
    request: HttpRequest,
    template: str,
    form: BaseForm,
    person: Person,
    pk: int | None,
    viewed: Iterable[DataCategory] = (),
    **extra: object,
) -> HttpResponse:
    """Show one of a person's form pages; 400 when it comes back with errors.

    A form filled with special-category data shows it, so opening one is audited too.
    """
    viewed = list(viewed)
    if viewed and request.method == "GET":
        audit.record(
            actor=user_for(request),
            person=person,
            action=AuditAction.VIEWED,
            categories=viewed,
            detail=f"Opened {template.removeprefix('people/').removesuffix('.html')}",
        )
    context = {"person": person, "pk": pk, "section": "you" if pk is None else "people", **extra}
    return render_page(request, template, context, form=form)


def person_detail(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person = access.with_everything(access.subject_for(request, pk))
    audit.record(
        actor=user_for(request),
        person=person,
        action=AuditAction.VIEWED,
        categories=VIEWED_ON_PROFILE,
    )
    context = {
        "choices": PROFILE_CHOICES,
        "labels": labels,
        "person": person,
        "pk": pk,
        "data": own_data(person),
        "section": "you" if pk is None else "people",
        "history": person.audit_events.select_related("actor")[:20] if pk is None else [],
    }
    return render(request, "people/detail.html", context)


def edit_section(request: HttpRequest, section: str, pk: int | None = None) -> HttpResponse:
    spec = SECTIONS.get(section)
    if spec is None:
        raise Http404("No such section")
    person = access.subject_for(request, pk, need="edit")
    instance = getattr(person, "carer_profile", None) if spec.on_profile else person
    if instance is None:
        raise Http404("This person has no carer profile")
    form = spec.form(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        actions.save_profile_section(user_for(request), person, form, spec.categories, spec.slug)
        messages.success(request, _("%(section)s saved") % {"section": spec.title})
        return redirect(person_url("", pk))
    return form_page(
        request, "people/edit_section.html", form, person, pk, spec.categories, spec=spec
    )


def edit_consent(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person = access.subject_for(request, pk, need="edit")
    current = {c.kind: "yes" if c.given else "no" for c in reversed(person.consents.all())}
    form = people_forms.ConsentForm(request.POST or None, initial=current)
    if request.method == "POST" and form.is_valid():
        actions.save_consents(user_for(request), person, form.cleaned_data)
        messages.success(request, _("Your choices about consent are saved"))
        return redirect(person_url("", pk))
    return form_page(request, "people/consent.html", form, person, pk)


@once
def edit_cared_for(
    request: HttpRequest, pk: int | None = None, cared_for_pk: int | None = None
) -> HttpResponse:
    person = access.subject_for(request, pk, need="edit")
    if not hasattr(person, "carer_profile"):
        raise Http404("This person has no carer profile")
    instance = None if cared_for_pk is None else access.cared_for_of(person, cared_for_pk)
    form = people_forms.CaredForForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        actions.save_cared_for(user_for(request), person, form)
        messages.success(request, _("The person you care for is saved"))
        return redirect(person_url("", pk))
    viewed = [DataCategory.CARING, DataCategory.HEALTH] if instance else []
    return form_page(request, "people/cared_for.html", form, person, pk, viewed, cared_for=instance)


@require_POST
def remove_cared_for(
    request: HttpRequest, cared_for_pk: int, pk: int | None = None
) -> HttpResponse:
    person = access.subject_for(request, pk, need="edit")
    cared_for = access.cared_for_of(person, cared_for_pk)
    actions.remove_cared_for(user_for(request), person, cared_for)
    messages.success(request, _("The person you care for is removed"))
    return redirect(person_url("", pk))


@once
def edit_equality(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Equality monitoring. Staff may record answers on someone's behalf but never see them."""
    person = access.subject_for(request, pk, need="edit")
    equality = getattr(person, "equality", None)
    initial = {} if pk is not None or equality is None else {**equality.as_dict(), "consent": "yes"}
    if initial:
        initial["young_carer"] = {True: "yes", False: "no", None: "prefer_not"}[
            initial["young_carer"]
        ]
    form = people_forms.EqualityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.save_equality(user_for(request), person, form.cleaned_data)
        messages.success(request, _("Equality monitoring answers saved"))
        return redirect(person_url("", pk))
    viewed = [DataCategory.ETHNICITY, DataCategory.DISABILITY] if initial else []
    return form_page(request, "people/equality.html", form, person, pk, viewed)


def download(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Everything held about the person, as a machine-readable JSON file."""
    person, data = _everything(request, pk, "JSON file")
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="coproduce-information-{person.pk}.json"'
    )
    return response


def information(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Everything held about the person, as a page they can read."""
    person, data = _everything(request, pk, "")
    context = {
        "person": person,
        "pk": pk,
        "sections": sections(data),
        "section": "you" if pk is None else "people",
    }
    return render(request, "people/information.html", context)


def information_pdf(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The same page as a tagged (accessible) PDF."""
    person, data = _everything(request, pk, "PDF")
    html = render_to_string(
        "people/information_pdf.html",
        {"person": person, "sections": sections(data), "made_on": timezone.localdate()},
    )
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="coproduce-information-{person.pk}.pdf"'
    )
    return response


def _everything(request: HttpRequest, pk: int | None, form: str) -> tuple[Person, dict[str, Any]]:
    """The person, and all that is held about them as the viewer may see it; recorded as
    exported (as a file) or viewed (as the page)."""
    person = access.with_everything(access.subject_for(request, pk))
    audit.record(
        actor=user_for(request),
        person=person,
        action=AuditAction.EXPORTED if form else AuditAction.VIEWED,
        categories=[DataCategory.ALL],
        detail=form and f"Everything held, as a {form}",
    )
    return person, visible_data(person, on_behalf=pk is not None)


@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff give a carer their own sign-in; the carer gets an email to choose a password."""
    person = access.person_for(request, pk, need="edit")
    if person.user_id is not None or not person.email:
        messages.error(
            request, _("To give someone a sign-in they need an email address and no sign-in yet")
        )
        return redirect("people:person", pk)
    # The link is to SITE_URL, never to the Host header the request came with.
    actions.invite_to_sign_in(user_for(request), person, settings.SITE_URL)
    messages.success(
        request,
        _("We have emailed %(email)s a link to choose a password") % {"email": person.email},
    )
    return redirect("people:person", pk)


def request_erasure(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person = access.subject_for(request, pk, need="edit")
    form = people_forms.ErasureRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.request_erasure(user_for(request), person, form.cleaned_data["reason"])
        messages.success(
            request,
            _(
                "The request to delete this information has been sent. An admin will complete it within one month."
            ),
        )
        return redirect(person_url("", pk))
    return form_page(request, "people/request_erasure.html", form, person, pk)


def erasure_requests(request: HttpRequest) -> HttpResponse:
    open_requests = (
        access.erasure_requests_for(request)
        .filter(completed_at=None)
        .values("pk", "requested_at", "person_id", "person__full_name", "reason")
    )
    return render(
        request,
        "people/erasure_requests.html",
        {"requests": list(open_requests[:200]), "section": "erasure"},
    )


def complete_erasure(request: HttpRequest, request_pk: int) -> HttpResponse:
    erasure = access.erasure_request_for(request, request_pk)
    if request.method == "POST":
        if actions.erase_person(user_for(request), erasure):
            messages.success(request, _("The person's information has been erased"))
        return redirect("people:erasure-requests")
    return render(
        request, "people/complete_erasure.html", {"erasure": erasure, "section": "erasure"}
    )
