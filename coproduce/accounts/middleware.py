from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation

from coproduce.accounts.rules import two_factor_url
from coproduce.tenancy.models import STAFF_ROLES, Membership

# Pages a signed-in member of staff may reach before their second factor.
OPEN_PREFIXES = ("/sign-in", "/sign-out", "/two-factor", "/language", "/static", "/pages")


class LanguageMiddleware:
    """Show every page in the language the person chose: their record's, else the cookie's.

    Runs after TenancyMiddleware, whose query brings the person's language along.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        membership: Membership | None = getattr(request, "membership", None)
        language = getattr(membership, "language", None) or translation.get_language_from_request(
            request
        )
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        response.headers["Vary"] = ", ".join(
            filter(None, [response.headers.get("Vary"), "Accept-Language", "Cookie"])
        )
        return response


class TwoFactorRequiredMiddleware:
    """Staff must complete a second factor before they reach anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        membership: Membership | None = getattr(request, "membership", None)
        if (
            membership is not None
            and membership.role in STAFF_ROLES
            and not request.user.is_verified()  # type: ignore[union-attr]
            and not request.path.startswith(OPEN_PREFIXES)
        ):
            return redirect(two_factor_url(request.get_full_path()))
        return self.get_response(request)
