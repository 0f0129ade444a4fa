"""Pages every visitor can reach: the start page, statements, and the error pages."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, QuerySet, Window
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from coproduce.accountability.access import public_boards_of
from coproduce.activities.access import (
    at_risk_of_short_notice,
    needs_to_arrange,
    own_invitations,
    own_time_polls,
)
from coproduce.activities.models import ActivityStatus
from coproduce.activities.rules import notice_days
from coproduce.breaks.access import pays_for_a_scheme, practices_for, referrals_waiting
from coproduce.contributions.access import waiting_for_response
from coproduce.decisions.access import own_proposals_waiting
from coproduce.evaluation.access import published_reviews_of
from coproduce.lib import health as lib_health
from coproduce.notifications.access import messages_not_delivered
from coproduce.pages import translations
from coproduce.payments.access import claims_to_approve
from coproduce.projects.access import projects_for
from coproduce.recruitment.access import expressions_to_screen, open_briefs_of
from coproduce.selfassessment import access as self_assessment
from coproduce.surveys.access import open_public_surveys_of, published_results_of
from coproduce.tenancy.access import (
    is_staff,
    memberships_for,
    public_organisation,
    public_organisations,
    require_staff,
)
from coproduce.tenancy.models import Role

UPCOMING_SHOWN = 10  # the next few; the projects pages list the rest
DIRECTORY_PAGE_SIZE = 25
# However much an organisation has open, its front door shows this many of each kind,
# newest first, so the page stays short and its queries few.
FRONT_DOOR_SHOWN = 20
WAITING_SHOWN = 5  # of each kind of work waiting for staff; its own page lists the rest


@dataclass(frozen=True)
class Waiting:
    """How much of one kind of work is waiting, and the first few (a count, then the first
    few when there are any: at most two queries, whatever the size)."""

    count: int
    first: list[Any]

    @property
    def more(self) -> int:
        return self.count - len(self.first)


def waiting(rows: "QuerySet[Any]") -> Waiting:
    """The first few rows and how many there are in one query (COUNT(*) OVER (), counted
    before the LIMIT); a DISTINCT query counts in a query of its own."""
    if rows.query.distinct:
        count = rows.count()
        return Waiting(count, list(rows[:WAITING_SHOWN]) if count else [])
    first = list(rows.annotate(waiting_total=Window(Count("pk")))[:WAITING_SHOWN])
    return Waiting(first[0].waiting_total if first else 0, first)


def staff_today(request: HttpRequest, runs_breaks: bool) -> dict[str, Waiting | None]:
    """What is waiting for staff across the projects they reach, each kind from its own
    app's door, most pressing first within each kind."""
    return {
        "contributions": waiting(waiting_for_response(request)),
        "needs": waiting(needs_to_arrange(request)),
        "short_notice": waiting(at_risk_of_short_notice(request)),
        "claims": waiting(claims_to_approve(request)),
        "expressions": waiting(expressions_to_screen(request)),
        "referrals": waiting(referrals_waiting(request)) if runs_breaks else None,
        "messages": waiting(messages_not_delivered(request)),
    }


def home(request: HttpRequest) -> HttpResponse:
    membership = getattr(request, "membership", None)
    if membership is None:
        context: dict[str, object] = {"membership": None}
        if not request.user.is_authenticated:
            organisations = Paginator(public_organisations(), DIRECTORY_PAGE_SIZE)
            context["directory"] = organisations.get_page(request.GET.get("page"))
        return render(request, "pages/home.html", context)
    staff = is_staff(request)
    runs_breaks = staff and pays_for_a_scheme(request)
    now = timezone.now()
    context = {
        "membership": membership,
        "several": memberships_for(request).count() > 1,
        "refers_for_breaks": list(practices_for(request)),
        "runs_breaks": runs_breaks,
        "today": staff_today(request, runs_breaks) if staff else None,
        "now": now,
        "notice_days": notice_days,
        "invitations": (
            list(
                own_invitations(request)
                .filter(
                    activity__status=ActivityStatus.SCHEDULED,
                    activity__starts_at__gt=now,
                )
                .select_related("activity")
                .order_by("activity__starts_at", "pk")[:UPCOMING_SHOWN]
            )
            if membership.role == Role.CARER
            else []
        ),
        "time_polls": (
            list(own_time_polls(request)[:UPCOMING_SHOWN]) if membership.role == Role.CARER else []
        ),
        "self_assessment": (
            self_assessment.open_round_of(request) if membership.role == Role.CARER else None
        ),
        "proposals": (
            list(
                own_proposals_waiting(request)
                .select_related("project")
                .order_by("deadline", "pk")[:UPCOMING_SHOWN]
            )
            if membership.role == Role.CARER
            else []
        ),
    }
    return render(request, "pages/home.html", context)


def front_door(request: HttpRequest, organisation_slug: str) -> HttpResponse:
    """An organisation's public page: what is open to join or answer, what changed because
    of what people said, and how to reach it. Only what is already public is shown."""
    organisation = public_organisation(organisation_slug)
    now = timezone.now()
    shown = FRONT_DOOR_SHOWN
    membership = getattr(request, "membership", None)
    context = {
        "organisation": organisation,
        "public_organisation": organisation,
        "briefs": list(open_briefs_of(organisation, timezone.localdate(now))[:shown]),
        "surveys": list(open_public_surveys_of(organisation, now).order_by("-pk")[:shown]),
        "boards": list(public_boards_of(organisation).order_by("-project_id")[:shown]),
        "results": list(published_results_of(organisation).order_by("-pk")[:shown]),
        "reviews": list(published_reviews_of(organisation)[:shown]),
        "its_admin": membership is not None
        and membership.organisation_id == organisation.pk
        and membership.role == Role.ADMIN,
    }
    return render(request, "pages/front_door.html", context)


def welsh_to_write(request: HttpRequest) -> HttpResponse:
    """Staff: the published or open items of their projects with no Welsh yet."""
    require_staff(request)
    now = timezone.now()
    kinds = translations.to_translate(
        projects_for(request, need="edit"), timezone.localdate(now), now
    )
    context = {"kinds": kinds, "section": "projects"}
    return render(request, "pages/welsh_to_write.html", context)


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


def ping(request: HttpRequest) -> HttpResponse:
    """Alive: the smallest answer the whole middleware stack gives (no database, no
    template). Load balancers ask it; the load harness measures it as its ceiling."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def health(request: HttpRequest) -> JsonResponse:
    """For a load balancer or a monitor: 200 while the database and the shared cache
    answer, 503 when either fails; with how long the oldest due task has waited for a
    worker (coproduce/lib/health.py). Nothing in it is about anyone."""
    found = lib_health.check()
    response = JsonResponse(found.as_dict(), status=200 if found.serving else 503)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "pages/400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "pages/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "pages/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No database, no request context: the simplest page that can still be shown.
    return render(request, "pages/500.html", status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "pages/csrf.html", status=403)
