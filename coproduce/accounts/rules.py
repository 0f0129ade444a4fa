"""Pure decisions about signing in."""

from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from coproduce.tenancy.models import STAFF_ROLES, Membership


def needs_two_factor(memberships: list[Membership]) -> bool:
    """Staff roles (admin, coordinator) in any organisation must use a second factor."""
    return any(m.role in STAFF_ROLES for m in memberships)


def safe_next(next_url: str | None, host: str, fallback: str, *, https: bool = False) -> str:
    """Only ever redirect back into this site (the address's query string kept whole); from
    an https page, only to https. Only an address (a path, or a URL on this host): a bare
    word such as "0" is not one, and Django's redirect would try it as a view's name."""
    if not next_url:
        return fallback
    is_address = next_url.startswith("/") or next_url.lower().startswith(("http://", "https://"))
    if is_address and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={host}, require_https=https
    ):
        return next_url
    return fallback


def two_factor_url(next_url: str) -> str:
    """The second-factor page, then `next_url`: encoded, so its own query string (`?a=1&b=2`)
    arrives whole instead of being split into the two-factor page's parameters."""
    return reverse("accounts:two-factor") + "?" + urlencode({"next": next_url})
