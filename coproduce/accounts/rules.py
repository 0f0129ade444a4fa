"""Pure decisions about signing in."""

from django.utils.http import url_has_allowed_host_and_scheme

from coproduce.tenancy.models import STAFF_ROLES, Membership


def needs_two_factor(memberships: list[Membership]) -> bool:
    """Staff roles (admin, coordinator) in any organisation must use a second factor."""
    return any(m.role in STAFF_ROLES for m in memberships)


def safe_next(next_url: str | None, host: str, fallback: str) -> str:
    """Only ever redirect back into this site."""
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={host}):
        return next_url
    return fallback
