"""Attach the signed-in user's current membership (organisation and role) to the request."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from coproduce.tenancy.access import SignInRequired
from coproduce.tenancy.models import Membership

SESSION_KEY = "organisation_id"

# What every request needs beside the membership, brought along in the same query: apps
# above tenancy add an annotation here when they start (people: the person's `language`).
MEMBERSHIP_ANNOTATIONS: dict[str, Callable[[], Any]] = {}


def annotate_membership(name: str, expression: Callable[[], Any]) -> None:
    MEMBERSHIP_ANNOTATIONS[name] = expression


def current_membership(request: HttpRequest) -> Membership | None:
    """The membership the user is acting under: the one chosen in the session, else the first.

    One query; what other apps registered comes along (the person's preferred language as
    `language`, so pages can be shown in it without another query).
    """
    if not request.user.is_authenticated:
        return None
    annotations = {name: expression() for name, expression in MEMBERSHIP_ANNOTATIONS.items()}
    memberships = (
        Membership.objects.filter(user_id=request.user.pk)
        .select_related("organisation")
        .annotate(**annotations)
        .order_by("organisation__name", "pk")
    )
    chosen = request.session.get(SESSION_KEY)
    if chosen is not None:
        membership = memberships.filter(organisation_id=chosen).first()
        if membership is not None:
            return membership
    return memberships.first()


class TenancyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.membership = current_membership(request)  # type: ignore[attr-defined]
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, SignInRequired):
            return redirect_to_login(request.get_full_path())
        return None
