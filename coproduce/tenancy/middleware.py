"""Attach the signed-in user's current membership (organisation and role) to the request."""

from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse

from coproduce.tenancy.models import Membership

SESSION_KEY = "organisation_id"


def current_membership(request: HttpRequest) -> Membership | None:
    """The membership the user is acting under: the one chosen in the session, else the first.

    One query; the person's preferred language comes along as `language` so pages can
    be shown in it without another query.
    """
    if not request.user.is_authenticated:
        return None
    from coproduce.people.models import Person

    language = Person.objects.filter(
        organisation=OuterRef("organisation"), user=OuterRef("user")
    ).values("preferred_language")[:1]
    memberships = (
        Membership.objects.filter(user_id=request.user.pk)
        .select_related("organisation")
        .annotate(language=Subquery(language))
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
        from coproduce.tenancy.access import SignInRequired

        if isinstance(exception, SignInRequired):
            return redirect_to_login(request.get_full_path())
        return None
